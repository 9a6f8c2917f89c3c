import { type PlatformLevel, type PlatformType, platformLevels, zCreatePlatformType } from '@stip/contracts';
import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { requiredChoice, requiredText, schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { useCreateType, useTaxonomy, useUpdateType } from '../hooks/useTaxonomy';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface TypeFormValues {
  systemId: string;
  name: string;
  level: PlatformLevel;
  supervisorOrganizationId?: string | null;
  supervisingDepartment?: string;
  recognitionStandard?: string;
  constructionPeriodMonths?: number | null;
  sortOrder?: number;
}

const fields = t.taxonomy.fields;

function valuesOf(type: PlatformType): TypeFormValues {
  return {
    systemId: type.systemId,
    name: type.name,
    level: type.level,
    supervisorOrganizationId: type.supervisorOrganizationId,
    supervisingDepartment: type.supervisingDepartment ?? undefined,
    recognitionStandard: type.recognitionStandard ?? undefined,
    constructionPeriodMonths: type.constructionPeriodMonths,
    sortOrder: type.sortOrder,
  };
}

export type TypeFormTarget = { mode: 'create'; systemId?: string } | { mode: 'edit'; type: PlatformType };

export function TypeFormModal({ target, onClose }: { target: TypeFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<TypeFormValues>();
  const taxonomy = useTaxonomy();
  const create = useCreateType();
  const update = useUpdateType();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  // After a conflict the form is rebuilt from the freshest copy in the (refetched) taxonomy.
  const editing = target?.mode === 'edit' ? (taxonomy.data?.types.find((type) => type.id === target.type.id) ?? target.type) : null;

  const close = () => {
    clearConflict();
    onClose();
  };

  const submit = (values: TypeFormValues) => {
    const body = {
      systemId: values.systemId,
      name: values.name.trim(),
      level: values.level,
      supervisorOrganizationId: values.supervisorOrganizationId ?? null,
      supervisingDepartment: toNullableText(values.supervisingDepartment),
      recognitionStandard: toNullableText(values.recognitionStandard),
      constructionPeriodMonths: values.constructionPeriodMonths ?? null,
      sortOrder: values.sortOrder,
    };
    const callbacks = saveCallbacks(editing !== null, () => {
      close();
    });
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, callbacks);
    else create.mutate(body, callbacks);
  };

  const initialValues: Partial<TypeFormValues> = editing
    ? valuesOf(editing)
    : { systemId: target?.mode === 'create' ? target.systemId : undefined };

  const reload = async () => {
    const result = await taxonomy.refetch();
    const fresh = editing ? result.data?.types.find((type) => type.id === editing.id) : undefined;
    if (fresh) {
      form.resetFields();
      form.setFieldsValue(valuesOf(fresh));
    }
    clearConflict();
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t.taxonomy.editType : t.taxonomy.createType}
      width={760}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert reloading={taxonomy.isFetching} onReload={() => void reload()} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues} clearOnDestroy>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="systemId" label={fields.system} rules={[requiredChoice(fields.system)]}>
              <Select options={(taxonomy.data?.systems ?? []).map((system) => ({ value: system.id, label: system.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="level" label={fields.level} rules={[requiredChoice(fields.level)]}>
              <Select options={platformLevels.map((level) => ({ value: level, label: t.labels.platformLevel[level] }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="name" label={fields.name} rules={[requiredText(fields.name), schemaRule(zCreatePlatformType.shape.name)]}>
              <Input autoFocus maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="supervisorOrganizationId" label={fields.supervisorOrganization}>
              <OrganizationSelect
                kinds={['department']}
                known={
                  editing?.supervisorOrganizationId && editing.supervisorOrganizationName
                    ? [{ id: editing.supervisorOrganizationId, name: editing.supervisorOrganizationName }]
                    : undefined
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="supervisingDepartment"
              label={fields.supervisingDepartment}
              extra={fields.supervisingDepartmentHint}
              rules={[schemaRule(zCreatePlatformType.shape.supervisingDepartment)]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="constructionPeriodMonths" label={fields.constructionPeriodMonths}>
              <InputNumber min={1} max={240} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sortOrder" label={fields.sortOrder}>
              <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="recognitionStandard"
              label={fields.recognitionStandard}
              rules={[schemaRule(zCreatePlatformType.shape.recognitionStandard)]}
            >
              <Input.TextArea rows={5} maxLength={5000} showCount />
            </Form.Item>
          </Col>
        </Row>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
