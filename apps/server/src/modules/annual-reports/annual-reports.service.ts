import {
  type AnnualReport,
  type AnnualReportAction,
  type AnnualReportDetail,
  type AnnualReportQuery,
  type AnnualReportStatus,
  type Role,
  type AnnualReportTransition,
  ErrorCode,
  type IndicatorDefinition,
  type IndicatorForm,
  type OpenReportingYear,
  type Page,
  type ReportingYear,
  type SaveAnnualReport,
  type SaveIndicatorForm,
  type UpdateReportingYear,
  type Todo,
  annualReportActionLabels,
} from '@stip/contracts';
import { sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { chinaMidnight, nextDay, todayInChina } from '../../shared/clock';
import { type Actor, type ActorContext, type RequestContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import { getRegionRow } from '../regions';
import type { NewNotification } from '../notifications';
import * as repository from './annual-reports.repository';
import { type AnnualReportMover, allowedAnnualReportActions, annualReportLifecycle, annualReportMove } from './annual-reports.lifecycle';
import { canManageReporting, moverFor, reportScope } from './annual-reports.policy';
import { checkFigures, defaultIndicatorForm, unknownKeys } from './annual-reports.forms';

/** The statuses in which a report waits for each role's step. */
const waitingStatuses: Partial<Record<Role, AnnualReportStatus[]>> = {
  host_user: ['draft', 'returned'],
  county_staff: ['county_review'],
  city_staff: ['city_review'],
};

const numbersOf = (value: unknown): Record<string, number> =>
  Object.fromEntries(
    Object.entries((value ?? {}) as Record<string, unknown>).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );

/** Whether the report was submitted after its due day ended (China time). */
function isSubmittedLate(report: repository.AnnualReportRecord): boolean {
  return report.submittedAt !== null && report.submittedAt >= chinaMidnight(nextDay(report.dueOn));
}

function toReport(row: repository.AnnualReportRow, today: string): AnnualReport {
  const r = row.report;
  return {
    id: r.id,
    year: r.year,
    status: r.status,
    platform: { id: r.platformId, name: row.platformName },
    type: { id: row.typeId, name: row.typeName },
    hostOrganization: { id: row.hostOrganizationId, name: row.hostOrganizationName },
    region: { id: row.regionId, name: row.regionName },
    hasCountyReview: Boolean(row.hasCountyReview),
    indicators: numbersOf(r.indicators),
    narratives: r.narratives ?? {},
    dueOn: r.dueOn,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    isLate: r.submittedAt === null && r.dueOn < today,
    submittedLate: isSubmittedLate(r),
    isDemo: r.isDemo,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The reports the actor sees, filtered; `late` lists those not submitted by their due date as of `today`. */
export async function findAnnualReports(ctx: ActorContext, query: AnnualReportQuery, today = todayInChina()): Promise<Page<AnnualReport>> {
  const filter = await filterOf(ctx, query, today);
  const page = await repository.findReportRows(ctx.db, filter, query);
  return { items: page.rows.map((row) => toReport(row, today)), total: page.total };
}

async function filterOf(
  ctx: ActorContext,
  query: Omit<AnnualReportQuery, 'limit' | 'offset'>,
  today: string,
): Promise<repository.ReportFilter> {
  let regionPath: string | undefined;
  if (query.regionId) {
    const region = await getRegionRow(ctx.db, query.regionId);
    if (!region) throw invalidField('regionId', '所选区域不存在');
    regionPath = region.path;
  }
  let statuses = query.status;
  if (query.mine) {
    // What waits for my step: hosts file, county staff pre-review, city staff review.
    const waiting = waitingStatuses[ctx.actor.role] ?? [];
    statuses = statuses ? statuses.filter((status) => waiting.includes(status)) : [...waiting];
    if (!statuses.length) statuses = undefined;
    if (!waiting.length) return { scope: sql`false` };
  }
  return {
    scope: reportScope(ctx.actor),
    year: query.year,
    statuses,
    regionPath,
    typeId: query.typeId,
    lateOn: query.late ? today : undefined,
    q: query.q,
  };
}

/** Every report the actor sees matching the filter (the export), uncapped. */
export async function findAllAnnualReports(ctx: ActorContext, query: Omit<AnnualReportQuery, 'limit' | 'offset'>, today = todayInChina()) {
  const filter = await filterOf(ctx, query, today);
  const page = await repository.findReportRows(ctx.db, filter, null);
  return page.rows.map((row) => toReport(row, today));
}

async function getVisibleRow(ctx: ActorContext, id: string, db: Executor = ctx.db): Promise<repository.AnnualReportRow> {
  const row = await repository.getReportRow(db, id, reportScope(ctx.actor));
  if (!row) throw notFound('年度报告不存在或不在您的管辖范围内');
  return row;
}

/** The form a type's reports are filed on: the type's own, else the default one (built in until city staff edit it). */
export async function getIndicatorForm(db: Executor, typeId: string | null): Promise<IndicatorDefinition[]> {
  return (await repository.getFormFor(db, typeId)) ?? defaultIndicatorForm;
}

const factsOf = (row: repository.AnnualReportRow, hasComment = false) => ({
  status: row.report.status,
  hasCountyReview: Boolean(row.hasCountyReview),
  hasComment,
});

/** A report with its form, last year's figures alongside, the registry's facts, STIP's own counts and the review history. */
export async function getAnnualReport(ctx: ActorContext, id: string, today = todayInChina()): Promise<AnnualReportDetail> {
  const row = await getVisibleRow(ctx, id);
  const [form, previous, coBuilders, reviews] = await Promise.all([
    getIndicatorForm(ctx.db, row.typeId),
    repository.findPreviousReport(ctx.db, row.report.platformId, row.report.year),
    repository.findOrganizationNames(ctx.db, row.registry.coBuilderIds),
    repository.findReviews(ctx.db, id),
  ]);
  const lastYear = previous ? numbersOf(previous.indicators) : null;
  const report = toReport(row, today);
  const mover = moverFor(ctx.actor, row);
  return {
    ...report,
    form,
    lastYear: previous
      ? { id: previous.id, status: previous.status, indicators: lastYear ?? {}, narratives: previous.narratives ?? {} }
      : null,
    registry: {
      status: row.platformStatus,
      recognitionDocNo: row.registry.recognitionDocNo,
      recognizedOn: row.registry.recognizedOn,
      constructionEndsOn: row.registry.constructionEndsOn,
      director: row.registry.director,
      technicalFields: row.registry.technicalFields,
      coBuilders,
    },
    computed: [{ key: 'coBuilders', value: row.registry.coBuilderIds.length, source: '平台库登记的共建单位' }],
    warnings: checkFigures(form, report, lastYear, false).warnings,
    reviews: reviews.map((review) => ({ ...review, at: review.at.toISOString() })),
    allowedActions: allowedAnnualReportActions(factsOf(row), mover, today),
    canEdit: mover === 'host' && (row.report.status === 'draft' || row.report.status === 'returned'),
  };
}

/** Saves the host's draft figures (draft or returned reports only); figures are checked against the form. */
export async function saveAnnualReport(ctx: ActorContext, id: string, input: SaveAnnualReport): Promise<AnnualReportDetail> {
  const row = await getVisibleRow(ctx, id);
  if (moverFor(ctx.actor, row) !== 'host') throw new AppError(ErrorCode.Forbidden, { message: '只有平台依托单位可以填报年度报告' });
  if (row.report.status !== 'draft' && row.report.status !== 'returned') {
    throw ruleViolation('年度报告已提交，不能再修改；如需修改请等待审核退回');
  }
  const form = await getIndicatorForm(ctx.db, row.typeId);
  const indicators = Object.fromEntries(Object.entries(input.indicators).filter((entry): entry is [string, number] => entry[1] !== null));
  const narratives = Object.fromEntries(Object.entries(input.narratives).filter(([, text]) => text !== ''));
  const unknown = unknownKeys(form, indicators, narratives);
  if (unknown.length) throw invalidField(unknown[0]!, `指标表中没有该指标：${unknown[0]}`);
  const { errors } = checkFigures(form, { indicators, narratives }, null, false);
  if (errors.length) throw new AppError(ErrorCode.ValidationFailed, { message: errors[0]!.message, details: errors });
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateReportVersioned(tx, id, input.version, { indicators, narratives });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'annual-report.save',
      objectType: 'annual_report',
      objectId: id,
      before: { indicators: row.report.indicators, narratives: row.report.narratives },
      after: { indicators, narratives },
    });
  });
  return getAnnualReport(ctx, id);
}

