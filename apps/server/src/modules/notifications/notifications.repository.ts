import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications } from '../../db/schema/index';

export type NotificationRow = typeof notifications.$inferSelect;

export async function findNotificationRows(
  db: Executor,
  userId: string,
  query: { unreadOnly?: boolean | undefined; limit: number; offset: number },
) {
  const where = and(eq(notifications.userId, userId), query.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [totalRow], [unreadRow]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(notifications).where(where),
    db
      .select({ unread: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0), unread: Number(unreadRow?.unread ?? 0) };
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.unread ?? 0);
}

/** Marks the user's notifications read (all unread ones when `ids` is null); answers the ids marked. */
export async function markRead(db: Executor, userId: string, ids: string[] | null): Promise<string[]> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}

export async function getNotificationOwner(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.id, id));
  return row?.userId;
}

export interface NewNotification {
  userId: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string;
}

/** Inserts notifications, skipping any whose (user, dedupe key) was raised before; answers how many were new. */
export async function insertNotifications(db: Executor, values: NewNotification[]): Promise<number> {
  if (!values.length) return 0;
  const rows = await db
    .insert(notifications)
    .values(values)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}
