import { type Role, type User, administratorRoles, organizationScopedRoles, regionScopedRoles, roles } from '@stip/contracts';
import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/client';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { requiredChoice } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { AssignableOrganizationSelect } from './AssignableOrganizationSelect';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useAssignRole } from '../hooks/useUsers';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface AssignRoleValues {
  role: Role;
  regionId?: string | null;
  organizationId?: string | null;
}

const fields = t.users.fields;

/** The security administrator gives an account its one role and the scope that role needs. */
function valuesOf(user: User): Partial<AssignRoleValues> {
  return { role: user.role ?? undefined, regionId: user.regionId, organizationId: user.organizationId };
}

interface AssignRoleModalProps {
  user: User | null;
  onClose: () => void;
  /** Re-reads the account after a version conflict. */
  onReload: () => Promise<User | undefined>;
}

export function AssignRoleModal({ user, onClose, onReload }: AssignRoleModalProps) {
  const [form] = Form.useForm<AssignRoleValues>();
  const assign = useAssignRole();
  const notify = useNotify();
  const [conflict, setConflict] = useState(false);
  const role = Form.useWatch('role', form);
  const needsRegion = !!role && regionScopedRoles.includes(role);
  const needsOrganization = !!role && organizationScopedRoles.includes(role);

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) {
      form.resetFields();
      form.setFieldsValue(valuesOf(fresh));
    }
    setConflict(false);
  };

  const close = () => {
    setConflict(false);
    onClose();
  };

  const submit = (values: AssignRoleValues) => {
    if (!user) return;
    assign.mutate(
      {
        id: user.id,
        body: {
          role: values.role,
          // A scope the role does not use is cleared, so no stale scope lingers.
          regionId: needsRegion ? (values.regionId ?? null) : null,
          organizationId: needsOrganization ? (values.organizationId ?? null) : null,
          version: user.version,
        },
      },
      {
        onSuccess: () => {
          notify.success(t.common.saved);
          close();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') setConflict(true);
          else notify.error(error, form);
        },
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user ? t.users.assignTitle(user.displayName) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict }}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert onReload={() => void reload()} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={user ? valuesOf(user) : undefined}>
        <Form.Item name="role" label={fields.role} rules={[requiredChoice(fields.role)]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={roles.filter((value) => !administratorRoles.includes(value)).map((value) => ({ value, label: t.labels.role[value] }))}
            data-testid="assign-role"
          />
        </Form.Item>
        {needsRegion ? (
          <Form.Item
            name="regionId"
            label={fields.region}
            extra={t.users.regionHint}
            rules={[{ required: true, message: t.users.regionRequired }]}
          >
            <RegionTreeSelect />
          </Form.Item>
        ) : null}
        {needsOrganization ? (
          <Form.Item
            name="organizationId"
            label={fields.organization}
            extra={t.users.organizationHint}
            rules={[{ required: true, message: t.users.organizationRequired }]}
          >
            <AssignableOrganizationSelect
              known={user?.organizationId && user.organizationName ? [{ id: user.organizationId, name: user.organizationName }] : undefined}
            />
          </Form.Item>
        ) : null}
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
