import type { User } from '@stip/contracts';
import { Form, Input, Modal } from 'antd';
import { passwordRule, requiredText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useResetPassword } from '../hooks/useUsers';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

/** Sets a new password and lifts a lock after too many failed logins. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const notify = useNotify();

  const submit = ({ password }: { password: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password, version: user.version },
      {
        onSuccess: () => {
          notify.success(t.users.resetDone);
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user ? t.users.resetTitle(user.displayName) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy autoComplete="off">
        {/* Names the account the new password belongs to, for password managers. */}
        <input type="text" hidden readOnly autoComplete="username" value={user?.username ?? ''} />
        <Form.Item
          name="password"
          label={t.users.newPassword}
          extra={t.users.passwordHint}
          rules={[requiredText(t.users.newPassword), passwordRule(() => user?.username)]}
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
