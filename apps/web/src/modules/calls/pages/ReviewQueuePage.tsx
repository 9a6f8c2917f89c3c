import { applicationStatuses, type ApplicationStatus, type BulkReview } from '@stip/contracts';
import { Alert, Button, Card, Flex, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/client';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination } from '../../../shared/components/tableDefaults';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { applicationsApi } from '../api';
import { ApplicationTable } from '../components/ApplicationTable';
import { ReasonModal } from '../components/ReasonModal';
import { useApplications, useCallsMutation } from '../hooks/useCalls';

type BulkAction = BulkReview['action'];

/** 申报审核: what waits for the reviewer's step, with bulk recommend / return / pass / reject under one reason. */
export default function ReviewQueuePage() {
  const user = useCurrentUser();
  const notify = useNotify();
  const params = useListParams();
  const waiting = params.get('all') !== '1';
  const status = params.get('status') as ApplicationStatus | undefined;
  const keyword = params.get('keyword');
  const list = useApplications({
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
    ...(waiting ? { waiting: 'true' as const } : {}),
    ...(status ? { status } : {}),
    ...(keyword ? { keyword } : {}),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const bulk = useCallsMutation((body: BulkReview) => applicationsApi.bulk(body));
  const actions: BulkAction[] = user.role === 'city_staff' ? ['pass', 'return', 'reject', 'recommend'] : ['recommend', 'return'];

  return (
    <>
      <PageHeader
        title={t.calls.application.reviewTitle}
        subtitle={list.data ? t.calls.application.reviewSubtitle(list.data.total) : null}
      />
      <Card size="small">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <SearchInput
            value={keyword ?? ''}
            placeholder={t.calls.application.keyword}
            onSearch={(value) => params.update({ keyword: value })}
          />
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t.calls.application.status}
            value={status}
            onChange={(value) => params.update({ status: value })}
            options={applicationStatuses.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t.calls.applicationStatus[s] }))}
          />
          <Switch checked={waiting} onChange={(on) => params.update({ all: on ? null : '1' })} /> {t.calls.application.waitingOnly}
          <Flex gap={8} style={{ marginLeft: 'auto' }}>
            {actions.map((a) => (
              <Button key={a} disabled={!selected.length} onClick={() => setAction(a)} data-testid={`bulk-${a}`}>
                {t.calls.review.bulk(t.calls.applicationAction[a])}
              </Button>
            ))}
          </Flex>
        </Flex>
        {refusals.length ? (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setRefusals([])}
            message={t.calls.review.bulkRefused}
            description={refusals.map((r) => (
              <div key={r}>{r}</div>
            ))}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {list.isError ? (
          <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ApplicationTable
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            isFiltered={!!(status || keyword)}
            onClearFilters={() => params.update({ status: null, keyword: null })}
            pagination={pagination(params.page, params.pageSize, list.data?.total ?? 0, (page, pageSize) =>
              params.update({ page, pageSize }),
            )}
          />
        )}
        <Typography.Text type="secondary">{selected.length ? `${selected.length}` : ''}</Typography.Text>
      </Card>
      <ReasonModal
        open={action !== null}
        title={action ? t.calls.review.bulkTitle(t.calls.applicationAction[action], selected.length) : ''}
        needs="reason"
        reasonRequired
        busy={bulk.isPending}
        onCancel={() => setAction(null)}
        onOk={(values) =>
          bulk.mutate(
            { ids: selected, action: action!, reason: values.reason ?? '' },
            {
              onSuccess: (result) => {
                notify.success(t.calls.review.bulkDone(result.done));
                setSelected([]);
                setAction(null);
                setRefusals([]);
              },
              onError: (error) => {
                setAction(null);
                if (isApiError(error) && error.details?.length) setRefusals(error.details.map((d) => d.message));
                else notify.error(error);
              },
            },
          )
        }
      />
    </>
  );
}
