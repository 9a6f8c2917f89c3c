import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type AchievementDetail,
  achievementMaturities,
  type CreateAchievement,
  ownerTypes,
  transferModes,
  zAchievementFields,
} from '@stip/contracts';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { requiredText, schemaRule, toNullableText } from '../../../shared/forms/rules';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { PublicationContactCard } from '../components/PublicationContactCard';
import { useAchievement, useCreateAchievement, useUpdateAchievement } from '../hooks/useAchievements';

const text = t.sharing;
const fields = text.achievement.fields;
const shape = zAchievementFields.shape;

interface FormValues {
  title: string;
  abstract?: string;
  keywords: string[];
  discipline?: string;
  technicalField?: string;
  industry?: string;
  maturity?: CreateAchievement['maturity'];
  patents: { number: string; title?: string; kind?: string }[];
  ownerOrganizationId?: string;
  ownerName?: string;
  ownerType?: CreateAchievement['ownerType'];
  team?: string;
  transferModes: CreateAchievement['transferModes'];
  priceMin?: number | null;
  priceMax?: number | null;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  publishedContact: CreateAchievement['publishedContact'];
}

function valuesOf(a: AchievementDetail): FormValues {
  return {
    title: a.title,
    abstract: a.abstract,
    keywords: a.keywords,
    discipline: a.discipline ?? undefined,
    technicalField: a.technicalField ?? undefined,
    industry: a.industry ?? undefined,
    maturity: a.maturity ?? undefined,
    patents: a.patents,
    ownerOrganizationId: a.ownerOrganization?.id,
    ownerName: a.ownerOrganization ? undefined : (a.ownerName ?? undefined),
    ownerType: a.ownerOrganization ? undefined : (a.ownerType ?? undefined),
    team: a.team ?? undefined,
    transferModes: a.transferModes,
    priceMin: a.priceMin,
    priceMax: a.priceMax,
    contactName: a.contactName ?? undefined,
    contactPhone: a.contactPhone ?? undefined,
    contactEmail: a.contactEmail ?? undefined,
    publishedContact: a.publishedContact,
  };
}

/** 登记 / 修改科技成果: one form for both, validated by the contract's schema; host users register their own organisation's. */
export default function AchievementFormPage() {
  const { id } = useParams<{ id: string }>();
  const existing = useAchievement(id);
  useRecordName(existing.data?.title);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError) return <LoadFailed error={existing.error} backTo="/achievements" />;
  return <AchievementForm achievement={existing.data ?? null} />;
}

