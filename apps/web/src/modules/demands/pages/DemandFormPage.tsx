import { type CreateDemand, type DemandDetail, zDemandFields } from '@stip/contracts';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { requiredText, schemaRule, toDateString, toNullableText } from '../../../shared/forms/rules';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { PublicationContactCard } from '../../achievements/components/PublicationContactCard';
import { useCreateDemand, useDemand, useUpdateDemand } from '../hooks/useDemands';

const text = t.sharing;
const fields = text.demand.fields;
const shape = zDemandFields.shape;

interface FormValues {
  title: string;
  description?: string;
  keywords: string[];
  technicalField?: string;
  industry?: string;
  budget?: number | null;
  deadline?: Dayjs | null;
  enterpriseOrganizationId?: string;
  enterpriseName?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  publishedContact: CreateDemand['publishedContact'];
}

function valuesOf(d: DemandDetail): FormValues {
  return {
    title: d.title,
    description: d.description,
    keywords: d.keywords,
    technicalField: d.technicalField ?? undefined,
    industry: d.industry ?? undefined,
    budget: d.budget,
    deadline: d.deadline ? dayjs(d.deadline) : null,
    enterpriseOrganizationId: d.enterpriseOrganization?.id,
    enterpriseName: d.enterpriseOrganization ? undefined : (d.enterpriseName ?? undefined),
    contactName: d.contactName ?? undefined,
    contactPhone: d.contactPhone ?? undefined,
    contactEmail: d.contactEmail ?? undefined,
    publishedContact: d.publishedContact,
  };
}

/** 发布 / 修改技术需求: one form for both, validated by the contract's schema; enterprise users post their own organisation's. */
export default function DemandFormPage() {
  const { id } = useParams<{ id: string }>();
  const existing = useDemand(id);
  useRecordName(existing.data?.title);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError) return <LoadFailed error={existing.error} backTo="/demands" />;
  return <DemandForm demand={existing.data ?? null} />;
}

function DemandForm({ demand }: { demand: DemandDetail | null }) {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isHost = user.role === 'host_user';
  const create = useCreateDemand();
  const update = useUpdateDemand();
  const { conflict, callbacks } = useSaveOutcome(form);
  const enterpriseOrganizationId = Form.useWatch('enterpriseOrganizationId', form);

  const submit = (values: FormValues) => {
    const body = {
      title: values.title.trim(),
      description: values.description?.trim() ?? '',
      keywords: values.keywords.map((k) => k.trim()).filter(Boolean),
      technicalField: toNullableText(values.technicalField),
      industry: toNullableText(values.industry),
      budget: values.budget ?? null,
      deadline: toDateString(values.deadline),
      ...(isHost
        ? {}
        : {
            enterpriseOrganizationId: values.enterpriseOrganizationId ?? null,
            enterpriseName: values.enterpriseOrganizationId ? null : toNullableText(values.enterpriseName),
          }),
      contactName: toNullableText(values.contactName),
      contactPhone: toNullableText(values.contactPhone),
      contactEmail: toNullableText(values.contactEmail),
      publishedContact: values.publishedContact,
    };
    const done = callbacks<DemandDetail>(demand !== null, (saved) => navigate(`/demands/${saved.id}`));
    if (demand) update.mutate({ id: demand.id, body: { ...body, version: demand.version } }, done);
    else create.mutate(body, done);
  };

  const initial: FormValues = demand ? valuesOf(demand) : { title: '', keywords: [], publishedContact: ['name'] };
  const outside = !isHost && !enterpriseOrganizationId;

  return (
    <>
      <PageHeader
        title={demand ? t.shell.pages.demandEdit : t.shell.pages.demandNew}
        extra={
          <Space>
            <Button onClick={() => navigate(demand ? `/demands/${demand.id}` : '/demands')}>{t.common.cancel}</Button>
            <Button
              type="primary"
              onClick={() => form.submit()}
              loading={create.isPending || update.isPending}
              disabled={conflict}
              data-testid="demand-save"
            >
              {t.common.save}
            </Button>
          </Space>
        }
      />
      {conflict ? <ConflictAlert onReload={() => navigate(0)} /> : null}
      {demand?.status === 'published' && isHost ? (
        <Alert type="warning" showIcon message={text.ownerEditHint} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} scrollToFirstError>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="title" label={fields.title} rules={[requiredText(fields.title), schemaRule(shape.title)]}>
                <Input maxLength={200} autoFocus data-testid="demand-title" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={fields.description} rules={[schemaRule(shape.description)]}>
                <Input.TextArea rows={5} maxLength={5000} showCount data-testid="demand-description" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="keywords" label={fields.keywords} rules={[schemaRule(shape.keywords)]}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} data-testid="demand-keywords" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="technicalField" label={fields.technicalField} rules={[schemaRule(shape.technicalField)]}>
                <Input maxLength={50} data-testid="demand-field" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="industry" label={fields.industry} rules={[schemaRule(shape.industry)]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="budget" label={fields.budget} rules={[schemaRule(shape.budget)]}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} data-testid="demand-budget" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="deadline" label={fields.deadline}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={fields.enterprise} style={{ marginBottom: 12 }}>
          {isHost ? (
            <Alert type="info" showIcon message={demand?.enterpriseName ?? user.organizationName ?? ''} />
          ) : (
            <Row gutter={16}>
              <Col span={24}>
                <Alert type="info" showIcon message={text.demand.enterpriseHint} style={{ marginBottom: 12 }} />
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="enterpriseOrganizationId" label={fields.enterpriseOrganization}>
                  <OrganizationSelect
                    known={demand?.enterpriseOrganization ? [demand.enterpriseOrganization] : undefined}
                    placeholder={t.common.searchPlaceholder}
                    data-testid="demand-enterprise"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="enterpriseName"
                  label={fields.enterpriseName}
                  rules={outside ? [requiredText(fields.enterpriseName), schemaRule(shape.enterpriseName)] : []}
                >
                  <Input maxLength={200} disabled={!outside} />
                </Form.Item>
              </Col>
            </Row>
          )}
        </Card>
        <PublicationContactCard kind="demand" shape={shape} />
      </Form>
    </>
  );
}
