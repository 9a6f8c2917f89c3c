import { zNotificationPage } from '@stip/contracts';
import { api } from '../../shared/api/client';

export interface NotificationListQuery {
  limit: number;
  offset: number;
  unreadOnly?: boolean;
}

export interface MarkedRead {
  marked: number;
  unread: number;
}

export const notificationsApi = {
  list: (query: NotificationListQuery, signal?: AbortSignal) => api.get('/notifications', zNotificationPage, { ...query }, signal),
  markRead: (id: string) => api.post<MarkedRead>(`/notifications/${id}/read`),
  markAllRead: () => api.post<MarkedRead>('/notifications/read-all'),
};