/** Writes a report's figures inside the caller's transaction, audited (the demo seed fills past years with it). */
export async function fillAnnualReportInTx(
  tx: Transaction,
  ctx: RequestContext,
  id: string,
  version: number,
  figures: { indicators: Record<string, number>; narratives: Record<string, string> },
): Promise<void> {
  const after = await repository.updateReportVersioned(tx, id, version, figures);
  if (!after) throw versionConflict();
  await recordAudit(tx, ctx, { action: 'annual-report.save', objectType: 'annual_report', objectId: id, after: figures });
}

/** A report row by id whatever the scope (the system's own work: seeding). */
export async function getAnnualReportRowForSystem(db: Executor, id: string) {
  const row = await repository.getReportRow(db, id, sql`true`);
  if (!row) throw notFound();
  return row;
}

/**
 * Applies one move of the lifecycle inside the caller's transaction and records it in the review history and
 * the audit trail. `at` is when it happened (the demo seeds past moves).
 */
export async function applyAnnualReportMove(
  tx: Transaction,
  ctx: RequestContext,
  row: repository.AnnualReportRow,
  move: { action: AnnualReportAction; mover: AnnualReportMover | null; version: number; comment: string | null; at: Date },
  isDemo = false,
): Promise<void> {
  const today = todayInChina(move.at);
  const result = annualReportMove(factsOf(row, Boolean(move.comment)), move.action, move.mover, today);
  if (result.refusal !== null) {
    const hasPart = annualReportLifecycle.transitions.some((t) => t.action === move.action && move.mover && t.by.includes(move.mover));
    throw new AppError(hasPart ? ErrorCode.TransitionNotAllowed : ErrorCode.Forbidden, { message: result.refusal });
  }
  const report = row.report;
  const after = await repository.updateReportVersioned(tx, report.id, move.version, {
    status: result.to,
    ...(move.action === 'submit' && !report.submittedAt ? { submittedAt: move.at } : {}),
    ...(result.to === 'accepted' ? { acceptedAt: move.at } : {}),
  });
  if (!after) throw versionConflict();
  await repository.insertReview(tx, {
    reportId: report.id,
    action: move.action,
    fromStatus: report.status,
    toStatus: result.to,
    comment: move.comment,
    actorId: ctx.actor?.userId ?? null,
    indicators: numbersOf(report.indicators),
    isDemo,
    createdAt: move.at,
  });
  await recordAudit(tx, ctx, {
    action: `annual-report.${move.action}`,
    objectType: 'annual_report',
    objectId: report.id,
    before: { status: report.status },
    after: { status: result.to, comment: move.comment },
  });
}

