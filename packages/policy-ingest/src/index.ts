export type { Comparator, ExtractedTarget, ExtractedTask, Extraction, ExtractOptions, Level, TargetKind } from './types.js';
export { extractPlan } from './extract.js';
export { readDocumentText } from './read-document.js';
export { runIngestCli, type CliIo } from './cli.js';
export { scoreExtraction, scoreTargets, scoreTasks, type Score, type ExtractionScore } from './score.js';
export { extractorVersion, extractorRulesRevision } from './version.js';
