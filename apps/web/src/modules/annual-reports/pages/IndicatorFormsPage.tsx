import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type IndicatorDefinition, type IndicatorForm, indicatorKinds, zIndicatorDefinition } from '@stip/contracts';
import { Button, Card, Checkbox, Flex, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import { useIndicatorForms, useSaveIndicatorForm } from '../hooks/useAnnualReports';

const text = t.annualReports.formEditor;

/** One form's indicators, editable by city staff (others read). */
function FormCard({
  form: indicatorForm,
  canEdit,
  title,
}: {
  form: IndicatorForm | { typeId: string; indicators: IndicatorDefinition[]; version?: undefined };
  canEdit: boolean;
  title: string;
}) {
  const [form] = Form.useForm<{ indicators: IndicatorDefinition[] }>();
  const save = useSaveIndicatorForm();
  const notify = useNotify();
  const version = 'version' in indicatorForm && indicatorForm.version ? indicatorForm.version : undefined;
  const submit = (values: { indicators: IndicatorDefinition[] }) =>
    save.mutate(
      {
        typeId: indicatorForm.typeId,
        indicators: values.indicators.map((item) => ({
          ...item,
          required: Boolean(item.required),
          unit: item.unit ?? '',
          help: item.help ?? '',
        })),
        version,
      },
      { onSuccess: () => notify.success(text.saved), onError: (error) => notify.error(error, form) },
    );
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        canEdit ? (
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {text.save}
          </Button>
        ) : null
      }
    >
      <Form form={form} component={false} initialValues={{ indicators: indicatorForm.indicators }} onFinish={submit}>
        <Form.List name="indicators">
          {(rows, { add, remove }) => (
            <>
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="key"
                dataSource={rows}
                columns={[
                  {
                    title: text.key,
                    width: 170,
                    render: (_: unknown, row) => (
                      <Form.Item
                        name={[row.name, 'key']}
                        style={{ margin: 0 }}
                        rules={[requiredText(text.key), schemaRule(zIndicatorDefinition.shape.key)]}
                      >
                        <Input disabled={!canEdit} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: text.label,
                    width: 180,
                    render: (_: unknown, row) => (
                      <Form.Item
                        name={[row.name, 'label']}
                        style={{ margin: 0 }}
                        rules={[requiredText(text.label), schemaRule(zIndicatorDefinition.shape.label)]}
                      >
                        <Input disabled={!canEdit} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: text.unit,
                    width: 90,
                    render: (_: unknown, row) => (
                      <Form.Item name={[row.name, 'unit']} style={{ margin: 0 }} rules={[schemaRule(zIndicatorDefinition.shape.unit)]}>
                        <Input disabled={!canEdit} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: text.kind,
                    width: 100,
                    render: (_: unknown, row) => (
                      <Form.Item name={[row.name, 'kind']} style={{ margin: 0 }}>
                        <Select
                          disabled={!canEdit}
                          options={indicatorKinds.map((kind) => ({ value: kind, label: t.annualReports.kinds[kind] }))}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: text.required,
                    width: 60,
                    render: (_: unknown, row) => (
                      <Form.Item name={[row.name, 'required']} valuePropName="checked" style={{ margin: 0 }}>
                        <Checkbox disabled={!canEdit} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: text.help,
                    render: (_: unknown, row) => (
                      <Form.Item name={[row.name, 'help']} style={{ margin: 0 }} rules={[schemaRule(zIndicatorDefinition.shape.help)]}>
                        <Input disabled={!canEdit} />
                      </Form.Item>
                    ),
                  },
                  ...(canEdit
                    ? [
                        {
                          title: t.common.actions,
                          width: 70,
                          render: (_: unknown, row: { name: number }) => (
                            <Popconfirm title={text.removeConfirm} onConfirm={() => remove(row.name)}>
                              <Button type="text" danger icon={<DeleteOutlined />} aria-label={text.remove} />
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {canEdit ? (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() => add({ key: '', label: '', unit: '', kind: 'count', required: false, help: '' })}
                >
                  {text.addIndicator}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

/** 年度报告指标表: the default form and each type's own, as data city staff keep. */
export default function IndicatorFormsPage() {
  const forms = useIndicatorForms();
  const taxonomy = useTaxonomy();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canEdit = user.role === 'city_staff';
  const [newTypeId, setNewTypeId] = useState<string | null>(null);

  if (forms.isPending) return <PageLoading />;
  if (forms.isError) return <LoadFailed error={forms.error} onRetry={() => void forms.refetch()} />;
  const defaultForm = forms.data.items.find((form) => form.typeId === null)!;
  const typed = forms.data.items.filter((form) => form.typeId !== null);
  const freeTypes = (taxonomy.data?.types ?? []).filter((type) => !typed.some((form) => form.typeId === type.id));
  const newTypeName = taxonomy.data?.types.find((type) => type.id === newTypeId)?.name ?? '';

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/annual-reports')} aria-label={t.common.back} />
            {text.title}
          </Flex>
        }
        subtitle={<Typography.Text type="secondary">{text.hint}</Typography.Text>}
        extra={
          canEdit ? (
            <Space>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 260 }}
                placeholder={text.chooseType}
                value={newTypeId}
                onChange={setNewTypeId}
                options={freeTypes.map((type) => ({ value: type.id, label: type.name }))}
              />
            </Space>
          ) : null
        }
      />
      {newTypeId ? (
        <FormCard
          key={newTypeId}
          form={{ typeId: newTypeId, indicators: defaultForm.indicators }}
          canEdit={canEdit}
          title={text.addType(newTypeName)}
        />
      ) : null}
      <FormCard
        key={`default-${defaultForm.version}`}
        form={defaultForm}
        canEdit={canEdit}
        title={`${text.defaultForm}${defaultForm.version === 0 ? text.builtIn : ''}`}
      />
      {typed.map((form) => (
        <FormCard key={`${form.id}-${form.version}`} form={form} canEdit={canEdit} title={text.typeForm(form.typeName ?? '')} />
      ))}
    </>
  );
}