/**
 * Submits, pre-reviews or reviews a report as the transition table allows the actor's part. Submission checks the
 * figures against the form (required, non-negative, consistent); returning needs a comment.
 */
export async function moveAnnualReport(
  ctx: ActorContext,
  id: string,
  input: AnnualReportTransition,
  now: Date = new Date(),
): Promise<AnnualReportDetail> {
  const row = await getVisibleRow(ctx, id);
  const mover = moverFor(ctx.actor, row);
  const comment = input.comment?.trim() || null;
  if (input.action === 'submit' && mover === 'host' && (row.report.status === 'draft' || row.report.status === 'returned')) {
    const form = await getIndicatorForm(ctx.db, row.typeId);
    const figures = { indicators: numbersOf(row.report.indicators), narratives: row.report.narratives ?? {} };
    const { errors } = checkFigures(form, figures, null, true);
    if (errors.length) {
      throw new AppError(ErrorCode.ValidationFailed, { message: `还不能提交：${errors[0]!.message}`, details: errors });
    }
  }
  await inTransaction(ctx, (tx) =>
    applyAnnualReportMove(tx, ctx, row, { action: input.action, mover, version: input.version, comment, at: now }),
  );
  return getAnnualReport(ctx, id, todayInChina(now));
}

// ——— reporting years ———

export async function findReportingYears(ctx: ActorContext, today = todayInChina()): Promise<Page<ReportingYear>> {
  const items = await repository.findYears(ctx.db, reportScope(ctx.actor), today);
  return { items, total: items.length };
}

/**
 * Opens a reporting year: records its due date and creates a draft for every platform in 建设期 or 运行 (in the
 * actor's scope; the system reaches all), pre-filled with what the registry knows. Refused when already open.
 */
