import type { Platform, PlatformLevel, PlatformStatus } from '@stip/contracts';
import { Table, type TableProps, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import type { PlatformFilters, PlatformSortField } from '../api';
import { DemoTag } from './DemoTag';
import { PlatformStatusTag } from './PlatformStatusTag';

const fields = t.platformFields;

interface PlatformTableProps {
  items: Platform[] | undefined;
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: PlatformFilters['sort'];
  order: PlatformFilters['order'];
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: PlatformSortField | undefined, order: 'asc' | 'desc' | undefined) => void;
}

/** The platform list: sorting and paging happen on the server. */
export function PlatformTable({ items, total, loading, page, pageSize, sort, order, onPage, onSort }: PlatformTableProps) {
  const sortOrderOf = (field: PlatformSortField): SortOrder => (sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const sortable = (field: PlatformSortField) => ({ key: field, sorter: true, sortOrder: sortOrderOf(field) });

  // Paging goes through the pagination's own onChange; only sorting is handled here.
  const handleChange: TableProps<Platform>['onChange'] = (_paging, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.order ? (single.columnKey as PlatformSortField) : undefined;
    onSort(field, single?.order === 'ascend' ? 'asc' : single?.order === 'descend' ? 'desc' : undefined);
  };

  return (
    <Table<Platform>
      size="small"
      rowKey="id"
      bordered
      loading={loading}
      dataSource={items}
      scroll={tableScroll}
      locale={{ emptyText: t.common.empty }}
      onChange={handleChange}
      pagination={pagination(page, pageSize, total, onPage)}
      data-testid="platform-table"
      columns={[
        {
          title: fields.name,
          dataIndex: 'name',
          fixed: 'left',
          width: 300,
          ...sortable('name'),
          render: (name: string, row) => (
            <>
              <Link to={`/platforms/${row.id}`} data-testid="platform-name-link">
                {name}
              </Link>
              {row.isDemo ? (
                <>
                  {' '}
                  <DemoTag />
                </>
              ) : null}
            </>
          ),
        },
        { title: fields.typeName, dataIndex: 'typeName', width: 190, ...sortable('typeName') },
        {
          title: fields.level,
          dataIndex: 'level',
          width: 80,
          ...sortable('level'),
          render: (level: PlatformLevel) => t.labels.platformLevel[level],
        },
        { title: fields.hostOrganizationName, dataIndex: 'hostOrganizationName', width: 230 },
        { title: fields.regionName, dataIndex: 'regionName', width: 110, ...sortable('regionName') },
        {
          title: fields.status,
          dataIndex: 'status',
          width: 80,
          ...sortable('status'),
          render: (status: PlatformStatus) => <PlatformStatusTag status={status} />,
        },
        { title: fields.recognizedOn, dataIndex: 'recognizedOn', width: 110, ...sortable('recognizedOn'), render: formatDate },
        { title: fields.recognitionDocNo, dataIndex: 'recognitionDocNo', width: 170, render: (v: string | null) => v ?? t.common.none },
        { title: fields.industry, dataIndex: 'industry', width: 100, render: (v: string | null) => v ?? t.common.none },
        { title: fields.systemName, dataIndex: 'systemName', width: 150 },
        {
          title: fields.updatedAt,
          dataIndex: 'updatedAt',
          width: 160,
          ...sortable('updatedAt'),
          render: (value: string) => <Typography.Text type="secondary">{formatDateTime(value)}</Typography.Text>,
        },
      ]}
    />
  );
}
