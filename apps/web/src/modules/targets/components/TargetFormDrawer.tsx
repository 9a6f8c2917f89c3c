import {
  livePlatformStatuses,
  type Plan,
  type PlatformLevel,
  type PlatformStatus,
  platformLevels,
  platformStatuses,
  type Target,
  type TargetBasis,
  type TargetComparator,
  type TargetKind,
  type TargetMetric,
  targetBases,
  targetComparators,
  targetDefinitionProblems,
  targetKindSpec,
  targetKinds,
  targetMetricLabels,
  targetMetrics,
  targetMetricSources,
  zCreateTarget,
} from '@stip/contracts';
import { Alert, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { requiredChoice, requiredText, schemaRule, toDateString } from '../../../shared/forms/rules';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import { useCreateTarget, useUpdateTarget } from '../hooks/useTargets';

interface TargetFormValues {
  kind: TargetKind;
  subject: string;
  comparator: TargetComparator;
  value: number;
  unit?: string;
  deadline: Dayjs;
  baselineDate?: Dayjs | null;
  basis?: TargetBasis;
  perYear?: boolean;
  perRegion?: boolean;
  filter: { typeIds: string[]; levels: PlatformLevel[]; systemIds: string[]; statuses: PlatformStatus[]; regionId?: string | null };
  coverageRegionId?: string | null;
  sortOrder?: number;
  /** Amount targets: summed from registered technology contracts instead of reported. */
  metric?: TargetMetric | null;
}

const fields = t.targets.fields;
const shape = zCreateTarget.shape;

function initialValuesOf(target: Target | null, plan: Plan): Partial<TargetFormValues> {
  if (!target) {
    return {
      kind: 'count',
      comparator: '>=',
      basis: 'stock',
      perYear: false,
      perRegion: false,
      unit: '',
      deadline: dayjs(plan.periodEnd),
      filter: { typeIds: [], levels: [], systemIds: [], statuses: [...livePlatformStatuses], regionId: null },
    };
  }
  return {
    kind: target.kind,
    subject: target.subject,
    comparator: target.comparator,
    value: target.value,
    unit: target.unit,
    deadline: dayjs(target.deadline),
    baselineDate: target.baselineDate ? dayjs(target.baselineDate) : null,
    basis: target.basis,
    perYear: target.perYear,
    perRegion: target.perRegion,
    metric: target.metric,
    filter: {
      typeIds: target.filter?.types.map((type) => type.id) ?? [],
      levels: target.filter?.levels ?? [],
      systemIds: target.filter?.systems.map((system) => system.id) ?? [],
      statuses: target.filter?.statuses ?? [...livePlatformStatuses],
      // The plan's own region is the default: leave it empty so a later change of the plan's region carries over.
      regionId: target.filter && target.filter.region.id !== plan.regionId ? target.filter.region.id : null,
    },
    coverageRegionId: target.coverageRegion?.id ?? null,
    sortOrder: target.sortOrder,
  };
}

interface TargetFormDrawerProps {
  plan: Plan;
  /** `null` closed, `'new'` to add a target to the plan, or the target to edit. */
  target: Target | 'new' | null;
  onClose: () => void;
  onReload?: () => Promise<Target | undefined>;
}

/**
 * Adds or edits a target. Computed kinds (count, first, coverage) say which platforms count — types,
 * levels, systems, statuses, region — and, for 新建, from which day; reported kinds are figures people file.
 */
export function TargetFormDrawer({ plan, target, onClose, onReload }: TargetFormDrawerProps) {
  const [form] = Form.useForm<TargetFormValues>();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const taxonomy = useTaxonomy();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  const [reloading, setReloading] = useState(false);
  const editing = target && target !== 'new' ? target : null;
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'count';
  const spec = targetKindSpec(kind);
  const computed = spec.isComputed;

  const close = () => {
    clearConflict();
    onClose();
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload?.();
      if (fresh) {
        form.resetFields();
        form.setFieldsValue(initialValuesOf(fresh, plan));
      }
      clearConflict();
    } finally {
      setReloading(false);
    }
  };

  const submit = (values: TargetFormValues) => {
    const definition = {
      kind: values.kind,
      comparator: values.comparator,
      value: values.value,
      deadline: toDateString(values.deadline)!,
      baselineDate: targetKindSpec(values.kind).baseline !== 'none' ? toDateString(values.baselineDate) : null,
      basis: targetKindSpec(values.kind).baseline === 'countsNew' ? (values.basis ?? 'stock') : ('stock' as const),
      perYear: values.perYear ?? false,
      perRegion: values.kind === 'count' ? (values.perRegion ?? false) : false,
      filter: computed
        ? {
            typeIds: values.filter.typeIds ?? [],
            levels: values.filter.levels ?? [],
            systemIds: values.filter.systemIds ?? [],
            statuses: values.filter.statuses ?? [],
            regionId: values.filter.regionId ?? null,
          }
        : null,
      coverageRegionId: targetKindSpec(values.kind).needsCoverageRegion ? (values.coverageRegionId ?? null) : null,
      metric: values.kind === 'amount' ? (values.metric ?? null) : null,
    };
    // The contract's shape rules, checked here first so each problem shows on its field.
    const problems = targetDefinitionProblems(definition);
    if (problems.length) {
      form.setFields(
        problems.map((problem) => ({
          name: problem.field === 'filter' ? (['filter', 'typeIds'] as const) : (problem.field as keyof TargetFormValues),
          errors: [problem.message],
        })),
      );
      return;
    }
    const body = { ...definition, subject: values.subject.trim(), unit: values.unit?.trim() ?? '', sortOrder: values.sortOrder };
    const callbacks = saveCallbacks(editing !== null, () => {
      close();
    });
    if (editing) {
      const { kind: _kind, ...changes } = body;
      update.mutate({ id: editing.id, body: { ...changes, version: editing.version } }, callbacks);
    } else {
      create.mutate({ planId: plan.id, body }, callbacks);
    }
  };

  return (
    <EditDrawer
      open={!!target}
      title={editing ? t.targets.editTitle : t.targets.createTitle}
      width={760}
      onClose={close}
      onSave={() => form.submit()}
      saving={create.isPending || update.isPending}
      conflict={conflict}
      onReload={() => void reload()}
      reloading={reloading}
      saveTestId="target-form-submit"
    >
      <Form<TargetFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValuesOf(editing, plan)}
        clearOnDestroy
        scrollToFirstError
        data-testid="target-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={fields.kind} rules={[requiredChoice(fields.kind)]}>
              <Select
                disabled={!!editing}
                options={targetKinds.map((value) => ({ value, label: t.targets.kind[value] }))}
                data-testid="target-form-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Alert type="info" showIcon message={computed ? t.targets.computedHint : t.targets.reportedHint} style={{ marginTop: 30 }} />
          </Col>
          <Col span={24}>
            <Form.Item name="subject" label={fields.subject} rules={[requiredText(fields.subject), schemaRule(shape.subject)]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} data-testid="target-form-subject" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="comparator" label={fields.comparator} rules={[requiredChoice(fields.comparator)]}>
              <Select
                options={targetComparators.map((value) => ({ value, label: t.targets.comparator[value] }))}
                data-testid="target-form-comparator"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="value"
              label={fields.value}
              extra={spec.value === 'percentOfRegions' ? t.targets.coverageValueHint : undefined}
              rules={[requiredChoice(fields.value)]}
            >
              <InputNumber min={0} style={{ width: '100%' }} data-testid="target-form-value" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="unit" label={fields.unit} rules={[schemaRule(shape.unit)]}>
              <Input maxLength={20} placeholder={t.targets.unitPlaceholder} data-testid="target-form-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="deadline" label={fields.deadline} rules={[requiredChoice(fields.deadline)]}>
              <DatePicker style={{ width: '100%' }} data-testid="target-form-deadline" />
            </Form.Item>
          </Col>
          {kind === 'amount' ? (
            <Col xs={24} md={12}>
              <Form.Item name="metric" label={t.targets.metric.label} extra={t.targets.metric.hint}>
                <Select
                  allowClear
                  placeholder={t.targets.metric.reported}
                  options={targetMetrics.map((value) => ({
                    value,
                    label: `${targetMetricLabels[value]}（${targetMetricSources[value]}）`,
                  }))}
                  data-testid="target-form-metric"
                />
              </Form.Item>
            </Col>
          ) : null}
          {spec.measure === 'registryCount' || spec.measure === 'reportedFigure' ? (
            <Col xs={24} md={12}>
              <Form.Item name="perYear" label={t.targets.truth.perYear} extra={t.targets.truth.perYearHint} valuePropName="checked">
                <Switch data-testid="target-form-per-year" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>

        {computed ? (
          <>
            <Divider orientation="left" orientationMargin={0} plain>
              {fields.filter}
            </Divider>
            <Row gutter={16}>
              <Col span={24}>
                <Form.Item name={['filter', 'typeIds']} label={fields.types}>
                  <PlatformTypeSelect
                    mode="multiple"
                    placeholder={t.targets.anyValue}
                    style={{ width: '100%' }}
                    data-testid="target-form-types"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['filter', 'levels']} label={fields.levels}>
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t.targets.anyValue}
                    options={platformLevels.map((value) => ({ value, label: t.labels.platformLevel[value] }))}
                    data-testid="target-form-levels"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['filter', 'systemIds']} label={fields.systems}>
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t.targets.anyValue}
                    options={(taxonomy.data?.systems ?? []).map((system) => ({ value: system.id, label: system.name }))}
                    data-testid="target-form-systems"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['filter', 'statuses']} label={fields.statuses} rules={[requiredChoice(fields.statuses)]}>
                  <Select
                    mode="multiple"
                    options={platformStatuses.map((value) => ({ value, label: t.labels.platformStatus[value] }))}
                    data-testid="target-form-statuses"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['filter', 'regionId']} label={fields.region}>
                  <RegionTreeSelect placeholder={t.targets.regionDefault} data-testid="target-form-region" />
                </Form.Item>
              </Col>
              {spec.needsCoverageRegion ? (
                <Col span={24}>
                  <Form.Item
                    name="coverageRegionId"
                    label={fields.coverageRegion}
                    extra={t.targets.coverageRegionHint}
                    rules={[requiredChoice(fields.coverageRegion)]}
                  >
                    <RegionTreeSelect data-testid="target-form-coverage-region" />
                  </Form.Item>
                </Col>
              ) : (
                <Col xs={24} md={12}>
                  <Form.Item name="baselineDate" label={fields.baselineDate} extra={t.targets.baselineHint}>
                    <DatePicker style={{ width: '100%' }} data-testid="target-form-baseline" />
                  </Form.Item>
                </Col>
              )}
              {spec.baseline === 'countsNew' ? (
                <>
                  <Col xs={24} md={12}>
                    <Form.Item name="basis" label={t.targets.truth.basis} extra={t.targets.truth.basisHint}>
                      <Radio.Group
                        options={targetBases.map((value) => ({ value, label: t.targets.truth.basisLabels[value] }))}
                        data-testid="target-form-basis"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name="perRegion"
                      label={t.targets.truth.perRegion}
                      extra={t.targets.truth.perRegionHint}
                      valuePropName="checked"
                    >
                      <Switch data-testid="target-form-per-region" />
                    </Form.Item>
                  </Col>
                </>
              ) : null}
            </Row>
          </>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sortOrder" label={fields.sortOrder}>
              <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditDrawer>
  );
}
