import { type Call, callStatuses, type CallStatus } from '@stip/contracts';
import { Button, Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { DemoTag } from '../../../shared/components/DemoTag';
import { CallFormDrawer } from '../components/CallFormDrawer';
import { NewApplicationModal } from '../components/NewApplicationModal';
import { CallStatusTag } from '../components/StatusTags';
import { useCalls } from '../hooks/useCalls';
import { withoutDemoMark } from '../../../shared/format/demoName';

/** Less important columns, hidden until the user picks them in 列设置 (the title says the year). */
const defaultHidden = ['year'];

/** 申报通知: the calls, for everyone who may read them; the city bureau creates them, host users apply from here. */
export default function CallListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const params = useListParams();
  const canWrite = user.permissions.includes('call:write');
  const canApply = user.permissions.includes('application:write');
  const status = params.get('status') as CallStatus | undefined;
  const keyword = params.get('keyword');
  const query = {
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
    ...(status ? { status } : {}),
    ...(keyword ? { keyword } : {}),
  };
  const calls = useCalls(query);
  const [creating, setCreating] = useState(false);
  const [applyTo, setApplyTo] = useState<Call | null>(null);

  return (
    <>
      <PageHeader
        title={t.calls.list.title}
        subtitle={calls.data ? t.calls.list.subtitle(calls.data.total) : null}
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="call-create">
              {t.calls.list.create}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput value={keyword ?? ''} placeholder={t.calls.list.keyword} onSearch={(value) => params.update({ keyword: value })} />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t.calls.field.status}
            value={status}
            onChange={(value) => params.update({ status: value })}
            options={callStatuses.filter((s) => canWrite || s !== 'draft').map((s) => ({ value: s, label: t.calls.callStatus[s] }))}
          />
        </Flex>
        {calls.isError ? (
          <LoadFailed error={calls.error} onRetry={() => void calls.refetch()} />
        ) : (
          <ChoosableTable<Call>
            tableKey="calls"
            defaultHidden={defaultHidden}
            isFiltered={!!(status || keyword)}
            onClearFilters={params.clear}
            emptyText={t.calls.list.empty}
            rowKey="id"
            size="small"
            loading={calls.isFetching}
            dataSource={calls.data?.items ?? []}
            scroll={{ y: tableScroll.y }}
            pagination={pagination(params.page, params.pageSize, calls.data?.total ?? 0, (page, pageSize) =>
              params.update({ page, pageSize }),
            )}
            data-testid="call-table"
            columns={[
              {
                title: t.calls.field.title,
                dataIndex: 'title',
                fixed: 'left',
                width: 300,
                // A demo call says 演示 once, in its tag, not again at the end of its title.
                render: (title: string, call) => (
                  <>
                    <Link to={`/calls/${call.id}`}>{call.isDemo ? withoutDemoMark(title) : title}</Link> {call.isDemo ? <DemoTag /> : null}
                  </>
                ),
              },
              { title: t.calls.field.year, dataIndex: 'year', width: 70 },
              { title: t.calls.field.types, key: 'types', width: 220, render: (_, call) => call.types.map((type) => type.name).join('、') },
              {
                title: t.calls.field.window,
                key: 'window',
                width: 200,
                render: (_, call) => `${formatDate(call.opensOn)} ~ ${formatDate(call.closesOn)}`,
              },
              { title: t.calls.field.status, dataIndex: 'status', width: 90, render: (s: CallStatus) => <CallStatusTag status={s} /> },
              { title: t.calls.field.applications, dataIndex: 'applicationCount', width: 100 },
              ...(canApply
                ? [
                    {
                      title: t.common.actions,
                      key: 'actions',
                      fixed: 'right' as const,
                      width: 80,
                      render: (_: unknown, call: Call) =>
                        call.status === 'open' ? (
                          <Button size="small" type="link" onClick={() => setApplyTo(call)} data-testid="call-apply">
                            {t.calls.list.apply}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <CallFormDrawer
        open={creating}
        call={null}
        onClose={(saved) => {
          setCreating(false);
          if (saved) navigate(`/calls/${saved.id}`);
        }}
      />
      <NewApplicationModal call={applyTo} onClose={() => setApplyTo(null)} />
    </>
  );
}
