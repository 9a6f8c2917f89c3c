import { z } from 'zod';
import { zBooleanQuery, zId, zLimit, zOffset } from './common';

export const notificationTypes = [
  'task_due_soon',
  'task_overdue',
  'annual_report_due_soon',
  'annual_report_late',
  'panel_assigned',
  'rectification_ordered',
  'challenge_result', // 揭榜挂帅: the publisher selected a team (sent to every applicant)
] as const;
export const zNotificationType = z.enum(notificationTypes);
export type NotificationType = z.infer<typeof zNotificationType>;

export const zNotification = z.object({
  id: zId,
  type: zNotificationType,
  title: z.string(),
  body: z.string(),
  /** Web route of the record the notification is about. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof zNotification>;

export const zNotificationQuery = z.object({ limit: zLimit, offset: zOffset, unreadOnly: zBooleanQuery.optional() });
export type NotificationQuery = z.infer<typeof zNotificationQuery>;

export const zNotificationPage = z.object({ items: z.array(zNotification), total: z.number().int(), unread: z.number().int() });
export type NotificationPage = z.infer<typeof zNotificationPage>;

export const zMarkedRead = z.object({ marked: z.number().int(), unread: z.number().int() });
