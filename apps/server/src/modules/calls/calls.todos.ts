import { and, eq, sql } from 'drizzle-orm';
import type { Todo } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { applications, calls, panels } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { applicationScope } from './calls.policy';

/**
 * What waits for the actor in the calls module (我的待办): a host's drafts and returned applications
 * (due when the call closes); a reviewer's applications at their step (the county or supervising
 * department: 推荐; the city: 形式审查, 专家评审 to conclude, the notice to finish and recognise).
 */
export async function findTodos(db: Executor, actor: Actor): Promise<Todo[]> {
  const statuses: Record<string, string[]> = {
    host_user: ['draft', 'returned'],
    county_staff: ['county_review'],
    department_staff: ['county_review'],
    city_staff: ['formal_review', 'expert_review', 'public_notice'],
  };
  const wanted = statuses[actor.role];
  if (!wanted) return [];
  const cityFirstStep =
    actor.role === 'city_staff'
      ? sql` or (${applications.status} = 'county_review' and ${applications.regionId} in (select id from regions where level <> 'county'))`
      : sql``;
  const rows = await db
    .select({
      id: applications.id,
      platformName: applications.platformName,
      status: applications.status,
      closesOn: calls.closesOn,
      noticeEndsOn: applications.noticeEndsOn,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(
      and(
        sql`${applications.deletedAt} is null`,
        applicationScope(actor),
        sql`(${applications.status} in (${sql.join(
          wanted.map((s) => sql`${s}`),
          sql`, `,
        )})${cityFirstStep})`,
        // Expert review waits on the experts until the chair concludes; only then is the city's next step due.
        sql`(${applications.status} <> 'expert_review' or exists (select 1 from ${panels} where ${panels.applicationId} = ${applications.id} and ${panels.concludedAt} is not null))`,
      ),
    );
  const verb: Record<string, string> = {
    draft: '填写并提交申报',
    returned: '修改后重新提交申报',
    county_review: '推荐审核',
    formal_review: '形式审查',
    expert_review: '专家评审已完成，开始公示',
    public_notice: '公示期满后认定',
  };
  return (
    rows
      .map((row) => ({
        kind: actor.role === 'host_user' ? ('application_fill' as const) : ('application_review' as const),
        title: `${verb[row.status] ?? '办理申报'}：${row.platformName}`,
        path: `/applications/${row.id}`,
        // A host's deadline is the call's; the city may recognise once the notice has ended.
        dueOn: row.status === 'public_notice' ? row.noticeEndsOn : actor.role === 'host_user' ? row.closesOn : null,
        subjectId: row.id,
      }))
      // Those with a deadline first, the nearest first; the rest after.
      .sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'))
  );
}
