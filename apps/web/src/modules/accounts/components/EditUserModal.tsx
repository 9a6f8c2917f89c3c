import { type User, zUpdateUser } from '@stip/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useUpdateUser } from '../hooks/useUsers';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

/** The system administrator corrects an account's name and contact data; role, region and unit are the security administrator's. */
interface FormValues {
  displayName: string;
  phone: string;
  email: string;
}

export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateUser();
  const notify = useNotify();

  const submit = (values: FormValues) =>
    user &&
    update.mutate(
      {
        id: user.id,
        body: {
          displayName: values.displayName.trim(),
          phone: (values.phone ?? '').trim(),
          email: (values.email ?? '').trim(),
          version: user.version,
        },
      },
      {
        onSuccess: () => {
          notify.success(t.common.saved);
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );

  return (
    <Modal
      open={!!user}
      title={user ? t.users.editTitle(user.username) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t.users.editHint} style={{ marginBottom: 16 }} />
      {user ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          clearOnDestroy
          initialValues={{ displayName: user.displayName, phone: user.phone, email: user.email }}
        >
          <Form.Item
            name="displayName"
            label={t.users.fields.displayName}
            rules={[requiredText(t.users.fields.displayName), schemaRule(zUpdateUser.shape.displayName)]}
          >
            <Input autoFocus maxLength={60} data-testid="user-edit-display-name" />
          </Form.Item>
          <Form.Item name="phone" label={t.users.fields.phone} rules={[schemaRule(zUpdateUser.shape.phone)]}>
            <Input maxLength={30} data-testid="user-edit-phone" />
          </Form.Item>
          <Form.Item name="email" label={t.users.fields.email} rules={[schemaRule(zUpdateUser.shape.email)]}>
            <Input maxLength={100} data-testid="user-edit-email" />
          </Form.Item>
          <ImplicitSubmit />
        </Form>
      ) : null}
    </Modal>
  );
}
