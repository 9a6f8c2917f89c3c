import type { Notification } from '@stip/contracts';
import { Badge, Button, Empty, Flex, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';

interface NotificationListProps {
  items: Notification[];
  onOpen: (notification: Notification) => void;
  onMarkRead: (notification: Notification) => void;
  /** Fewer lines of body text, for the header dropdown. */
  compact?: boolean;
}

/** Reminders newest first; an unread one has a dot and a “mark read” button, and a click opens what it is about. */
export function NotificationList({ items, onOpen, onMarkRead, compact = false }: NotificationListProps) {
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.notifications.empty} />;
  return (
    <Flex vertical data-testid="notification-list">
      {items.map((notification) => {
        const unread = !notification.readAt;
        return (
          <Flex
            key={notification.id}
            gap={8}
            align="flex-start"
            style={{ padding: '8px 4px', borderBottom: '1px solid #eef1f6' }}
            data-testid="notification-item"
            data-unread={unread}
          >
            <Badge dot={unread} offset={[-2, 8]} style={{ flex: 'none' }}>
              <span style={{ display: 'inline-block', width: 6 }} />
            </Badge>
            <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Flex gap={6} align="center" wrap>
                <Tag
                  color={notification.type === 'task_overdue' || notification.type === 'annual_report_late' ? 'red' : 'gold'}
                  bordered={false}
                  style={{ marginInlineEnd: 0 }}
                >
                  {t.notifications.type[notification.type]}
                </Tag>
                <Typography.Link
                  strong={unread}
                  onClick={() => onOpen(notification)}
                  ellipsis
                  style={{ maxWidth: compact ? 260 : 640 }}
                  data-testid="notification-open"
                >
                  {notification.title}
                </Typography.Link>
              </Flex>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: compact ? 2 : 3 }} style={{ margin: 0, fontSize: 12 }}>
                {notification.body}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(notification.createdAt)}
              </Typography.Text>
            </Flex>
            {unread ? (
              <Button size="small" type="link" onClick={() => onMarkRead(notification)} data-testid="notification-mark-read">
                {t.notifications.markRead}
              </Button>
            ) : null}
          </Flex>
        );
      })}
    </Flex>
  );
}
