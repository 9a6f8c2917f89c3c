/** The calls module's public entry: what other modules, the app and the seed may use. */
export { applicationLifecycle } from './applications.lifecycle';
export { callLifecycle } from './calls.lifecycle';
export { applicationScope } from './calls.policy';
export { callRoutes } from './calls.routes';
export {
  addMaterial,
  addObjection,
  applicantAction,
  createApplication,
  createCall,
  getApplication,
  recordDemoPublicNotice,
  resolveObjection,
  reviewApplication,
  transitionCall,
} from './calls.service';
export { findTodos } from './calls.todos';
