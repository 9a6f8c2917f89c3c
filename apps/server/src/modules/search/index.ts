/** The search module's public entry: Chinese segmentation, the search vectors of achievements and demands, ranked search. */
export { contentTerms, refreshSearchVectors, searchRecords } from './search.service';
export type { FacetName, SearchEntity, SearchHit, SearchPage, SearchQuery } from './search.types';
export { importAchievementsJsonl } from './search.import';
export type { ImportOptions, ImportSummary } from './search.import';
export { achievementsImportUsage, runAchievementsImportCli } from './search.import.cli';
export { searchPublicRoutes, searchRoutes } from './search.routes';
