import { type LeadStatus, leadStatusLabels } from '@stip/contracts';
import { Tag } from 'antd';

const colors: Record<LeadStatus, string> = { new: 'default', contacted: 'blue', negotiating: 'gold', signed: 'green', dropped: 'red' };

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  return (
    <Tag color={colors[status]} data-testid="lead-status">
      {leadStatusLabels[status]}
    </Tag>
  );
}
