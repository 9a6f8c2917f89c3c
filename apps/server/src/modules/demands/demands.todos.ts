import { sql } from 'drizzle-orm';
import type { Todo } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { demands } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { findPublicationsWhere, publicationVisibility } from '../achievements';

/**
 * What waits in the demands module (我的待办): reviewing staff (city, county in their subtree) the demands
 * submitted for review; an owner's users the demands returned to them for changes.
 */
export async function findTodos(db: Executor, actor: Actor): Promise<Todo[]> {
  const reviewer = (actor.role === 'city_staff' || actor.role === 'county_staff') && actor.permissions.includes('demand:review');
  const owner = actor.role === 'host_user' && Boolean(actor.organizationId);
  if (!reviewer && !owner) return [];
  const scope = publicationVisibility(actor, {
    regionId: demands.regionId,
    organizationId: demands.enterpriseOrganizationId,
    status: demands.status,
  });
  const rows = await findPublicationsWhere(
    db,
    demands,
    sql`${demands.status} = ${reviewer ? 'submitted' : 'returned'} and ${scope ?? sql`true`}`,
  );
  return rows.map((row) => ({
    kind: reviewer ? ('demand_review' as const) : ('demand_fix' as const),
    title: `${reviewer ? '审核技术需求' : '修改后重新提交技术需求'}：${row.title}`,
    path: `/demands/${row.id}`,
    dueOn: null,
    subjectId: row.id,
  }));
}
