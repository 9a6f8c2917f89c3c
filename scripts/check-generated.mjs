// Generated artefacts are committed; this fails when regenerating them would change anything:
// the drizzle-kit migrations (schema ↔ migrations), the OpenAPI document (routes ↔ docs/openapi.json) and
// the lifecycle diagrams (transition tables ↔ docs/LIFECYCLES.md).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['drizzle-kit', 'generate', '--config', 'apps/server/drizzle.config.ts', '--name', 'drift_check']);
run(process.execPath, ['apps/server/bin/stip.js', 'openapi', 'docs/openapi.json']);
run(process.execPath, ['--import', 'tsx', 'scripts/lifecycles.ts']);
const drift = spawnSync(
  'git',
  ['status', '--porcelain', '--', 'apps/server/src/db/migrations', 'docs/openapi.json', 'docs/LIFECYCLES.md'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (drift.stdout.trim()) {
  console.error(
    `Generated files differ from what is committed:\n${drift.stdout}\nRun \`npm run db:generate\` / \`npx stip openapi docs/openapi.json\` and commit the result.`,
  );
  process.exit(1);
}
console.log('generated files are up to date');
