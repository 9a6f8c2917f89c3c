import { type Plan, zCreatePlan } from '@stip/contracts';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { ImplicitSubmit } from '../../../shared/components/ImplicitSubmit';
import { requiredChoice, requiredText, schemaRule, toDateString, toNullableText } from '../../../shared/forms/rules';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useCreatePlan, useUpdatePlan } from '../hooks/usePlans';

interface PlanFormValues {
  title: string;
  issuingBody?: string;
  documentNo?: string;
  issuedOn?: Dayjs | null;
  period: [Dayjs, Dayjs];
  regionId: string;
  sourceText?: string;
}

const fields = t.plans.fields;
const shape = zCreatePlan.shape;

function initialValuesOf(plan: Plan | null): Partial<PlanFormValues> {
  if (!plan) return {};
  return {
    title: plan.title,
    issuingBody: plan.issuingBody ?? undefined,
    documentNo: plan.documentNo ?? undefined,
    issuedOn: plan.issuedOn ? dayjs(plan.issuedOn) : null,
    period: [dayjs(plan.periodStart), dayjs(plan.periodEnd)],
    regionId: plan.regionId,
    sourceText: plan.sourceText ?? undefined,
  };
}

interface PlanFormModalProps {
  /** `null` closed, `'new'` to record a plan, or the plan to edit. */
  target: Plan | 'new' | null;
  onClose: () => void;
  onSaved?: (plan: Plan) => void;
  /** Re-reads the plan after a version conflict. */
  onReload?: () => Promise<Plan | undefined>;
}

/** Records or edits a plan: its title, issuing body, document number and date, period, region and source text. */
export function PlanFormModal({ target, onClose, onSaved, onReload }: PlanFormModalProps) {
  const [form] = Form.useForm<PlanFormValues>();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  const [reloading, setReloading] = useState(false);
  const editing = target && target !== 'new' ? target : null;

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
        form.setFieldsValue(initialValuesOf(fresh));
      }
      clearConflict();
    } finally {
      setReloading(false);
    }
  };

  const submit = (values: PlanFormValues) => {
    const body = {
      title: values.title.trim(),
      issuingBody: toNullableText(values.issuingBody),
      documentNo: toNullableText(values.documentNo),
      issuedOn: toDateString(values.issuedOn),
      periodStart: toDateString(values.period[0])!,
      periodEnd: toDateString(values.period[1])!,
      regionId: values.regionId,
      sourceText: toNullableText(values.sourceText),
    };
    const callbacks = saveCallbacks(editing !== null, (plan: Plan) => {
      close();
      onSaved?.(plan);
    });
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, callbacks);
    else create.mutate(body, callbacks);
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t.plans.editTitle : t.plans.createTitle}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'plan-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert onReload={() => void reload()} reloading={reloading} /> : null}
      <Form<PlanFormValues> form={form} layout="vertical" onFinish={submit} initialValues={initialValuesOf(editing)} clearOnDestroy>
        <Form.Item name="title" label={fields.title} rules={[requiredText(fields.title), schemaRule(shape.title)]}>
          <Input maxLength={200} autoFocus data-testid="plan-form-title" />
        </Form.Item>
        <Flex2>
          <Form.Item name="issuingBody" label={fields.issuingBody} rules={[schemaRule(shape.issuingBody)]} style={{ flex: 1 }}>
            <Input maxLength={100} data-testid="plan-form-issuing-body" />
          </Form.Item>
          <Form.Item name="documentNo" label={fields.documentNo} rules={[schemaRule(shape.documentNo)]} style={{ flex: 1 }}>
            <Input maxLength={100} data-testid="plan-form-document-no" />
          </Form.Item>
        </Flex2>
        <Flex2>
          <Form.Item name="issuedOn" label={fields.issuedOn} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} data-testid="plan-form-issued-on" />
          </Form.Item>
          <Form.Item name="period" label={fields.period} rules={[requiredChoice(fields.period)]} style={{ flex: 1 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} data-testid="plan-form-period" />
          </Form.Item>
        </Flex2>
        <Form.Item name="regionId" label={fields.region} extra={t.plans.regionHint} rules={[requiredChoice(fields.region)]}>
          <RegionTreeSelect allowClear={false} data-testid="plan-form-region" />
        </Form.Item>
        <Form.Item name="sourceText" label={fields.sourceText} rules={[schemaRule(shape.sourceText)]}>
          <Input.TextArea rows={5} data-testid="plan-form-source-text" />
        </Form.Item>
        <ImplicitSubmit />
      </Form>
    </Modal>
  );
}

/** Two form items side by side. */
function Flex2({ children }: { children: React.ReactNode }) {
  return <div style={{ display: 'flex', gap: 16 }}>{children}</div>;
}
