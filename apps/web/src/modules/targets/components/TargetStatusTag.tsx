import type { TargetStatus } from '@stip/contracts';
import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { targetStatusTagColor } from './targetFormat';

export function TargetStatusTag({ status }: { status: TargetStatus }) {
  return (
    <Tag color={targetStatusTagColor[status]} style={{ marginInlineEnd: 0 }} data-testid="target-status">
      {t.targets.status[status]}
    </Tag>
  );
}
