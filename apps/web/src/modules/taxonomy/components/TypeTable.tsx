import type { PlatformType } from '@stip/contracts';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../../../shared/i18n/zh-CN';

const fields = t.taxonomy.fields;

interface TypeTableProps {
  types: PlatformType[];
  canWrite: boolean;
  onEdit: (type: PlatformType) => void;
  onRetire: (type: PlatformType) => void;
}

/** The types of one system; the recognition standard unfolds under its row. */
export function TypeTable({ types, canWrite, onEdit, onRetire }: TypeTableProps) {
  return (
    <Table<PlatformType>
      size="small"
      rowKey="id"
      bordered
      pagination={false}
      dataSource={types}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t.taxonomy.typesEmpty }}
      data-testid="type-table"
      expandable={{
        expandedRowRender: (type) =>
          type.recognitionStandard ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{type.recognitionStandard}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t.taxonomy.standardEmpty}</Typography.Text>
          ),
      }}
      columns={[
        { title: fields.name, dataIndex: 'name', width: 260 },
        { title: fields.level, dataIndex: 'level', width: 80, render: (level: PlatformType['level']) => t.labels.platformLevel[level] },
        {
          title: fields.supervisor,
          key: 'supervisor',
          width: 180,
          render: (_: unknown, type) => type.supervisorOrganizationName ?? type.supervisingDepartment ?? t.common.none,
        },
        {
          title: fields.constructionPeriod,
          dataIndex: 'constructionPeriodMonths',
          width: 90,
          render: (months: number | null) => (months ? t.common.months(months) : t.common.none),
        },
        {
          title: fields.status,
          key: 'status',
          width: 220,
          render: (_: unknown, type) =>
            type.isActive ? (
              <Tag color="green">{t.taxonomy.active}</Tag>
            ) : (
              <Space size={4} wrap>
                <Tag>{t.taxonomy.retired}</Tag>
                {type.retiredOn ? <Typography.Text type="secondary">{t.taxonomy.retiredOn(type.retiredOn)}</Typography.Text> : null}
                {type.successorTypeName ? <Typography.Text>{t.taxonomy.retiredInto(type.successorTypeName)}</Typography.Text> : null}
              </Space>
            ),
        },
        {
          title: fields.platformCount,
          dataIndex: 'platformCount',
          width: 80,
          align: 'right',
          render: (count: number, type) => (count > 0 ? <Link to={`/platforms?typeId=${type.id}`}>{count}</Link> : count),
        },
        ...(canWrite
          ? [
              {
                title: t.common.actions,
                key: 'actions',
                width: 140,
                render: (_: unknown, type: PlatformType) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => onEdit(type)}>
                      {t.common.edit}
                    </Button>
                    {type.isActive ? (
                      <Button type="link" size="small" danger onClick={() => onRetire(type)}>
                        {t.taxonomy.retire}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
