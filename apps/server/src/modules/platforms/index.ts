/** The platforms module's public entry: what other modules, the app and the seed may use. */
export { isScopeByRegionAndType, platformScope } from './platforms.policy';
export { findPlatformsInForce } from './platforms.queries';
export { findCurrentPlatformByNameAndHost } from './platforms.repository';
export { platformRoutes } from './platforms.routes';
export { convertPlatformsToType, createPlatformInTx, lockLivePlatformsOfType, updatePlatformInTx } from './platforms.service';
export { inForceOn, openPlatform } from './platforms.versions';
export type { PlatformState } from './platforms.versions';
