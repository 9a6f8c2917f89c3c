import { createHash } from 'node:crypto';
import type { Executor } from './client';

interface Preparable<R> {
  toSQL(): { sql: string };
  prepare(name: string): Prepared<R>;
}

interface Prepared<R> {
  execute(placeholderValues?: Record<string, unknown>): Promise<R>;
}

/**
 * A hot query built once and run as a named prepared statement: `build` writes it with `sql.placeholder(…)`
 * for its values, and each call only fills them in.
 *
 * - **Built once per database handle** (a transaction builds its own): Drizzle's query builder cost more
 *   JavaScript per request than the rest of the route (measured with `--cpu-prof` on the registry list).
 * - **Named by a digest of its text**, so on PostgreSQL the driver parses it once per connection and
 *   afterwards only binds and executes it. PGlite runs it as before.
 *
 * Use it only for a query whose plan does not depend on its values. After five runs PostgreSQL may settle on
 * a generic plan, which cannot use a region-path prefix or a page's values: measured with
 * `npm run bench -- throughput` (quiet machine, 10,000 platforms), the registry page and count prepared this
 * way answered 118 req/s against 195 req/s unprepared. So the session lookup (one indexed equality) and the
 * registry's records by id (six joins, planned in about 2 ms, run in about 1 ms) are prepared; the registry's
 * page and count are not.
 */
export function preparedQuery<R>(build: (db: Executor) => Preparable<R>): (db: Executor, values: Record<string, unknown>) => Promise<R> {
  const built = new WeakMap<Executor, Prepared<R>>();
  return (db, values) => {
    let query = built.get(db);
    if (!query) {
      const source = build(db);
      query = source.prepare(`q${createHash('sha1').update(source.toSQL().sql).digest('hex').slice(0, 24)}`);
      built.set(db, query);
    }
    return query.execute(values);
  };
}
