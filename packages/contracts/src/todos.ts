import { z } from 'zod';
import { zDate } from './common';

/**
 * One thing waiting for the signed-in user (我的待办). Each module that creates work says what waits
 * (its `findTodos(db, actor)`), and the todos module gathers them: GET /api/todos.
 */
export const todoKinds = [
  'application_fill', // a host's draft or returned application
  'application_review', // county / department / city review steps
  'panel_declare', // an expert's conflict declaration
  'panel_score', // an expert's scoring
  'panel_conclude', // a chair's consensus
  'annual_report_file',
  'annual_report_review',
  'evaluation_review',
  'rectification_due',
  'task_report',
  'target_report', // a lead unit of a task linked to a reported target that has no figure (未报送)
  'grant_payment', // city staff: an approved grant still to be paid
  'expenditure_report', // a host: expenditure lines due for a paid grant
  'achievement_review', // staff: an achievement submitted for review
  'achievement_fix', // an owner: an achievement returned for changes
  'demand_review', // staff: a demand submitted for review
  'demand_fix', // an enterprise: a demand returned for changes
  'challenge_review', // bureau staff: an enterprise's 揭榜挂帅 list waiting to be reviewed and released
  'challenge_select', // a publisher: a list whose applications closed, waiting for the selection
  'challenge_milestone', // a publisher or bureau staff: an overdue milestone of a selected 揭榜挂帅 project
] as const;
export const zTodoKind = z.enum(todoKinds);
export type TodoKind = z.infer<typeof zTodoKind>;

export const zTodo = z.object({
  kind: zTodoKind,
  /** What the user sees, in Chinese: "审核申报：达州市某某重点实验室". */
  title: z.string(),
  /** The web path that does the work, e.g. "/applications/…". */
  path: z.string(),
  /** The deadline, if there is one (YYYY-MM-DD). */
  dueOn: zDate.nullable(),
  /** The record the work is about. */
  subjectId: z.string(),
});
export type Todo = z.infer<typeof zTodo>;

export const zTodoList = z.object({ items: z.array(zTodo), total: z.number().int() });
export type TodoList = z.infer<typeof zTodoList>;
