import type { Platform, PlatformLevel, PlatformStatus } from '@stip/contracts';
import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { pagination } from '../../../shared/components/tableDefaults';
import { formatDate } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { PlatformStatusTag } from '../../platforms/components/PlatformStatusTag';

const fields = t.platformFields;

interface CountedPlatformTableProps {
  items: Platform[] | undefined;
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  emptyText?: string;
  'data-testid'?: string;
}

/** The platforms behind a figure (a target's count, a cockpit cell), each linking to its record. */
export function CountedPlatformTable({ items, total, loading, page, pageSize, onPage, emptyText, ...rest }: CountedPlatformTableProps) {
  return (
    <Table<Platform>
      size="small"
      rowKey="id"
      bordered
      loading={loading}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: emptyText ?? t.common.empty }}
      pagination={pagination(page, pageSize, total, onPage)}
      data-testid={rest['data-testid'] ?? 'counted-platform-table'}
      columns={[
        {
          title: fields.name,
          dataIndex: 'name',
          width: 320,
          render: (name: string, row) => (
            <Link to={`/platforms/${row.id}`} data-testid="counted-platform-link">
              {name}
            </Link>
          ),
        },
        {
          title: fields.typeName,
          dataIndex: 'typeName',
          width: 200,
          render: (name: string) => <span data-testid="counted-platform-type">{name}</span>,
        },
        { title: fields.level, dataIndex: 'level', width: 80, render: (level: PlatformLevel) => t.labels.platformLevel[level] },
        { title: fields.hostOrganizationName, dataIndex: 'hostOrganizationName', width: 220 },
        { title: fields.regionName, dataIndex: 'regionName', width: 110 },
        { title: fields.status, dataIndex: 'status', width: 80, render: (status: PlatformStatus) => <PlatformStatusTag status={status} /> },
        { title: fields.recognizedOn, dataIndex: 'recognizedOn', width: 110, render: formatDate },
        { title: fields.recognitionDocNo, dataIndex: 'recognitionDocNo', width: 170, render: (v: string | null) => v ?? t.common.none },
      ]}
    />
  );
}
