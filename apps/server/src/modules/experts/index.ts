/** The experts module's public entry: what other modules, the app and the seed may use. */
export { expertRoutes } from './experts.routes';
export { findTodos } from './experts.todos';
export {
  concludeForExpert,
  createExpert,
  declareForExpert,
  drawApplicationPanel,
  ensureDefaultRubric,
  findApplicationPanels,
  getRubricForType,
  saveScoresForExpert,
  updateExpert,
} from './experts.service';
export { seatLifecycle } from './panels.lifecycle';
