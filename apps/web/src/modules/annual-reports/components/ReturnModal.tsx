import { type AnnualReportAction, zAnnualReportTransition } from '@stip/contracts';
import { Form, Input, Modal } from 'antd';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.annualReports.detail;

/** Asks the reviewer why the report goes back: a return without a comment is refused. */
export function ReturnModal({
  action,
  loading,
  onClose,
  onReturn,
}: {
  action: AnnualReportAction | null;
  loading: boolean;
  onClose: () => void;
  onReturn: (comment: string) => void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open={action !== null}
      title={text.returnTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t.annualReports.actions[action] : t.common.confirm}
      okButtonProps={{ danger: true, 'data-testid': 'annual-return-submit' }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => onReturn(values.comment.trim())} clearOnDestroy>
        <Form.Item
          name="comment"
          label={text.returnComment}
          rules={[requiredText(text.returnComment), schemaRule(zAnnualReportTransition.shape.comment)]}
        >
          <Input.TextArea rows={4} maxLength={1000} placeholder={text.returnPlaceholder} data-testid="annual-return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
