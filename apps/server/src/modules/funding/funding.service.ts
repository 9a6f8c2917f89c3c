import {
  type Budget,
  type CreateBudget,
  type CreateExpenditure,
  type CreateGrant,
  type CreatePayment,
  type CreateSubsidyRule,
  ErrorCode,
  type Expenditure,
  type EvaluationGrade,
  grantGradeLabels as evaluationGradeLabels,
  forbiddenExpenditureCategories,
  formatFen,
  type Grant,
  type GrantDetail,
  grantKindLabels,
  grantStatusLabels,
  type GrantQuery,
  type GrantsFromRound,
  type GrantTransition,
  labels,
  type Page,
  type Payment,
  type RoundGrantPreview,
  type SubsidyRule,
  type Todo,
  type UpdateBudget,
  type UpdateGrant,
  type UpdateSubsidyRule,
} from '@stip/contracts';
import type { Database, Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type Actor, type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { todayInChina } from '../../shared/clock';
import { isUniqueViolation } from '../../shared/database-errors';
import { recordAudit } from '../audit';
import { allowedGrantActions, grantMove } from './grants.lifecycle';
import { canFileExpenditure, canReadBudgets, canWriteFunding, grantScope } from './funding.policy';
import * as repository from './funding.repository';
import { expenditureOverrun, forbiddenUseRefusal, paymentRefusal } from './funding.rules';

function requireWriter(actor: Actor | null): void {
  if (!canWriteFunding(actor)) throw new AppError(ErrorCode.Forbidden, { message: '只有市科技局可以管理资金' });
}

// ---- budgets

function toBudget(row: repository.BudgetRow): Budget {
  const { budget } = row;
  return {
    id: budget.id,
    year: budget.year,
    amount: formatFen(budget.amountFen),
    granted: formatFen(row.grantedFen),
    paid: formatFen(budget.paidFen),
    remaining: formatFen(budget.amountFen - budget.paidFen),
    remarks: budget.remarks,
    isDemo: budget.isDemo,
    version: budget.version,
  };
}

/** Every year's budget with granted, paid and remaining amounts (city, county staff and leaders). */
export async function findBudgets(ctx: ActorContext): Promise<Page<Budget>> {
  if (!canReadBudgets(ctx.actor)) throw new AppError(ErrorCode.Forbidden, { message: '依托单位不能查看资金预算' });
  const rows = await repository.findBudgetRows(ctx.db);
  return { items: rows.map(toBudget), total: rows.length };
}

/** Sets a year's budget (one per year). */
export async function createBudgetInTx(tx: Transaction, ctx: RequestContext, input: CreateBudget, isDemo = false): Promise<string> {
  requireWriter(ctx.actor);
  if (await repository.getBudgetByYear(tx, input.year))
    throw new AppError(ErrorCode.AlreadyExists, { message: `${input.year}年度预算已存在，请修改该预算` });
  const row = await repository.insertBudget(tx, { year: input.year, amountFen: input.amount, remarks: input.remarks ?? null, isDemo });
  await recordAudit(tx, ctx, { action: 'funding.budget.create', objectType: 'funding_budget', objectId: row.id, after: row });
  return row.id;
}

export async function createBudget(ctx: ActorContext, input: CreateBudget): Promise<Budget> {
  const id = await inTransaction(ctx, (tx) => createBudgetInTx(tx, ctx, input)).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError(ErrorCode.AlreadyExists, { message: `${input.year}年度预算已存在，请修改该预算` });
    throw error;
  });
  return toBudget((await repository.getBudgetRow(ctx.db, id))!);
}

