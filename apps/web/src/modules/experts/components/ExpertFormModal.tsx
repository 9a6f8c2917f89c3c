import { type Expert, zCreateExpert } from '@stip/contracts';
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { requiredChoice, requiredText, schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useCreateExpert, useUpdateExpert } from '../hooks/useExperts';

interface ExpertFormValues {
  name: string;
  organizationId: string;
  fields: string[];
  title: string;
  regionId?: string;
  phone?: string;
  idNumber?: string;
  userId?: string;
}

const fields = t.experts.fields;

function valuesOf(expert: Expert): ExpertFormValues {
  return {
    name: expert.name,
    organizationId: expert.organization.id,
    fields: expert.fields,
    title: expert.title,
    regionId: expert.region?.id,
    phone: expert.phone ?? undefined,
    idNumber: expert.idNumber ?? undefined,
    userId: expert.userId ?? undefined,
  };
}

interface Props {
  /** `null` closed, `'new'` to create, or the expert to edit. */
  target: Expert | 'new' | null;
  onClose: () => void;
}

export function ExpertFormModal({ target, onClose }: Props) {
  const [form] = Form.useForm<ExpertFormValues>();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);
  const editing = target && target !== 'new' ? target : null;

  const close = () => {
    clearConflict();
    onClose();
  };

  const submit = (values: ExpertFormValues) => {
    const body = {
      name: values.name.trim(),
      organizationId: values.organizationId,
      fields: values.fields.map((field) => field.trim()).filter(Boolean),
      title: values.title.trim(),
      regionId: values.regionId ?? null,
      phone: toNullableText(values.phone),
      idNumber: toNullableText(values.idNumber),
      userId: toNullableText(values.userId),
    };
    const done = callbacks(editing !== null, close);
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t.experts.editTitle : t.experts.createTitle}
      width={720}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'expert-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert onReload={close} reloading={false} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={editing ? valuesOf(editing) : { fields: [] }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={fields.name} rules={[requiredText(fields.name), schemaRule(zCreateExpert.shape.name)]}>
              <Input autoFocus maxLength={50} data-testid="expert-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={fields.title} rules={[requiredText(fields.title), schemaRule(zCreateExpert.shape.title)]}>
              <Input maxLength={50} data-testid="expert-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="organizationId" label={fields.organization} rules={[requiredChoice(fields.organization)]}>
              <OrganizationSelect
                known={editing ? [editing.organization] : undefined}
                placeholder={t.common.searchPlaceholder}
                data-testid="expert-organization"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionId" label={fields.region}>
              <RegionTreeSelect placeholder={t.common.selectPlaceholder} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="fields"
              label={fields.fields}
              required
              // The contract's own rule says "at least one field" (an empty list is not "empty" to schemaRule).
              rules={[schemaRule(zCreateExpert.shape.fields)]}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={t.common.tagSeparators}
                placeholder={t.experts.fieldsPlaceholder}
                data-testid="expert-fields"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={fields.phone} rules={[schemaRule(zCreateExpert.shape.phone)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="idNumber" label={fields.idNumber} rules={[schemaRule(zCreateExpert.shape.idNumber)]}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="userId" label={fields.userId} extra={t.experts.userIdHint} rules={[schemaRule(zCreateExpert.shape.userId)]}>
              <Input maxLength={36} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
