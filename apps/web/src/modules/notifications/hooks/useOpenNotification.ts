import type { Notification } from '@stip/contracts';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useMarkNotificationRead } from './useNotifications';

/** Opening a reminder marks it read and goes to the page it is about. */
export function useOpenNotification(afterOpen?: () => void) {
  const markRead = useMarkNotificationRead();
  const navigate = useNavigate();
  const notify = useNotify();
  const open = useCallback(
    (notification: Notification) => {
      if (!notification.readAt) markRead.mutate(notification.id, { onError: (error) => notify.error(error) });
      if (notification.link) navigate(notification.link);
      afterOpen?.();
    },
    [markRead, navigate, notify, afterOpen],
  );
  const markOne = useCallback(
    (notification: Notification) => markRead.mutate(notification.id, { onError: (error) => notify.error(error) }),
    [markRead, notify],
  );
  return { open, markOne };
}
