/** The achievements module's public entry: what other modules (demands, imports, todos …), the app and the seed may use. */
export { achievementRoutes, attachmentDisposition } from './achievements.routes';
export {
  createAchievement,
  createAchievementInTx,
  type CreateAchievementOptions,
  findAchievementByExternalId,
  getAchievement,
  transitionAchievement,
  updateAchievementInTx,
} from './achievements.service';
export { findTodos } from './achievements.todos';
export {
  achievementColumns,
  achievementFieldColumns,
  achievementInstructions,
  achievementRowInput,
  achievementSheetName,
  contactFieldLabels,
  splitList,
  type WorkbookColumn,
} from './achievements.workbook';
export {
  allowedPublicationActions,
  canEditInStatus,
  publicationLifecycle,
  publicationMove,
  type PublicationMover,
  statusAfterEdit,
} from './publication.lifecycle';
export {
  canSeePublication,
  isInOwnScope,
  isReviewingStaff,
  listScope,
  moversOf,
  type PublicationFacts,
  publicationVisibility,
} from './publication.policy';
export {
  findPublicationByExternalId,
  findPublicationRows,
  findPublicationsWhere,
  getPublicationRow,
  insertPublication,
  type PublicationRecordRow,
  type PublicationStore,
} from './publication.repository';
export {
  deletePublication,
  findPublicationsForExport,
  findVisiblePublications,
  getVisiblePublication,
  initialPublicationColumns,
  type PublicationKind,
  recordPublicationCreated,
  transitionPublication,
  updatePublicationInTx,
} from './publication.service';
export { findPublicationHistory, labelFacets, ownerTypeOfKind, visibleContact } from './publication.shared';
