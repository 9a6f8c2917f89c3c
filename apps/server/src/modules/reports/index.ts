/** The reports module's public entry: what other modules, the app and the seed may use. */
export { reportRoutes } from './reports.routes';
