/** The funding module's public entry: what other modules, the app and the seed may use. */
export { fundingRoutes } from './funding.routes';
export {
  createBudgetInTx,
  createGrantInTx,
  createRoundGrantsInTx,
  createSubsidyRuleInTx,
  fileExpenditureInTx,
  findTodos,
  recordPaymentInTx,
  transitionGrantInTx,
} from './funding.service';
