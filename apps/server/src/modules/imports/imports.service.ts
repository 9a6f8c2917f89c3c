import { createHash } from 'node:crypto';
import { type z } from 'zod';
import {
  type CreateOrganization,
  type CreatePlatform,
  type ErrorDetail,
  ErrorCode,
  type ImportKind,
  type ImportResult,
  type ImportRunPage,
  type ImportRunQuery,
  labels,
  type PublicationStatus,
  zCreateOrganization,
  zCreatePlatform,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { findPersonLabels, recordAudit } from '../audit';
import { findRegionRows } from '../regions';
import { visibleRegionRoot } from '../regions';
import { findOrganizationByCreditCode } from '../organizations';
import { createOrganizationInTx, updateOrganizationInTx } from '../organizations';
import { findCurrentPlatformByNameAndHost } from '../platforms';
import { createPlatformInTx, updatePlatformInTx } from '../platforms';
import { findActiveTypesByName, findOrganizationsByNameOrCode, insertImportRun } from './imports.repository';
import { regionResolver } from './region-names';
import { buildErrorReport, buildTemplate, type ColumnSpec, readSheet, type SheetRow } from './spreadsheet';
import * as repository from './imports.repository';
import { importRunScope } from './imports.policy';
import { checkOfficeUpload, parseSlots, yieldToEventLoop } from '../../shared/uploads';
import { achievementColumns, achievementInstructions, achievementSheetName } from '../achievements';
import { demandColumns, demandInstructions, demandSheetName } from '../demands';
import { importedStatus, prepareAchievements, prepareDemands } from './imports.publications';

const maxRows = 5000;
type Outcome = 'created' | 'updated' | 'unchanged';

const reverse = <K extends string>(record: Record<K, string>) => new Map(Object.entries(record).map(([k, v]) => [v as string, k as K]));
const organizationKindByLabel = reverse(labels.organizationKind);
const platformStatusByLabel = reverse(labels.platformStatus);
const listSeparator = /[、,，;；\n]+/;

const organizationColumns: ColumnSpec[] = [
  { header: '单位名称', required: true, width: 32 },
  { header: '单位类型', required: true, options: Object.values(labels.organizationKind) },
  { header: '统一社会信用代码', required: true, width: 24, note: '18位，含校验码（GB 32100-2015）' },
  { header: '所在区域', required: true, note: '区域名称，如“宣汉县”；重名时写完整路径，如“四川省/达州市/宣汉县”' },
  { header: '地址', width: 30 },
  { header: '联系人' },
  { header: '联系电话' },
];

const platformColumns: ColumnSpec[] = [
  { header: '平台名称', required: true, width: 36 },
  { header: '平台类型', required: true, width: 24, note: '须与“平台分类”中的类型名称一致，如“市级重点实验室”' },
  { header: '依托单位', required: true, width: 30, note: '单位名称或统一社会信用代码，须已在“单位”中登记' },
  { header: '共建单位', width: 30, note: '多个单位用顿号“、”分隔' },
  { header: '所在区域', required: true },
  { header: '状态', required: true, options: Object.values(labels.platformStatus) },
  { header: '重点产业' },
  { header: '技术领域', note: '多个领域用顿号“、”分隔' },
  { header: '负责人' },
  { header: '认定文号', width: 22 },
  { header: '认定日期', note: 'YYYY-MM-DD' },
  { header: '建设期满', note: 'YYYY-MM-DD' },
  { header: '上级平台', width: 30, note: '分支机构填写其上级平台的名称' },
  { header: '备注', width: 30 },
];

const sheetNames: Record<ImportKind, string> = {
  organizations: '单位',
  platforms: '平台',
  achievements: achievementSheetName,
  demands: demandSheetName,
};
const objectTypes: Record<ImportKind, string> = {
  organizations: 'organization',
  platforms: 'platform',
  achievements: 'achievement',
  demands: 'demand',
};

/** The contract field each column fills, so validation messages name the column the user sees. */
const organizationFieldColumns: Record<string, string> = {
  name: '单位名称',
  kind: '单位类型',
  creditCode: '统一社会信用代码',
  regionId: '所在区域',
  address: '地址',
  contactPerson: '联系人',
  contactPhone: '联系电话',
};
const platformFieldColumns: Record<string, string> = {
  name: '平台名称',
  typeId: '平台类型',
  hostOrganizationId: '依托单位',
  coBuilderIds: '共建单位',
  regionId: '所在区域',
  status: '状态',
  industry: '重点产业',
  technicalFields: '技术领域',
  director: '负责人',
  recognitionDocNo: '认定文号',
  recognizedOn: '认定日期',
  constructionEndsOn: '建设期满',
  parentPlatformId: '上级平台',
  remarks: '备注',
};

const columnsOf: Record<ImportKind, ColumnSpec[]> = {
  organizations: organizationColumns,
  platforms: platformColumns,
  achievements: achievementColumns,
  demands: demandColumns,
};

const orNull = (text: string | undefined) => (text ? text : null);

/** The blank template for a kind, with drop-downs, column notes and a sheet of instructions. */
export function importTemplate(kind: ImportKind): Promise<Buffer> {
  if (kind === 'achievements') return buildTemplate(achievementSheetName, achievementColumns, achievementInstructions);
  if (kind === 'demands') return buildTemplate(demandSheetName, demandColumns, demandInstructions);
  if (kind === 'organizations') {
    return buildTemplate('单位', organizationColumns, [
      '单位导入模板：每行一个单位，带 * 的列必填。',
      '以统一社会信用代码识别单位：已存在的单位按表中内容更新，未变化的不做改动，因此同一文件重复导入不会产生新记录。',
      '任何一行有错误时整份文件都不会导入，系统会列出每一行、每一列的问题。',
      '示例：单位名称“某某科技有限公司”，单位类型“企业”，统一社会信用代码18位，所在区域“宣汉县”。',
    ]);
  }
  return buildTemplate('平台', platformColumns, [
    '平台导入模板：每行一个平台，带 * 的列必填。依托单位须先在“单位”中登记（可先导入单位）。',
    '以“平台名称 + 依托单位”识别平台：已存在的平台按表中内容更新并记入变更历史，未变化的不做改动，因此同一文件重复导入不会产生新记录。',
    '任何一行有错误时整份文件都不会导入，系统会列出每一行、每一列的问题。',
    '示例：平台名称“某某市级重点实验室”，平台类型“市级重点实验室”，依托单位“某某科技有限公司”，所在区域“宣汉县”，状态“运行”，认定日期“2024-01-01”。',
  ]);
}

function zodDetails(row: number, error: z.ZodError, columns: Record<string, string>): ErrorDetail[] {
  return error.issues.map((issue) => ({
    row,
    field: columns[String(issue.path[0])] ?? String(issue.path[0] ?? ''),
    message: issue.message,
  }));
}

/** Rows applied between two turns of the event loop, so timers and other requests run during a long import. */
const rowsPerTurn = 50;

/** The uploaded file as received: its name (as the user's browser sent it) and bytes. */
export interface ImportUpload {
  fileName: string;
  content: Buffer;
}

/** What a run learnt before it ended, for its history row. */
interface RunProgress {
  rows: number;
}

/**
 * Imports a workbook all-or-nothing: every row is checked first; any bad row refuses the whole file.
 * The archive is checked before it is read (size, entries, ratios), at most two uploads are parsed at once
 * (a third answers 429 and is not a run), and the sheet is streamed up to the row cap. Every run is kept
 * in the import history with its file: a success in the import's transaction, a refusal or failure in its
 * own transaction after the rollback.
 */
export function importWorkbook(
  ctx: ActorContext,
  kind: ImportKind,
  upload: ImportUpload,
  options: { publish?: boolean | undefined } = {},
): Promise<ImportResult> {
  if (options.publish && kind !== 'achievements' && kind !== 'demands')
    throw new AppError(ErrorCode.ValidationFailed, { message: '只有科技成果和技术需求的导入可以直接发布' });
  const status = kind === 'achievements' || kind === 'demands' ? importedStatus(ctx, options.publish) : 'draft';
  return parseSlots.run(async () => {
    const progress: RunProgress = { rows: 0 };
    try {
      await checkOfficeUpload(upload.content, '.xlsx').catch((error: unknown) => {
        if (error instanceof AppError && error.code === ErrorCode.ValidationFailed)
          throw new AppError(ErrorCode.ImportRejected, { message: error.message, details: [{ message: error.message }] });
        throw error;
      });
      return await importCheckedWorkbook(ctx, kind, upload, progress, status);
    } catch (error) {
      await recordFailedRun(ctx, kind, upload, progress, error);
      throw error;
    }
  });
}

function runFile(ctx: ActorContext, kind: ImportKind, upload: ImportUpload) {
  return {
    kind,
    fileName: storedFileName(upload.fileName),
    size: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    content: upload.content,
    uploadedBy: ctx.actor.userId,
    regionId: ctx.actor.regionId,
  };
}

/** The file name as shown and offered for download: no path, no control characters, bounded. */
export function storedFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || '未命名.xlsx').slice(0, 200);
}

