import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useMarkAllNotificationsRead, useNotifications } from '../hooks/useNotifications';
import { useOpenNotification } from '../hooks/useOpenNotification';
import { NotificationList } from './NotificationList';

/** The header's bell: the unread count (asked for every minute) and the latest reminders in a dropdown. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const notifications = useNotifications({ limit: 8, offset: 0 }, { poll: true });
  const markAll = useMarkAllNotificationsRead();
  const notify = useNotify();
  const close = useCallback(() => setOpen(false), []);
  const { open: openOne, markOne } = useOpenNotification(close);
  const unread = notifications.data?.unread ?? 0;

  const content = (
    <Flex vertical style={{ width: 420 }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ paddingBottom: 6, borderBottom: '1px solid #eef1f6' }}>
        <Typography.Text strong>{t.notifications.title}</Typography.Text>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t.notifications.unread(unread)}</Typography.Text>
          <Button
            size="small"
            type="link"
            disabled={!unread}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => notify.success(t.notifications.markedAll),
                onError: (error) => notify.error(error),
              })
            }
            data-testid="notification-mark-all"
          >
            {t.notifications.markAllRead}
          </Button>
        </Flex>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        <NotificationList items={notifications.data?.items ?? []} onOpen={openOne} onMarkRead={markOne} compact />
      </div>
      <Flex justify="center" style={{ paddingTop: 6 }}>
        <Link to="/notifications" onClick={close} data-testid="notification-view-all">
          {t.notifications.viewAll}
        </Link>
      </Flex>
    </Flex>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Button
        type="text"
        aria-label={t.notifications.bellLabel(unread)}
        data-unread={unread}
        icon={
          <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]} data-testid="notification-count">
            <BellOutlined style={{ fontSize: 18, color: 'rgba(255, 255, 255, 0.92)' }} />
          </Badge>
        }
        data-testid="notification-bell"
      />
    </Popover>
  );
}
