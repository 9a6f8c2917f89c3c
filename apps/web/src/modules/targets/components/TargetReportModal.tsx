import { type Target, zCreateTargetReport } from '@stip/contracts';
import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';
import { requiredChoice, requiredText, schemaRule, toDateString, toNullableText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useReportTargetFigure } from '../hooks/useTargets';

interface ReportFormValues {
  period: string;
  periodEnd: Dayjs;
  value: number;
  source: string;
  note?: string;
}

const labels = t.targets.reports;
const shape = zCreateTargetReport.shape;

/** Files a figure for an amount / ratio / index target: the period, the day it stands at, the value and its source. */
export function TargetReportModal({ target, open, onClose }: { target: Target; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ReportFormValues>();
  const report = useReportTargetFigure();
  const notify = useNotify();

  const submit = (values: ReportFormValues) =>
    report.mutate(
      {
        id: target.id,
        body: {
          period: values.period.trim(),
          periodEnd: toDateString(values.periodEnd)!,
          value: values.value,
          source: values.source.trim(),
          note: toNullableText(values.note),
        },
      },
      {
        onSuccess: () => {
          notify.success(labels.saved);
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={labels.createTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': 'target-report-submit' }}
      confirmLoading={report.isPending}
      destroyOnHidden
    >
      <Form<ReportFormValues> form={form} layout="vertical" onFinish={submit} clearOnDestroy>
        <Form.Item name="period" label={labels.period} rules={[requiredText(labels.period), schemaRule(shape.period)]}>
          <Input maxLength={40} placeholder={labels.periodPlaceholder} autoFocus data-testid="target-report-period" />
        </Form.Item>
        <Form.Item name="periodEnd" label={labels.periodEnd} extra={labels.periodEndHint} rules={[requiredChoice(labels.periodEnd)]}>
          <DatePicker style={{ width: '100%' }} data-testid="target-report-period-end" />
        </Form.Item>
        <Form.Item name="value" label={labels.value} rules={[requiredChoice(labels.value)]}>
          <InputNumber style={{ width: '100%' }} addonAfter={target.unit || undefined} data-testid="target-report-value" />
        </Form.Item>
        <Form.Item name="source" label={labels.source} rules={[requiredText(labels.source), schemaRule(shape.source)]}>
          <Input maxLength={200} placeholder={labels.sourcePlaceholder} data-testid="target-report-source" />
        </Form.Item>
        <Form.Item name="note" label={labels.note} rules={[schemaRule(shape.note)]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
