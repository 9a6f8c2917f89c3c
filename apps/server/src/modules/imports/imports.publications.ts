import type { z } from 'zod';
import { type ErrorDetail, ErrorCode, type PublicationStatus, zCreateAchievement, zCreateDemand } from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError } from '../../shared/app-error';
import type { ActorContext } from '../../shared/context';
import {
  achievementFieldColumns,
  achievementRowInput,
  createAchievementInTx,
  findAchievementByExternalId,
  isReviewingStaff,
  updateAchievementInTx,
} from '../achievements';
import { createDemandInTx, demandFieldColumns, demandRowInput, findDemandByExternalId, updateDemandInTx } from '../demands';
import { findOrganizationsByNameOrCode } from './imports.repository';
import type { SheetRow } from './spreadsheet';

/**
 * Achievements (科技成果) and demands (技术需求) from the Excel templates, with the registry import's machinery
 * (all-or-nothing, per-row error report, import history): each row is checked first; a row with 外部编号 that
 * already exists updates that record, any other row creates one with source `excel`. Rows are drafts, or published
 * at once when reviewing staff import with 直接发布 (`publish`).
 */

type Outcome = 'created' | 'updated' | 'unchanged';
interface Prepared {
  errors: ErrorDetail[];
  items: { row: number; apply: (tx: Transaction) => Promise<Outcome> }[];
}

function zodDetails(row: number, error: z.ZodError, columns: Record<string, string>): ErrorDetail[] {
  return error.issues.map((issue) => ({
    row,
    field: columns[String(issue.path[0])] ?? String(issue.path[0] ?? ''),
    message: issue.message,
  }));
}

/** The status imported rows take: published only for reviewing staff who asked for it. */
export function importedStatus(ctx: ActorContext, publish: boolean | undefined): PublicationStatus {
  if (!publish) return 'draft';
  if (!isReviewingStaff(ctx.actor)) throw new AppError(ErrorCode.Forbidden, { message: '只有科技局审核人员可以导入并直接发布' });
  return 'published';
}

async function organizationResolver(ctx: ActorContext, rows: SheetRow[], column: string) {
  const names = [...new Set(rows.map((r) => (r.cells[column] ?? '').trim()).filter(Boolean))];
  const organizations = await findOrganizationsByNameOrCode(ctx.db, names);
  return (text: string): { id: string } | { error: string } => {
    const matches = organizations.filter((o) => o.name === text || o.creditCode === text.toUpperCase());
    if (matches.length === 1) return { id: matches[0]!.id };
    if (matches.length > 1) return { error: `单位“${text}”有重名，请填写统一社会信用代码` };
    return { error: `单位“${text}”尚未登记，请先导入或新增该单位` };
  };
}

function duplicateExternalIds(rows: SheetRow[], errors: ErrorDetail[]) {
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const externalId = (cells['外部编号'] ?? '').trim();
    if (!externalId) continue;
    const earlier = seen.get(externalId);
    if (earlier) errors.push({ row, field: '外部编号', message: `与第 ${earlier} 行重复` });
    else seen.set(externalId, row);
  }
}

/** Checks every achievement row; returns the errors or the rows to apply. */
export async function prepareAchievements(ctx: ActorContext, rows: SheetRow[], status: PublicationStatus): Promise<Prepared> {
  const resolve = await organizationResolver(ctx, rows, '所属单位');
  const errors: ErrorDetail[] = [];
  duplicateExternalIds(rows, errors);
  const items: Prepared['items'] = [];
  for (const { row, cells } of rows) {
    const rowErrors: ErrorDetail[] = [];
    const ownerText = (cells['所属单位'] ?? '').trim();
    const owner = ownerText ? resolve(ownerText) : null;
    if (owner && 'error' in owner) rowErrors.push({ row, field: '所属单位', message: owner.error });
    const { input, errors: labelErrors } = achievementRowInput(
      cells,
      owner && 'id' in owner ? owner.id : ownerText ? '00000000-0000-4000-8000-000000000000' : null,
    );
    rowErrors.push(...labelErrors.map((e) => ({ row, ...e })));
    const parsed = zCreateAchievement.safeParse(input);
    if (!parsed.success)
      rowErrors.push(...zodDetails(row, parsed.error, achievementFieldColumns).filter((d) => !rowErrors.some((e) => e.field === d.field)));
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const data = parsed.data;
    const externalId = (cells['外部编号'] ?? '').trim() || null;
    items.push({
      row,
      apply: async (tx) => {
        const existing = externalId ? await findAchievementByExternalId(tx, externalId) : undefined;
        if (existing) {
          await updateAchievementInTx(tx, ctx, existing.id, { ...data, version: existing.version });
          return 'updated';
        }
        await createAchievementInTx(tx, ctx, data, { source: 'excel', status, externalId });
        return 'created';
      },
    });
  }
  return { errors, items };
}

/** Checks every demand row; returns the errors or the rows to apply. */
export async function prepareDemands(ctx: ActorContext, rows: SheetRow[], status: PublicationStatus): Promise<Prepared> {
  const resolve = await organizationResolver(ctx, rows, '需求单位');
  const errors: ErrorDetail[] = [];
  duplicateExternalIds(rows, errors);
  const items: Prepared['items'] = [];
  for (const { row, cells } of rows) {
    const rowErrors: ErrorDetail[] = [];
    const unitText = (cells['需求单位'] ?? '').trim();
    const unit = unitText ? resolve(unitText) : null;
    if (unit && 'error' in unit) rowErrors.push({ row, field: '需求单位', message: unit.error });
    const { input, errors: labelErrors } = demandRowInput(
      cells,
      unit && 'id' in unit ? unit.id : unitText ? '00000000-0000-4000-8000-000000000000' : null,
    );
    rowErrors.push(...labelErrors.map((e) => ({ row, ...e })));
    const parsed = zCreateDemand.safeParse(input);
    if (!parsed.success)
      rowErrors.push(...zodDetails(row, parsed.error, demandFieldColumns).filter((d) => !rowErrors.some((e) => e.field === d.field)));
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const data = parsed.data;
    const externalId = (cells['外部编号'] ?? '').trim() || null;
    items.push({
      row,
      apply: async (tx) => {
        const existing = externalId ? await findDemandByExternalId(tx, externalId) : undefined;
        if (existing) {
          await updateDemandInTx(tx, ctx, existing.id, { ...data, version: existing.version });
          return 'updated';
        }
        await createDemandInTx(tx, ctx, data, { status, externalId });
        return 'created';
      },
    });
  }
  return { errors, items };
}
