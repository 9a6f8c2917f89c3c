/** The regions module's public entry: what other modules, the app and the seed may use. */
export { canSeeRegion, visibleRegionRoot } from './regions.policy';
export { findRegionRows, getRegionRow, insertRegion, subtreeIdsSql } from './regions.repository';
export type { RegionRow } from './regions.repository';
export { regionRoutes } from './regions.routes';
