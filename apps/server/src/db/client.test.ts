import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../test/test-db';

const handle = await createTestDb();
afterAll(() => handle.close());

describe('the database connection', () => {
  it.runIf(handle.kind === 'postgres')('has JIT compilation off on every pooled connection', async () => {
    // Several at once, so the pool opens more than one connection.
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => handle.db.execute(sql`select current_setting('jit') as jit, pg_sleep(0.05)`)),
    );
    for (const answer of answers) expect((answer as unknown as { rows: { jit: string }[] }).rows[0]!.jit).toBe('off');
  });
});
