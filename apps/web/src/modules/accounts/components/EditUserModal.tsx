import { type User, zUpdateUser } from '@stip/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useUpdateUser } from '../hooks/useUsers';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

/** The system administrator corrects an account's name; role, region and unit are the security administrator's. */
export function EditUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ displayName: string }>();
  const update = useUpdateUser();
  const notify = useNotify();

  const submit = (values: { displayName: string }) =>
    user &&
    update.mutate(
      { id: user.id, body: { displayName: values.displayName.trim(), version: user.version } },
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
        <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={{ displayName: user.displayName }}>
          <Form.Item
            name="displayName"
            label={t.users.fields.displayName}
            rules={[requiredText(t.users.fields.displayName), schemaRule(zUpdateUser.shape.displayName)]}
          >
            <Input autoFocus maxLength={60} data-testid="user-edit-display-name" />
          </Form.Item>
          <ImplicitSubmit />
        </Form>
      ) : null}
    </Modal>
  );
}