/** Changes a budget's amount or remarks (optimistic lock); never below what is already paid from it. */
export async function updateBudget(ctx: ActorContext, id: string, input: UpdateBudget): Promise<Budget> {
  requireWriter(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const before = await repository.lockBudget(tx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    if (input.amount !== undefined && input.amount < before.paidFen) {
      throw invalidField('amount', `预算金额不能低于已拨付金额${formatFen(before.paidFen)}元`);
    }
    const changes = {
      ...(input.amount !== undefined ? { amountFen: input.amount } : {}),
      ...(input.remarks !== undefined ? { remarks: input.remarks } : {}),
    };
    if (!(await repository.updateBudgetVersioned(tx, id, input.version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'funding.budget.update', objectType: 'funding_budget', objectId: id, before, after: changes });
  });
  return toBudget((await repository.getBudgetRow(ctx.db, id))!);
}

// ---- subsidy rules

function toSubsidyRule(row: repository.SubsidyRuleRow): SubsidyRule {
  const { rule } = row;
  return {
    id: rule.id,
    level: rule.level,
    typeId: rule.typeId,
    typeName: row.typeName,
    grade: rule.grade,
    kind: rule.kind,
    amount: formatFen(rule.amountFen),
    isDemo: rule.isDemo,
    version: rule.version,
  };
}

export async function findSubsidyRules(ctx: ActorContext): Promise<Page<SubsidyRule>> {
  const rows = await repository.findSubsidyRuleRows(ctx.db);
  return { items: rows.map(toSubsidyRule), total: rows.length };
}

const ruleTaken = () => new AppError(ErrorCode.AlreadyExists, { message: '该级别（或类型）和等次的资助标准已存在，请修改原标准' });

/** Adds what a grade earns for a level, or for one type (the type's level is taken from the taxonomy). */
export async function createSubsidyRuleInTx(
  tx: Transaction,
  ctx: RequestContext,
  input: CreateSubsidyRule,
  isDemo = false,
): Promise<string> {
  requireWriter(ctx.actor);
  let level = input.level;
  if (input.typeId) {
    const type = await repository.getPlatformTypeLevel(tx, input.typeId);
    if (!type) throw invalidField('typeId', '平台类型不存在');
    level = type.level;
  }
  const row = await repository.insertSubsidyRule(tx, {
    level,
    typeId: input.typeId ?? null,
    grade: input.grade,
    kind: input.kind,
    amountFen: input.amount,
    isDemo,
  });
  await recordAudit(tx, ctx, { action: 'funding.rule.create', objectType: 'funding_subsidy_rule', objectId: row.id, after: row });
  return row.id;
}

export async function createSubsidyRule(ctx: ActorContext, input: CreateSubsidyRule): Promise<SubsidyRule> {
  const id = await inTransaction(ctx, (tx) => createSubsidyRuleInTx(tx, ctx, input)).catch((error: unknown) => {
    throw isUniqueViolation(error) ? ruleTaken() : error;
  });
  return toSubsidyRule((await repository.getSubsidyRuleRow(ctx.db, id))!);
}

export async function updateSubsidyRule(ctx: ActorContext, id: string, input: UpdateSubsidyRule): Promise<SubsidyRule> {
  requireWriter(ctx.actor);
  const before = await repository.getSubsidyRuleRow(ctx.db, id);
  if (!before) throw notFound();
  const changes = {
    ...(input.amount !== undefined ? { amountFen: input.amount } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
  };
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateSubsidyRuleVersioned(tx, id, input.version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'funding.rule.update',
      objectType: 'funding_subsidy_rule',
      objectId: id,
      before: before.rule,
      after: changes,
    });
  });
  return toSubsidyRule((await repository.getSubsidyRuleRow(ctx.db, id))!);
}

/** Retires a rule (soft delete: grants made by it keep their amounts and basis). */
export async function deleteSubsidyRule(ctx: ActorContext, id: string, version: number): Promise<void> {
  requireWriter(ctx.actor);
  const before = await repository.getSubsidyRuleRow(ctx.db, id);
  if (!before) throw notFound();
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateSubsidyRuleVersioned(tx, id, version, { deletedAt: new Date() }))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'funding.rule.delete', objectType: 'funding_subsidy_rule', objectId: id, before: before.rule });
  });
}

// ---- grants

function toGrant(row: repository.GrantRow): Grant {
  const { grant } = row;
  return {
    id: grant.id,
    year: grant.year,
    kind: grant.kind,
    status: grant.status,
    platform: {
      id: grant.platformId,
      name: row.platformName,
      hostOrganizationName: row.hostOrganizationName,
      regionName: row.regionName,
    },
    amount: formatFen(grant.amountFen),
    paid: formatFen(grant.paidFen),
    balance: formatFen(grant.amountFen - grant.paidFen),
    spent: formatFen(grant.spentFen),
    basis: grant.basis,
    grade: grant.grade,
    evaluationRoundId: grant.evaluationRoundId,
    cancelReason: grant.cancelReason,
    isDemo: grant.isDemo,
    version: grant.version,
    createdAt: grant.createdAt.toISOString(),
  };
}

function toPayment(row: repository.PaymentRecord): Payment {
  return {
    id: row.id,
    grantId: row.grantId,
    paidOn: row.paidOn,
    amount: formatFen(row.amountFen),
    voucherNo: row.voucherNo,
    remarks: row.remarks,
    createdAt: row.createdAt.toISOString(),
  };
}

