import {
  type Catalogue,
  type CatalogueEntry,
  type CreateCatalogueEntry,
  ErrorCode,
  type Page,
  type UpdateCatalogueEntry,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, type RequestContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import * as repository from './catalogues.repository';

/**
 * The city-specific lists (key industries …): read by everyone who reads the registry, edited by the
 * city bureau (taxonomy:write). Entries are retired, never deleted: platforms keep naming them.
 */

function toEntry(row: repository.CatalogueEntryRow): CatalogueEntry {
  return {
    id: row.id,
    catalogue: row.catalogue,
    name: row.name,
    sortOrder: row.sortOrder,
    isActive: row.isActive,
    isDemo: row.isDemo,
    version: row.version,
  };
}

const duplicate = (name: string) =>
  new AppError(ErrorCode.AlreadyExists, { message: `名录中已有“${name}”`, details: [{ field: 'name', message: '名称重复' }] });

/** A list's entries in order, retired ones included (the editing page shows them). */
export async function findCatalogueEntries(ctx: RequestContext, catalogue: Catalogue): Promise<Page<CatalogueEntry>> {
  const rows = await repository.findEntries(ctx.db, catalogue);
  return { items: rows.map(toEntry), total: rows.length };
}

/** The names of a list's active entries, in order: what forms offer. */
export async function findActiveNames(db: Executor, catalogue: Catalogue): Promise<string[]> {
  return (await repository.findEntries(db, catalogue, true)).map((row) => row.name);
}

/** Adds an entry at the end of a list (or at `sortOrder`), inside the caller's transaction; audited. */
export async function createCatalogueEntryInTx(
  tx: Transaction,
  ctx: RequestContext,
  catalogue: Catalogue,
  input: CreateCatalogueEntry & { isDemo?: boolean },
): Promise<CatalogueEntry> {
  if (await repository.findEntryByName(tx, catalogue, input.name)) throw duplicate(input.name);
  const row = await repository.insertEntry(tx, {
    catalogue,
    name: input.name,
    sortOrder: input.sortOrder ?? (await repository.nextSortOrder(tx, catalogue)),
    isDemo: input.isDemo ?? false,
  });
  await recordAudit(tx, ctx, { action: 'catalogue.create', objectType: 'catalogue_entry', objectId: row.id, after: row });
  return toEntry(row);
}

/** Adds an entry to a list. */
export async function createCatalogueEntry(ctx: ActorContext, catalogue: Catalogue, input: CreateCatalogueEntry): Promise<CatalogueEntry> {
  return inTransaction(ctx, (tx) => createCatalogueEntryInTx(tx, ctx, catalogue, input));
}

/** Renames, reorders, retires or restores an entry (optimistic lock on `version`). */
export async function updateCatalogueEntry(ctx: ActorContext, id: string, input: UpdateCatalogueEntry): Promise<CatalogueEntry> {
  return inTransaction(ctx, async (tx) => {
    const before = await repository.getEntry(tx, id);
    if (!before) throw notFound();
    if (input.name !== undefined && input.name !== before.name) {
      if (await repository.findEntryByName(tx, before.catalogue, input.name)) throw duplicate(input.name);
    }
    const after = await repository.updateEntryVersioned(tx, id, input.version, {
      name: input.name ?? before.name,
      sortOrder: input.sortOrder ?? before.sortOrder,
      isActive: input.isActive ?? before.isActive,
    });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'catalogue.update', objectType: 'catalogue_entry', objectId: id, before, after });
    return toEntry(after);
  });
}
