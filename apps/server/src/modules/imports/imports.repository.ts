import { and, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { ImportKind, ImportRunStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { importRuns, organizations, platformTypes, regions, users } from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';

/** Active platform types by name, for resolving the 平台类型 column. */
export async function findActiveTypesByName(db: Executor, names: string[]) {
  if (!names.length) return [];
  return db
    .select({ id: platformTypes.id, name: platformTypes.name })
    .from(platformTypes)
    .where(and(inArray(platformTypes.name, names), eq(platformTypes.isActive, true)));
}

/** Live organisations whose name or credit code is one of `keys` (a unit column may hold either). */
export async function findOrganizationsByNameOrCode(db: Executor, keys: string[]) {
  if (!keys.length) return [];
  return db
    .select({ id: organizations.id, name: organizations.name, creditCode: organizations.creditCode, regionId: organizations.regionId })
    .from(organizations)
    .where(
      and(
        isNull(organizations.deletedAt),
        or(
          inArray(organizations.name, keys),
          inArray(
            organizations.creditCode,
            keys.map((k) => k.toUpperCase()),
          ),
        ),
      ),
    );
}

/** A run of the import history as stored (the file bytes included). */
export type NewImportRun = typeof importRuns.$inferInsert;

/** Records one import run (in the import's transaction when it succeeded, in its own after a refusal). */
export async function insertImportRun(db: Executor, run: NewImportRun): Promise<string> {
  const [row] = await db.insert(importRuns).values(run).returning({ id: importRuns.id });
  return row!.id;
}

export interface ImportRunFilter {
  /** Who may see which runs (the uploader, or staff whose region covers the uploader's). */
  scope: SQL;
  kind?: ImportKind | undefined;
  status?: ImportRunStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  uploader?: string | undefined;
}

const runDay = sql`(${importRuns.createdAt} at time zone 'Asia/Shanghai')::date`;

function runCondition(filter: ImportRunFilter): SQL | undefined {
  return and(
    filter.scope,
    filter.kind ? eq(importRuns.kind, filter.kind) : undefined,
    filter.status ? eq(importRuns.status, filter.status) : undefined,
    filter.from ? sql`${runDay} >= ${filter.from}::date` : undefined,
    filter.to ? sql`${runDay} <= ${filter.to}::date` : undefined,
    filter.uploader ? ilike(users.displayName, escapeLike(filter.uploader)) : undefined,
  );
}

const runColumns = {
  id: importRuns.id,
  kind: importRuns.kind,
  status: importRuns.status,
  fileName: importRuns.fileName,
  size: importRuns.size,
  sha256: importRuns.sha256,
  uploadedById: importRuns.uploadedBy,
  createdAt: importRuns.createdAt,
  rows: importRuns.rows,
  created: importRuns.created,
  updated: importRuns.updated,
  unchanged: importRuns.unchanged,
  rejected: importRuns.rejected,
  message: importRuns.message,
  hasErrorReport: sql<boolean>`${importRuns.errors} is not null`,
};

/** A page of import runs the scope admits, newest first, and how many there are. */
export async function findImportRuns(db: Executor, filter: ImportRunFilter, page: { limit: number; offset: number }) {
  const where = runCondition(filter);
  const [items, [total]] = await Promise.all([
    db
      .select(runColumns)
      .from(importRuns)
      .leftJoin(users, eq(users.id, importRuns.uploadedBy))
      .leftJoin(regions, eq(regions.id, importRuns.regionId))
      .where(where)
      .orderBy(desc(importRuns.createdAt), desc(importRuns.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ value: count() })
      .from(importRuns)
      .leftJoin(users, eq(users.id, importRuns.uploadedBy))
      .leftJoin(regions, eq(regions.id, importRuns.regionId))
      .where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** One run's file and error report, if the scope admits it. */
export async function findImportRunFile(db: Executor, id: string, scope: SQL) {
  const [row] = await db
    .select({ kind: importRuns.kind, fileName: importRuns.fileName, content: importRuns.content, errors: importRuns.errors })
    .from(importRuns)
    .leftJoin(regions, eq(regions.id, importRuns.regionId))
    .where(and(eq(importRuns.id, id), scope));
  return row;
}
