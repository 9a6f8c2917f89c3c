import { ArrowLeftOutlined, CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { type AnnualReportAction, type AnnualReportDetail, type IndicatorDefinition, zIndicatorValue } from '@stip/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { schemaRule } from '../../../shared/forms/rules';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { AnnualReportStatusTag } from '../components/AnnualReportStatusTag';
import { ReturnModal } from '../components/ReturnModal';
import { useAnnualReport, useMoveAnnualReport, useSaveAnnualReport } from '../hooks/useAnnualReports';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const text = t.annualReports;
const detailText = text.detail;
const fields = text.fields;

interface FigureValues {
  indicators: Record<string, number | null | undefined>;
  narratives: Record<string, string | undefined>;
}

const returnActions: AnnualReportAction[] = ['countyReturn', 'cityReturn'];

function initialValues(report: AnnualReportDetail): FigureValues {
  return { indicators: { ...report.indicators }, narratives: { ...report.narratives } };
}

/** What the form holds, as the API takes it: empty numbers cleared, text trimmed. */
function toBody(values: FigureValues, version: number) {
  const indicators: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(values.indicators ?? {})) indicators[key] = typeof value === 'number' ? value : null;
  const narratives: Record<string, string> = {};
  for (const [key, value] of Object.entries(values.narratives ?? {})) narratives[key] = value?.trim() ?? '';
  return { version, indicators, narratives };
}

/**
 * One platform's report for one year: the registry's facts, the indicator form with last year's figures alongside
 * (filled by the host while a draft or returned), warnings to check, the reviewers' actions and the review history.
 */
