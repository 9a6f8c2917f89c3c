import { type CreateUser, zCreateUser } from '@stip/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { passwordRule, requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCreateUser } from '../hooks/useUsers';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

const fields = t.users.fields;

/** The system administrator creates an account; it has no role until the security administrator assigns one. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateUser>();
  const create = useCreateUser();
  const notify = useNotify();

  const submit = (values: CreateUser) =>
    create.mutate(
      { username: values.username.trim(), displayName: values.displayName.trim(), password: values.password },
      {
        onSuccess: () => {
          notify.success(t.common.created);
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t.users.createTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t.users.createHint} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy autoComplete="off">
        <Form.Item name="username" label={fields.username} rules={[requiredText(fields.username), schemaRule(zCreateUser.shape.username)]}>
          <Input autoFocus maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={fields.displayName}
          rules={[requiredText(fields.displayName), schemaRule(zCreateUser.shape.displayName)]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="password"
          label={fields.password}
          extra={t.users.passwordHint}
          dependencies={['username']}
          rules={[requiredText(fields.password), passwordRule(() => form.getFieldValue('username') as string | undefined)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
