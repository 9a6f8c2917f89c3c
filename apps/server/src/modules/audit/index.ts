/** The audit module's public entry: what other modules, the app and the seed may use. */
export { startAuditCheckpoints } from './audit.checkpointer';
export { auditCheckpointFileName, auditTrailSettings, configureAuditTrail, loadAuditKey } from './audit.key';
export { auditRoutes } from './audit.routes';
export { findPersonLabels, recordAudit, verifyAuditChain, writeAuditCheckpoint } from './audit.service';
