import type { Todo, TodoList } from '@stip/contracts';
import type { ActorContext } from '../../shared/context';
import { todayInChina } from '../../shared/clock';
import { findTaskTodos } from '../tasks';
import { findTargetTodos } from '../targets';
import { findTodos as findCallTodos } from '../calls';
import { findTodos as findExpertTodos } from '../experts';
import { findTodos as findAnnualReportTodos } from '../annual-reports';
import { findTodos as findEvaluationTodos } from '../evaluations';
import { findTodos as findFundingTodos } from '../funding';
import { findTodos as findAchievementTodos } from '../achievements';
import { findTodos as findDemandTodos } from '../demands';
import { findTodos as findChallengeTodos } from '../challenges';

/** One module's part of 我的待办: what waits for this actor there, on `today` (China's calendar day). */
export type TodoSource = (ctx: ActorContext, today: string) => Promise<Todo[]>;

/** Every module that gives people work says what waits; the to-do list is their union. */
const sources: readonly TodoSource[] = [
  findTaskTodos,
  findTargetTodos,
  (ctx) => findCallTodos(ctx.db, ctx.actor),
  (ctx) => findExpertTodos(ctx.db, ctx.actor),
  (ctx) => findAnnualReportTodos(ctx.db, ctx.actor),
  (ctx) => findEvaluationTodos(ctx.db, ctx.actor),
  (ctx) => findFundingTodos(ctx.db, ctx.actor),
  (ctx) => findAchievementTodos(ctx.db, ctx.actor),
  (ctx) => findDemandTodos(ctx.db, ctx.actor),
  findChallengeTodos,
];

/** Most urgent first: the earliest deadline (a passed one first of all), then those without one, then by title. */
export function byUrgency(a: Todo, b: Todo): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'zh-CN');
}

/** 我的待办 for the signed-in user: everything that waits for them now, across modules, most urgent first. */
export async function findTodos(ctx: ActorContext, today: string = todayInChina()): Promise<TodoList> {
  const lists = await Promise.all(sources.map((source) => source(ctx, today)));
  const items = lists.flat().sort(byUrgency);
  return { items, total: items.length };
}
