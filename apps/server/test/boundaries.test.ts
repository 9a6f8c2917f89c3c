import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary errors ESLint reports for `source` written as the file `file` of the server. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, 'apps/server/src', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('the module order (eslint.boundaries.js, part of npm run lint)', () => {
  it('refuses a module importing a module above it, which would close a cycle', async () => {
    const errors = await boundaryErrors('modules/audit/wrong-way.ts', "export { runDailyJobs } from '../jobs';\n");
    expect(errors).toEqual([expect.stringContaining('module audit may not import ../jobs')]);
  });

  it('refuses reaching past a lower module’s public entry into its files', async () => {
    const errors = await boundaryErrors('modules/jobs/deep.ts', "export { findAllTasks } from '../tasks/tasks.service';\n");
    expect(errors).toEqual([expect.stringContaining('module jobs may not import ../tasks/tasks.service')]);
  });

  it('refuses the database layer importing the shared layer above it', async () => {
    const errors = await boundaryErrors('db/wrong-way.ts', "export { AppError } from '../shared/app-error';\n");
    expect(errors).toHaveLength(1);
  });

  it('lets a module use a lower module through its index, and its own files freely', async () => {
    const source = "export { recordAudit } from '../audit';\nexport { findAllTasks } from './tasks.service';\n";
    expect(await boundaryErrors('modules/tasks/fine.ts', source)).toEqual([]);
  });
});
