import type { CallAction } from '@stip/contracts';
import { Button, Card, Descriptions, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDate } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { DemoTag } from '../../../shared/components/DemoTag';
import { callsApi } from '../api';
import { ApplicationTable } from '../components/ApplicationTable';
import { CallFormDrawer } from '../components/CallFormDrawer';
import { CallStatusTag } from '../components/StatusTags';
import { useApplications, useCall, useCallsMutation } from '../hooks/useCalls';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const actionsFrom: Record<string, CallAction[]> = { draft: ['open'], open: ['close'], closed: ['reopen', 'archive'], archived: [] };

/** A call: its window, types, materials list and eligibility rules; the city bureau edits and moves it; reviewers see its applications. */
export default function CallDetailPage() {
  const { id } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const notify = useNotify();
  const call = useCall(id);
  useRecordName(call.data?.title);
  const canWrite = user.permissions.includes('call:write');
  const canReview = user.permissions.includes('application:review');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const applications = useApplications({ callId: id!, limit: page.pageSize, offset: (page.page - 1) * page.pageSize }, canReview && !!id);
  const [editing, setEditing] = useState(false);
  const move = useCallsMutation((action: CallAction) => callsApi.transition(id!, { action, version: call.data!.version }));
  const remove = useCallsMutation(() => callsApi.remove(id!, call.data!.version));

  if (call.isLoading) return <PageLoading />;
  if (call.isError || !call.data) return <LoadFailed error={call.error} onRetry={() => void call.refetch()} backTo="/calls" />;
  const c = call.data;
  return (
    <>
      <PageHeader
        title={
          <>
            {c.title} {c.isDemo ? <DemoTag /> : null}
          </>
        }
        subtitle={<Link to="/calls">{t.calls.detail.back}</Link>}
        extra={
          <Space wrap>
            {canWrite && c.status !== 'archived' ? <Button onClick={() => setEditing(true)}>{t.calls.detail.edit}</Button> : null}
            {canWrite
              ? actionsFrom[c.status]!.map((action) => (
                  <Popconfirm
                    key={action}
                    title={`${t.calls.callAction[action]}？`}
                    onConfirm={() =>
                      move.mutate(action, {
                        onSuccess: () => notify.success(t.calls.detail.moved(t.calls.callAction[action])),
                        onError: (error) => notify.error(error),
                      })
                    }
                  >
                    <Button type={action === 'open' ? 'primary' : 'default'} data-testid={`call-${action}`}>
                      {t.calls.callAction[action]}
                    </Button>
                  </Popconfirm>
                ))
              : null}
            {canWrite && c.status === 'draft' ? (
              <Popconfirm
                title={t.calls.detail.deleteConfirm}
                onConfirm={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      notify.success(t.calls.detail.deleted);
                      navigate('/calls');
                    },
                    onError: (error) => notify.error(error),
                  })
                }
              >
                <Button danger>{t.calls.detail.delete}</Button>
              </Popconfirm>
            ) : null}
            {canReview && c.status !== 'draft' ? (
              <Button onClick={() => void callsApi.exportResults(c.id)}>{t.calls.detail.exportResults}</Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t.calls.field.status}>
            <CallStatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t.calls.field.year}>{c.year}</Descriptions.Item>
          <Descriptions.Item label={t.calls.field.region}>{c.region.name}</Descriptions.Item>
          <Descriptions.Item label={t.calls.field.window}>
            {formatDate(c.opensOn)} ~ {formatDate(c.closesOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t.calls.field.types} span={2}>
            {c.types.map((type) => (
              <Tag key={type.id}>{type.name}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t.calls.field.description} span={2}>
            {c.description ?? t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={t.calls.field.rules} span={2}>
            {c.eligibilityRules.length
              ? c.eligibilityRules.map((rule) => (
                  <div key={rule.code}>
                    {t.calls.eligibilityCheck[rule.code]}
                    {rule.code === 'rd_spend_min' ? `（${rule.minAmount}万元）` : ''}
                    {rule.code === 'qualification' ? `（${rule.kinds.map((k) => t.labels.qualificationKind[k]).join('、')}）` : ''}
                  </div>
                ))
              : t.common.none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t.calls.field.materials} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={c.materials}
          columns={[
            { title: t.calls.field.materialName, dataIndex: 'name' },
            { title: t.calls.field.materialCode, dataIndex: 'code', width: 200 },
            { title: t.calls.field.required, dataIndex: 'required', width: 80, render: (v: boolean) => (v ? t.common.yes : t.common.no) },
          ]}
        />
      </Card>
      {canReview ? (
        <Card size="small" title={t.calls.detail.applications}>
          <ApplicationTable
            loading={applications.isFetching}
            dataSource={applications.data?.items ?? []}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: applications.data?.total ?? 0,
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
          />
        </Card>
      ) : null}
      <CallFormDrawer open={editing} call={c} onClose={() => setEditing(false)} />
    </>
  );
}