function toExpenditure(row: repository.ExpenditureRecord): Expenditure {
  return {
    id: row.id,
    grantId: row.grantId,
    category: row.category,
    amount: formatFen(row.amountFen),
    spentOn: row.spentOn,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The grants the actor sees, filtered, newest year first. */
export async function findGrants(ctx: ActorContext, query: GrantQuery): Promise<Page<Grant>> {
  const page = await repository.findGrantRows(ctx.db, { ...query, scope: grantScope(ctx.actor) }, query);
  return { items: page.rows.map(toGrant), total: page.total };
}

async function getVisibleGrantRow(ctx: RequestContext, id: string, db: Executor = ctx.db): Promise<repository.GrantRow> {
  const row = await repository.getGrantRow(db, id, grantScope(ctx.actor));
  if (!row) throw notFound('资助不存在或不在您的查看范围内');
  return row;
}

/** One grant with its payments, expenditure lines and what the reader may do with it. */
export async function getGrant(ctx: ActorContext, id: string): Promise<GrantDetail> {
  const row = await getVisibleGrantRow(ctx, id);
  const [payments, expenditures] = await Promise.all([repository.findPayments(ctx.db, [id]), repository.findExpenditures(ctx.db, [id])]);
  const { grant } = row;
  return {
    ...toGrant(row),
    payments: payments.map(toPayment),
    expenditures: expenditures.map(toExpenditure),
    allowedActions: allowedGrantActions(grant, ctx.actor.role, todayInChina()),
    canPay: canWriteFunding(ctx.actor) && grant.status === 'approved',
    canFileExpenditure:
      canFileExpenditure(ctx.actor, row.hostOrganizationId) && grant.status !== 'cancelled' && grant.paidFen > grant.spentFen,
  };
}

async function requireBudget(db: Executor, year: number) {
  const budget = await repository.getBudgetByYear(db, year);
  if (!budget) throw invalidField('year', `${year}年度尚未设定资金预算，请先设定预算`);
  return budget.budget;
}

/** Makes one grant (proposed) for a platform the actor sees, charged to the year's budget. */
export async function createGrantInTx(tx: Transaction, ctx: RequestContext, input: CreateGrant, isDemo = false): Promise<string> {
  requireWriter(ctx.actor);
  const platform = await repository.getCurrentPlatform(tx, input.platformId, grantScope(ctx.actor));
  if (!platform) throw invalidField('platformId', '平台不存在或不在您的管辖范围内');
  if (platform.status === 'revoked' || platform.status === 'merged') {
    throw invalidField('platformId', `平台“${platform.name}”已${labels.platformStatus[platform.status]}，不能给予资助`);
  }
  const budget = await requireBudget(tx, input.year);
  const row = await repository.insertGrant(tx, {
    budgetId: budget.id,
    year: input.year,
    platformId: input.platformId,
    kind: input.kind,
    amountFen: input.amount,
    basis: input.basis,
    status: 'proposed',
    isDemo,
  });
  await recordAudit(tx, ctx, { action: 'funding.grant.create', objectType: 'funding_grant', objectId: row.id, after: row });
  return row.id;
}

export async function createGrant(ctx: ActorContext, input: CreateGrant): Promise<GrantDetail> {
  const id = await inTransaction(ctx, (tx) => createGrantInTx(tx, ctx, input));
  return getGrant(ctx, id);
}

/** Changes a proposed grant's kind, amount or basis (optimistic lock); approved grants are fixed. */
export async function updateGrant(ctx: ActorContext, id: string, input: UpdateGrant): Promise<GrantDetail> {
  requireWriter(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    await getVisibleGrantRow(ctx, id, tx);
    const before = await repository.lockGrant(tx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    if (before.status !== 'proposed') {
      throw new AppError(ErrorCode.TransitionNotAllowed, { message: `状态为“${grantStatusLabels[before.status]}”的资助不能修改` });
    }
    const changes = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.amount !== undefined ? { amountFen: input.amount } : {}),
      ...(input.basis !== undefined ? { basis: input.basis } : {}),
    };
    if (!(await repository.updateProposedGrant(tx, id, input.version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'funding.grant.update', objectType: 'funding_grant', objectId: id, before, after: changes });
  });
  return getGrant(ctx, id);
}

/** Evaluation rounds whose results are final, for making grants from them. */
export async function findFinalRounds(ctx: ActorContext) {
  requireWriter(ctx.actor);
  return repository.findFinalRounds(ctx.db);
}

interface RoundPlan {
  preview: RoundGrantPreview;
  budgetId: string | null;
  lines: {
    resultId: string;
    platformId: string;
    grade: EvaluationGrade;
    kind: 'post_subsidy' | 'award';
    amountFen: number;
  }[];
}

/** What the rules give each result of a final round: the grant, or why none is made. */
async function planRoundGrants(db: Executor, input: GrantsFromRound): Promise<RoundPlan> {
  const round = await repository.getRound(db, input.roundId);
  if (!round) throw invalidField('roundId', '评估考核轮次不存在');
  if (round.status !== 'published' && round.status !== 'applied') {
    throw ruleViolation(`评估考核“${round.title}”的结果尚未公布，不能据此给予资助`);
  }
  // One after another: `db` may be a transaction, whose one connection takes one query at a time.
  const results = await repository.findRoundResults(db, round.id);
  const rules = await repository.findSubsidyRuleRows(db);
  const budget = await repository.getBudgetByYear(db, input.year);
  const lines: RoundPlan['lines'] = [];
  const previewLines: RoundGrantPreview['lines'] = results.map((result) => {
    const base = { resultId: result.resultId, platformId: result.platformId, platformName: result.platformName, grade: result.grade };
    const skip = (reason: string) => ({ ...base, kind: null, amount: null, skippedReason: reason });
    if (!result.grade) return skip('尚无评估等次');
    if (result.existingGrantId) return skip('已据此结果给予资助');
    const rule =
      rules.find((r) => r.rule.typeId === result.typeId && r.rule.grade === result.grade) ??
      rules.find((r) => r.rule.typeId === null && r.rule.level === result.level && r.rule.grade === result.grade);
    if (!rule || rule.rule.amountFen === 0) {
      return skip(`${labels.platformLevel[result.level]}“${evaluationGradeLabels[result.grade]}”等次无资助标准`);
    }
    lines.push({
      resultId: result.resultId,
      platformId: result.platformId,
      grade: result.grade,
      kind: rule.rule.kind,
      amountFen: rule.rule.amountFen,
    });
    return { ...base, kind: rule.rule.kind, amount: formatFen(rule.rule.amountFen), skippedReason: null };
  });
  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  return {
    budgetId: budget?.budget.id ?? null,
    lines,
    preview: {
      roundId: round.id,
      roundTitle: round.title,
      year: input.year,
      lines: previewLines,
      total: formatFen(totalFen),
      budgetLeftAfter: budget ? formatFen(budget.budget.amountFen - budget.grantedFen - totalFen) : null,
    },
  };
}

/** The grants a final round's results would get by the rules, without making them. */
export async function previewRoundGrants(ctx: ActorContext, input: GrantsFromRound): Promise<RoundGrantPreview> {
  requireWriter(ctx.actor);
  return (await planRoundGrants(ctx.db, input)).preview;
}

/** Makes every grant the preview shows, in one transaction: all are made or none. */
export async function createRoundGrantsInTx(tx: Transaction, ctx: RequestContext, input: GrantsFromRound, isDemo = false) {
  requireWriter(ctx.actor);
  const plan = await planRoundGrants(tx, input);
  if (!plan.budgetId) throw invalidField('year', `${input.year}年度尚未设定资金预算，请先设定预算`);
  if (!plan.lines.length) throw ruleViolation('该轮次没有可按标准给予资助的结果');
  for (const line of plan.lines) {
    const row = await repository.insertGrant(tx, {
      budgetId: plan.budgetId,
      year: input.year,
      platformId: line.platformId,
      kind: line.kind,
      amountFen: line.amountFen,
      grade: line.grade,
      basis: `${plan.preview.roundTitle}：${evaluationGradeLabels[line.grade]}，按资助标准给予${grantKindLabels[line.kind]}`,
      evaluationRoundId: input.roundId,
      evaluationResultId: line.resultId,
      status: 'proposed',
      isDemo,
    });
    await recordAudit(tx, ctx, { action: 'funding.grant.create', objectType: 'funding_grant', objectId: row.id, after: row });
  }
  return { created: plan.lines.length, total: plan.preview.total };
}

export async function createRoundGrants(ctx: ActorContext, input: GrantsFromRound) {
  return inTransaction(ctx, (tx) => createRoundGrantsInTx(tx, ctx, input)).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError(ErrorCode.AlreadyExists, { message: '该轮次的部分结果已同时被给予资助，请重新预览' });
    throw error;
  });
}

