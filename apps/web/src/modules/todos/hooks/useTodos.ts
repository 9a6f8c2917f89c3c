import { useQuery } from '@tanstack/react-query';
import type { TodoKind, TodoList } from '@stip/contracts';
import { todosApi } from '../api';

export const todosKey = ['todos'] as const;

/** How often the menu's counts are refreshed while the user works. */
const todoPollMs = 60_000;

/** 我的待办 of the signed-in user; the menu and the page share the one query. */
export function useTodos() {
  return useQuery({
    queryKey: todosKey,
    queryFn: ({ signal }) => todosApi.list(signal),
    refetchInterval: todoPollMs,
    refetchOnWindowFocus: true,
  });
}

/** How many of the items are of any of the kinds (the count a menu entry shows). */
export function countTodos(list: TodoList | undefined, kinds: readonly TodoKind[] | undefined): number {
  if (!list || !kinds?.length) return 0;
  return list.items.filter((item) => kinds.includes(item.kind)).length;
}

/** Whole days from `today` to `dueOn` (negative when passed), both YYYY-MM-DD. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
