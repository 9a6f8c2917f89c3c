import type { Todo } from '@stip/contracts';
import type { Executor } from '../../db/client';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { canKeepPool } from './experts.policy';
import * as repository from './experts.repository';
import { seatStatusOf } from './panels.lifecycle';

/**
 * What waits for the actor in the experts module (我的待办): an expert's declarations and scores, a
 * chair's consensus once every seat has submitted; for staff who keep the pool, panels fully scored
 * whose consensus is still awaited. Nearest deadline first.
 */
export async function findTodos(db: Executor, actor: Actor): Promise<Todo[]> {
  const todos: Todo[] = [];
  if (actor.role === 'expert') {
    const rows = await repository.findSeatsOfUser(db, actor.userId);
    const open = rows.filter((row) => !row.panel.concludedAt);
    const applications = new Map(
      (await repository.findApplicationFacts(db, [...new Set(open.map((row) => row.panel.applicationId!))])).map((a) => [a.id, a]),
    );
    const panelIds = [...new Set(open.map((row) => row.panel.id))];
    const seats = await repository.findSeats(db, panelIds);
    for (const { seat, panel } of open) {
      const application = applications.get(panel.applicationId!);
      if (!application) continue;
      const status = seatStatusOf(seat);
      const base = { path: '/my-reviews', dueOn: panel.dueOn, subjectId: seat.id };
      if (status === 'pending_declaration')
        todos.push({ ...base, kind: 'panel_declare', title: `利益冲突声明：${application.platformName}` });
      if (status === 'scoring') todos.push({ ...base, kind: 'panel_score', title: `专家评分：${application.platformName}` });
      const live = seats.filter((row) => row.seat.panelId === panel.id && !row.seat.replacedAt);
      if (panel.chairExpertId === seat.expertId && status === 'submitted' && live.length > 0 && live.every((row) => row.seat.submittedAt))
        todos.push({ ...base, kind: 'panel_conclude', title: `填写专家组综合意见：${application.platformName}`, subjectId: panel.id });
    }
  } else if (canKeepPool(actor)) {
    const root = actorRegionPath(actor);
    if (root === 'nothing') return [];
    const open = await repository.findOpenPanelsInScope(db, root);
    const seats = await repository.findSeats(
      db,
      open.map((row) => row.panel.id),
    );
    for (const { panel, platformName } of open) {
      const live = seats.filter((row) => row.seat.panelId === panel.id && !row.seat.replacedAt);
      if (!live.length || !live.every((row) => row.seat.submittedAt)) continue;
      todos.push({
        kind: 'panel_conclude',
        title: `专家评分已完成，待组长形成综合意见：${platformName}`,
        path: `/applications/${panel.applicationId}`,
        dueOn: panel.dueOn,
        subjectId: panel.id,
      });
    }
  }
  return todos.sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
}
