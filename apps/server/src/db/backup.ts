import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { OperatorError } from './operator-error';
import type { Database, Executor } from './client';

/**
 * A STIP backup: one gzip-compressed JSON-lines file. The first line is the header (format, the
 * schema's last migration, the tables), then one line per row (`{"t":table,"r":row}`, the row as
 * PostgreSQL's own row_to_json gives it, so every type round-trips), then a trailer with each
 * table's row count and the SHA-256 of its lines, checked before a restore commits.
 */
export interface BackupHeader {
  format: 'stip-backup';
  version: 1;
  createdAt: string;
  /** drizzle's hash of the last migration applied: a restore needs the same schema. */
  migration: string | null;
  tables: string[];
  /** The audit key that signed the audit records (its id, never the key): needed to verify after a restore. */
  auditKeyId: string | null;
}

export interface BackupTrailer {
  tables: Record<string, { rows: number; sha256: string }>;
}

export interface BackupSummary {
  header: BackupHeader;
  trailer: BackupTrailer;
}

const formatName = 'stip-backup';
const batchSize = 500;

function rowsOf<T>(result: unknown): T[] {
  // node-postgres answers { rows }, PGlite answers { rows } too; drizzle passes them through.
  return (result as { rows: T[] }).rows;
}

async function publicTables(db: Executor): Promise<string[]> {
  const result = await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rowsOf<{ name: string }>(result).map((row) => row.name);
}

async function lastMigration(db: Executor): Promise<string | null> {
  try {
    const result = await db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`);
    return rowsOf<{ hash: string }>(result)[0]?.hash ?? null;
  } catch {
    return null;
  }
}

function rowLinePrefix(table: string): string {
  return `{"t":${JSON.stringify(table)},"r":`;
}

/**
 * Writes every table of `db` to `file`, read in one REPEATABLE READ, READ ONLY transaction: one
 * consistent snapshot even while the server keeps writing (PostgreSQL). PGlite allows one process,
 * so its backup runs while the server is stopped.
 */
export async function backupDatabase(db: Database, file: string, options: { auditKeyId?: string | null } = {}): Promise<BackupSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const tables = await publicTables(tx);
    const header: BackupHeader = {
      format: formatName,
      version: 1,
      createdAt: new Date().toISOString(),
      migration: await lastMigration(tx),
      tables,
      auditKeyId: options.auditKeyId ?? null,
    };
    const trailer: BackupTrailer = { tables: {} };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        const hash = createHash('sha256');
        let rows = 0;
        const prefix = rowLinePrefix(table);
        // Keyset-free paging by ctid would tie us to PostgreSQL internals; tables here are small enough
        // to read whole, one table at a time.
        const result = await tx.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t`);
        for (const { j } of rowsOf<{ j: string }>(result)) {
          const line = `${prefix}${j}}`;
          hash.update(`${line}\n`);
          rows++;
          yield `${line}\n`;
        }
        trailer.tables[table] = { rows, sha256: hash.digest('hex') };
      }
      yield `${JSON.stringify({ trailer })}\n`;
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    return { header, trailer };
  });
}

function invalid(message: string): OperatorError {
  return new OperatorError(message);
}

/**
 * Restores a backup into an empty, migrated database of the same schema, in one transaction: foreign
 * keys are checked once at the end (made deferrable for the transaction only), each table's count and
 * SHA-256 must match the trailer, and sequences are moved past the restored values. Nothing is kept
 * unless all of it is.
 */
