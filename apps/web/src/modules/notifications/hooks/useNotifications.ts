import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type NotificationListQuery, notificationsApi } from '../api';

const notificationsKey = ['notifications'] as const;

/** How often the header asks for new reminders. */
export const notificationPollMs = 60_000;

export function useNotifications(query: NotificationListQuery, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', query],
    queryFn: ({ signal }) => notificationsApi.list(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: options.poll ? notificationPollMs : false,
    // Reminders are worth a look when the user comes back to the tab.
    refetchOnWindowFocus: !!options.poll,
  });
}

function useNotificationMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }) });
}

export const useMarkNotificationRead = () => useNotificationMutation((id: string) => notificationsApi.markRead(id));
export const useMarkAllNotificationsRead = () => useNotificationMutation(() => notificationsApi.markAllRead());
