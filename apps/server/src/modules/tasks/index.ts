/** The tasks module's public entry: what other modules, the app and the seed may use. */
export { findLeadUnitsOfTargets, insertTaskReport, setTaskStatus } from './tasks.repository';
export { taskRoutes } from './tasks.routes';
export {
  createTaskInTx,
  findAllTasks,
  findTargetIdsLedByActor,
  findTaskTodos,
  findTasksDueWithin,
  getSupervision,
  markLateTasksOverdue,
} from './tasks.service';
export { daysLate } from './tasks.state';
