import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { Plan } from '@stip/contracts';
import { Button, DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isAfterToday, todayString } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { plansApi } from '../api';

/** 简报: the plan's progress as of a day, as a Word document to print and as an Excel workbook. */
export function PlanBriefPanel({
  plan,
  asOf,
  onAsOf,
}: {
  plan: Plan;
  asOf: string | undefined;
  onAsOf: (asOf: string | undefined) => void;
}) {
  const notify = useNotify();
  const [downloading, setDownloading] = useState<'docx' | 'xlsx' | null>(null);

  const download = async (format: 'docx' | 'xlsx') => {
    setDownloading(format);
    try {
      await plansApi.downloadBrief(plan.id, format, asOf);
      notify.success(t.plans.brief.started);
    } catch (error) {
      notify.error(error);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }} data-testid="plan-brief">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.plans.brief.intro}
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t.common.labelled(t.plans.brief.asOf)}</Typography.Text>
        <DatePicker
          allowClear={false}
          value={dayjs(asOf ?? todayString())}
          onChange={(value) => onAsOf(toDateString(value) ?? undefined)}
          disabledDate={isAfterToday}
          data-testid="plan-brief-asof"
        />
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={downloading === 'docx'}
          onClick={() => void download('docx')}
          data-testid="plan-brief-docx"
        >
          {t.plans.brief.docx}
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          loading={downloading === 'xlsx'}
          onClick={() => void download('xlsx')}
          data-testid="plan-brief-xlsx"
        >
          {t.plans.brief.xlsx}
        </Button>
      </Flex>
    </Flex>
  );
}
