/** The cockpit module's public entry: what other modules, the app and the seed may use. */
export { cockpitRoutes } from './cockpit.routes';
