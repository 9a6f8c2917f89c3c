/** The imports module's public entry: what other modules, the app and the seed may use. */
export { importRoutes } from './imports.routes';
