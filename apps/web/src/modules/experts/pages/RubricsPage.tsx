import { PlusOutlined } from '@ant-design/icons';
import { type Rubric, type SaveRubric, zRubric, zSaveRubric } from '@stip/contracts';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zPage } from '@stip/contracts';
import { useState } from 'react';
import { api } from '../../../shared/api/client';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { requiredChoice, requiredText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';

const text = t.experts.rubrics;
const rubricsKey = ['experts', 'rubrics'] as const;

/** 评审指标: the scoring rubric per platform type (and the default one), kept as data. */
export default function RubricsPage() {
  const rubrics = useQuery({ queryKey: rubricsKey, queryFn: () => api.get('/rubrics', zPage(zRubric)) });
  const taxonomy = useTaxonomy();
  const canWrite = useCan('expert:write');
  const [editing, setEditing] = useState<Rubric | 'new' | null>(null);
  const typeName = (typeId: string | null) =>
    typeId ? (taxonomy.data?.types.find((type) => type.id === typeId)?.name ?? typeId) : text.defaultType;
  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {text.addForType}
            </Button>
          ) : null
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={text.hint} />
      {rubrics.isError ? <LoadFailed error={rubrics.error} onRetry={() => void rubrics.refetch()} /> : null}
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {rubrics.data?.items.map((rubric) => (
          <Card
            key={rubric.id ?? 'default'}
            size="small"
            title={
              <Space>
                {typeName(rubric.typeId)}
                <Typography.Text type="secondary">{rubric.name}</Typography.Text>
                {rubric.id ? null : <Tag bordered={false}>{text.builtIn}</Tag>}
              </Space>
            }
            extra={
              canWrite ? (
                <Button type="link" size="small" onClick={() => setEditing(rubric)}>
                  {t.common.edit}
                </Button>
              ) : null
            }
          >
            <Table
              size="small"
              bordered
              rowKey="key"
              pagination={false}
              dataSource={rubric.criteria}
              columns={[
                { title: text.criterionName, dataIndex: 'name', width: 260 },
                { title: text.weight, dataIndex: 'weight', width: 80, align: 'right' },
                { title: text.maxScore, dataIndex: 'maxScore', width: 80, align: 'right' },
                { title: text.description, dataIndex: 'description', render: (v?: string) => v ?? t.common.none },
              ]}
              footer={() => `${text.lowScorePercent}：${rubric.lowScorePercent}%`}
            />
          </Card>
        ))}
      </Space>
      <RubricModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}

interface RubricFormValues extends SaveRubric {
  typeId?: string;
}

function RubricModal({ target, onClose }: { target: Rubric | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm<RubricFormValues>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const editing = target && target !== 'new' ? target : null;
  const save = useMutation({
    mutationFn: ({ typeId, body }: { typeId: string; body: SaveRubric }) => api.put<Rubric>(`/rubrics/${typeId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rubricsKey }),
  });
  const criteria = Form.useWatch('criteria', form) ?? [];
  const sum = criteria.reduce((total, criterion) => total + (criterion?.weight ?? 0), 0);
  const submit = (values: RubricFormValues) => {
    const body: SaveRubric = {
      name: values.name.trim(),
      lowScorePercent: values.lowScorePercent,
      criteria: values.criteria.map((criterion) => ({ ...criterion, description: criterion.description?.trim() || undefined })),
      ...(editing?.id ? { version: editing.version } : {}),
    };
    const parsed = zSaveRubric.safeParse(body);
    if (!parsed.success) {
      notify.error(new Error(parsed.error.issues[0]?.message ?? t.common.unknownError));
      return;
    }
    const typeId = editing ? (editing.typeId ?? 'default') : values.typeId!;
    save.mutate(
      { typeId, body },
      {
        onSuccess: () => {
          notify.success(text.saved);
          onClose();
        },
        onError: (error) => notify.error(error, form),
      },
    );
  };
  return (
    <Modal
      open={!!target}
      title={editing ? text.editTitle : text.createTitle}
      width={900}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        onFinish={submit}
        initialValues={
          editing
            ? { name: editing.name, lowScorePercent: editing.lowScorePercent, criteria: editing.criteria }
            : { lowScorePercent: 60, criteria: [{ key: 'research', name: '', weight: 100, maxScore: 100 }] }
        }
      >
        <Row gutter={16}>
          {editing ? null : (
            <Col span={24}>
              <Form.Item name="typeId" label={text.type} rules={[requiredChoice(text.type)]}>
                <PlatformTypeSelect activeOnly />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={14}>
            <Form.Item name="name" label={text.name} rules={[requiredText(text.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="lowScorePercent"
              label={text.lowScorePercent}
              rules={[{ required: true, message: t.common.required(text.lowScorePercent) }]}
            >
              <InputNumber min={0} max={100} precision={0} addonAfter="%" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="criteria">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Row gutter={8} key={item.key} align="top">
                  <Col span={4}>
                    <Form.Item name={[item.name, 'key']} rules={[requiredText(text.key)]}>
                      <Input placeholder={text.key} maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[item.name, 'name']} rules={[requiredText(text.criterionName)]}>
                      <Input placeholder={text.criterionName} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[item.name, 'weight']} rules={[{ required: true, message: t.common.required(text.weight) }]}>
                      <InputNumber placeholder={text.weight} min={1} max={100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item name={[item.name, 'maxScore']} rules={[{ required: true, message: t.common.required(text.maxScore) }]}>
                      <InputNumber placeholder={text.maxScore} min={1} max={1000} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[item.name, 'description']}>
                      <Input placeholder={text.description} maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button danger type="link" onClick={() => remove(item.name)} disabled={items.length <= 1}>
                      {t.common.delete}
                    </Button>
                  </Col>
                </Row>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 10, maxScore: 100 })}>
                  {text.addCriterion}
                </Button>
                <Typography.Text type={sum === 100 ? 'secondary' : 'danger'}>{text.weightSum(sum)}</Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
