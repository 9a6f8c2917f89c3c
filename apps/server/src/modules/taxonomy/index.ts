/** The taxonomy module's public entry: what other modules, the app and the seed may use. */
export { taxonomyRoutes } from './taxonomy.routes';
