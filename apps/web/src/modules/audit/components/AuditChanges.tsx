import type { AuditFieldChange, AuditRecord } from '@stip/contracts';
import { Table, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.audit;

/** An expanded audit record: its sentence, then field by field before and after, all in Chinese. */
export function AuditChanges({ record }: { record: AuditRecord }) {
  const hasBefore = record.changes.some((change) => change.before !== null);
  const hasAfter = record.changes.some((change) => change.after !== null);
  return (
    <div data-testid="audit-record-detail">
      <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="audit-sentence">
        {record.sentence}
      </Typography.Paragraph>
      {record.changes.length ? (
        <Table<AuditFieldChange>
          size="small"
          rowKey="field"
          pagination={false}
          bordered
          dataSource={record.changes}
          data-testid="audit-changes"
          columns={[
            { title: text.field, dataIndex: 'label', width: 160 },
            ...(hasBefore
              ? [{ title: text.columns.before, dataIndex: 'before', render: (value: string | null) => value ?? t.common.none }]
              : []),
            ...(hasAfter
              ? [{ title: text.columns.after, dataIndex: 'after', render: (value: string | null) => value ?? t.common.none }]
              : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{text.noChanges}</Typography.Text>
      )}
    </div>
  );
}
