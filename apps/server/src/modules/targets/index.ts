/** The targets module's public entry: what other modules, the app and the seed may use. */
export {
  countInForceByGroup,
  countRecognitionsByYear,
  countRegisteredByIndustry,
  countRegisteredByCity,
  countRegisteredPlatforms,
  describeRegisteredPlatforms,
  sumRegistered,
  findPlatformsMatching,
  findRegistryFacts,
  findTypeNames,
} from './snapshot.repository';
export { childOf, countMatching, resolveCriteria } from './targets.arithmetic';
export { isTargetScopeByRegionAndType, targetPlatformScope } from './targets.policy';
export { insertTargetReport } from './targets.repository';
export { targetRoutes } from './targets.routes';
export { createTargetInTx, findAllTargets, findTargetTodos } from './targets.service';
