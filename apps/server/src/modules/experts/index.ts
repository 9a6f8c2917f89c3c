/** The experts module's public entry: what other modules, the app and the seed may use. */
export { expertRoutes } from './experts.routes';
export { findTodos } from './experts.todos';
export {
  createExpert,
  declare,
  drawApplicationPanel,
  ensureDefaultRubric,
  findMySeats,
  getRubricForType,
  saveScores,
  conclude,
} from './experts.service';
export { seatLifecycle } from './panels.lifecycle';
