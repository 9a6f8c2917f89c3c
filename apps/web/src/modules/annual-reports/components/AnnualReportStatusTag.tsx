import type { AnnualReportStatus } from '@stip/contracts';
import { Space, Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

export const annualReportStatusColor: Record<AnnualReportStatus, string> = {
  draft: 'default',
  county_review: 'processing',
  city_review: 'blue',
  returned: 'warning',
  accepted: 'success',
};

/** The report's status, with a red 逾期未交 (or an orange 逾期提交) beside it. */
export function AnnualReportStatusTag({
  status,
  isLate = false,
  submittedLate = false,
}: {
  status: AnnualReportStatus;
  isLate?: boolean;
  submittedLate?: boolean;
}) {
  return (
    <Space size={4} data-testid="annual-report-status">
      <Tag color={annualReportStatusColor[status]} style={{ marginInlineEnd: 0 }}>
        {t.annualReports.status[status]}
      </Tag>
      {isLate ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t.annualReports.late}
        </Tag>
      ) : submittedLate ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t.annualReports.submittedLate}
        </Tag>
      ) : null}
    </Space>
  );
}
