/** The plans module's public entry: what other modules, the app and the seed may use. */
export { canWritePlan, oversees } from './plans.policy';
export { planRoutes } from './plans.routes';
export { createPlanInTx, getPlan, getVisiblePlanRow, getWritablePlanRow, toPlan, visiblePlansCondition } from './plans.service';
