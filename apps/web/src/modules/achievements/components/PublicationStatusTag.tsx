import type { PublicationStatus } from '@stip/contracts';
import { Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const colors: Record<PublicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  published: 'success',
  closed: 'default',
  archived: 'default',
};

/** An achievement's or demand's publication status. */
export function PublicationStatusTag({ status }: { status: PublicationStatus }) {
  return (
    <Tag color={colors[status]} bordered={false}>
      {t.sharing.status[status]}
    </Tag>
  );
}
