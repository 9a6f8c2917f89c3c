import { type PlatformSystem, zCreatePlatformSystem } from '@stip/contracts';
import { Form, Input, InputNumber, Modal } from 'antd';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { requiredText, schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { useCreateSystem, useTaxonomy, useUpdateSystem } from '../hooks/useTaxonomy';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface SystemFormValues {
  code: string;
  name: string;
  description?: string;
  sortOrder?: number;
}

const fields = t.taxonomy.systemFields;

function valuesOf(system: PlatformSystem): SystemFormValues {
  return { code: system.code, name: system.name, description: system.description ?? undefined, sortOrder: system.sortOrder };
}

export type SystemFormTarget = { mode: 'create' } | { mode: 'edit'; system: PlatformSystem };

/** Adds a system, or edits one's name, description and order (its code, an identifier, stays). */
export function SystemFormModal({ target, onClose }: { target: SystemFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<SystemFormValues>();
  const taxonomy = useTaxonomy();
  const create = useCreateSystem();
  const update = useUpdateSystem();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  // After a conflict the form is rebuilt from the freshest copy in the (refetched) taxonomy.
  const editing =
    target?.mode === 'edit' ? (taxonomy.data?.systems.find((system) => system.id === target.system.id) ?? target.system) : null;

  const close = () => {
    clearConflict();
    onClose();
  };

  const submit = (values: SystemFormValues) => {
    const body = { name: values.name.trim(), description: toNullableText(values.description), sortOrder: values.sortOrder };
    const callbacks = saveCallbacks(editing !== null, () => {
      close();
    });
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, callbacks);
    else create.mutate({ ...body, code: values.code.trim() }, callbacks);
  };

  const reload = async () => {
    const result = await taxonomy.refetch();
    const fresh = editing ? result.data?.systems.find((system) => system.id === editing.id) : undefined;
    if (fresh) {
      form.resetFields();
      form.setFieldsValue(valuesOf(fresh));
    }
    clearConflict();
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t.taxonomy.editSystem : t.taxonomy.createSystem}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert reloading={taxonomy.isFetching} onReload={() => void reload()} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={editing ? valuesOf(editing) : undefined} clearOnDestroy>
        <Form.Item name="name" label={fields.name} rules={[requiredText(fields.name), schemaRule(zCreatePlatformSystem.shape.name)]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item
          name="code"
          label={fields.code}
          extra={editing ? t.taxonomy.systemCodeFixed : t.taxonomy.systemCodeHint}
          rules={editing ? [] : [requiredText(fields.code), schemaRule(zCreatePlatformSystem.shape.code)]}
        >
          <Input maxLength={40} disabled={!!editing} />
        </Form.Item>
        <Form.Item name="description" label={fields.description} rules={[schemaRule(zCreatePlatformSystem.shape.description)]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="sortOrder" label={fields.sortOrder}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
