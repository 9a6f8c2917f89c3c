import type { EligibilityResult } from '@stip/contracts';
import { Table } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { OutcomeTag } from './StatusTags';

/** The eligibility checks with their outcome and the reason, as every reviewer sees them (预审前置). */
export function EligibilityTable({ results }: { results: EligibilityResult[] }) {
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={results}
      locale={{ emptyText: t.calls.review.none }}
      columns={[
        { title: t.calls.field.rules, dataIndex: 'label', width: 260 },
        {
          title: t.calls.review.resolution,
          dataIndex: 'outcome',
          width: 110,
          render: (outcome: EligibilityResult['outcome']) => <OutcomeTag outcome={outcome} />,
        },
        { title: t.calls.review.comment, dataIndex: 'detail' },
      ]}
    />
  );
}
