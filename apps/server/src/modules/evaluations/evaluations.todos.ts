import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Todo } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { evaluationRounds, platforms, platformVersions, rectifications, regions } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { likePrefix } from '../../shared/scope';
import { todayInChina } from '../../shared/clock';
import { canWriteEvaluations, evaluationScope, rectificationMoverOf } from './evaluations.policy';

/**
 * What waits for the actor in evaluations (我的待办): city staff — rounds in 审核中 and submitted
 * rectifications to check; host users — their platforms' rectifications still to report on.
 */
export async function findTodos(db: Executor, actor: Actor): Promise<Todo[]> {
  const todos: Todo[] = [];
  const isStaff = actor.role !== 'host_user' && canWriteEvaluations(actor);
  if (isStaff && actor.regionPath) {
    // The rounds this actor may review: those over a region in their subtree (as canWriteRound).
    const rounds = await db
      .select({ id: evaluationRounds.id, title: evaluationRounds.title })
      .from(evaluationRounds)
      .innerJoin(regions, eq(regions.id, evaluationRounds.regionId))
      .where(and(eq(evaluationRounds.status, 'reviewing'), sql`${regions.path} like ${likePrefix(actor.regionPath)}`))
      .orderBy(asc(evaluationRounds.createdAt));
    for (const round of rounds) {
      todos.push({
        kind: 'evaluation_review',
        title: `审核考核结果：${round.title}`,
        path: `/evaluations/${round.id}`,
        dueOn: null,
        subjectId: round.id,
      });
    }
  }
  // Staff: reports to check, and overdue rectifications to fail or extend; hosts: rectifications to report on.
  const wanted = isStaff ? (['submitted', 'ordered'] as const) : actor.role === 'host_user' ? (['ordered'] as const) : null;
  const today = todayInChina();
  if (wanted) {
    const rows = await db
      .select({
        id: rectifications.id,
        deadline: rectifications.deadline,
        status: rectifications.status,
        platformName: platformVersions.name,
        hostOrganizationId: platformVersions.hostOrganizationId,
      })
      .from(rectifications)
      .innerJoin(platforms, and(eq(platforms.id, rectifications.platformId), isNull(platforms.deletedAt)))
      .innerJoin(platformVersions, and(eq(platformVersions.platformId, rectifications.platformId), isNull(platformVersions.validTo)))
      .where(and(inArray(rectifications.status, [...wanted]), evaluationScope(actor)))
      .orderBy(asc(rectifications.deadline));
    for (const row of rows) {
      if (!isStaff && rectificationMoverOf(actor, row.hostOrganizationId) !== 'host') continue;
      if (isStaff && row.status === 'ordered' && row.deadline >= today) continue;
      const title = !isStaff ? '提交整改报告' : row.status === 'submitted' ? '核查整改' : '逾期未提交整改报告';
      todos.push({
        kind: 'rectification_due',
        title: `${title}：${row.platformName}`,
        path: `/rectifications/${row.id}`,
        dueOn: row.deadline,
        subjectId: row.id,
      });
    }
  }
  return todos;
}