export async function restoreDatabase(db: Database, file: string): Promise<BackupSummary> {
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  const first = await lines.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader;
  } catch {
    throw invalid('不是 STIP 备份文件');
  }
  if (header.format !== formatName || header.version !== 1) throw invalid('不是 STIP 备份文件（或版本不支持）');

  return db.transaction(async (tx) => {
    const migration = await lastMigration(tx);
    if (header.migration !== migration) {
      throw invalid('备份与本数据库的结构版本不同：请用生成备份的同一版本 STIP 恢复（先迁移空数据库）');
    }
    const tables = new Set(await publicTables(tx));
    for (const table of header.tables) if (!tables.has(table)) throw invalid(`本数据库没有备份中的表 ${table}`);
    for (const table of tables) {
      const result = await tx.execute(sql`select exists (select 1 from ${sql.identifier(table)}) as taken`);
      if (rowsOf<{ taken: boolean }>(result)[0]?.taken) throw invalid(`只能恢复到空数据库：表 ${table} 已有数据`);
    }

    // Rows arrive table by table, not in foreign-key order: check the keys once, at the end.
    const foreignKeys = rowsOf<{ tablename: string; name: string }>(
      await tx.execute(
        sql`select c.relname as tablename, k.conname as name from pg_constraint k join pg_class c on c.oid = k.conrelid
            where k.contype = 'f' and k.connamespace = 'public'::regnamespace and not k.condeferrable`,
      ),
    );
    for (const key of foreignKeys) {
      await tx.execute(
        sql`alter table ${sql.identifier(key.tablename)} alter constraint ${sql.identifier(key.name)} deferrable initially deferred`,
      );
    }
    await tx.execute(sql`set constraints all deferred`);

    const counted: BackupTrailer = { tables: {} };
    const hashes = new Map<string, ReturnType<typeof createHash>>();
    let trailer: BackupTrailer | null = null;
    let batch: string[] = [];
    let batchTable: string | null = null;
    const flush = async () => {
      if (!batchTable || batch.length === 0) return;
      const table = sql.identifier(batchTable);
      await tx.execute(sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${`[${batch.join(',')}]`}::json)`);
      batch = [];
    };
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const line = next.value;
      if (!line) continue;
      if (line.startsWith('{"trailer":')) {
        trailer = (JSON.parse(line) as { trailer: BackupTrailer }).trailer;
        break;
      }
      const table = JSON.parse(line.slice(5, line.indexOf(',"r":'))) as string;
      const prefix = rowLinePrefix(table);
      if (!line.startsWith(prefix) || !line.endsWith('}') || !header.tables.includes(table)) throw invalid('备份文件内容不完整或被改动');
      if (table !== batchTable || batch.length >= batchSize) {
        await flush();
        batchTable = table;
      }
      batch.push(line.slice(prefix.length, -1));
      let hash = hashes.get(table);
      if (!hash) hashes.set(table, (hash = createHash('sha256')));
      hash.update(`${line}\n`);
      const entry = (counted.tables[table] ??= { rows: 0, sha256: '' });
      entry.rows++;
    }
    await flush();
    if (!trailer) throw invalid('备份文件不完整（缺少结尾的校验信息）');
    for (const table of header.tables) {
      const expected = trailer.tables[table];
      const rows = counted.tables[table]?.rows ?? 0;
      const sha256 = hashes.get(table)?.digest('hex') ?? createHash('sha256').digest('hex');
      if (!expected || expected.rows !== rows || expected.sha256 !== sha256) throw invalid(`备份文件中表 ${table} 的内容与校验信息不符`);
    }

    // The registry counts (platform_counts, kept by triggers) were restored as rows and then counted again by the
    // triggers as the versions arrived, before their platforms' deleted_at: recount them from the restored history.
    await tx.execute(sql`select platform_counts_rebuild()`);
    // Checked now, then the keys go back to how the migrations made them.
    await tx.execute(sql`set constraints all immediate`);
    for (const key of foreignKeys) {
      await tx.execute(sql`alter table ${sql.identifier(key.tablename)} alter constraint ${sql.identifier(key.name)} not deferrable`);
    }
    const sequences = rowsOf<{ tablename: string; column: string }>(
      await tx.execute(
        sql`select table_name as tablename, column_name as column from information_schema.columns
            where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
      ),
    );
    for (const { tablename, column } of sequences) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`"${tablename}"`}, ${column}), coalesce(max(${sql.identifier(column)}), 0) + 1, false) from ${sql.identifier(tablename)}`,
      );
    }
    return { header, trailer };
  });
}