export default function AnnualReportDetailPage() {
  const { id } = useParams<{ id: string }>();
  const report = useAnnualReport(id);
  useRecordName(report.data && `${report.data.platform.name} · ${t.annualReports.yearOption(report.data.year)}`);
  const save = useSaveAnnualReport();
  const move = useMoveAnnualReport();
  const notify = useNotify();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FigureValues>();
  const [returning, setReturning] = useState<AnnualReportAction | null>(null);

  useEffect(() => {
    if (report.data) form.setFieldsValue(initialValues(report.data));
  }, [report.data, form]);

  if (report.isPending) return <PageLoading />;
  if (report.isError) return <LoadFailed error={report.error} onRetry={() => void report.refetch()} backTo="/annual-reports" />;
  const data = report.data;
  const numeric = data.form.filter((indicator) => indicator.kind !== 'text');
  const textual = data.form.filter((indicator) => indicator.kind === 'text');

  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate('/annual-reports'));

  const saveDraft = async (): Promise<AnnualReportDetail | null> => {
    try {
      const values = await form.validateFields();
      return await save.mutateAsync({ id: data.id, body: toBody(values, data.version) });
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return null;
      notify.error(error, form);
      return null;
    }
  };

  const runMove = (action: AnnualReportAction, version: number, comment?: string) =>
    move.mutateAsync(
      { id: data.id, body: { action, version, ...(comment ? { comment } : {}) } },
      {
        onSuccess: () => {
          notify.success(detailText.done(text.actions[action]));
          setReturning(null);
        },
        onError: (error) => notify.error(error, form),
      },
    );

  const submit = () =>
    modal.confirm({
      title: detailText.submitConfirm,
      okText: detailText.submit,
      okButtonProps: { 'data-testid': 'annual-submit-confirm' },
      onOk: async () => {
        const saved = await saveDraft();
        if (saved) await runMove('submit', saved.version).catch(() => undefined);
      },
    });

  const pass = (action: AnnualReportAction) =>
    modal.confirm({
      title: detailText.passConfirm(text.actions[action]),
      okText: text.actions[action],
      okButtonProps: { 'data-testid': 'annual-pass-confirm' },
      onOk: () => runMove(action, data.version).catch(() => undefined),
    });

  const fillFrom = (source: Record<string, number>) => {
    const current = form.getFieldValue('indicators') as FigureValues['indicators'];
    const filled = { ...current };
    for (const indicator of numeric) {
      if ((filled[indicator.key] === undefined || filled[indicator.key] === null) && source[indicator.key] !== undefined) {
        filled[indicator.key] = source[indicator.key];
      }
    }
    form.setFieldsValue({ indicators: filled });
  };

  const computed = Object.fromEntries(data.computed.map((item) => [item.key, item.value]));

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={goBack} aria-label={detailText.back} />
            <span data-testid="annual-report-title">
              {data.platform.name} · {text.yearOption(data.year)}
            </span>
            <AnnualReportStatusTag status={data.status} isLate={data.isLate} submittedLate={data.submittedLate} />
            {data.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            {data.canEdit ? (
              <Button
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => void saveDraft().then((saved) => saved && notify.success(detailText.saved))}
                data-testid="annual-save"
              >
                {detailText.save}
              </Button>
            ) : null}
            {data.allowedActions.map((action) =>
              action === 'submit' ? (
                <Button key={action} type="primary" icon={<SendOutlined />} onClick={submit} data-testid="annual-action-submit">
                  {detailText.submit}
                </Button>
              ) : returnActions.includes(action) ? (
                <Button
                  key={action}
                  danger
                  icon={<RollbackOutlined />}
                  onClick={() => setReturning(action)}
                  data-testid={`annual-action-${action}`}
                >
                  {text.actions[action]}
                </Button>
              ) : (
                <Button
                  key={action}
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => pass(action)}
                  data-testid={`annual-action-${action}`}
                >
                  {text.actions[action]}
                </Button>
              ),
            )}
          </>
        }
      />
      {data.isLate ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={detailText.lateNotice(data.dueOn)} /> : null}
      {!data.canEdit && (data.status === 'county_review' || data.status === 'city_review') && data.allowedActions.length === 0 ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={detailText.readonlyHint} />
      ) : null}
      {data.warnings.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={detailText.warnings}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="annual-warnings">
              {data.warnings.map((warning) => (
                <li key={warning.key}>{warning.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={fields.type}>{data.type.name}</Descriptions.Item>
          <Descriptions.Item label={fields.host}>{data.hostOrganization.name}</Descriptions.Item>
          <Descriptions.Item label={fields.region}>{data.region.name}</Descriptions.Item>
          <Descriptions.Item label={fields.dueOn}>{formatDate(data.dueOn)}</Descriptions.Item>
          <Descriptions.Item label={fields.submittedAt}>{formatDateTime(data.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={fields.acceptedAt}>{formatDateTime(data.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label={fields.reviewPath}>{data.hasCountyReview ? text.countyStep : text.cityStep}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={detailText.registry} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={detailText.registryStatus}>
            {t.labels.platformStatus[data.registry.status as keyof typeof t.labels.platformStatus] ?? data.registry.status}
          </Descriptions.Item>
          <Descriptions.Item label={detailText.recognitionDocNo}>{data.registry.recognitionDocNo ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={detailText.recognizedOn}>{formatDate(data.registry.recognizedOn)}</Descriptions.Item>
          <Descriptions.Item label={detailText.constructionEndsOn}>{formatDate(data.registry.constructionEndsOn)}</Descriptions.Item>
          <Descriptions.Item label={detailText.director}>{data.registry.director ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={detailText.technicalFields}>
            {data.registry.technicalFields.length ? t.common.list(data.registry.technicalFields) : t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={detailText.coBuilders} span={3}>
            {data.registry.coBuilders.length ? t.common.list(data.registry.coBuilders) : t.common.none}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={detailText.figures}
        style={{ marginBottom: 12 }}
        extra={
          data.canEdit ? (
            <Space>
              {data.lastYear ? (
                <Button size="small" onClick={() => fillFrom(data.lastYear!.indicators)} data-testid="annual-fill-last-year">
                  {detailText.useLastYear}
                </Button>
              ) : null}
              {data.computed.length ? (
                <Button size="small" onClick={() => fillFrom(computed)}>
                  {detailText.useComputed}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      >
        <Form<FigureValues> form={form} component={false} initialValues={initialValues(data)}>
          <Table<IndicatorDefinition>
            size="small"
            rowKey="key"
            bordered
            pagination={false}
            dataSource={numeric}
            data-testid="annual-figures"
            columns={[
              {
                title: detailText.indicator,
                key: 'label',
                width: 220,
                render: (_: unknown, indicator) => (
                  <Tooltip title={indicator.help}>
                    <span>
                      {indicator.label}
                      {indicator.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
                    </span>
                  </Tooltip>
                ),
              },
              { title: detailText.unit, dataIndex: 'unit', width: 70 },
              {
                title: detailText.thisYear(data.year),
                key: 'value',
                width: 200,
                render: (_: unknown, indicator) =>
                  data.canEdit ? (
                    <Form.Item
                      name={['indicators', indicator.key]}
                      style={{ margin: 0 }}
                      rules={[
                        ...(indicator.required ? [{ required: true, message: t.common.required(indicator.label) }] : []),
                        schemaRule(zIndicatorValue),
                      ]}
                    >
                      <InputNumber
                        style={{ width: '100%' }}
                        min={0}
                        precision={indicator.kind === 'money' ? 2 : 0}
                        placeholder={detailText.numberPlaceholder}
                        data-testid={`annual-figure-${indicator.key}`}
                      />
                    </Form.Item>
                  ) : (
                    (data.indicators[indicator.key] ?? t.common.none)
                  ),
              },
              {
                title: detailText.lastYear,
                key: 'last',
                width: 120,
                render: (_: unknown, indicator) =>
                  data.lastYear ? (data.lastYear.indicators[indicator.key] ?? t.common.none) : detailText.noLastYear,
              },
              {
                title: detailText.help,
                key: 'help',
                render: (_: unknown, indicator) => {
                  const prefilled = data.computed.find((item) => item.key === indicator.key);
                  return (
                    <Typography.Text type="secondary">
                      {indicator.help}
                      {prefilled ? detailText.computed(prefilled.source, prefilled.value) : ''}
                    </Typography.Text>
                  );
                },
              },
            ]}
          />
          {textual.map((indicator) => (
            <div key={indicator.key} style={{ marginTop: 12 }}>
              <Typography.Text strong>
                {indicator.label}
                {indicator.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {indicator.help}
              </Typography.Paragraph>
              {data.canEdit ? (
                <Form.Item
                  name={['narratives', indicator.key]}
                  style={{ marginBottom: 24 }}
                  rules={indicator.required ? [{ required: true, whitespace: true, message: t.common.required(indicator.label) }] : []}
                >
                  <Input.TextArea
                    rows={5}
                    maxLength={5000}
                    showCount
                    placeholder={detailText.textPlaceholder}
                    data-testid={`annual-text-${indicator.key}`}
                  />
                </Form.Item>
              ) : (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {data.narratives[indicator.key] ?? t.common.none}
                </Typography.Paragraph>
              )}
              {data.lastYear?.narratives[indicator.key] ? (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
                  {detailText.lastYearText(data.lastYear.narratives[indicator.key]!)}
                </Typography.Paragraph>
              ) : null}
            </div>
          ))}
        </Form>
      </Card>
      <Card size="small" title={detailText.history}>
        {data.reviews.length ? (
          <Timeline
            data-testid="annual-history"
            items={data.reviews.map((review) => ({
              color: returnActions.includes(review.action) ? 'red' : review.action === 'cityAccept' ? 'green' : 'blue',
              children: (
                <>
                  <Typography.Text strong>{text.actions[review.action]}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    {review.actor} · {formatDateTime(review.at)} · {text.status[review.fromStatus]} → {text.status[review.toStatus]}
                  </Typography.Text>
                  {review.comment ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{review.comment}</Typography.Paragraph> : null}
                </>
              ),
            }))}
          />
        ) : (
          <Typography.Text type="secondary">{detailText.noHistory}</Typography.Text>
        )}
      </Card>
      <ReturnModal
        action={returning}
        loading={move.isPending}
        onClose={() => setReturning(null)}
        onReturn={(comment) => void runMove(returning!, data.version, comment).catch(() => undefined)}
      />
    </>
  );
}
