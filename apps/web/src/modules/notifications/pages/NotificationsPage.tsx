import { Button, Card, Flex, Pagination, Switch, Typography } from 'antd';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { pageSizeOptions, useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { NotificationList } from '../components/NotificationList';
import { useMarkAllNotificationsRead, useNotifications } from '../hooks/useNotifications';
import { useOpenNotification } from '../hooks/useOpenNotification';

/** 消息提醒: every reminder of the user, unread ones marked, with paging. */
export default function NotificationsPage() {
  const list = useListParams();
  const unreadOnly = list.get('unread') === '1';
  const notifications = useNotifications({ limit: list.pageSize, offset: list.offset, unreadOnly: unreadOnly || undefined });
  const markAll = useMarkAllNotificationsRead();
  const notify = useNotify();
  const { open, markOne } = useOpenNotification();
  const data = notifications.data;

  return (
    <>
      <PageHeader
        title={t.notifications.title}
        subtitle={<Typography.Text type="secondary">{data ? t.notifications.unread(data.unread) : t.common.loading}</Typography.Text>}
        extra={
          <Button
            disabled={!data?.unread}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => notify.success(t.notifications.markedAll),
                onError: (error) => notify.error(error),
              })
            }
            data-testid="notifications-mark-all"
          >
            {t.notifications.markAllRead}
          </Button>
        }
      />
      <Card size="small">
        <Flex gap={6} align="center" style={{ marginBottom: 8 }}>
          <Switch
            checked={unreadOnly}
            onChange={(checked) => list.update({ unread: checked ? '1' : undefined })}
            data-testid="notifications-unread-only"
          />
          <Typography.Text>{t.notifications.onlyUnread}</Typography.Text>
        </Flex>
        {notifications.isError ? (
          <LoadFailed error={notifications.error} onRetry={() => void notifications.refetch()} />
        ) : (
          <>
            <NotificationList items={data?.items ?? []} onOpen={open} onMarkRead={markOne} />
            <Flex justify="flex-end" style={{ marginTop: 12 }}>
              <Pagination
                current={list.page}
                pageSize={list.pageSize}
                total={data?.total ?? 0}
                showSizeChanger
                pageSizeOptions={pageSizeOptions}
                showTotal={(total) => t.common.total(total)}
                onChange={(page, pageSize) => list.update({ page, pageSize })}
              />
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
