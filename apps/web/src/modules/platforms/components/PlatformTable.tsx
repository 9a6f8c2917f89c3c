import type { Platform, PlatformLevel, PlatformStatus } from '@stip/contracts';
import { type TableProps, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import type { PlatformFilters, PlatformSortField } from '../api';
import { DemoTag } from '../../../shared/components/DemoTag';
import { withoutDemoMark } from '../../../shared/format/demoName';
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
  /** Filters are set (an empty list then offers to clear them). */
  isFiltered: boolean;
  onClearFilters: () => void;
}

/** Less important columns, hidden until the user picks them in 列设置: the default columns fit at 1280 px. */
const defaultHidden = ['recognizedOn', 'industry', 'systemName', 'updatedAt'];

/** The platform list: sorting and paging happen on the server. */
export function PlatformTable(props: PlatformTableProps) {
  const { items, total, loading, page, pageSize, sort, order, onPage, onSort, isFiltered, onClearFilters } = props;
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
    <ChoosableTable<Platform>
      tableKey="platforms"
      defaultHidden={defaultHidden}
      isFiltered={isFiltered}
      onClearFilters={onClearFilters}
      emptyText={t.home.empty}
      size="small"
      rowKey="id"
      bordered
      loading={loading}
      dataSource={items}
      scroll={{ y: tableScroll.y }}
      onChange={handleChange}
      pagination={pagination(page, pageSize, total, onPage)}
      data-testid="platform-table"
      columns={[
        {
          title: fields.name,
          dataIndex: 'name',
          fixed: 'left',
          width: 250,
          ...sortable('name'),
          // A demo record says 演示 once, in its tag, not again at the end of its name.
          render: (name: string, row) => (
            <>
              <Link to={`/platforms/${row.id}`} data-testid="platform-name-link">
                {row.isDemo ? withoutDemoMark(name) : name}
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
        { title: fields.typeName, dataIndex: 'typeName', width: 170, ...sortable('typeName') },
        {
          title: fields.level,
          dataIndex: 'level',
          width: 70,
          ...sortable('level'),
          render: (level: PlatformLevel) => t.labels.platformLevel[level],
        },
        { title: fields.hostOrganizationName, dataIndex: 'hostOrganizationName', width: 200 },
        { title: fields.regionName, dataIndex: 'regionName', width: 100, ...sortable('regionName') },
        {
          title: fields.status,
          dataIndex: 'status',
          width: 80,
          ...sortable('status'),
          render: (status: PlatformStatus) => <PlatformStatusTag status={status} />,
        },
        { title: fields.recognitionDocNo, dataIndex: 'recognitionDocNo', width: 170, render: (v: string | null) => v ?? t.common.none },
        { title: fields.recognizedOn, dataIndex: 'recognizedOn', width: 110, ...sortable('recognizedOn'), render: formatDate },
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
