import {
  type Call,
  type CreateCall,
  type EligibilityCheckCode,
  eligibilityCheckCodes,
  type EligibilityRule,
  labels,
  qualificationKinds,
  type QualificationKind,
} from '@stip/contracts';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { isApiError } from '../../../shared/api/client';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { requiredChoice, requiredText, toDateString } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import { callsApi } from '../api';
import { useCallsMutation } from '../hooks/useCalls';

interface Values {
  title: string;
  year: number;
  typeIds: string[];
  window: [Dayjs, Dayjs];
  description?: string;
  materials: { code: string; name: string; required: boolean }[];
  checks: EligibilityCheckCode[];
  minAmount?: number;
  qualificationKinds?: QualificationKind[];
}

function toValues(call: Call | null): Partial<Values> {
  if (!call) {
    return {
      year: dayjs().year(),
      materials: [{ code: 'construction_plan', name: '平台建设方案', required: true }],
      checks: ['host_in_region', 'six_haves_answered', 'construction_plan_attached'],
      qualificationKinds: ['high_tech', 'tech_sme'],
      minAmount: 300,
    };
  }
  const rd = call.eligibilityRules.find((r) => r.code === 'rd_spend_min');
  const qualification = call.eligibilityRules.find((r) => r.code === 'qualification');
  return {
    title: call.title,
    year: call.year,
    typeIds: call.types.map((type) => type.id),
    window: [dayjs(call.opensOn), dayjs(call.closesOn)],
    description: call.description ?? '',
    materials: call.materials,
    checks: call.eligibilityRules.map((r) => r.code),
    minAmount: rd && 'minAmount' in rd ? rd.minAmount : 300,
    qualificationKinds: qualification && 'kinds' in qualification ? qualification.kinds : ['high_tech', 'tech_sme'],
  };
}

function toRules(values: Values): EligibilityRule[] {
  return eligibilityCheckCodes
    .filter((code) => values.checks.includes(code))
    .map((code): EligibilityRule => {
      if (code === 'rd_spend_min') return { code, minAmount: values.minAmount ?? 0 };
      if (code === 'qualification') return { code, kinds: values.qualificationKinds ?? [] };
      return { code } as EligibilityRule;
    });
}

/** Create or edit a call (city bureau): window, types, materials list and the checks picked from the catalogue. */
export function CallFormDrawer({ open, call, onClose }: { open: boolean; call: Call | null; onClose: (saved?: Call) => void }) {
  const [form] = Form.useForm<Values>();
  const notify = useNotify();
  const user = useCurrentUser();
  // Only those who may write calls open the drawer; others (experts, hosts) need not read the taxonomy.
  const taxonomy = useTaxonomy(open);
  const [conflict, setConflict] = useState(false);
  const save = useCallsMutation((values: Values) => {
    const body: CreateCall = {
      title: values.title,
      year: values.year,
      regionId: call?.region.id ?? user.regionId ?? '',
      typeIds: values.typeIds,
      opensOn: toDateString(values.window[0])!,
      closesOn: toDateString(values.window[1])!,
      materials: values.materials ?? [],
      eligibilityRules: toRules(values),
      description: values.description ?? '',
    };
    return call ? callsApi.update(call.id, { ...body, version: call.version }) : callsApi.create(body);
  });
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toValues(call));
      setConflict(false);
    }
  }, [open, call, form]);
  const checks = Form.useWatch('checks', form) ?? [];

  return (
    <EditDrawer
      open={open}
      title={call ? t.calls.form.editTitle : t.calls.form.createTitle}
      onClose={() => onClose()}
      onSave={() => form.submit()}
      saving={save.isPending}
      conflict={conflict}
      onReload={() => onClose()}
      reloading={false}
      saveTestId="call-save"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: (saved) => {
              notify.success(call ? t.calls.form.saved : t.calls.form.created);
              onClose(saved);
            },
            onError: (error) => {
              if (isApiError(error) && error.status === 409) setConflict(true);
              notify.error(error, form);
            },
          })
        }
      >
        <Form.Item name="title" label={t.calls.field.title} rules={[requiredText(t.calls.field.title)]}>
          <Input maxLength={200} data-testid="call-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="year" label={t.calls.field.year} rules={[requiredChoice(t.calls.field.year)]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name="window" label={t.calls.field.window} rules={[requiredChoice(t.calls.field.window)]}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="call-window" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="typeIds" label={t.calls.field.types} rules={[requiredChoice(t.calls.field.types)]}>
          <Select
            mode="multiple"
            loading={taxonomy.isLoading}
            optionFilterProp="label"
            data-testid="call-types"
            options={(taxonomy.data?.types ?? [])
              .filter((type) => type.isActive)
              .map((type) => ({ value: type.id, label: `${type.name}（${labels.platformLevel[type.level]}）` }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t.calls.field.description}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Typography.Text strong>{t.calls.field.materials}</Typography.Text>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'code']} rules={[requiredText(t.calls.field.materialCode)]}>
                    <Input placeholder={t.calls.field.materialCode} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[requiredText(t.calls.field.materialName)]}>
                    <Input placeholder={t.calls.field.materialName} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} valuePropName="checked" initialValue={false}>
                    <Checkbox>{t.calls.field.required}</Checkbox>
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t.common.delete}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ code: '', name: '', required: false })} style={{ marginBottom: 16 }}>
                {t.calls.form.addMaterial}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="checks" label={t.calls.field.rules} extra={t.calls.form.rulesHint}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={eligibilityCheckCodes.map((code) => ({ value: code, label: t.calls.eligibilityCheck[code] }))}
          />
        </Form.Item>
        {checks.includes('rd_spend_min') ? (
          <Form.Item name="minAmount" label={t.calls.field.minAmount} rules={[requiredChoice(t.calls.field.minAmount)]}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        {checks.includes('qualification') ? (
          <Form.Item
            name="qualificationKinds"
            label={t.calls.field.qualificationKinds}
            rules={[requiredChoice(t.calls.field.qualificationKinds)]}
          >
            <Select mode="multiple" options={qualificationKinds.map((kind) => ({ value: kind, label: labels.qualificationKind[kind] }))} />
          </Form.Item>
        ) : null}
      </Form>
    </EditDrawer>
  );
}
