import { createHash } from 'node:crypto';

interface Preparable<R> {
  toSQL(): { sql: string };
  prepare(name: string): { execute(): Promise<R> };
}

/**
 * Runs a query as a named prepared statement whose name is a digest of its text. On PostgreSQL the driver
 * parses a named statement once per connection and only binds and executes it afterwards, and the server may
 * settle on a generic plan, so a hot query whose text repeats (the session lookup, the registry page and
 * count) is no longer parsed, analysed and planned on every request: that cost 4–7 ms against an execution
 * of 0.6 ms. The values stay parameters, so one text serves every actor and page. PGlite runs it as before.
 */
export function runPrepared<R>(query: Preparable<R>): Promise<R> {
  const name = `q${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 24)}`;
  return query.prepare(name).execute();
}
