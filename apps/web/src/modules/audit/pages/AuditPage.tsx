import { DownloadOutlined, ExportOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditRecord, Permission, Role } from '@stip/contracts';
import { Alert, Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { can, useSession } from '../../accounts/hooks/useSession';
import { auditApi, type AuditFilter, type AuditListQuery } from '../api';
import { AuditChanges } from '../components/AuditChanges';
import { AuditFilterBar } from '../components/AuditFilterBar';
import { useAuditRecords, useVerifyAudit } from '../hooks/useAudit';

const columns = t.audit.columns;

/** Which permission opens the page an object links to (the audit administrator usually has none of them). */
const objectPagePermissions: [prefix: string, permission: Permission][] = [
  ['/platforms/', 'platform:read'],
  ['/plans/', 'plan:read'],
  ['/targets/', 'plan:read'],
  ['/tasks/', 'plan:read'],
  ['/calls/', 'call:read'],
  ['/applications/', 'call:read'],
  ['/annual-reports/', 'annual-report:read'],
  ['/evaluations/', 'evaluation:read'],
  ['/funding/', 'funding:read'],
];

function roleLabel(role: string | null): string {
  if (!role) return t.common.none;
  return t.labels.role[role as Role] ?? role;
}

export default function AuditPage() {
  const list = useListParams();
  const notify = useNotify();
  const verify = useVerifyAudit();
  const session = useSession();
  const [exporting, setExporting] = useState(false);
  const filter: AuditFilter = {
    actor: list.get('actor'),
    action: list.get('action'),
    objectType: list.get('objectType'),
    objectId: list.get('objectId'),
    objectName: list.get('objectName'),
    from: list.get('from'),
    to: list.get('to'),
  };
  const query: AuditListQuery = { ...filter, limit: list.pageSize, offset: list.offset };
  const records = useAuditRecords(query);
  const isFiltered = Object.values(filter).some(Boolean);

  const canOpen = (path: string | null) => {
    if (!path) return false;
    const entry = objectPagePermissions.find(([prefix]) => path.startsWith(prefix));
    return !!entry && can(session.data, entry[1]);
  };

  const download = async () => {
    setExporting(true);
    try {
      await auditApi.download(filter);
      notify.success(t.audit.exported);
    } catch (error) {
      notify.error(error);
    } finally {
      setExporting(false);
    }
  };

  const verification = verify.data;
  const focusName = filter.objectId ? records.data?.items.find((r) => r.objectId === filter.objectId)?.objectName : null;
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
      <AuditFilterBar
        query={query}
        objectName={focusName}
        onChange={list.update}
        onReset={list.clear}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()} data-testid="audit-export">
            {t.audit.export}
          </Button>
        }
      />
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
          locale={{
            emptyText: isFiltered ? (
              <Empty description={t.audit.emptyFiltered}>
                <Button onClick={list.clear}>{t.audit.clearFilters}</Button>
              </Empty>
            ) : (
              t.common.empty
            ),
          }}
          pagination={pagination(list.page, list.pageSize, records.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (record) => <AuditChanges record={record} />,
          }}
          columns={[
            { title: columns.seq, dataIndex: 'seq', width: 70 },
            { title: columns.occurredAt, dataIndex: 'occurredAt', width: 140, render: formatDateTime },
            { title: columns.actor, dataIndex: 'actorName', width: 220 },
            { title: columns.role, dataIndex: 'actorRole', width: 130, render: roleLabel },
            {
              title: columns.action,
              dataIndex: 'actionLabel',
              width: 150,
              render: (label: string, record) => <span title={label === record.action ? undefined : record.action}>{label}</span>,
            },
            {
              title: columns.object,
              key: 'object',
              width: 320,
              render: (_: unknown, record) => (
                <Space size={4} wrap={false}>
                  <Typography.Text type="secondary">{record.objectTypeLabel}</Typography.Text>
                  {record.objectId ? (
                    <Link
                      to={`/audit?objectType=${encodeURIComponent(record.objectType)}&objectId=${encodeURIComponent(record.objectId)}`}
                      title={t.audit.objectHistory}
                      data-testid="audit-object-link"
                    >
                      {record.objectName ?? t.audit.objectHistory}
                    </Link>
                  ) : record.objectName ? (
                    <span>{record.objectName}</span>
                  ) : null}
                  {record.objectPath && canOpen(record.objectPath) ? (
                    <Link to={record.objectPath} title={t.audit.openObject}>
                      <ExportOutlined />
                    </Link>
                  ) : null}
                </Space>
              ),
            },
            { title: columns.sourceIp, dataIndex: 'sourceIp', width: 120, render: (value: string | null) => value ?? t.common.none },
          ]}
        />
      )}
    </>
  );
}