function AchievementForm({ achievement }: { achievement: AchievementDetail | null }) {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isHost = user.role === 'host_user';
  const create = useCreateAchievement();
  const update = useUpdateAchievement();
  const { conflict, callbacks } = useSaveOutcome(form);
  const ownerOrganizationId = Form.useWatch('ownerOrganizationId', form);

  const submit = (values: FormValues) => {
    const body = {
      title: values.title.trim(),
      abstract: values.abstract?.trim() ?? '',
      keywords: values.keywords.map((k) => k.trim()).filter(Boolean),
      discipline: toNullableText(values.discipline),
      technicalField: toNullableText(values.technicalField),
      industry: toNullableText(values.industry),
      maturity: values.maturity ?? null,
      patents: values.patents
        .filter((p) => p?.number?.trim())
        .map((p) => ({
          number: p.number.trim(),
          ...(p.title?.trim() ? { title: p.title.trim() } : {}),
          ...(p.kind?.trim() ? { kind: p.kind.trim() } : {}),
        })),
      ...(isHost
        ? {}
        : {
            ownerOrganizationId: values.ownerOrganizationId ?? null,
            ownerName: values.ownerOrganizationId ? null : toNullableText(values.ownerName),
            ownerType: values.ownerOrganizationId ? null : (values.ownerType ?? null),
          }),
      team: toNullableText(values.team),
      transferModes: values.transferModes,
      priceMin: values.priceMin ?? null,
      priceMax: values.priceMax ?? null,
      contactName: toNullableText(values.contactName),
      contactPhone: toNullableText(values.contactPhone),
      contactEmail: toNullableText(values.contactEmail),
      publishedContact: values.publishedContact,
    };
    const done = callbacks<AchievementDetail>(achievement !== null, (saved) => navigate(`/achievements/${saved.id}`));
    if (achievement) update.mutate({ id: achievement.id, body: { ...body, version: achievement.version } }, done);
    else create.mutate(body, done);
  };

  const initial: FormValues = achievement
    ? valuesOf(achievement)
    : { title: '', keywords: [], patents: [], transferModes: [], publishedContact: ['name'] };
  const ownerIsOutside = !isHost && !ownerOrganizationId;

  return (
    <>
      <PageHeader
        title={achievement ? t.shell.pages.achievementEdit : t.shell.pages.achievementNew}
        extra={
          <Space>
            <Button onClick={() => navigate(achievement ? `/achievements/${achievement.id}` : '/achievements')}>{t.common.cancel}</Button>
            <Button
              type="primary"
              onClick={() => form.submit()}
              loading={create.isPending || update.isPending}
              disabled={conflict}
              data-testid="achievement-save"
            >
              {t.common.save}
            </Button>
          </Space>
        }
      />
      {conflict ? <ConflictAlert onReload={() => navigate(0)} /> : null}
      {achievement?.status === 'published' && isHost ? (
        <Alert type="warning" showIcon message={text.ownerEditHint} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} scrollToFirstError>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="title" label={fields.title} rules={[requiredText(fields.title), schemaRule(shape.title)]}>
                <Input maxLength={200} autoFocus data-testid="achievement-title" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="abstract" label={fields.abstract} rules={[schemaRule(shape.abstract)]}>
                <Input.TextArea rows={5} maxLength={5000} showCount data-testid="achievement-abstract" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="keywords" label={fields.keywords} rules={[schemaRule(shape.keywords)]}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} data-testid="achievement-keywords" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="discipline" label={fields.discipline} rules={[schemaRule(shape.discipline)]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="technicalField" label={fields.technicalField} rules={[schemaRule(shape.technicalField)]}>
                <Input maxLength={50} data-testid="achievement-field" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="industry" label={fields.industry} rules={[schemaRule(shape.industry)]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="maturity" label={fields.maturity}>
                <Select
                  allowClear
                  options={achievementMaturities.map((m) => ({ value: m, label: text.maturity[m] }))}
                  data-testid="achievement-maturity"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={fields.patents} style={{ marginBottom: 12 }}>
          <Form.List name="patents">
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Row gutter={8} key={item.key} align="top">
                    <Col xs={24} md={8}>
                      <Form.Item name={[item.name, 'number']} label={fields.patentNumber} rules={[requiredText(fields.patentNumber)]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item name={[item.name, 'title']} label={fields.patentTitle}>
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={5}>
                      <Form.Item name={[item.name, 'kind']} label={fields.patentKind}>
                        <Input maxLength={30} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                      <MinusCircleOutlined onClick={() => remove(item.name)} aria-label={t.common.delete} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ number: '' })}>
                  {text.achievement.addPatent}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={fields.owner} style={{ marginBottom: 12 }}>
          {isHost ? (
            <Alert type="info" showIcon message={achievement?.ownerName ?? user.organizationName ?? ''} />
          ) : (
            <Row gutter={16}>
              <Col span={24}>
                <Alert type="info" showIcon message={text.achievement.ownerHint} style={{ marginBottom: 12 }} />
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="ownerOrganizationId" label={fields.ownerOrganization}>
                  <OrganizationSelect
                    known={achievement?.ownerOrganization ? [achievement.ownerOrganization] : undefined}
                    placeholder={t.common.searchPlaceholder}
                    data-testid="achievement-owner"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name="ownerName"
                  label={fields.ownerName}
                  rules={ownerIsOutside ? [requiredText(fields.ownerName), schemaRule(shape.ownerName)] : []}
                >
                  <Input maxLength={200} disabled={!ownerIsOutside} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="ownerType" label={fields.ownerType}>
                  <Select allowClear disabled={!ownerIsOutside} options={ownerTypes.map((o) => ({ value: o, label: text.ownerType[o] }))} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col span={24}>
              <Form.Item name="team" label={fields.team} rules={[schemaRule(shape.team)]}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={fields.transferModes} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="transferModes" label={fields.transferModes}>
                <Checkbox.Group options={transferModes.map((m) => ({ value: m, label: text.transferMode[m] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="priceMin" label={fields.priceMin} rules={[schemaRule(shape.priceMin)]}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="priceMax"
                label={fields.priceMax}
                dependencies={['priceMin']}
                rules={[
                  schemaRule(shape.priceMax),
                  ({ getFieldValue }) => ({
                    validator: async (_rule, value: number | null | undefined) => {
                      const min = getFieldValue('priceMin') as number | null | undefined;
                      if (value !== null && value !== undefined && min !== null && min !== undefined && min > value)
                        throw new Error('最低价格不能高于最高价格');
                    },
                  }),
                ]}
              >
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <PublicationContactCard kind="achievement" shape={shape} />
      </Form>
    </>
  );
}