/** Rows an error report names (a file-level error names none). */
export function rejectedRowCount(details: readonly ErrorDetail[]): number {
  return new Set(details.flatMap((detail) => (detail.row === undefined || detail.row === null ? [] : [detail.row]))).size;
}

/** Keeps a refused or failed run in the history; the import itself was rolled back. */
async function recordFailedRun(ctx: ActorContext, kind: ImportKind, upload: ImportUpload, progress: RunProgress, error: unknown) {
  const details = error instanceof AppError ? (error.details ?? []) : [];
  const message = error instanceof AppError ? error.message : '导入时发生内部错误，未导入任何数据';
  try {
    await inTransaction(ctx, (tx) =>
      insertImportRun(tx, {
        ...runFile(ctx, kind, upload),
        status: 'failed',
        rows: progress.rows,
        rejected: rejectedRowCount(details),
        message,
        errors: details.length ? details : [{ message }],
      }),
    );
  } catch {
    // The import's own error is what the user must see; a history write failing must not replace it.
  }
}

async function importCheckedWorkbook(
  ctx: ActorContext,
  kind: ImportKind,
  upload: ImportUpload,
  progress: RunProgress,
  status: PublicationStatus,
): Promise<ImportResult> {
  const buffer = upload.content;
  const sheet = await readSheet(buffer, sheetNames[kind], maxRows);
  if ('error' in sheet) throw new AppError(ErrorCode.ImportRejected, { message: sheet.error, details: [{ message: sheet.error }] });
  progress.rows = sheet.rows.length;
  const columns = columnsOf[kind];
  const missing = columns.filter((c) => c.required && !sheet.headers.includes(c.header)).map((c) => c.header);
  if (missing.length) {
    const message = `缺少必填列：${missing.join('、')}，请使用下载的模板`;
    throw new AppError(ErrorCode.ImportRejected, { message, details: [{ row: 1, message }] });
  }
  if (!sheet.rows.length)
    throw new AppError(ErrorCode.ImportRejected, { message: '文件中没有数据行', details: [{ message: '文件中没有数据行' }] });

  const prepared =
    kind === 'organizations'
      ? await prepareOrganizations(ctx, sheet.rows)
      : kind === 'platforms'
        ? await preparePlatforms(ctx, sheet.rows)
        : kind === 'achievements'
          ? await prepareAchievements(ctx, sheet.rows, status)
          : await prepareDemands(ctx, sheet.rows, status);
  if (prepared.errors.length) {
    throw new AppError(ErrorCode.ImportRejected, {
      message: `导入文件有 ${prepared.errors.length} 处错误，未导入任何数据`,
      details: prepared.errors.slice(0, 500),
    });
  }
  const counts = { created: 0, updated: 0, unchanged: 0 };
  await inTransaction(ctx, async (tx) => {
    for (const [index, item] of prepared.items.entries()) {
      if (index % rowsPerTurn === rowsPerTurn - 1) await yieldToEventLoop();
      let outcome: Outcome;
      try {
        outcome = await item.apply(tx);
      } catch (error) {
        if (error instanceof AppError) {
          throw new AppError(ErrorCode.ImportRejected, {
            message: `第 ${item.row} 行：${error.message}；未导入任何数据`,
            details: [{ row: item.row, message: error.message }, ...(error.details ?? []).map((d) => ({ ...d, row: item.row }))],
          });
        }
        throw error;
      }
      counts[outcome]++;
    }
    const file = runFile(ctx, kind, upload);
    await insertImportRun(tx, { ...file, status: 'succeeded', rows: prepared.items.length, ...counts });
    await recordAudit(tx, ctx, {
      action: `import.${kind}`,
      objectType: objectTypes[kind],
      objectId: null,
      after: { rows: prepared.items.length, ...counts, fileName: file.fileName },
    });
  });
  return { kind, rows: prepared.items.length, ...counts };
}

