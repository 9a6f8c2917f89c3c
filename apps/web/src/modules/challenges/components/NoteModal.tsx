import { Form, Input, Modal } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

/** Asks for the one piece of text a step needs (退回理由, 撤榜理由, 选定理由, 完成情况), required. */
export function NoteModal({
  open,
  title,
  label,
  requiredMessage,
  busy,
  onCancel,
  onOk,
  testId,
}: {
  open: boolean;
  title: string;
  label: string;
  requiredMessage?: string;
  busy: boolean;
  onCancel: () => void;
  onOk: (note: string) => void;
  testId?: string;
}) {
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId ?? 'note'}-ok` } as never}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => onOk(values.note.trim())}>
        <Form.Item
          name="note"
          label={label}
          rules={[{ required: true, whitespace: true, message: requiredMessage ?? t.challenges.noteRequired }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid={testId ?? 'note'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
