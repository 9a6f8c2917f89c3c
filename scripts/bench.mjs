// `npm run bench`: runs bench/run.ts (query timings on PGlite and PostgreSQL), then bench/throughput.ts
// (req/s at 16 connections on PostgreSQL), through tsx (the server's sources are TypeScript).
// `npm run bench -- timings` or `npm run bench -- throughput` runs one of them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const benches =
  only === 'throughput' ? ['bench/throughput.ts'] : only === 'timings' ? ['bench/run.ts'] : ['bench/run.ts', 'bench/throughput.ts'];
for (const bench of benches) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