export async function openReportingYear(
  ctx: RequestContext,
  input: OpenReportingYear,
  options: { isDemo?: boolean } = {},
): Promise<{ year: number; created: number }> {
  if (ctx.actor && !canManageReporting(ctx.actor)) throw new AppError(ErrorCode.Forbidden, { message: '只有市科技局可以开启年度报告填报' });
  if (input.dueOn.slice(0, 4) < String(input.year)) throw invalidField('dueOn', '截止日期不能早于报告年度');
  return inTransaction(ctx, async (tx) => {
    const year = await repository.insertYear(tx, {
      year: input.year,
      dueOn: input.dueOn,
      openedBy: ctx.actor?.userId ?? null,
      isDemo: options.isDemo ?? false,
    });
    if (!year) throw ruleViolation(`${input.year}年度的年度报告已开启`);
    const created = await createMissingReports(tx, ctx, input.year, input.dueOn, options.isDemo);
    await recordAudit(tx, ctx, {
      action: 'annual-report.open-year',
      objectType: 'annual_report_year',
      objectId: String(input.year),
      after: { ...input, reports: created },
    });
    return { year: input.year, created };
  });
}

/** Drafts for the platforms in 建设期 or 运行 (in the actor's scope) that have no report for the year, pre-filled from the registry. */
async function createMissingReports(tx: Transaction, ctx: RequestContext, year: number, dueOn: string, isDemo?: boolean): Promise<number> {
  const platforms = await repository.findPlatformsWithoutReport(tx, year, ctx.actor ? reportScope(ctx.actor) : undefined);
  const created = await repository.insertReports(
    tx,
    platforms.map((platform) => ({
      platformId: platform.platformId,
      year,
      dueOn,
      // Pre-filled from the registry: the co-builders it records.
      indicators: { coBuilders: platform.coBuilderIds.length },
      createdBy: ctx.actor?.userId ?? null,
      isDemo: isDemo ?? platform.isDemo,
    })),
  );
  return created.length;
}

/**
 * Moves an open year's due date (the reports not yet submitted take the new date) and adds drafts for platforms that
 * entered 建设期 or 运行 since the year was opened.
 */
export async function updateReportingYear(
  ctx: ActorContext,
  year: number,
  input: UpdateReportingYear,
): Promise<{ year: number; created: number; moved: number }> {
  if (!canManageReporting(ctx.actor)) throw new AppError(ErrorCode.Forbidden, { message: '只有市科技局可以调整年度报告填报' });
  const existing = await repository.getYear(ctx.db, year);
  if (!existing) throw notFound(`${year}年度的年度报告尚未开启`);
  if (input.dueOn.slice(0, 4) < String(year)) throw invalidField('dueOn', '截止日期不能早于报告年度');
  return inTransaction(ctx, async (tx) => {
    if (!(await repository.updateYearVersioned(tx, year, input.version, input.dueOn))) throw versionConflict();
    const moved = await repository.moveUnsubmittedDueDates(tx, year, input.dueOn);
    const created = await createMissingReports(tx, ctx, year, input.dueOn);
    await recordAudit(tx, ctx, {
      action: 'annual-report.update-year',
      objectType: 'annual_report_year',
      objectId: String(year),
      before: { dueOn: existing.dueOn },
      after: { dueOn: input.dueOn, moved, created },
    });
    return { year, created, moved };
  });
}

// ——— indicator forms ———

export async function findIndicatorForms(ctx: ActorContext): Promise<Page<IndicatorForm>> {
  const rows = await repository.findForms(ctx.db);
  const items: IndicatorForm[] = rows.map(({ form, typeName }) => ({
    id: form.id,
    typeId: form.typeId,
    typeName,
    indicators: form.indicators,
    version: form.version,
    updatedAt: form.updatedAt.toISOString(),
  }));
  if (!items.some((item) => item.typeId === null)) {
    items.unshift({
      id: 'default',
      typeId: null,
      typeName: null,
      indicators: defaultIndicatorForm,
      version: 0,
      updatedAt: new Date(0).toISOString(),
    });
  }
  return { items, total: items.length };
}

/** Saves the default form or a type's own form (city staff); the standard keys keep their kind. */
export async function saveIndicatorForm(ctx: RequestContext, input: SaveIndicatorForm): Promise<IndicatorForm> {
  if (ctx.actor && !canManageReporting(ctx.actor)) throw new AppError(ErrorCode.Forbidden, { message: '只有市科技局可以修改指标表' });
  if (input.typeId && !(await repository.typeExists(ctx.db, input.typeId))) throw invalidField('typeId', '平台类型不存在');
  for (const [index, indicator] of input.indicators.entries()) {
    const standard = defaultIndicatorForm.find((item) => item.key === indicator.key);
    if (standard && (standard.kind === 'text') !== (indicator.kind === 'text')) {
      throw invalidField(
        `indicators.${index}.kind`,
        `标准指标“${standard.label}”（${standard.key}）的类型不能改为${indicator.kind === 'text' ? '文字' : '数字'}`,
      );
    }
  }
  const saved = await inTransaction(ctx, async (tx) => {
    const existing = await repository.getFormRecord(tx, input.typeId);
    let row;
    if (existing) {
      if (input.version === undefined) throw invalidField('version', '修改已有指标表须提供版本号');
      row = await repository.updateFormVersioned(tx, existing.id, input.version, input.indicators);
      if (!row) throw versionConflict();
    } else {
      row = await repository.insertForm(tx, { typeId: input.typeId, indicators: input.indicators });
      if (!row) throw versionConflict();
    }
    await recordAudit(tx, ctx, {
      action: 'annual-report.form',
      objectType: 'annual_report_form',
      objectId: row.id,
      before: existing?.indicators ?? null,
      after: input.indicators,
    });
    return row;
  });
  const forms = await findIndicatorForms({ ...ctx, actor: ctx.actor! });
  return forms.items.find((form) => form.id === saved.id)!;
}

