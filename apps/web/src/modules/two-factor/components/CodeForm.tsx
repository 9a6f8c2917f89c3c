import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

const text = t.twoFactor;

interface CodeFormProps {
  onSubmit: (code: string) => void;
  pending: boolean;
  submitText: string;
  /** Whether a recovery code may stand in for the app's code (sign-in, re-authentication), or only a six-digit code (enrolment). */
  allowRecoveryCode?: boolean;
  testId?: string;
}

/** One field for a code from the authenticator app (or a recovery code) and its button. */
export function CodeForm({ onSubmit, pending, submitText, allowRecoveryCode = false, testId = 'two-factor-code-form' }: CodeFormProps) {
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => onSubmit(values.code.trim())} data-testid={testId}>
      <Form.Item
        name="code"
        label={allowRecoveryCode ? text.codeOrRecovery : text.code}
        rules={[
          { required: true, whitespace: true, message: text.codeRequired },
          ...(allowRecoveryCode ? [] : [{ pattern: /^\s*\d{6}\s*$/, message: text.codePlaceholder }]),
        ]}
      >
        <Input
          prefix={<SafetyOutlined />}
          placeholder={allowRecoveryCode ? text.codeOrRecoveryPlaceholder : text.codePlaceholder}
          autoComplete="one-time-code"
          inputMode={allowRecoveryCode ? 'text' : 'numeric'}
          maxLength={40}
          autoFocus
          size="large"
          data-testid="two-factor-code"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={pending} data-testid="two-factor-submit">
        {submitText}
      </Button>
    </Form>
  );
}