/** Approves or cancels a grant by the lifecycle table (optimistic lock). */
export async function transitionGrantInTx(tx: Transaction, ctx: RequestContext, id: string, input: GrantTransition): Promise<void> {
  await getVisibleGrantRow(ctx, id, tx);
  const grant = await repository.lockGrant(tx, id);
  if (!grant) throw notFound();
  if (grant.version !== input.version) throw versionConflict();
  const move = grantMove(grant, input.action, ctx.actor?.role ?? 'city_staff', todayInChina());
  if (move.refusal !== null) {
    throw new AppError(ctx.actor && ctx.actor.role !== 'city_staff' ? ErrorCode.Forbidden : ErrorCode.TransitionNotAllowed, {
      message: move.refusal,
    });
  }
  if (input.action === 'cancel' && !input.reason) throw invalidField('reason', '取消资助须说明理由');
  if (!(await repository.setGrantStatus(tx, id, grant.version, move.to, input.action === 'cancel' ? input.reason : undefined))) {
    throw versionConflict();
  }
  await recordAudit(tx, ctx, {
    action: `funding.grant.${input.action}`,
    objectType: 'funding_grant',
    objectId: id,
    before: { status: grant.status, version: grant.version },
    after: { status: move.to, reason: input.reason ?? null },
  });
}

