/** The policy-ingest module's public entry: what other modules, the app and the seed may use. */
export { policyIngestRoutes } from './policy-ingest.routes';
