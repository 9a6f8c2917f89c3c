import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type PublicationStatus, publicationStatuses, type SearchFacets } from '@stip/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
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
import type { PublicationListQuery } from '../api';
import { FacetFilters } from './FacetFilters';
import { Highlighted } from './Highlighted';
import { PublicationImportModal } from './PublicationImportModal';
import { PublicationStatusTag } from './PublicationStatusTag';

const text = t.sharing;
/** Less important columns, hidden until picked in 列设置. */
const defaultHidden = ['industry', 'publishedAt'];

/** What every list item of a publication has (a search hit with its record's common fields). */
interface PublicationListItem {
  id: string;
  title: string;
  isDemo: boolean;
  highlighted?: string | null | undefined;
}

interface Props<Item extends PublicationListItem> {
  /** The record kind: its texts, permissions, paths and test ids (`achievement-table`). */
  kind: 'achievement' | 'demand';
  /** The facets the list offers, in order. */
  facetNames: readonly (keyof SearchFacets)[];
  useList: (query: PublicationListQuery) => UseQueryResult<{ items: Item[]; total: number; facets: SearchFacets }>;
  exportList: (query: Omit<PublicationListQuery, 'limit' | 'offset'>) => Promise<unknown>;
  /** The kind's own columns, between 所属产业 and 所在地区. */
  columns: TableColumnsType<Item>;
}

/** 科技成果库 / 技术需求库: search, facets with counts, status tabs; owners enter records, staff import and review. */
export function PublicationListPage<Item extends PublicationListItem>({ kind, facetNames, useList, exportList, columns }: Props<Item>) {
  const list = useListParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const canWrite = useCan(`${kind}:write`);
  const canImport = useCan('import:write');
  const canReview = useCan(`${kind}:review`);
  const [importing, setImporting] = useState(false);
  const fields = text[kind].fields;
  const offers = (name: keyof SearchFacets) => facetNames.includes(name);
  const status = list.get('status') as PublicationStatus | undefined;
  const selected = {
    technicalField: list.getList('technicalField'),
    industry: list.getList('industry'),
    maturity: offers('maturity') ? list.getList('maturity') : [],
    region: list.getList('regionId'),
    ownerType: offers('ownerType') ? list.getList('ownerType') : [],
  };
  const filters = {
    q: list.get('q'),
    status,
    technicalField: selected.technicalField.join(',') || undefined,
    industry: selected.industry.join(',') || undefined,
    ...(offers('maturity') ? { maturity: selected.maturity.join(',') || undefined } : {}),
    regionId: selected.region.join(',') || undefined,
    ...(offers('ownerType') ? { ownerType: selected.ownerType.join(',') || undefined } : {}),
  };
  const records = useList({ ...filters, limit: list.pageSize, offset: list.offset });
  const isFiltered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={text[kind].title}
        subtitle={<Typography.Text type="secondary">{text.total(records.data?.total ?? 0)}</Typography.Text>}
        extra={
          <Space wrap>
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid={`${kind}-import`}>
                {text.import}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => exportList(filters).catch((error: unknown) => notify.error(error))}
              data-testid={`${kind}-export`}
            >
              {text.export}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/${kind}s/new`)} data-testid={`${kind}-create`}>
                {text[kind].create}
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
            data-testid={`${kind}-search`}
          />
          <FacetFilters
            facets={records.data?.facets}
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
          data-testid={`${kind}-status-tabs`}
        />
        {records.isError ? (
          <LoadFailed error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <ChoosableTable<Item>
            tableKey={`${kind}s`}
            defaultHidden={defaultHidden}
            isFiltered={isFiltered}
            onClearFilters={list.clear}
            emptyText={text.empty}
            rowKey="id"
            size="small"
            loading={records.isFetching}
            dataSource={records.data?.items ?? []}
            scroll={{ y: tableScroll.y }}
            pagination={pagination(list.page, list.pageSize, records.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
            data-testid={`${kind}-table`}
            columns={[
              {
                title: fields.title,
                dataIndex: 'title',
                fixed: 'left',
                render: (title: string, row) => (
                  <Flex vertical gap={2}>
                    <span>
                      <Link to={`/${kind}s/${row.id}`}>{title}</Link> {row.isDemo ? <DemoTag /> : null}
                    </span>
                    {row.highlighted ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <Highlighted html={row.highlighted} data-testid={`${kind}-snippet`} />
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              { title: fields.technicalField, dataIndex: 'technicalField', width: 100, render: (v: string | null) => v ?? text.none },
              { title: fields.industry, dataIndex: 'industry', width: 100, render: (v: string | null) => v ?? text.none },
              ...columns,
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
      <PublicationImportModal kind={`${kind}s`} open={importing} canPublish={canReview} onClose={() => setImporting(false)} />
    </>
  );
}
