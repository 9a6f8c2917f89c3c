#!/usr/bin/env node
// STIP's command line: `stip serve | migrate | seed | audit verify | ingest FILE | …` (see src/main.ts).
// The server runs its TypeScript sources through tsx's loader; there is no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
