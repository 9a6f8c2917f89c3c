import { type Rectification, rectificationLabels, rectificationStatuses } from '@stip/contracts';
import { Alert, Button, Card, Checkbox, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { RectificationStatusTag } from '../components/EvaluationTags';
import { useRectifications } from '../hooks/useEvaluations';
import { withoutDemoMark } from '../../../shared/format/demoName';

const text = t.rectifications;

/** 整改: the rectifications of the platforms the user sees, earliest deadline first; overdue ones on demand. */
export default function RectificationsPage() {
  const list = useListParams();
  const overdue = list.get('overdue') === 'true';
  const rows = useRectifications({
    status: list.get('status'),
    overdue: overdue ? 'true' : undefined,
    limit: list.pageSize,
    offset: list.offset,
  });
  return (
    <>
      <PageHeader
        title={text.title}
        subtitle={<Typography.Text type="secondary">{rows.data ? text.total(rows.data.total) : t.common.loading}</Typography.Text>}
      />
      <Alert type="info" showIcon message={text.hint} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={text.fields.status}
            value={list.get('status')}
            onChange={(status?: string) => list.update({ status })}
            options={rectificationStatuses.map((status) => ({ value: status, label: rectificationLabels.status[status] }))}
          />
          <Checkbox
            checked={overdue}
            onChange={(event) => list.update({ overdue: event.target.checked ? 'true' : undefined })}
            data-testid="rectification-overdue"
          >
            {text.overdueOnly}
          </Checkbox>
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {rows.isError ? (
        <LoadFailed error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        <Table<Rectification>
          size="small"
          rowKey="id"
          bordered
          loading={rows.isFetching}
          dataSource={rows.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: text.empty }}
          pagination={pagination(list.page, list.pageSize, rows.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="rectification-table"
          columns={[
            {
              title: text.fields.platform,
              key: 'platform',
              width: 280,
              render: (_: unknown, row) => (
                <Flex gap={6}>
                  <Link to={`/rectifications/${row.id}`} data-testid="rectification-link">
                    {row.isDemo ? withoutDemoMark(row.platform.name) : row.platform.name}
                  </Link>
                  {row.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
                </Flex>
              ),
            },
            { title: text.fields.host, key: 'host', width: 200, render: (_: unknown, row) => row.hostOrganization.name },
            { title: text.fields.round, key: 'round', width: 240, render: (_: unknown, row) => row.round?.name ?? '—' },
            {
              title: text.fields.status,
              key: 'status',
              width: 110,
              render: (_: unknown, row) => <RectificationStatusTag status={row.status} />,
            },
            {
              title: text.fields.deadline,
              key: 'deadline',
              width: 150,
              render: (_: unknown, row) => (
                <Flex gap={4}>
                  {formatDate(row.deadline)}
                  {row.isOverdue ? <Tag color="red">{text.overdue}</Tag> : null}
                </Flex>
              ),
            },
            { title: text.fields.submittedAt, dataIndex: 'submittedAt', width: 110, render: formatDate },
          ]}
        />
      )}
    </>
  );
}
