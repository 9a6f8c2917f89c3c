import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Todo } from '@stip/contracts';
import { challenges } from '../../db/schema/index';
import type { ActorContext } from '../../shared/context';
import { challengeScope } from './challenges.policy';
import * as repository from './challenges.repository';

/**
 * What waits for the actor in 揭榜挂帅 (我的待办): bureau staff review the enterprises' lists sent to them; a
 * publisher (an enterprise for its lists, the bureau for its own) selects once applications have closed; the
 * publisher and the bureau staff over it see every overdue milestone of a selected project.
 */
export async function findTodos(ctx: ActorContext, today: string): Promise<Todo[]> {
  const actor = ctx.actor;
  let published: SQL | undefined;
  let reviewed: SQL | undefined;
  if (actor.role === 'host_user') {
    if (!actor.organizationId) return [];
    published = eq(challenges.publisherOrganizationId, actor.organizationId);
  } else if (actor.role === 'city_staff' || actor.role === 'county_staff') {
    const scope = challengeScope(actor);
    published = and(scope, isNull(challenges.publisherOrganizationId));
    reviewed = and(scope, isNotNull(challenges.publisherOrganizationId));
  } else {
    return [];
  }
  const todos: Todo[] = [];
  if (reviewed) {
    for (const row of await repository.findTodoChallenges(ctx.db, reviewed, ['submitted'], today))
      todos.push({
        kind: 'challenge_review',
        title: `审核揭榜挂帅榜单：${row.title}`,
        path: `/challenges/${row.id}`,
        dueOn: row.applicationDeadline,
        subjectId: row.id,
      });
  }
  for (const row of await repository.findTodoChallenges(ctx.db, published, ['reviewing'], today)) {
    if (row.liveApplications === 0) continue;
    todos.push({
      kind: 'challenge_select',
      title: `选定揭榜方（${row.liveApplications}份申请）：${row.title}`,
      path: `/challenges/${row.id}`,
      dueOn: null,
      subjectId: row.id,
    });
  }
  const milestoneScope = actor.role === 'host_user' ? published : challengeScope(actor);
  for (const row of await repository.findOverdueMilestones(ctx.db, milestoneScope, today))
    todos.push({
      kind: 'challenge_milestone',
      title: `揭榜项目节点逾期：${row.challengeTitle}—${row.milestoneTitle}`,
      path: `/challenges/${row.challengeId}`,
      dueOn: row.dueOn,
      subjectId: row.milestoneId,
    });
  return todos;
}
