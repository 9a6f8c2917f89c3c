import { UploadOutlined } from '@ant-design/icons';
import { type TaskDetail, taskAttachmentMaxBytes, zCreateTaskReport } from '@stip/contracts';
import { App, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Slider, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
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

/**
 * The percentage a unit's next report starts from: its own latest report (newest `reportedAt`), else the task's
 * progress, else 0 — so filing without touching the figure never rolls the unit's progress back.
 */
export function latestUnitPercent(task: Pick<TaskDetail, 'reports'>, unitId: string | undefined): number | null {
  const latest = task.reports
    .filter((report) => report.unit.id === unitId)
    .reduce<TaskDetail['reports'][number] | undefined>(
      (newest, report) => (!newest || report.reportedAt > newest.reportedAt ? report : newest),
      undefined,
    );
  return latest?.percent ?? null;
}

/** 填报进展: a responsible unit's report — text, percent and attachments (uploaded one by one after the report). */
export function TaskReportForm({ task }: { task: TaskDetail }) {
  const [form] = Form.useForm<ReportFormValues>();
  const fileReport = useFileTaskReport();
  const notify = useNotify();
  const { modal } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const selectedUnitId = Form.useWatch('organizationId', form) ?? task.myUnits[0]?.id;
  const latest = latestUnitPercent(task, selectedUnitId);
  const startPercent = latest ?? task.percent ?? 0;

  // Start from the selected unit's latest report, also once a just-filed report arrives with the refreshed task.
  useEffect(() => {
    form.setFieldValue('percent', startPercent);
  }, [form, startPercent, selectedUnitId]);

  const submit = (values: ReportFormValues) => {
    if (latest !== null && values.percent < latest)
      modal.confirm({
        title: labels.decreaseTitle,
        content: labels.decreaseHint(latest, values.percent),
        okText: labels.decreaseOk,
        okButtonProps: { 'data-testid': 'task-report-decrease-confirm' },
        onOk: () => send(values, true),
      });
    else send(values, false);
  };

  const send = (values: ReportFormValues, confirmDecrease: boolean) =>
    fileReport.mutate(
      {
        id: task.id,
        body: {
          organizationId: values.organizationId ?? task.myUnits[0]?.id,
          text: values.text.trim(),
          percent: values.percent,
          ...(confirmDecrease ? { confirmDecrease } : {}),
        },
        files: files.flatMap((file) => (file.originFileObj ? [file.originFileObj as File] : [])),
      },
      {
        onSuccess: (result) => {
          if (result.failed.length)
            notify.error(new Error(labels.attachFailed(t.common.list(result.failed.map((item) => item.file.name)))));
          else notify.success(labels.filed);
          // Clear the text only: the figure stays at what was just reported until the refreshed task says otherwise.
          form.setFieldsValue({ text: '', percent: values.percent });
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
      initialValues={{ organizationId: task.myUnits[0]?.id, percent: startPercent }}
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
          <Form.Item
            name="percent"
            label={labels.percent}
            extra={latest === null ? labels.percent100 : `${labels.lastPercent(latest)}；${labels.percent100}`}
          >
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
