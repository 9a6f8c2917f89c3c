import type { ErrorDetail } from '@stip/contracts';
import { Alert, Card, Table } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.imports;

/** A rejected import: nothing was stored; each bad cell is listed by row and column, as Excel shows them. */
export function ImportErrorsPanel({ message, details }: { message: string; details: ErrorDetail[] }) {
  return (
    <Card size="small" data-testid="import-errors">
      <Alert
        type="error"
        showIcon
        message={text.rejectedTitle}
        description={message === text.rejectedTitle ? text.rejectedHint : message}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        bordered
        rowKey={(detail) => `${detail.row ?? ''}:${detail.field ?? ''}:${detail.message}`}
        dataSource={details}
        pagination={details.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ y: 420 }}
        columns={[
          { title: text.errorColumns.row, dataIndex: 'row', width: 70, render: (row?: number) => row ?? t.common.none },
          { title: text.errorColumns.field, dataIndex: 'field', width: 180, render: (field?: string) => field ?? t.common.none },
          { title: text.errorColumns.message, dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}
