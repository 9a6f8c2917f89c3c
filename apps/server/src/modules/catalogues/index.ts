/** The catalogues module's public entry: what other modules, the app and the seed may use. */
export { catalogueRoutes } from './catalogues.routes';
export { createCatalogueEntryInTx, findActiveNames } from './catalogues.service';