export async function transitionGrant(ctx: ActorContext, id: string, input: GrantTransition): Promise<GrantDetail> {
  await inTransaction(ctx, (tx) => transitionGrantInTx(tx, ctx, id, input));
  return getGrant(ctx, id);
}

/**
 * Records a payment on an approved grant. The budget row and then the grant row are locked
 * (SELECT … FOR UPDATE, always in that order) for the rest of the transaction, so concurrent
 * payments on one budget queue and each sees the balances the one before left; the guarded
 * updates and the CHECK constraints refuse an overdraft even without the locks. The payment that
 * brings the grant to its amount settles it (已拨付).
 */
export async function recordPaymentInTx(
  tx: Transaction,
  ctx: RequestContext,
  grantId: string,
  input: CreatePayment,
  isDemo = false,
): Promise<string> {
  requireWriter(ctx.actor);
  const visible = await getVisibleGrantRow(ctx, grantId, tx);
  const budget = await repository.lockBudget(tx, visible.grant.budgetId);
  const grant = await repository.lockGrant(tx, grantId);
  if (!budget || !grant) throw notFound();
  if (grant.status !== 'approved') {
    throw new AppError(ErrorCode.TransitionNotAllowed, {
      message:
        grant.status === 'proposed' ? '资助尚未批准，不能拨付' : `状态为“${grant.status === 'paid' ? '已拨付' : '已取消'}”的资助不能再拨付`,
    });
  }
  const refusal = paymentRefusal(input.amount, grant, budget);
  if (refusal) throw ruleViolation(refusal);
  if (!(await repository.addBudgetPaid(tx, budget.id, input.amount))) throw ruleViolation('拨付金额超过本年度预算余额');
  if (!(await repository.addGrantPaid(tx, grant.id, input.amount))) throw ruleViolation('拨付金额超过该资助的未拨付余额');
  const payment = await repository.insertPayment(tx, {
    grantId: grant.id,
    budgetId: budget.id,
    paidOn: input.paidOn,
    amountFen: input.amount,
    voucherNo: input.voucherNo,
    remarks: input.remarks ?? null,
    isDemo,
  });
  await recordAudit(tx, ctx, {
    action: 'funding.payment.create',
    objectType: 'funding_grant',
    objectId: grant.id,
    after: { ...payment, grantPaidFen: grant.paidFen + input.amount, budgetPaidFen: budget.paidFen + input.amount },
  });
  const after = { ...grant, paidFen: grant.paidFen + input.amount, version: grant.version + 1 };
  const settle = grantMove(after, 'settle', 'payment', todayInChina());
  if (settle.refusal === null) {
    if (!(await repository.setGrantStatus(tx, grant.id, after.version, settle.to))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'funding.grant.settle',
      objectType: 'funding_grant',
      objectId: grant.id,
      before: { status: grant.status },
      after: { status: settle.to },
    });
  }
  return payment.id;
}

export async function recordPayment(ctx: ActorContext, grantId: string, input: CreatePayment): Promise<GrantDetail> {
  await inTransaction(ctx, (tx) => recordPaymentInTx(tx, ctx, grantId, input));
  return getGrant(ctx, grantId);
}

