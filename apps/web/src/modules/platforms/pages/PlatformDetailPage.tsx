import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Tabs } from 'antd';
import type { PlatformAllowedAction } from '@stip/contracts';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { DemoTag } from '../../../shared/components/DemoTag';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { PlatformDescriptions } from '../components/PlatformDescriptions';
import { PlatformDescribeModal } from '../components/PlatformDescribeModal';
import { PlatformFormDrawer } from '../components/PlatformFormDrawer';
import { PlatformHistory } from '../components/PlatformHistory';
import { PlatformStatusTag } from '../components/PlatformStatusTag';
import { PlatformTransitionModal } from '../components/PlatformTransitionModal';
import { useDeletePlatform, usePlatform, usePlatformActions } from '../hooks/usePlatforms';
import { useRecordName } from '../../../shared/hooks/useRecordName';

export default function PlatformDetailPage() {
  const { id } = useParams<{ id: string }>();
  const platform = usePlatform(id);
  useRecordName(platform.data?.name);
  const canWrite = useCan('platform:write');
  const remove = useDeletePlatform();
  const notify = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const list = useListParams();
  const [editing, setEditing] = useState(false);
  const [describing, setDescribing] = useState(false);
  const actions = usePlatformActions(id, canWrite);
  const [acting, setActing] = useState<PlatformAllowedAction | null>(null);
  const tab = list.get('tab') === 'history' ? 'history' : 'info';

  if (platform.isPending) return <PageLoading />;
  if (platform.isError) return <LoadFailed error={platform.error} onRetry={() => void platform.refetch()} backTo="/platforms" />;
  const data = platform.data;

  // Back to the list as it was filtered, or to the whole list when the page was opened from a link.
  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/platforms'));

  const confirmDelete = () =>
    modal.confirm({
      title: t.common.deleteTitle(data.name),
      content: t.platforms.deleteHint,
      okText: t.common.delete,
      okButtonProps: { danger: true, 'data-testid': 'platform-delete-confirm' },
      onOk: () =>
        remove.mutateAsync(
          { id: data.id, version: data.version },
          {
            onSuccess: () => {
              notify.success(t.common.deleted);
              navigate('/platforms', { replace: true });
            },
            onError: (error) => notify.error(error),
          },
        ),
    });

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={goBack} aria-label={t.common.back} />
            <span data-testid="platform-detail-name">{data.isDemo ? withoutDemoMark(data.name) : data.name}</span>
            <PlatformStatusTag status={data.status} />
            {data.isDemo ? <DemoTag /> : null}
          </Flex>
        }
        extra={
          canWrite ? (
            <>
              {(actions.data ?? []).map((action) => (
                <Button
                  key={action.action}
                  danger={action.to === 'revoked'}
                  onClick={() => setActing(action)}
                  data-testid={`platform-action-${action.action}`}
                >
                  {t.labels.platformAction[action.action]}
                </Button>
              ))}
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="platform-edit">
                {t.platforms.edit}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="platform-delete">
                {t.common.delete}
              </Button>
            </>
          ) : data.editableFields?.length ? (
            // A host organisation describes the platforms it hosts; the registry's fields stay with the bureau.
            <Button type="primary" icon={<EditOutlined />} onClick={() => setDescribing(true)} data-testid="platform-describe">
              {t.platforms.describe}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => list.update({ tab: key === 'history' ? 'history' : undefined })}
          items={[
            {
              key: 'info',
              label: <span data-testid="platform-info-tab">{t.platforms.tabs.info}</span>,
              children: <PlatformDescriptions platform={data} />,
            },
            {
              key: 'history',
              label: <span data-testid="platform-history-tab">{t.platforms.tabs.history}</span>,
              children: <PlatformHistory platformId={data.id} />,
            },
          ]}
        />
      </Card>
      <PlatformDescribeModal platform={describing ? data : null} onClose={() => setDescribing(false)} onReload={() => platform.refetch()} />
      <PlatformTransitionModal platform={data} action={acting} onClose={() => setActing(null)} />
      <PlatformFormDrawer
        target={editing ? data : null}
        onClose={() => setEditing(false)}
        onReload={async () => (await platform.refetch()).data}
      />
    </>
  );
}
