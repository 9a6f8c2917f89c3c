import { DownloadOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  type Grant,
  type GrantKind,
  grantKindLabels,
  grantKinds,
  type GrantStatus,
  grantStatuses,
  grantStatusLabels,
} from '@stip/contracts';
import { Button, Card, Flex, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { DemoTag } from '../../../shared/components/DemoTag';
import { fundingApi } from '../api';
import { useGrants } from '../hooks/useFunding';
import { GrantFormModal } from './GrantFormModal';
import { GrantStatusTag } from './GrantStatusTag';
import { RoundGrantsModal } from './RoundGrantsModal';
import { withoutDemoMark } from '../../../shared/format/demoName';

const fields = t.funding.grant.fields;
const yuan = t.funding.yuan;

/** 资助 list: filters by year, status, kind and keyword, with paging; city staff make grants here. */
export function GrantsPanel({ canWrite }: { canWrite: boolean }) {
  const list = useListParams();
  const year = list.get('year') ? Number(list.get('year')) : undefined;
  const status = list.get('status') as GrantStatus | undefined;
  const kind = list.get('kind') as GrantKind | undefined;
  const grants = useGrants({ year, status, kind, keyword: list.get('keyword'), limit: list.pageSize, offset: list.offset });
  const navigate = useNavigate();
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const [fromRound, setFromRound] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportGrants = async () => {
    setExporting(true);
    try {
      await fundingApi.exportGrants(year);
    } catch (error) {
      notify.error(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap justify="space-between">
          <Flex gap={8} wrap>
            <InputNumber
              placeholder={t.funding.grant.allYears}
              min={2000}
              max={2100}
              precision={0}
              value={year ?? null}
              onChange={(value) => list.update({ year: value ?? undefined })}
              style={{ width: 120 }}
              data-testid="grant-filter-year"
            />
            <Select
              allowClear
              placeholder={t.funding.grant.allStatuses}
              style={{ width: 130 }}
              value={status}
              onChange={(value?: string) => list.update({ status: value })}
              options={grantStatuses.map((value) => ({ value, label: grantStatusLabels[value] }))}
              data-testid="grant-filter-status"
            />
            <Select
              allowClear
              placeholder={t.funding.grant.allKinds}
              style={{ width: 130 }}
              value={kind}
              onChange={(value?: string) => list.update({ kind: value })}
              options={grantKinds.map((value) => ({ value, label: grantKindLabels[value] }))}
            />
            <SearchInput
              value={list.get('keyword')}
              onSearch={(keyword) => list.update({ keyword })}
              placeholder={t.funding.grant.keywordPlaceholder}
              data-testid="grant-filter-keyword"
            />
            <Button onClick={list.clear}>{t.common.reset}</Button>
          </Flex>
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportGrants()} data-testid="grant-export">
              {t.funding.grant.export}
            </Button>
            {canWrite ? (
              <>
                <Button icon={<ThunderboltOutlined />} onClick={() => setFromRound(true)} data-testid="grant-from-round">
                  {t.funding.grant.fromRound}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="grant-create">
                  {t.funding.grant.create}
                </Button>
              </>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      {grants.isError ? (
        <LoadFailed error={grants.error} onRetry={() => void grants.refetch()} />
      ) : (
        <Table<Grant>
          size="small"
          rowKey="id"
          bordered
          loading={grants.isFetching}
          dataSource={grants.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: t.funding.grant.empty }}
          pagination={pagination(list.page, list.pageSize, grants.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="grant-table"
          columns={[
            { title: fields.year, dataIndex: 'year', width: 70, fixed: 'left' },
            {
              title: fields.platform,
              key: 'platform',
              width: 280,
              fixed: 'left',
              render: (_: unknown, grant) => (
                <Flex gap={6} align="center">
                  <Link to={`/funding/grants/${grant.id}`} data-testid="grant-link">
                    {grant.isDemo ? withoutDemoMark(grant.platform.name) : grant.platform.name}
                  </Link>
                  {grant.isDemo ? <DemoTag /> : null}
                </Flex>
              ),
            },
            { title: fields.host, key: 'host', width: 220, render: (_: unknown, grant) => grant.platform.hostOrganizationName },
            { title: fields.region, key: 'region', width: 90, render: (_: unknown, grant) => grant.platform.regionName },
            { title: fields.kind, dataIndex: 'kind', width: 90, render: (value: GrantKind) => grantKindLabels[value] },
            { title: fields.status, dataIndex: 'status', width: 80, render: (value: GrantStatus) => <GrantStatusTag status={value} /> },
            { title: fields.amount, dataIndex: 'amount', width: 140, align: 'right', render: yuan },
            { title: fields.paid, dataIndex: 'paid', width: 140, align: 'right', render: yuan },
            { title: fields.balance, dataIndex: 'balance', width: 140, align: 'right', render: yuan },
            { title: fields.spent, dataIndex: 'spent', width: 140, align: 'right', render: yuan },
            { title: fields.basis, dataIndex: 'basis', width: 300, ellipsis: true },
          ]}
        />
      )}
      <GrantFormModal open={creating} onClose={() => setCreating(false)} onSaved={(grant) => navigate(`/funding/grants/${grant.id}`)} />
      <RoundGrantsModal open={fromRound} onClose={() => setFromRound(false)} />
    </>
  );
}