/**
 * Files an expenditure line against a grant: refused for the forbidden uses of seed 004 (by category
 * or by the words of its description) and when the grant's lines would exceed what was paid.
 */
export async function fileExpenditureInTx(
  tx: Transaction,
  ctx: RequestContext,
  grantId: string,
  input: CreateExpenditure,
  isDemo = false,
): Promise<string> {
  const visible = await getVisibleGrantRow(ctx, grantId, tx);
  if (!canFileExpenditure(ctx.actor, visible.hostOrganizationId)) {
    throw new AppError(ErrorCode.Forbidden, { message: '只有平台的依托单位或市科技局可以填报支出明细' });
  }
  const forbidden = forbiddenUseRefusal(input);
  if (forbidden) {
    const field = (forbiddenExpenditureCategories as readonly string[]).includes(input.category) ? 'category' : 'description';
    throw ruleViolation(forbidden, [{ field, message: forbidden }]);
  }
  const grant = await repository.lockGrant(tx, grantId);
  if (!grant) throw notFound();
  if (grant.status === 'cancelled') throw new AppError(ErrorCode.TransitionNotAllowed, { message: '已取消的资助不能填报支出' });
  const overrun = expenditureOverrun(input.amount, grant);
  if (overrun) throw ruleViolation(overrun, [{ field: 'amount', message: overrun }]);
  if (!(await repository.addGrantSpent(tx, grantId, input.amount))) throw ruleViolation('支出合计不能超过已拨付金额');
  const line = await repository.insertExpenditure(tx, {
    grantId,
    category: input.category,
    amountFen: input.amount,
    spentOn: input.spentOn,
    description: input.description,
    isDemo,
  });
  await recordAudit(tx, ctx, { action: 'funding.expenditure.create', objectType: 'funding_grant', objectId: grantId, after: line });
  return line.id;
}

export async function fileExpenditure(ctx: ActorContext, grantId: string, input: CreateExpenditure): Promise<GrantDetail> {
  await inTransaction(ctx, (tx) => fileExpenditureInTx(tx, ctx, grantId, input));
  return getGrant(ctx, grantId);
}

// ---- to-do

/**
 * What waits for the actor in funding: for city staff, approved grants still to be paid (due by the
 * end of the grant's year); for host users, paid grants of their platforms without any expenditure
 * line yet (due by the end of the grant's year).
 */
export async function findTodos(db: Database, actor: Actor): Promise<Todo[]> {
  if (actor.role === 'city_staff') {
    const rows = await repository.findGrantsAwaitingPayment(db, grantScope(actor));
    return rows.map((row) => ({
      kind: 'grant_payment' as const,
      title: `拨付资助：${row.platformName}（${row.grant.year}年度${grantKindLabels[row.grant.kind]}，未拨付${formatFen(row.grant.amountFen - row.grant.paidFen)}元）`,
      path: `/funding/grants/${row.grant.id}`,
      dueOn: `${row.grant.year}-12-31`,
      subjectId: row.grant.id,
    }));
  }
  if (actor.role === 'host_user' && actor.organizationId) {
    const rows = await repository.findGrantsWithoutExpenditure(db, grantScope(actor));
    return rows
      .filter((row) => row.hostOrganizationId === actor.organizationId)
      .map((row) => ({
        kind: 'expenditure_report' as const,
        title: `填报资金支出：${row.platformName}（${row.grant.year}年度${grantKindLabels[row.grant.kind]}）`,
        path: `/funding/grants/${row.grant.id}`,
        dueOn: `${row.grant.year}-12-31`,
        subjectId: row.grant.id,
      }));
  }
  return [];
}

// ---- export

/** The grants, payments and expenditure lines the actor sees for a year (or all years), for the Excel export. */
export async function findGrantsForExport(ctx: ActorContext, year: number | undefined) {
  const { rows } = await repository.findGrantRows(ctx.db, { scope: grantScope(ctx.actor), year }, null);
  const ids = rows.map((row) => row.grant.id);
  const [payments, expenditures, budgets] = await Promise.all([
    repository.findPayments(ctx.db, ids),
    repository.findExpenditures(ctx.db, ids),
    canReadBudgets(ctx.actor) ? repository.findBudgetRows(ctx.db) : Promise.resolve([]),
  ]);
  return {
    grants: rows.map(toGrant),
    payments: payments.map(toPayment),
    expenditures: expenditures.map(toExpenditure),
    budgets: budgets.map(toBudget).filter((budget) => year === undefined || budget.year === year),
  };
}
