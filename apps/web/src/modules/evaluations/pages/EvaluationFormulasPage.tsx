import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EvaluationFormula, EvaluationFormulaBody } from '@stip/contracts';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useCan } from '../../accounts/hooks/useSession';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useFormulas, useSaveFormula } from '../hooks/useEvaluations';

const text = t.evaluations.formulas;

/** One formula's editor: the indicator table, the split between indicators and experts, the grade thresholds. */
function FormulaEditor({
  formula,
  typeId,
  canWrite,
}: {
  formula: EvaluationFormulaBody & { version: number };
  typeId: string | null;
  canWrite: boolean;
}) {
  const [form] = Form.useForm<EvaluationFormulaBody>();
  const save = useSaveFormula();
  const notify = useNotify();
  const { indicators, indicatorWeight, yearAggregation, gradeThresholds } = formula;
  const required = [{ required: true, message: text.required }];
  return (
    <Form<EvaluationFormulaBody>
      form={form}
      layout="vertical"
      disabled={!canWrite}
      initialValues={{ indicators, indicatorWeight, yearAggregation, gradeThresholds }}
      onFinish={(values) =>
        save.mutate(
          { ...values, typeId, version: formula.version || undefined },
          { onSuccess: () => notify.success(text.saved), onError: (error) => notify.error(error, form) },
        )
      }
    >
      <Form.List name="indicators">
        {(rows, { add, remove }) => (
          <>
            <Table
              size="small"
              bordered
              pagination={false}
              dataSource={rows}
              rowKey="key"
              columns={[
                {
                  title: text.indicator.key,
                  width: 170,
                  render: (_: unknown, row) => (
                    <Form.Item name={[row.name, 'key']} rules={required} noStyle>
                      <Input />
                    </Form.Item>
                  ),
                },
                {
                  title: text.indicator.label,
                  width: 200,
                  render: (_: unknown, row) => (
                    <Form.Item name={[row.name, 'label']} rules={required} noStyle>
                      <Input />
                    </Form.Item>
                  ),
                },
                ...(['weight', 'threshold', 'target', 'cap'] as const).map((field) => ({
                  title: text.indicator[field],
                  width: 110,
                  render: (_: unknown, row: { name: number }) => (
                    <Form.Item name={[row.name, field]} rules={required} noStyle>
                      <InputNumber min={field === 'cap' ? 1 : 0} step={field === 'cap' ? 0.1 : 1} style={{ width: '100%' }} />
                    </Form.Item>
                  ),
                })),
                {
                  title: t.common.actions,
                  width: 70,
                  render: (_: unknown, row) => (
                    <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)}>
                      {text.removeIndicator}
                    </Button>
                  ),
                },
              ]}
            />
            <Button
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => add({ key: '', label: '', weight: 10, threshold: 0, target: 1, cap: 1 })}
            >
              {text.addIndicator}
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={16} wrap style={{ marginTop: 16 }}>
        <Form.Item name="indicatorWeight" label={text.indicatorWeight} rules={required}>
          <InputNumber min={0} max={1} step={0.05} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="yearAggregation" label={text.yearAggregation} rules={required}>
          <Select
            style={{ width: 160 }}
            options={(['average', 'latest'] as const).map((value) => ({ value, label: text.aggregation[value] }))}
          />
        </Form.Item>
        {(['excellent', 'good', 'qualified'] as const).map((grade) => (
          <Form.Item key={grade} name={['gradeThresholds', grade]} label={text.thresholds[grade]} rules={required}>
            <InputNumber min={0} max={100} style={{ width: 110 }} />
          </Form.Item>
        ))}
      </Flex>
      {canWrite ? (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t.common.save}
        </Button>
      ) : null}
    </Form>
  );
}

/** 评估指标体系: the default formula and each type's own, editable by city staff. */
export default function EvaluationFormulasPage() {
  const formulas = useFormulas();
  const canWrite = useCan('evaluation:write');
  const [newTypeId, setNewTypeId] = useState<string | undefined>();
  if (formulas.isPending) return <PageLoading />;
  if (formulas.isError) return <LoadFailed error={formulas.error} onRetry={() => void formulas.refetch()} />;
  const items = formulas.data.items;
  const base = items.find((f) => f.type === null)!;
  const title = (formula: EvaluationFormula) => (
    <Space>
      {formula.type ? formula.type.name : text.default}
      {formula.id ? <Tag>{text.version(formula.version)}</Tag> : <Tag>{text.builtIn}</Tag>}
    </Space>
  );
  return (
    <>
      <PageHeader title={text.title} />
      <Alert type="info" showIcon message={text.hint} style={{ marginBottom: 12 }} />
      {items.map((formula) => (
        <Card key={formula.type?.id ?? 'default'} size="small" title={title(formula)} style={{ marginBottom: 12 }}>
          <FormulaEditor formula={formula} typeId={formula.type?.id ?? null} canWrite={canWrite} />
        </Card>
      ))}
      {canWrite ? (
        <Card size="small" title={text.addType}>
          <Flex gap={8} align="center" style={{ marginBottom: newTypeId ? 12 : 0 }}>
            <Typography.Text>{text.pickType}</Typography.Text>
            <PlatformTypeSelect
              activeOnly
              exclude={items.flatMap((f) => (f.type ? [f.type.id] : []))}
              value={newTypeId ?? null}
              onChange={(value) => setNewTypeId(value)}
              style={{ width: 320 }}
            />
          </Flex>
          {newTypeId ? <FormulaEditor key={newTypeId} formula={{ ...base, version: 0 }} typeId={newTypeId} canWrite /> : null}
        </Card>
      ) : null}
    </>
  );
}
