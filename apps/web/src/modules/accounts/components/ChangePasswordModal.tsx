import { Form, type FormInstance, Input, Modal } from 'antd';
import { passwordRule, requiredText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useChangePassword } from '../hooks/useAuth';
import { useCurrentUser } from '../hooks/useSession';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

export interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const text = t.layout;

/** The fields of a password change (current, new, confirm), submitting POST /api/auth/password; `onDone` after success. */
export function ChangePasswordForm({
  form,
  change,
  onDone,
}: {
  form: FormInstance<ChangePasswordValues>;
  change: ReturnType<typeof useChangePassword>;
  onDone: () => void;
}) {
  const notify = useNotify();
  const user = useCurrentUser();

  const submit = (values: ChangePasswordValues) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notify.success(text.passwordChanged);
          onDone();
        },
        onError: (error) => notify.error(error, form),
      },
    );

  return (
    <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy>
      {/* Tells password managers whose password this is. */}
      <input type="text" hidden readOnly autoComplete="username" value={user.username} />
      <Form.Item name="currentPassword" label={text.currentPassword} rules={[requiredText(text.currentPassword)]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={text.newPassword}
        extra={t.users.passwordHint}
        rules={[requiredText(text.newPassword), passwordRule(() => user.username)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={text.confirmPassword}
        dependencies={['newPassword']}
        rules={[
          requiredText(text.confirmPassword),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(text.passwordMismatch);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ImplicitSubmit />
    </Form>
  );
}

/** Any signed-in user changes their own password (POST /api/auth/password). */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword();

  return (
    <Modal
      open={open}
      title={text.changePassword}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <ChangePasswordForm form={form} change={change} onDone={onClose} />
    </Modal>
  );
}
