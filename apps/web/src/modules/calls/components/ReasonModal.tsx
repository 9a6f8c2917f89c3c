import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { toDateString } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';

export interface ReasonValues {
  reason?: string;
  noticeDays?: number;
  documentNo?: string;
  recognizedOn?: string;
}

/** Asks what a review step needs: a reason (required to return or reject), the notice length, or the recognition document. */
export function ReasonModal({
  open,
  title,
  needs,
  reasonRequired,
  busy,
  onCancel,
  onOk,
}: {
  open: boolean;
  title: string;
  needs: 'reason' | 'notice' | 'recognition';
  reasonRequired: boolean;
  busy: boolean;
  onCancel: () => void;
  onOk: (values: ReasonValues) => void;
}) {
  const [form] = Form.useForm<{ reason?: string; noticeDays?: number; documentNo?: string; recognizedOn?: Dayjs }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reason-ok' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ noticeDays: 5, recognizedOn: dayjs() }}
        onFinish={(values) =>
          onOk({
            ...(values.reason ? { reason: values.reason } : {}),
            ...(needs === 'notice' ? { noticeDays: values.noticeDays } : {}),
            ...(needs === 'recognition'
              ? { documentNo: values.documentNo, recognizedOn: toDateString(values.recognizedOn) ?? undefined }
              : {}),
          })
        }
      >
        {needs === 'notice' ? (
          <Form.Item name="noticeDays" label={t.calls.review.noticeDays} rules={[{ required: true, message: t.calls.form.required }]}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        ) : null}
        {needs === 'recognition' ? (
          <>
            <Form.Item
              name="documentNo"
              label={t.calls.review.documentNo}
              rules={[{ required: true, whitespace: true, message: t.calls.form.required }]}
            >
              <Input maxLength={100} data-testid="recognition-doc" />
            </Form.Item>
            <Form.Item name="recognizedOn" label={t.calls.review.recognizedOn} rules={[{ required: true, message: t.calls.form.required }]}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="reason"
          label={t.calls.review.reason}
          rules={reasonRequired ? [{ required: true, whitespace: true, message: t.calls.review.reasonRequired }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
