/** The annual-reports module's public entry: what other modules, the app, the jobs and the seed may use. */
export { annualReportRoutes } from './annual-reports.routes';
export {
  annualReportReminders,
  applyAnnualReportMove,
  fillAnnualReportInTx,
  getAnnualReportRowForSystem,
  findTodos,
  getIndicatorForm,
  openReportingYear,
  saveIndicatorForm,
} from './annual-reports.service';
export { annualReportLifecycle } from './annual-reports.lifecycle';
export type { AnnualReportMover } from './annual-reports.lifecycle';
export { defaultIndicatorForm } from './annual-reports.forms';
