import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditRecord } from '@stip/contracts';
import { Alert, Button, Col, Row, Table, Typography } from 'antd';
import { JsonView } from '../../../shared/components/JsonView';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { actionLabel, t } from '../../../shared/i18n/zh-CN';
import type { Role } from '@stip/contracts';
import type { AuditListQuery } from '../api';
import { AuditFilterBar } from '../components/AuditFilterBar';
import { useAuditRecords, useVerifyAudit } from '../hooks/useAudit';

const columns = t.audit.columns;

function roleLabel(role: string | null): string {
  if (!role) return t.common.none;
  return t.labels.role[role as Role] ?? role;
}

export default function AuditPage() {
  const list = useListParams();
  const notify = useNotify();
  const verify = useVerifyAudit();
  const query: AuditListQuery = {
    actorUsername: list.get('actorUsername'),
    action: list.get('action'),
    objectType: list.get('objectType'),
    objectId: list.get('objectId'),
    from: list.get('from'),
    to: list.get('to'),
    limit: list.pageSize,
    offset: list.offset,
  };
  const records = useAuditRecords(query);

  const verification = verify.data;
  return (
    <>
      <PageHeader
        title={t.audit.title}
        subtitle={<Typography.Text type="secondary">{t.common.total(records.data?.total ?? 0)}</Typography.Text>}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate(undefined, { onError: (error) => notify.error(error) })}
            data-testid="audit-verify"
          >
            {t.audit.verify}
          </Button>
        }
      />
      {verification ? (
        <Alert
          type={verification.intact ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => verify.reset()}
          style={{ marginBottom: 12 }}
          message={
            verification.intact
              ? t.audit.verifyIntact(verification.checked)
              : t.audit.verifyBroken(verification.firstBrokenSeq, verification.reason)
          }
          data-testid="audit-verify-result"
        />
      ) : null}
      <AuditFilterBar query={query} onChange={list.update} onReset={list.clear} />
      {records.isError ? (
        <LoadFailed error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <Table<AuditRecord>
          size="small"
          rowKey="seq"
          bordered
          loading={records.isFetching}
          dataSource={records.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: t.common.empty }}
          pagination={pagination(list.page, list.pageSize, records.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="audit-table"
          expandable={{
            rowExpandable: (record) => record.before != null || record.after != null,
            expandedRowRender: (record) => (
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text strong>{columns.before}</Typography.Text>
                  <JsonView value={record.before} />
                </Col>
                <Col span={12}>
                  <Typography.Text strong>{columns.after}</Typography.Text>
                  <JsonView value={record.after} />
                </Col>
              </Row>
            ),
          }}
          columns={[
            { title: columns.seq, dataIndex: 'seq', width: 80 },
            { title: columns.occurredAt, dataIndex: 'occurredAt', width: 170, render: formatDateTime },
            { title: columns.actor, dataIndex: 'actorUsername', width: 120, render: (value: string | null) => value ?? t.audit.system },
            { title: columns.role, dataIndex: 'actorRole', width: 150, render: roleLabel },
            { title: columns.sourceIp, dataIndex: 'sourceIp', width: 130, render: (value: string | null) => value ?? t.common.none },
            {
              title: columns.action,
              dataIndex: 'action',
              width: 170,
              render: (action: string) => <span title={action}>{actionLabel(action)}</span>,
            },
            {
              title: columns.object,
              key: 'object',
              width: 360,
              render: (_: unknown, record) => (
                <>
                  {t.audit.objectTypes[record.objectType] ?? record.objectType}
                  {record.objectId ? (
                    <Typography.Text type="secondary" copyable={{ text: record.objectId }} style={{ marginLeft: 6, fontSize: 12 }}>
                      {record.objectId}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
