import type { PlatformStatus } from '@stip/contracts';
import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

export const statusColor: Record<PlatformStatus, string> = {
  cultivating: 'default',
  constructing: 'processing',
  operating: 'success',
  rectifying: 'warning',
  revoked: 'error',
  merged: 'purple',
};

export function PlatformStatusTag({ status }: { status: PlatformStatus }) {
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }}>
      {t.labels.platformStatus[status]}
    </Tag>
  );
}
