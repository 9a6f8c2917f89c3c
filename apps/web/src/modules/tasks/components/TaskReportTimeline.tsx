import { PaperClipOutlined } from '@ant-design/icons';
import type { TaskAttachment, TaskReport } from '@stip/contracts';
import { Button, Empty, Flex, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { tasksApi } from '../api';

const labels = t.tasks.reports;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every progress report the user may read, newest first: unit, person, date, percent, text and attachments. */
export function TaskReportTimeline({ reports }: { reports: TaskReport[] }) {
  const notify = useNotify();
  if (!reports.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={labels.empty} />;
  const sorted = [...reports].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));

  const download = (report: TaskReport, attachment: TaskAttachment) =>
    tasksApi.downloadAttachment(report.id, attachment).catch((error: unknown) => notify.error(error));

  return (
    <Timeline
      data-testid="task-report-timeline"
      items={sorted.map((report) => ({
        key: report.id,
        color: report.percent >= 100 ? 'green' : 'blue',
        children: (
          <Flex vertical gap={4} data-testid="task-report">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong data-testid="task-report-unit">
                {report.unit.name}
              </Typography.Text>
              <Tag bordered={false} color={report.unit.role === 'lead' ? 'blue' : 'default'}>
                {t.tasks.role[report.unit.role]}
              </Tag>
              <Typography.Text type="secondary">{formatDateTime(report.reportedAt)}</Typography.Text>
              {report.reportedBy ? <Typography.Text type="secondary">{report.reportedBy}</Typography.Text> : null}
            </Flex>
            <Progress percent={report.percent} size="small" style={{ maxWidth: 320, margin: 0 }} />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="task-report-text">
              {report.text}
            </Typography.Paragraph>
            {report.attachments.length ? (
              <Space size={[8, 4]} wrap>
                {report.attachments.map((attachment) => (
                  <Button
                    key={attachment.id}
                    type="link"
                    size="small"
                    icon={<PaperClipOutlined />}
                    style={{ padding: 0 }}
                    onClick={() => void download(report, attachment)}
                    data-testid="task-report-attachment"
                  >
                    {labels.attachment(attachment.fileName, formatSize(attachment.size))}
                  </Button>
                ))}
              </Space>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
