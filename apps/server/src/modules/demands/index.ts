/** The demands module's public entry: what other modules (challenges, matching, imports, todos …), the app and the seed may use. */
export { demandRoutes } from './demands.routes';
export {
  createDemand,
  createDemandInTx,
  type CreateDemandOptions,
  findDemandByExternalId,
  getDemand,
  transitionDemand,
  updateDemandInTx,
} from './demands.service';
export { findTodos } from './demands.todos';
export { demandColumns, demandFieldColumns, demandInstructions, demandRowInput, demandSheetName } from './demands.workbook';
