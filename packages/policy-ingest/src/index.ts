export type { Comparator, ExtractedTarget, ExtractedTask, Extraction, ExtractOptions, Level, TargetKind } from './types.js';
export { extractPlan } from './extract.js';
export { summedMetricOf, type SummedMetric } from './measure.js';
export { readDocumentText, UnsupportedDocumentError, READABLE_EXTENSIONS } from './read-document.js';
export { rebuildSpaceTables } from './space-tables.js';
export { runIngestCli, type CliIo } from './cli.js';
export { scoreExtraction, scoreTargets, scoreTasks, type Score, type ExtractionScore } from './score.js';
/** The reviewer-facing wording of each doubt a target may carry (ExtractedTarget.doubts), for servers and UIs. */
export { DOUBTS } from './catalogue.js';
export { scoreMeaning, type MeaningScore } from './score.js';
export { extractorVersion, extractorRulesRevision } from './version.js';
