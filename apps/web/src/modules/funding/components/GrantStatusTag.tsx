import { type GrantStatus, grantStatusLabels } from '@stip/contracts';
import { Tag } from 'antd';

const statusColor: Record<GrantStatus, string> = { proposed: 'default', approved: 'processing', paid: 'success', cancelled: 'error' };

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }} data-testid="grant-status">
      {grantStatusLabels[status]}
    </Tag>
  );
}