interface Prepared {
  errors: ErrorDetail[];
  items: { row: number; apply: (tx: Transaction) => Promise<Outcome> }[];
}

async function visibleRegions(ctx: ActorContext) {
  const root = visibleRegionRoot(ctx.actor);
  return root === 'nothing' ? [] : findRegionRows(ctx.db, root);
}

async function prepareOrganizations(ctx: ActorContext, rows: SheetRow[]): Promise<Prepared> {
  const resolveRegion = regionResolver(await visibleRegions(ctx));
  const errors: ErrorDetail[] = [];
  const items: Prepared['items'] = [];
  const seenCodes = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowErrors: ErrorDetail[] = [];
    const kindLabel = cells['单位类型'] ?? '';
    const kind = organizationKindByLabel.get(kindLabel);
    if (kindLabel && !kind)
      rowErrors.push({
        row,
        field: '单位类型',
        message: `“${kindLabel}”不是可选的单位类型（${Object.values(labels.organizationKind).join('、')}）`,
      });
    const regionText = cells['所在区域'] ?? '';
    const region = regionText ? resolveRegion(regionText) : null;
    if (region && 'error' in region) rowErrors.push({ row, field: '所在区域', message: region.error });
    const parsed = zCreateOrganization.safeParse({
      name: cells['单位名称'] ?? '',
      kind: kind ?? (kindLabel ? 'enterprise' : undefined),
      creditCode: cells['统一社会信用代码'] ?? '',
      regionId: region && 'id' in region ? region.id : regionText ? '00000000-0000-4000-8000-000000000000' : undefined,
      address: orNull(cells['地址']),
      contactPerson: orNull(cells['联系人']),
      contactPhone: orNull(cells['联系电话']),
    });
    if (!parsed.success)
      rowErrors.push(...zodDetails(row, parsed.error, organizationFieldColumns).filter((d) => !rowErrors.some((e) => e.field === d.field)));
    const code = (cells['统一社会信用代码'] ?? '').trim().toUpperCase();
    const earlier = code ? seenCodes.get(code) : undefined;
    if (earlier) rowErrors.push({ row, field: '统一社会信用代码', message: `与第 ${earlier} 行重复` });
    else if (code) seenCodes.set(code, row);
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const input: CreateOrganization = parsed.data;
    items.push({ row, apply: (tx) => applyOrganization(tx, ctx, input) });
  }
  return { errors, items };
}

