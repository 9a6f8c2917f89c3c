/** The matching module's public entry: 智能匹配 and 对接记录 (leads). */
export { matchingRoutes } from './matching.routes';
export { signLeadInTx } from './leads.service';
export { leadLifecycle } from './leads.lifecycle';
