// `npm run bench`: runs bench/run.ts (query timings on PGlite and PostgreSQL), then bench/throughput.ts
// (req/s at 16 connections on PostgreSQL), through tsx (the server's sources are TypeScript).
// `npm run bench -- timings` or `npm run bench -- throughput` runs one of them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
// `npm run bench -- search-relevance` / `search-speed` run the search benches (not part of the default run).
const named = {
  throughput: ['bench/throughput.ts'],
  timings: ['bench/run.ts'],
  'search-relevance': ['bench/search-relevance.ts'],
  'search-speed': ['bench/search-speed.ts'],
};
const benches = named[only] ?? ['bench/run.ts', 'bench/throughput.ts'];
for (const bench of benches) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