async function applyOrganization(tx: Transaction, ctx: ActorContext, input: CreateOrganization): Promise<Outcome> {
  const existing = await findOrganizationByCreditCode(tx, input.creditCode);
  if (!existing) {
    await createOrganizationInTx(tx, ctx, input);
    return 'created';
  }
  const changed =
    existing.name !== input.name ||
    existing.kind !== input.kind ||
    existing.regionId !== input.regionId ||
    (existing.address ?? null) !== (input.address ?? null) ||
    (existing.contactPerson ?? null) !== (input.contactPerson ?? null) ||
    (existing.contactPhone ?? null) !== (input.contactPhone ?? null);
  if (!changed) return 'unchanged';
  await updateOrganizationInTx(tx, ctx, existing.id, { ...input, version: existing.version });
  return 'updated';
}

async function preparePlatforms(ctx: ActorContext, rows: SheetRow[]): Promise<Prepared> {
  const resolveRegion = regionResolver(await visibleRegions(ctx));
  const typeNames = [...new Set(rows.map((r) => r.cells['平台类型'] ?? '').filter(Boolean))];
  const types = new Map((await findActiveTypesByName(ctx.db, typeNames)).map((t) => [t.name, t.id]));
  const unitNames = [
    ...new Set(
      rows
        .flatMap((r) => [r.cells['依托单位'] ?? '', ...(r.cells['共建单位'] ?? '').split(listSeparator)])
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const organizations = await findOrganizationsByNameOrCode(ctx.db, unitNames);
  const resolveUnit = (text: string): { id: string } | { error: string } => {
    const matches = organizations.filter((o) => o.name === text || o.creditCode === text.toUpperCase());
    if (matches.length === 1) return { id: matches[0]!.id };
    if (matches.length > 1) return { error: `单位“${text}”有重名，请填写统一社会信用代码` };
    return { error: `单位“${text}”尚未登记，请先导入或新增该单位` };
  };
  const errors: ErrorDetail[] = [];
  const items: Prepared['items'] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowErrors: ErrorDetail[] = [];
    const need = (column: string, message: string) => rowErrors.push({ row, field: column, message });
    const typeName = cells['平台类型'] ?? '';
    const typeId = types.get(typeName);
    if (typeName && !typeId) need('平台类型', `“${typeName}”不是在用的平台类型`);
    const hostText = cells['依托单位'] ?? '';
    const host = hostText ? resolveUnit(hostText) : null;
    if (host && 'error' in host) need('依托单位', host.error);
    const coBuilderIds: string[] = [];
    for (const name of (cells['共建单位'] ?? '')
      .split(listSeparator)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const unit = resolveUnit(name);
      if ('error' in unit) need('共建单位', unit.error);
      else coBuilderIds.push(unit.id);
    }
    const regionText = cells['所在区域'] ?? '';
    const region = regionText ? resolveRegion(regionText) : null;
    if (region && 'error' in region) need('所在区域', region.error);
    const statusLabel = cells['状态'] ?? '';
    const status = platformStatusByLabel.get(statusLabel);
    if (statusLabel && !status) need('状态', `“${statusLabel}”不是可选的状态（${Object.values(labels.platformStatus).join('、')}）`);
    const placeholder = '00000000-0000-4000-8000-000000000000';
    const parsed = zCreatePlatform.safeParse({
      name: cells['平台名称'] ?? '',
      typeId: typeId ?? (typeName ? placeholder : undefined),
      hostOrganizationId: host && 'id' in host ? host.id : hostText ? placeholder : undefined,
      coBuilderIds,
      regionId: region && 'id' in region ? region.id : regionText ? placeholder : undefined,
      industry: orNull(cells['重点产业']),
      technicalFields: (cells['技术领域'] ?? '')
        .split(listSeparator)
        .map((s) => s.trim())
        .filter(Boolean),
      director: orNull(cells['负责人']),
      status: status ?? (statusLabel ? 'operating' : undefined),
      recognitionDocNo: orNull(cells['认定文号']),
      recognizedOn: orNull(cells['认定日期']),
      constructionEndsOn: orNull(cells['建设期满']),
      remarks: orNull(cells['备注']),
    });
    if (!parsed.success)
      rowErrors.push(...zodDetails(row, parsed.error, platformFieldColumns).filter((d) => !rowErrors.some((e) => e.field === d.field)));
    if (parsed.success) {
      const key = `${parsed.data.name}|${parsed.data.hostOrganizationId}`;
      const earlier = seen.get(key);
      if (earlier) need('平台名称', `与第 ${earlier} 行是同一平台（名称和依托单位相同）`);
      seen.set(key, row);
    }
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      continue;
    }
    const input = parsed.data;
    const parentName = cells['上级平台'] ?? '';
    items.push({ row, apply: (tx) => applyPlatform(tx, ctx, input, parentName) });
  }
  return { errors, items };
}