// ——— 我的待办 ———

/** What waits for the actor: hosts' reports to file (draft / returned), county pre-reviews, city reviews. */
export async function findTodos(db: Executor, actor: Actor): Promise<Todo[]> {
  const step: Partial<Record<Role, { kind: Todo['kind']; verb: string }>> = {
    host_user: { kind: 'annual_report_file', verb: '填报年度报告' },
    county_staff: { kind: 'annual_report_review', verb: '预审年度报告' },
    city_staff: { kind: 'annual_report_review', verb: '审核年度报告' },
  };
  const mine = step[actor.role];
  const statuses = waitingStatuses[actor.role];
  if (!mine || !statuses || !actor.permissions.some((p) => p === 'annual-report:file' || p === 'annual-report:review')) return [];
  const page = await repository.findReportRows(db, { scope: reportScope(actor), statuses }, null);
  return page.rows.map((row) => ({
    kind: mine.kind,
    title: `${mine.verb}：${row.report.year}年度 ${row.platformName}${row.report.status === 'returned' ? '（已退回）' : ''}`,
    path: `/annual-reports/${row.report.id}`,
    dueOn: row.report.dueOn,
    subjectId: row.report.id,
  }));
}

// ——— reminders (the daily job) ———

/** Reminders go out when the due date is this many days away, and once when it has passed. */
export const annualReportReminderDays = [14, 3] as const;

/**
 * The day's annual-report notifications for host users: due within 14 days, within 3 days, and late (not submitted
 * after the due date). Deduplicated per report, due date and window, so nobody is told twice.
 */
export async function annualReportReminders(tx: Executor, today: string): Promise<NewNotification[]> {
  const widest = Math.max(...annualReportReminderDays);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + widest * 86_400_000).toISOString().slice(0, 10);
  const [dueSoon, late] = await Promise.all([
    repository.findUnsubmittedReports(tx, { from: today, to: until }),
    repository.findUnsubmittedReports(tx, { before: today }),
  ]);
  const users = await repository.findHostUserIds(tx, [...new Set([...dueSoon, ...late].map((report) => report.hostOrganizationId))]);
  const usersOf = (organizationId: string) => users.filter((user) => user.organizationId === organizationId).map((user) => user.id);
  const notifications: NewNotification[] = [];
  for (const report of dueSoon) {
    const daysLeft = Math.round((Date.parse(`${report.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    const window = [...annualReportReminderDays].sort((a, b) => a - b).find((days) => daysLeft <= days)!;
    for (const userId of usersOf(report.hostOrganizationId)) {
      notifications.push({
        userId,
        type: 'annual_report_due_soon',
        title: `年度报告即将截止：${report.platformName}`,
        body:
          daysLeft === 0
            ? `${report.year}年度报告今天（${report.dueOn}）截止，请尽快填报并提交。`
            : `${report.year}年度报告将于${report.dueOn}截止，还有${daysLeft}天，请及时填报并提交。`,
        link: `/annual-reports/${report.id}`,
        dedupeKey: `annual-report-due:${report.id}:${report.dueOn}:${window}`,
      });
    }
  }
  for (const report of late) {
    for (const userId of usersOf(report.hostOrganizationId)) {
      notifications.push({
        userId,
        type: 'annual_report_late',
        title: `年度报告已逾期：${report.platformName}`,
        body: `${report.year}年度报告的截止日期${report.dueOn}已过，尚未提交，请尽快填报。`,
        link: `/annual-reports/${report.id}`,
        dedupeKey: `annual-report-late:${report.id}:${report.dueOn}`,
      });
    }
  }
  return notifications;
}

export { annualReportActionLabels };
