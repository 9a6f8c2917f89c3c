import { type GrantDetail, grantKindLabels, grantKinds, zCreateGrant } from '@stip/contracts';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { requiredChoice, requiredText, schemaRule } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { PlatformSelect } from '../../platforms/components/PlatformSelect';
import { fundingApi } from '../api';
import { useFundingMutation } from '../hooks/useFunding';

const fields = t.funding.grant.fields;
const shape = zCreateGrant.shape;

interface GrantFormValues {
  platformId: string;
  year: number;
  kind: GrantDetail['kind'];
  amount: string;
  basis: string;
}

/** Makes one grant (拟资助) for a platform: year, kind, amount and basis. */
export function GrantFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (grant: GrantDetail) => void }) {
  const [form] = Form.useForm<GrantFormValues>();
  const create = useFundingMutation(fundingApi.createGrant);
  const { callbacks } = useSaveOutcome(form);
  const submit = (values: GrantFormValues) =>
    create.mutate(
      { ...values, amount: values.amount.trim(), basis: values.basis.trim() },
      callbacks(false, (grant: GrantDetail) => {
        onClose();
        onSaved(grant);
      }),
    );
  return (
    <Modal
      open={open}
      title={t.funding.grant.createTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': 'grant-form-submit' }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<GrantFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        clearOnDestroy
        initialValues={{ year: new Date().getFullYear(), kind: 'post_subsidy' }}
      >
        <Form.Item name="platformId" label={fields.platform} rules={[requiredChoice(fields.platform)]}>
          <PlatformSelect data-testid="grant-form-platform" />
        </Form.Item>
        <Form.Item
          name="year"
          label={fields.year}
          rules={[{ required: true, message: t.common.required(fields.year) }, schemaRule(shape.year)]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label={fields.kind} rules={[requiredChoice(fields.kind)]}>
          <Select options={grantKinds.map((kind) => ({ value: kind, label: grantKindLabels[kind] }))} />
        </Form.Item>
        <Form.Item name="amount" label={fields.amountInput} rules={[requiredText(fields.amountInput), schemaRule(shape.amount)]}>
          <Input inputMode="decimal" data-testid="grant-form-amount" />
        </Form.Item>
        <Form.Item name="basis" label={fields.basis} rules={[requiredText(fields.basis), schemaRule(shape.basis)]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="grant-form-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
