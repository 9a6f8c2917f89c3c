import { sql } from 'drizzle-orm';
import type { Todo } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { achievements } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { findPublicationsWhere } from './publication.repository';
import { publicationVisibility } from './publication.policy';

/**
 * What waits in the achievements module (我的待办): reviewing staff (city, county in their subtree) the achievements
 * submitted for review; an owner's users the achievements returned to them for changes.
 */
export async function findTodos(db: Executor, actor: Actor): Promise<Todo[]> {
  const reviewer = (actor.role === 'city_staff' || actor.role === 'county_staff') && actor.permissions.includes('achievement:review');
  const owner = actor.role === 'host_user' && Boolean(actor.organizationId);
  if (!reviewer && !owner) return [];
  const scope = publicationVisibility(actor, {
    regionId: achievements.regionId,
    organizationId: achievements.ownerOrganizationId,
    status: achievements.status,
  });
  const rows = await findPublicationsWhere(
    db,
    achievements,
    sql`${achievements.status} = ${reviewer ? 'submitted' : 'returned'} and ${scope ?? sql`true`}`,
  );
  return rows.map((row) => ({
    kind: reviewer ? ('achievement_review' as const) : ('achievement_fix' as const),
    title: `${reviewer ? '审核科技成果' : '修改后重新提交科技成果'}：${row.title}`,
    path: `/achievements/${row.id}`,
    dueOn: null,
    subjectId: row.id,
  }));
}
