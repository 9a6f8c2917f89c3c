import type { Notification, NotificationPage, NotificationQuery } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { notFound } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import * as repository from './notifications.repository';
import { canReadNotification } from './notifications.policy';

function toNotification(row: repository.NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type as Notification['type'],
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The signed-in user's notifications, newest first, with the unread count. */
export async function findNotifications(ctx: ActorContext, query: NotificationQuery): Promise<NotificationPage> {
  const page = await repository.findNotificationRows(ctx.db, ctx.actor.userId, query);
  return { items: page.rows.map(toNotification), total: page.total, unread: page.unread };
}

/** Marks one of the user's notifications read (another user's answers 404). */
export async function markNotificationRead(ctx: ActorContext, id: string) {
  if (!canReadNotification(ctx.actor, await repository.getNotificationOwner(ctx.db, id))) throw notFound();
  return markRead(ctx, [id]);
}

/** Marks all the user's unread notifications read. */
export async function markAllNotificationsRead(ctx: ActorContext) {
  return markRead(ctx, null);
}

async function markRead(ctx: ActorContext, ids: string[] | null) {
  const marked = await inTransaction(ctx, async (tx) => {
    const done = await repository.markRead(tx, ctx.actor.userId, ids);
    if (done.length)
      await recordAudit(tx, ctx, {
        action: 'notification.read',
        objectType: 'notification',
        objectId: done.length === 1 ? done[0]! : null,
        after: { count: done.length },
      });
    return done.length;
  });
  return { marked, unread: await repository.countUnread(ctx.db, ctx.actor.userId) };
}

/** Raises notifications (the daily job); a repeated dedupe key is skipped. Call inside the caller's transaction. */
export function raiseNotifications(db: Executor, values: repository.NewNotification[]): Promise<number> {
  return repository.insertNotifications(db, values);
}
