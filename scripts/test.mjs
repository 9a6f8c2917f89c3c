// `npm test`: the whole suite — unit, service/HTTP (PGlite, or PostgreSQL when TEST_DATABASE_URL is
// set) and end-to-end in Debian's Chromium, which it installs when missing rather than skipping.
// Extra arguments go to vitest (e.g. `npm test -- --project server`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';
import { ensureWebBuild } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const vitestArgs = args.filter((a) => a !== '--e2e-only');
const projects = vitestArgs.flatMap((a, i) => (a === '--project' ? [vitestArgs[i + 1]] : a.startsWith('--project=') ? [a.slice(10)] : []));
const runsE2e = e2eOnly || projects.length === 0 || projects.includes('e2e');

if (runsE2e) {
  ensureChromium();
  ensureWebBuild();
}

mkdirSync(path.join(root, '.test-results'), { recursive: true });
const report = path.join(root, '.test-results/vitest.json');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    ...(e2eOnly ? ['--project', 'e2e'] : []),
    ...vitestArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { cwd: root, stdio: 'inherit' },
);

if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = summary.numPendingTests + summary.numTodoTests;
  // The plain closing line CI reads: "N passed, N failed".
  // A file that fails to load has no failed tests, so its failure is counted separately.
  const failedFiles = summary.numFailedTestSuites ?? 0;
  console.log(
    `\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}` +
      (failedFiles ? ` (${failedFiles} test files failed)` : ''),
  );
}
process.exit(result.status ?? 1);
