import {
  checkCreditCode,
  type Organization,
  type OrganizationField,
  type OrganizationKind,
  organizationFieldNames,
  organizationKinds,
  zCreateOrganization,
} from '@stip/contracts';
import { Alert, Col, Form, Input, Modal, Row, Select, type FormRule } from 'antd';
import { useState } from 'react';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { requiredChoice, requiredText, schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useCreateOrganization, useUpdateOrganization } from '../hooks/useOrganizations';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface OrganizationFormValues {
  name: string;
  kind: OrganizationKind;
  creditCode: string;
  regionId: string;
  address?: string;
  contactPerson?: string;
  contactPhone?: string;
}

const fields = t.organizations.fields;

/** Full check when the field is left, and as soon as all 18 characters are typed, so a wrong character shows at once. */
const creditCodeRules: FormRule[] = [
  requiredText(fields.creditCode),
  {
    validateTrigger: 'onBlur',
    validator: async (_rule, value: string | undefined) => {
      if (!value) return;
      const result = checkCreditCode(value);
      if (!result.valid) throw new Error(result.message);
    },
  },
  {
    validateTrigger: 'onChange',
    validator: async (_rule, value: string | undefined) => {
      if (!value || value.trim().length < 18) return;
      const result = checkCreditCode(value);
      if (!result.valid) throw new Error(result.message);
    },
  },
];

function valuesOf(organization: Organization): OrganizationFormValues {
  return {
    name: organization.name,
    kind: organization.kind,
    creditCode: organization.creditCode,
    regionId: organization.regionId,
    address: organization.address ?? undefined,
    contactPerson: organization.contactPerson ?? undefined,
    contactPhone: organization.contactPhone ?? undefined,
  };
}

interface Props {
  /** `null` closed, `'new'` to create, or the organisation to edit. */
  target: Organization | 'new' | null;
  onClose: () => void;
  /** Re-reads the organisation after a version conflict. */
  onReload?: () => Promise<Organization | undefined>;
}

export function OrganizationFormModal({ target, onClose, onReload }: Props) {
  const [form] = Form.useForm<OrganizationFormValues>();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  const [reloading, setReloading] = useState(false);
  const editing = target && target !== 'new' ? target : null;
  // The server says which fields this user may change (a host organisation: its contact data); the rest are shown locked.
  const locked = (field: OrganizationField) => editing !== null && !editing.editableFields.includes(field);
  const isPartial = editing !== null && organizationFieldNames.length > editing.editableFields.length;

  const close = () => {
    clearConflict();
    onClose();
  };

  const submit = (values: OrganizationFormValues) => {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      creditCode: values.creditCode.trim().toUpperCase(),
      regionId: values.regionId,
      address: toNullableText(values.address),
      contactPerson: toNullableText(values.contactPerson),
      contactPhone: toNullableText(values.contactPhone),
    };
    const callbacks = saveCallbacks(editing !== null, () => {
      close();
    });
    if (editing) {
      const allowed = Object.fromEntries(Object.entries(body).filter(([key]) => !locked(key as OrganizationField)));
      update.mutate({ id: editing.id, body: { ...allowed, version: editing.version } }, callbacks);
    } else create.mutate(body, callbacks);
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload?.();
      if (fresh) {
        form.resetFields();
        form.setFieldsValue(valuesOf(fresh));
      }
      clearConflict();
    } finally {
      setReloading(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t.organizations.editTitle : t.organizations.createTitle}
      width={720}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'organization-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert onReload={() => void reload()} reloading={reloading} /> : null}
      {isPartial ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t.organizations.contactOnlyHint}
          data-testid="organization-contact-only"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        clearOnDestroy
        initialValues={editing ? valuesOf(editing) : { kind: 'enterprise' }}
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="name" label={fields.name} rules={[requiredText(fields.name), schemaRule(zCreateOrganization.shape.name)]}>
              <Input autoFocus={!locked('name')} disabled={locked('name')} maxLength={200} data-testid="organization-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={fields.kind} rules={[requiredChoice(fields.kind)]}>
              <Select
                disabled={locked('kind')}
                options={organizationKinds.map((kind) => ({ value: kind, label: t.labels.organizationKind[kind] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={fields.creditCode}
              rules={creditCodeRules}
              validateTrigger={['onChange', 'onBlur']}
              normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s/g, '')}
            >
              <Input
                maxLength={18}
                disabled={locked('creditCode')}
                placeholder={t.organizations.creditCodePlaceholder}
                style={{ fontFamily: 'monospace' }}
                data-testid="organization-credit-code"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {editing && locked('regionId') ? (
              // A user who may not move the organisation may not see the region tree either: show the region's name.
              <Form.Item label={fields.region}>
                <Input disabled value={editing.regionName} />
              </Form.Item>
            ) : (
              <Form.Item name="regionId" label={fields.region} rules={[requiredChoice(fields.region)]}>
                <RegionTreeSelect allowClear={false} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPerson" label={fields.contactPerson} rules={[schemaRule(zCreateOrganization.shape.contactPerson)]}>
              <Input maxLength={60} disabled={locked('contactPerson')} data-testid="organization-contact-person" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={fields.contactPhone} rules={[schemaRule(zCreateOrganization.shape.contactPhone)]}>
              <Input maxLength={40} disabled={locked('contactPhone')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={fields.address} rules={[schemaRule(zCreateOrganization.shape.address)]}>
              <Input maxLength={300} disabled={locked('address')} />
            </Form.Item>
          </Col>
        </Row>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
