import { type Region, type RegionLevel, regionLevels, zCreateRegion } from '@stip/contracts';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { requiredChoice, requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCreateRegion, useUpdateRegion } from '../hooks/useRegions';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';

interface RegionFormValues {
  name: string;
  level: RegionLevel;
  code?: string;
  sortOrder?: number;
}

/** Depth of each level as the server ranks them: counties and zones are leaves side by side under a city. */
const levelDepth: Record<RegionLevel, number> = { province: 0, city: 1, county: 2, zone: 2 };

/** The levels a child of `parent` may have (the server refuses any other). */
export function childLevels(parent: RegionLevel | null): RegionLevel[] {
  return regionLevels.filter((level) => parent === null || levelDepth[level] > levelDepth[parent]);
}

export type RegionFormTarget = { mode: 'create'; parent: Region | null } | { mode: 'edit'; region: Region };

export function RegionFormModal({ target, onClose }: { target: RegionFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<RegionFormValues>();
  const create = useCreateRegion();
  const update = useUpdateRegion();
  const notify = useNotify();

  const initialValues: Partial<RegionFormValues> | undefined = !target
    ? undefined
    : target.mode === 'edit'
      ? { name: target.region.name, level: target.region.level, code: target.region.code ?? undefined, sortOrder: target.region.sortOrder }
      : { level: childLevels(target.parent?.level ?? null)[0] };

  const title = !target
    ? ''
    : target.mode === 'edit'
      ? t.regions.editTitle(target.region.name)
      : target.parent
        ? t.regions.addChildTitle(target.parent.name)
        : t.regions.addRootTitle;

  const submit = (values: RegionFormValues) => {
    if (!target) return;
    const fields = { name: values.name.trim(), level: values.level, code: values.code?.trim() || null, sortOrder: values.sortOrder };
    const callbacks = {
      onSuccess: () => {
        notify.success(target.mode === 'edit' ? t.common.saved : t.common.created);
        onClose();
      },
      onError: (error: unknown) => notify.error(error, form),
    };
    if (target.mode === 'edit') update.mutate({ id: target.region.id, body: { ...fields, version: target.region.version } }, callbacks);
    else create.mutate({ ...fields, parentId: target.parent?.id ?? null }, callbacks);
  };

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues} clearOnDestroy>
        <Form.Item
          name="name"
          label={t.regions.fields.name}
          rules={[requiredText(t.regions.fields.name), schemaRule(zCreateRegion.shape.name)]}
        >
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item name="level" label={t.regions.fields.level} rules={[requiredChoice(t.regions.fields.level)]}>
          <Select
            options={(target?.mode === 'create' ? childLevels(target.parent?.level ?? null) : regionLevels).map((level) => ({
              value: level,
              label: t.labels.regionLevel[level],
            }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t.regions.fields.code} extra={t.regions.codeHint} rules={[schemaRule(zCreateRegion.shape.code)]}>
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t.regions.fields.sortOrder}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}
