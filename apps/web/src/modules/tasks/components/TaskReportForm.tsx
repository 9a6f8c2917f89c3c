import { UploadOutlined } from '@ant-design/icons';
import { type TaskDetail, taskAttachmentMaxBytes, zCreateTaskReport } from '@stip/contracts';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Slider, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { requiredChoice, requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useFileTaskReport } from '../hooks/useTasks';

interface ReportFormValues {
  organizationId?: string;
  text: string;
  percent: number;
}

const labels = t.tasks.reports;
const maxMegabytes = taskAttachmentMaxBytes / 1024 / 1024;

/** 填报进展: a responsible unit's report — text, percent and attachments (uploaded one by one after the report). */
export function TaskReportForm({ task }: { task: TaskDetail }) {
  const [form] = Form.useForm<ReportFormValues>();
  const fileReport = useFileTaskReport();
  const notify = useNotify();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const latestOwn = [...task.reports]
    .filter((report) => task.myUnits.some((unit) => unit.id === report.unit.id))
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))[0];

  const submit = (values: ReportFormValues) =>
    fileReport.mutate(
      {
        id: task.id,
        body: { organizationId: values.organizationId ?? task.myUnits[0]?.id, text: values.text.trim(), percent: values.percent },
        files: files.flatMap((file) => (file.originFileObj ? [file.originFileObj as File] : [])),
      },
      {
        onSuccess: (result) => {
          if (result.failed.length)
            notify.error(new Error(labels.attachFailed(t.common.list(result.failed.map((item) => item.file.name)))));
          else notify.success(labels.filed);
          form.resetFields();
          setFiles([]);
        },
        onError: (error) => notify.error(error, form),
      },
    );

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ organizationId: task.myUnits[0]?.id, percent: latestOwn?.percent ?? task.percent ?? 0 }}
      data-testid="task-report-form"
    >
      <Row gutter={16}>
        {task.myUnits.length > 1 ? (
          <Col span={24}>
            <Form.Item name="organizationId" label={labels.unit} rules={[requiredChoice(labels.unit)]}>
              <Select
                options={task.myUnits.map((unit) => ({ value: unit.id, label: t.tasks.unitWithRole(unit.name, t.tasks.role[unit.role]) }))}
                data-testid="task-report-unit-select"
              />
            </Form.Item>
          </Col>
        ) : (
          <Col span={24}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t.common.labelled(labels.unit)}
              {task.myUnits[0] ? t.tasks.unitWithRole(task.myUnits[0].name, t.tasks.role[task.myUnits[0].role]) : t.common.none}
            </Typography.Paragraph>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="text" label={labels.text} rules={[requiredText(labels.text), schemaRule(zCreateTaskReport.shape.text)]}>
            <Input.TextArea rows={4} maxLength={5000} showCount placeholder={labels.textPlaceholder} data-testid="task-report-text-input" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="percent" label={labels.percent} extra={labels.percent100}>
            <PercentInput />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={labels.attachments} extra={labels.attachHint(maxMegabytes)}>
            <Upload
              multiple
              fileList={files}
              beforeUpload={(file) => {
                if (file.size > taskAttachmentMaxBytes) {
                  notify.error(new Error(labels.tooLarge(file.name, maxMegabytes)));
                  return Upload.LIST_IGNORE;
                }
                // Kept until the report is filed; the report's id is needed to attach them.
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList)}
              data-testid="task-report-files"
            >
              <Button icon={<UploadOutlined />}>{labels.attach}</Button>
            </Upload>
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={fileReport.isPending} data-testid="task-report-submit">
        {labels.submit}
      </Button>
    </Form>
  );
}

/** A percentage as a slider for a quick pick and a number box for an exact figure. */
function PercentInput({ value, onChange }: { value?: number; onChange?: (value: number) => void }) {
  return (
    <Flex gap={16} align="center">
      <Slider
        min={0}
        max={100}
        step={5}
        value={value}
        onChange={(next: number) => onChange?.(next)}
        marks={{ 0: '0%', 50: '50%', 100: '100%' }}
        style={{ flex: 1 }}
        data-testid="task-report-percent-slider"
      />
      <InputNumber
        min={0}
        max={100}
        precision={0}
        value={value}
        onChange={(next) => onChange?.(next ?? 0)}
        addonAfter="%"
        style={{ width: 120 }}
        data-testid="task-report-percent"
      />
    </Flex>
  );
}
