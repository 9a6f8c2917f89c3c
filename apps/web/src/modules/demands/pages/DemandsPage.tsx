import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type DemandListItem, type PublicationStatus, publicationStatuses } from '@stip/contracts';
import { Button, Card, Flex, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatChineseDate } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { demandsApi } from '../api';
import { FacetFilters } from '../../achievements/components/FacetFilters';
import { Highlighted } from '../../achievements/components/Highlighted';
import { PublicationImportModal } from '../../achievements/components/PublicationImportModal';
import { PublicationStatusTag } from '../../achievements/components/PublicationStatusTag';
import { useDemands } from '../hooks/useDemands';

const text = t.sharing;
const fields = text.demand.fields;
const facetNames = ['technicalField', 'industry', 'region'] as const;
/** Less important columns, hidden until picked in 列设置. */
const defaultHidden = ['industry', 'publishedAt'];

/** 技术需求库: search, facets with counts, status tabs; enterprises post their demands, staff import and review. */
export default function DemandsPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const canWrite = useCan('demand:write');
  const canImport = useCan('import:write');
  const canReview = useCan('demand:review');
  const [importing, setImporting] = useState(false);
  const status = list.get('status') as PublicationStatus | undefined;
  const selected = {
    technicalField: list.getList('technicalField'),
    industry: list.getList('industry'),
    maturity: [],
    region: list.getList('regionId'),
    ownerType: [],
  };
  const filters = {
    q: list.get('q'),
    status,
    technicalField: selected.technicalField.join(',') || undefined,
    industry: selected.industry.join(',') || undefined,
    regionId: selected.region.join(',') || undefined,
  };
  const demands = useDemands({ ...filters, limit: list.pageSize, offset: list.offset });
  const isFiltered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={text.demand.title}
        subtitle={<Typography.Text type="secondary">{text.total(demands.data?.total ?? 0)}</Typography.Text>}
        extra={
          <Space wrap>
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="demand-import">
                {text.import}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => demandsApi.exportList(filters).catch((error: unknown) => notify.error(error))}
              data-testid="demand-export"
            >
              {text.export}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/demands/new')} data-testid="demand-create">
                {text.demand.create}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex vertical gap={8}>
          <SearchInput
            value={list.get('q')}
            onSearch={(q) => list.update({ q })}
            placeholder={text.searchPlaceholder}
            width={520}
            data-testid="demand-search"
          />
          <FacetFilters
            facets={demands.data?.facets}
            names={facetNames}
            selected={selected}
            onChange={(name, values) => list.update({ [name === 'region' ? 'regionId' : name]: values })}
          />
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          size="small"
          activeKey={status ?? 'all'}
          onChange={(key) => list.update({ status: key === 'all' ? undefined : key })}
          items={[{ key: 'all', label: text.statusTabs.all }, ...publicationStatuses.map((s) => ({ key: s, label: text.status[s] }))]}
          data-testid="demand-status-tabs"
        />
        {demands.isError ? (
          <LoadFailed error={demands.error} onRetry={() => void demands.refetch()} />
        ) : (
          <ChoosableTable<DemandListItem>
            tableKey="demands"
            defaultHidden={defaultHidden}
            isFiltered={isFiltered}
            onClearFilters={list.clear}
            emptyText={text.empty}
            rowKey="id"
            size="small"
            loading={demands.isFetching}
            dataSource={demands.data?.items ?? []}
            scroll={{ y: tableScroll.y }}
            pagination={pagination(list.page, list.pageSize, demands.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
            data-testid="demand-table"
            columns={[
              {
                title: fields.title,
                dataIndex: 'title',
                fixed: 'left',
                render: (title: string, row) => (
                  <Flex vertical gap={2}>
                    <span>
                      <Link to={`/demands/${row.id}`}>{title}</Link> {row.isDemo ? <DemoTag /> : null}
                    </span>
                    {row.highlighted ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <Highlighted html={row.highlighted} data-testid="demand-snippet" />
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              { title: fields.technicalField, dataIndex: 'technicalField', width: 100, render: (v: string | null) => v ?? text.none },
              { title: fields.industry, dataIndex: 'industry', width: 100, render: (v: string | null) => v ?? text.none },
              { title: fields.enterprise, dataIndex: 'enterpriseName', width: 180, render: (v: string | null) => v ?? text.none },
              {
                title: fields.budget,
                dataIndex: 'budget',
                width: 100,
                align: 'right' as const,
                render: (v: number | null) => (v === null ? text.none : text.yuan(v)),
              },
              { title: fields.deadline, dataIndex: 'deadline', width: 120, render: (v: string | null) => formatChineseDate(v) },
              { title: fields.region, dataIndex: ['region', 'name'], width: 90, render: (v?: string) => v ?? text.none },
              {
                title: fields.status,
                dataIndex: 'status',
                width: 80,
                render: (s: PublicationStatus) => <PublicationStatusTag status={s} />,
              },
              { title: fields.publishedAt, dataIndex: 'publishedAt', width: 120, render: (v: string | null) => formatChineseDate(v) },
            ]}
          />
        )}
      </Card>
      <PublicationImportModal kind="demands" open={importing} canPublish={canReview} onClose={() => setImporting(false)} />
    </>
  );
}
