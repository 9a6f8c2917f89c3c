import { zCreatePlatformSystem } from '@stip/contracts';
import { Form, Input, InputNumber, Modal } from 'antd';
import { requiredText, schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCreateSystem } from '../hooks/useTaxonomy';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface SystemFormValues {
  code: string;
  name: string;
  description?: string;
  sortOrder?: number;
}

const fields = t.taxonomy.systemFields;

export function SystemFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<SystemFormValues>();
  const create = useCreateSystem();
  const notify = useNotify();

  const submit = (values: SystemFormValues) =>
    create.mutate(
      { code: values.code.trim(), name: values.name.trim(), description: toNullableText(values.description), sortOrder: values.sortOrder },
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
      title={t.taxonomy.createSystem}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy>
        <Form.Item name="name" label={fields.name} rules={[requiredText(fields.name), schemaRule(zCreatePlatformSystem.shape.name)]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item
          name="code"
          label={fields.code}
          extra={t.taxonomy.systemCodeHint}
          rules={[requiredText(fields.code), schemaRule(zCreatePlatformSystem.shape.code)]}
        >
          <Input maxLength={40} />
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
