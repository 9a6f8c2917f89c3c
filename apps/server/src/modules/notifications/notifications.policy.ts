import type { Actor } from '../../shared/context';

/** A notification is its recipient's alone: anyone else gets 404, as for a record out of scope. */
export function canReadNotification(actor: Actor, recipientUserId: string | undefined): boolean {
  return recipientUserId !== undefined && recipientUserId === actor.userId;
}
