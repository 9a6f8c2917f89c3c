import { zOpenReportingYear } from '@stip/contracts';
import { DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { requiredChoice, schemaRule, toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useOpenReportingYear } from '../hooks/useAnnualReports';

interface OpenYearValues {
  year: number;
  dueOn: Dayjs;
}

const text = t.annualReports.open;

/** City staff open a reporting year: its due date, and a draft for every platform in 建设期 or 运行. */
export function OpenYearModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (year: number) => void }) {
  const [form] = Form.useForm<OpenYearValues>();
  const openYear = useOpenReportingYear();
  const notify = useNotify();
  const submit = (values: OpenYearValues) =>
    openYear.mutate(
      { year: values.year, dueOn: toDateString(values.dueOn)! },
      {
        onSuccess: (result) => {
          notify.success(text.done(result.year, result.created));
          onOpened(result.year);
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );
  return (
    <Modal
      open={open}
      title={text.title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={text.button}
      okButtonProps={{ 'data-testid': 'annual-open-year-submit' }}
      confirmLoading={openYear.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
      <Form<OpenYearValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        clearOnDestroy
        initialValues={{ year: new Date().getFullYear() }}
      >
        <Form.Item name="year" label={text.year} rules={[requiredChoice(text.year), schemaRule(zOpenReportingYear.shape.year)]}>
          <InputNumber style={{ width: '100%' }} precision={0} data-testid="annual-open-year-year" />
        </Form.Item>
        <Form.Item name="dueOn" label={text.dueOn} rules={[requiredChoice(text.dueOn)]}>
          <DatePicker style={{ width: '100%' }} data-testid="annual-open-year-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
