/** The evaluations module's public entry: what other modules, the app and the seed may use. */
export { evaluationRoutes } from './evaluations.routes';
export {
  createRound,
  findRounds,
  getRound,
  recordIndicatorFiguresInTx,
  saveFormula,
  transitionRound,
  updateResult,
} from './evaluations.service';
export { findTodos } from './evaluations.todos';
export { defaultFormula } from './evaluations.score';
export { findRectifications, transitionRectification } from './rectifications.service';
