import { type Platform, type PlatformStatus, platformStatuses, zCreatePlatform, zUpdatePlatform } from '@stip/contracts';
import { AutoComplete, Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { requiredChoice, requiredText, schemaRule, toDateString, toNullableText } from '../../../shared/forms/rules';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import { useCreatePlatform, useIndustries, useUpdatePlatform } from '../hooks/usePlatforms';
import { PlatformSelect } from './PlatformSelect';

interface PlatformFormValues {
  name: string;
  typeId: string;
  hostOrganizationId: string;
  coBuilderIds: string[];
  regionId: string;
  status: PlatformStatus;
  recognitionDocNo?: string;
  recognizedOn?: Dayjs | null;
  constructionEndsOn?: Dayjs | null;
  parentPlatformId?: string | null;
  successorPlatformId?: string | null;
  industry?: string;
  technicalFields: string[];
  director?: string;
  remarks?: string;
  effectiveDate?: Dayjs | null;
  changeNote?: string;
}

const fields = t.platformFields;
const shape = zCreatePlatform.shape;

function initialValuesOf(platform: Platform | null): Partial<PlatformFormValues> {
  if (!platform) return { status: 'constructing', coBuilderIds: [], technicalFields: [] };
  return {
    name: platform.name,
    typeId: platform.typeId,
    hostOrganizationId: platform.hostOrganizationId,
    coBuilderIds: platform.coBuilders.map((ref) => ref.id),
    regionId: platform.regionId,
    status: platform.status,
    recognitionDocNo: platform.recognitionDocNo ?? undefined,
    recognizedOn: platform.recognizedOn ? dayjs(platform.recognizedOn) : null,
    constructionEndsOn: platform.constructionEndsOn ? dayjs(platform.constructionEndsOn) : null,
    parentPlatformId: platform.parentPlatformId,
    successorPlatformId: platform.successorPlatformId,
    industry: platform.industry ?? undefined,
    technicalFields: platform.technicalFields,
    director: platform.director ?? undefined,
    remarks: platform.remarks ?? undefined,
    // A change takes effect today unless the user says otherwise (a revocation dated last month …).
    effectiveDate: dayjs(),
  };
}

interface PlatformFormDrawerProps {
  /** `null` closed, `'new'` to create, or the platform to edit. */
  target: Platform | 'new' | null;
  onClose: () => void;
  onSaved?: (platform: Platform) => void;
  /** Re-reads the platform after a version conflict; the form then shows the other person's version. */
  onReload?: () => Promise<Platform | undefined>;
}

/** Create or edit a platform. Edits carry the version read, the day the change takes effect and a note. */
export function PlatformFormDrawer({ target, onClose, onSaved, onReload }: PlatformFormDrawerProps) {
  const [form] = Form.useForm<PlatformFormValues>();
  const create = useCreatePlatform();
  const update = useUpdatePlatform();
  const taxonomy = useTaxonomy();
  const industries = useIndustries();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  const [reloading, setReloading] = useState(false);
  const editing = target && target !== 'new' ? target : null;
  const typeId = Form.useWatch('typeId', form);
  // An edit keeps the status: it changes only through a lifecycle action on the detail page.
  const watchedStatus = Form.useWatch('status', form);
  const status = editing ? editing.status : watchedStatus;
  const selectedType = taxonomy.data?.types.find((type) => type.id === typeId);
  const saving = create.isPending || update.isPending;

  const close = () => {
    clearConflict();
    onClose();
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload?.();
      if (fresh) {
        // The form starts over from the saved record (the user's unsaved edits were made on a stale copy).
        form.resetFields();
        form.setFieldsValue(initialValuesOf(fresh));
      }
      clearConflict();
    } finally {
      setReloading(false);
    }
  };

  /** Fills the obvious: the region from the host organisation, the construction end from the type's period. */
  const onValuesChange = (changed: Partial<PlatformFormValues>, all: PlatformFormValues) => {
    if (('typeId' in changed || 'recognizedOn' in changed) && !all.constructionEndsOn && all.recognizedOn) {
      const months = taxonomy.data?.types.find((type) => type.id === all.typeId)?.constructionPeriodMonths;
      if (months) form.setFieldValue('constructionEndsOn', all.recognizedOn.add(months, 'month'));
    }
  };

  const submit = (values: PlatformFormValues) => {
    const statusNow = editing ? editing.status : values.status;
    const fieldsBody = {
      name: values.name.trim(),
      typeId: values.typeId,
      hostOrganizationId: values.hostOrganizationId,
      coBuilderIds: values.coBuilderIds ?? [],
      regionId: values.regionId,
      recognitionDocNo: toNullableText(values.recognitionDocNo),
      recognizedOn: toDateString(values.recognizedOn),
      constructionEndsOn: toDateString(values.constructionEndsOn),
      parentPlatformId: values.parentPlatformId ?? null,
      successorPlatformId: statusNow === 'merged' ? (values.successorPlatformId ?? null) : null,
      industry: toNullableText(values.industry),
      technicalFields: (values.technicalFields ?? []).map((field) => field.trim()).filter(Boolean),
      director: toNullableText(values.director),
      remarks: toNullableText(values.remarks),
    };
    const callbacks = saveCallbacks(editing !== null, (platform: Platform) => {
      close();
      onSaved?.(platform);
    });
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          body: {
            ...fieldsBody,
            version: editing.version,
            effectiveDate: toDateString(values.effectiveDate) ?? undefined,
            changeNote: values.changeNote?.trim() || undefined,
          },
        },
        callbacks,
      );
    } else {
      create.mutate({ ...fieldsBody, status: values.status, effectiveDate: toDateString(values.effectiveDate) ?? undefined }, callbacks);
    }
  };

  return (
    <EditDrawer
      open={!!target}
      title={editing ? t.platforms.editTitle : t.platforms.createTitle}
      width={820}
      onClose={close}
      onSave={() => form.submit()}
      saving={saving}
      conflict={conflict}
      onReload={() => void reload()}
      reloading={reloading}
      saveTestId="platform-form-submit"
    >
      <Form<PlatformFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={onValuesChange}
        initialValues={initialValuesOf(editing)}
        clearOnDestroy
        scrollToFirstError
        data-testid="platform-form"
      >
        <Divider orientation="left" orientationMargin={0} plain>
          {t.platforms.sections.basic}
        </Divider>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="name" label={fields.name} rules={[requiredText(fields.name), schemaRule(shape.name)]}>
              <Input maxLength={200} autoFocus data-testid="platform-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="typeId"
              label={fields.typeId}
              rules={[requiredChoice(fields.typeId)]}
              extra={selectedType ? t.platforms.typeExtra(t.labels.platformLevel[selectedType.level], selectedType.systemName) : undefined}
            >
              <PlatformTypeSelect activeOnly data-testid="platform-form-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {editing ? (
              <Form.Item label={fields.status} extra={t.platforms.transition.statusByAction}>
                <Input value={t.labels.platformStatus[editing.status]} disabled data-testid="platform-form-status" />
              </Form.Item>
            ) : (
              <Form.Item name="status" label={fields.status} rules={[requiredChoice(fields.status)]}>
                <Select
                  options={platformStatuses.map((value) => ({ value, label: t.labels.platformStatus[value] }))}
                  data-testid="platform-form-status"
                />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="hostOrganizationId" label={fields.hostOrganizationId} rules={[requiredChoice(fields.hostOrganizationId)]}>
              <OrganizationSelect
                known={editing ? [{ id: editing.hostOrganizationId, name: editing.hostOrganizationName }] : undefined}
                onPick={(organization) => {
                  if (organization && !form.getFieldValue('regionId')) form.setFieldValue('regionId', organization.regionId);
                }}
                data-testid="platform-form-host"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionId" label={fields.regionId} rules={[requiredChoice(fields.regionId)]}>
              <RegionTreeSelect allowClear={false} data-testid="platform-form-region" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="coBuilderIds" label={fields.coBuilderIds}>
              <OrganizationSelect mode="multiple" known={editing?.coBuilders} data-testid="platform-form-co-builders" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={fields.industry} rules={[schemaRule(shape.industry)]}>
              <AutoComplete
                options={(industries.data ?? []).map((value) => ({ value }))}
                filterOption={(input, option) => !!option?.value.includes(input)}
                allowClear
                data-testid="platform-form-industry"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="director" label={fields.director} rules={[schemaRule(shape.director)]}>
              <Input maxLength={60} data-testid="platform-form-director" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="technicalFields" label={fields.technicalFields} rules={[schemaRule(zUpdatePlatform.shape.technicalFields)]}>
              <Select
                mode="tags"
                tokenSeparators={t.common.tagSeparators}
                open={false}
                placeholder={t.platforms.technicalFieldsPlaceholder}
                data-testid="platform-form-technical-fields"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" orientationMargin={0} plain>
          {t.platforms.sections.recognition}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="recognitionDocNo" label={fields.recognitionDocNo} rules={[schemaRule(shape.recognitionDocNo)]}>
              <Input maxLength={100} data-testid="platform-form-doc-no" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="recognizedOn" label={fields.recognizedOn}>
              <DatePicker style={{ width: '100%' }} data-testid="platform-form-recognized-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="constructionEndsOn" label={fields.constructionEndsOn}>
              <DatePicker style={{ width: '100%' }} data-testid="platform-form-construction-ends-on" />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" orientationMargin={0} plain>
          {t.platforms.sections.relations}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="parentPlatformId" label={fields.parentPlatformId}>
              <PlatformSelect
                excludeId={editing?.id}
                known={
                  editing?.parentPlatformId && editing.parentPlatformName
                    ? { id: editing.parentPlatformId, name: editing.parentPlatformName }
                    : null
                }
                data-testid="platform-form-parent"
              />
            </Form.Item>
          </Col>
          {status === 'merged' ? (
            <Col xs={24} md={12}>
              <Form.Item name="successorPlatformId" label={fields.successorPlatformId}>
                <PlatformSelect
                  excludeId={editing?.id}
                  known={
                    editing?.successorPlatformId && editing.successorPlatformName
                      ? { id: editing.successorPlatformId, name: editing.successorPlatformName }
                      : null
                  }
                  data-testid="platform-form-successor"
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={24}>
            <Form.Item name="remarks" label={fields.remarks} rules={[schemaRule(shape.remarks)]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="platform-form-remarks" />
            </Form.Item>
          </Col>
        </Row>

        <Divider orientation="left" orientationMargin={0} plain>
          {t.platforms.sections.change}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={editing ? 8 : 12}>
            <Form.Item
              name="effectiveDate"
              label={fields.effectiveDate}
              extra={editing ? t.platforms.effectiveDateHint : t.platforms.createEffectiveDateHint}
              rules={editing ? [requiredChoice(fields.effectiveDate)] : []}
            >
              <DatePicker style={{ width: '100%' }} data-testid="platform-form-effective-date" />
            </Form.Item>
          </Col>
          {editing ? (
            <Col xs={24} md={16}>
              <Form.Item name="changeNote" label={fields.changeNote} rules={[schemaRule(zUpdatePlatform.shape.changeNote)]}>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  placeholder={t.platforms.changeNotePlaceholder}
                  data-testid="platform-form-change-note"
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </EditDrawer>
  );
}