async function applyPlatform(tx: Transaction, ctx: ActorContext, input: CreatePlatform, parentName: string): Promise<Outcome> {
  let parentPlatformId: string | null = null;
  if (parentName) {
    const parent = await findCurrentPlatformByNameAndHost(tx, parentName, null);
    if (!parent)
      throw new AppError(ErrorCode.ValidationFailed, {
        message: `上级平台“${parentName}”不存在`,
        details: [{ field: '上级平台', message: '不存在' }],
      });
    parentPlatformId = parent.id;
  }
  const existing = await findCurrentPlatformByNameAndHost(tx, input.name, input.hostOrganizationId);
  if (!existing) {
    await createPlatformInTx(tx, ctx, { ...input, parentPlatformId });
    return 'created';
  }
  const { effectiveDate: _ignored, ...fields } = input;
  const changed = await updatePlatformInTx(tx, ctx, existing.id, {
    ...fields,
    parentPlatformId,
    version: existing.version,
    changeNote: '数据导入',
  });
  return changed ? 'updated' : 'unchanged';
}

/** The import history the actor may see (its own runs, and its region's), newest first, uploaders as 姓名（单位）. */
export async function findImportRuns(ctx: ActorContext, query: ImportRunQuery): Promise<ImportRunPage> {
  const { limit, offset, ...filter } = query;
  const page = await repository.findImportRuns(ctx.db, { ...filter, scope: importRunScope(ctx.actor) }, { limit, offset });
  const people = await findPersonLabels(
    ctx.db,
    page.items.flatMap((item) => (item.uploadedById ? [item.uploadedById] : [])),
  );
  return {
    total: page.total,
    items: page.items.map((item) => ({
      ...item,
      uploader: (item.uploadedById && people.get(item.uploadedById)) || '（系统）',
      createdAt: item.createdAt.toISOString(),
    })),
  };
}

/** A run the actor may see, or NotFound (another county's run is indistinguishable from a missing one). */
async function getVisibleRun(ctx: ActorContext, id: string) {
  const run = await repository.findImportRunFile(ctx.db, id, importRunScope(ctx.actor));
  if (!run) throw new AppError(ErrorCode.NotFound, { message: '导入记录不存在或无权查看' });
  return run;
}

/** The uploaded file of a run, byte for byte. */
export async function getImportRunFile(ctx: ActorContext, id: string): Promise<{ fileName: string; content: Buffer }> {
  const run = await getVisibleRun(ctx, id);
  return { fileName: run.fileName, content: run.content };
}

/** The error report of a refused run as a workbook (行号, 列, 问题), or NotFound when the run has none. */
export async function getImportRunErrorReport(ctx: ActorContext, id: string): Promise<{ fileName: string; content: Buffer }> {
  const run = await getVisibleRun(ctx, id);
  if (!run.errors) throw new AppError(ErrorCode.NotFound, { message: '该次导入没有错误报告' });
  const base = run.fileName.replace(/\.xlsx$/i, '');
  return { fileName: `${base}-错误报告.xlsx`, content: await buildErrorReport(run.errors) };
}
