import type { SeatStatus } from '@stip/contracts';
import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const colors: Record<SeatStatus, string> = {
  pending_declaration: 'orange',
  scoring: 'blue',
  submitted: 'green',
  vacated: 'default',
};

export function SeatStatusTag({ status }: { status: SeatStatus }) {
  return (
    <Tag color={colors[status]} bordered={false} data-testid="seat-status">
      {t.experts.seatStatus[status]}
    </Tag>
  );
}
