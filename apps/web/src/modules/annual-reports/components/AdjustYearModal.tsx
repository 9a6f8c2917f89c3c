import type { ReportingYear } from '@stip/contracts';
import { DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { requiredChoice, toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useUpdateReportingYear } from '../hooks/useAnnualReports';

const text = t.annualReports.adjust;

/** City staff move an open year's due date and add reports for platforms that became due since it opened. */
export function AdjustYearModal({ year, onClose }: { year: ReportingYear | null; onClose: () => void }) {
  const [form] = Form.useForm<{ dueOn: Dayjs }>();
  const update = useUpdateReportingYear();
  const notify = useNotify();
  const submit = (values: { dueOn: Dayjs }) =>
    year &&
    update.mutate(
      { year: year.year, body: { dueOn: toDateString(values.dueOn)!, version: year.version } },
      {
        onSuccess: (result) => {
          notify.success(text.done(result.moved, result.created));
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );
  return (
    <Modal
      open={year !== null}
      title={year ? text.title(year.year) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={{ dueOn: year ? dayjs(year.dueOn) : undefined }}>
        <Form.Item name="dueOn" label={t.annualReports.open.dueOn} rules={[requiredChoice(t.annualReports.open.dueOn)]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
