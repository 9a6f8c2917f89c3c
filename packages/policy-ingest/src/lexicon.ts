/** The vocabulary moved to `catalogue.ts` (one place for every cue list and pattern); kept so older imports work. */
export * from './catalogue.js';
