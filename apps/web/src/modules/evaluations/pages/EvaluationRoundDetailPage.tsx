import { DownloadOutlined } from '@ant-design/icons';
import { type EvaluationResult, type EvaluationRoundAction, evaluationRoundActionLabels, labels } from '@stip/contracts';
import {
  Alert,
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDate } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { evaluationsApi } from '../api';
import { GradeTag, OutcomeTag, RoundStatusTag } from '../components/EvaluationTags';
import { ExpertScoreModal, OutcomeModal } from '../components/ResultModals';
import { RoundFormModal } from '../components/RoundFormModal';
import { useRound, useTransitionRound } from '../hooks/useEvaluations';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const text = t.evaluations;
const fields = text.fields;

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** One round: its scope and status, the actions its lifecycle allows now, and the results table. */
export default function EvaluationRoundDetailPage() {
  const { id } = useParams<{ id: string }>();
  const round = useRound(id);
  useRecordName(round.data?.title);
  const transition = useTransitionRound();
  const notify = useNotify();
  const [scoring, setScoring] = useState<EvaluationResult | null>(null);
  const [adjusting, setAdjusting] = useState<EvaluationResult | null>(null);
  const [editing, setEditing] = useState(false);
  const [applying, setApplying] = useState(false);
  const [deadline, setDeadline] = useState<Dayjs | null>(dayjs().add(90, 'day'));

  if (round.isPending) return <PageLoading />;
  if (round.isError) return <LoadFailed error={round.error} onRetry={() => void round.refetch()} backTo="/evaluations" />;
  const data = round.data;

  const act = (action: EvaluationRoundAction, extra: { rectificationDeadline?: string } = {}) =>
    transition.mutate(
      { id: data.id, body: { action, version: data.version, ...extra } },
      {
        onSuccess: () => {
          notify.success(text.done[action]);
          setApplying(false);
        },
        onError: (error) => notify.error(error),
      },
    );

  const count = (outcome: string) => data.results.filter((r) => r.outcome === outcome).length;
  const buttons = data.allowedActions.map((action) =>
    action === 'apply' ? (
      <Button key={action} type="primary" danger onClick={() => setApplying(true)} data-testid="round-action-apply">
        {text.actions.apply}
      </Button>
    ) : (
      <Popconfirm
        key={action}
        title={text.confirm[action]}
        onConfirm={() => act(action)}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
      >
        <Button
          type={action === 'returnToScoring' || action === 'withdraw' ? 'default' : 'primary'}
          loading={transition.isPending}
          data-testid={`round-action-${action}`}
        >
          {evaluationRoundActionLabels[action]}
        </Button>
      </Popconfirm>
    ),
  );

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {data.title}
            <RoundStatusTag status={data.status} />
            {data.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
          </Flex>
        }
        subtitle={<Link to="/evaluations">{t.common.back}</Link>}
        extra={
          <Space wrap>
            {data.status === 'draft' && data.allowedActions.length ? (
              <Button onClick={() => setEditing(true)}>{text.actions.edit}</Button>
            ) : null}
            {buttons}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void evaluationsApi.downloadResults(data.id).catch((e: unknown) => notify.error(e))}
            >
              {text.exportResults}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={fields.types}>{data.types.map((type) => type.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={fields.period}>{text.period(data.periodFrom, data.periodTo)}</Descriptions.Item>
          <Descriptions.Item label={fields.region}>{data.region?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={fields.publishedOn}>{formatDate(data.publishedOn)}</Descriptions.Item>
          <Descriptions.Item label={fields.appliedOn}>{formatDate(data.appliedOn)}</Descriptions.Item>
          <Descriptions.Item label={fields.results}>{data.results.length}</Descriptions.Item>
        </Descriptions>
      </Card>
      {data.formulas.length ? (
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'formulas',
              label: text.roundFormulas,
              children: data.formulas.map(({ type, formula }) => (
                <div key={type.id} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{type.name}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {text.formulaSummary(
                      Math.round(formula.indicatorWeight * 100),
                      text.formulas.aggregation[formula.yearAggregation],
                      formula.gradeThresholds.excellent,
                      formula.gradeThresholds.good,
                      formula.gradeThresholds.qualified,
                    )}
                  </Typography.Paragraph>
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={formula.indicators}
                    columns={(['label', 'weight', 'threshold', 'target', 'cap'] as const).map((field) => ({
                      title: field === 'label' ? text.formulas.indicator.label : text.formulas.indicator[field],
                      dataIndex: field,
                    }))}
                  />
                </div>
              )),
            },
          ]}
        />
      ) : null}
      <Card size="small" title={text.results.title}>
        <Table<EvaluationResult>
          size="small"
          rowKey="id"
          bordered
          dataSource={data.results}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: text.results.empty }}
          data-testid="result-table"
          expandable={{
            expandedRowRender: (result) => (
              <>
                <Typography.Text type="secondary">{text.results.reportYears(result.reportYears)}</Typography.Text>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={result.lines}
                  style={{ marginTop: 8 }}
                  columns={[
                    { title: text.results.line.indicator, dataIndex: 'label' },
                    { title: text.results.line.weight, dataIndex: 'weight', align: 'right' },
                    { title: text.results.line.value, dataIndex: 'value', align: 'right' },
                    { title: text.results.line.ratio, dataIndex: 'ratio', align: 'right' },
                    { title: text.results.line.points, dataIndex: 'points', align: 'right' },
                    { title: text.results.line.note, dataIndex: 'note' },
                  ]}
                />
                {result.notes.length ? <Alert type="warning" style={{ marginTop: 8 }} message={result.notes.join('；')} /> : null}
                {result.expertNote ? <Typography.Paragraph style={{ marginTop: 8 }}>{result.expertNote}</Typography.Paragraph> : null}
              </>
            ),
          }}
          columns={[
            {
              title: text.results.platform,
              key: 'platform',
              width: 260,
              render: (_: unknown, result) => (
                <Link to={`/platforms/${result.platform.id}`} data-testid="result-platform">
                  {result.platform.name}
                </Link>
              ),
            },
            { title: text.results.type, key: 'type', width: 150, render: (_: unknown, result) => result.type.name },
            { title: text.results.host, key: 'host', width: 200, render: (_: unknown, result) => result.hostOrganization.name },
            {
              title: text.results.platformStatus,
              dataIndex: 'platformStatus',
              width: 80,
              render: (_: unknown, result) => (
                <span data-testid="result-platform-status">{labels.platformStatus[result.platformStatus]}</span>
              ),
            },
            { title: text.results.indicatorScore, dataIndex: 'indicatorScore', width: 80, align: 'right', render: score },
            { title: text.results.expertScore, dataIndex: 'expertScore', width: 80, align: 'right', render: score },
            { title: text.results.score, dataIndex: 'score', width: 80, align: 'right', render: score },
            { title: text.results.grade, dataIndex: 'grade', width: 70, render: (_: unknown, result) => <GradeTag grade={result.grade} /> },
            {
              title: text.results.outcome,
              dataIndex: 'outcome',
              width: 150,
              render: (_: unknown, result) => (
                <Space size={4}>
                  <OutcomeTag outcome={result.outcome} />
                  {result.outcomeReason ? <Tag title={result.outcomeReason}>{text.results.adjusted}</Tag> : null}
                </Space>
              ),
            },
            { title: text.results.applied, dataIndex: 'appliedNote', width: 180, render: (value: string | null) => value ?? '' },
            {
              title: t.common.actions,
              key: 'actions',
              width: 100,
              fixed: 'right',
              render: (_: unknown, result) =>
                !data.allowedActions.length ? null : data.status === 'scoring' ? (
                  <Button size="small" type="link" onClick={() => setScoring(result)} data-testid="result-score">
                    {text.results.recordScore}
                  </Button>
                ) : data.status === 'reviewing' ? (
                  <Button size="small" type="link" onClick={() => setAdjusting(result)} data-testid="result-adjust">
                    {text.results.adjustOutcome}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <ExpertScoreModal roundId={data.id} result={scoring} onClose={() => setScoring(null)} />
      <OutcomeModal roundId={data.id} result={adjusting} onClose={() => setAdjusting(null)} />
      <RoundFormModal target={editing ? data : null} onClose={() => setEditing(false)} />
      <Modal
        open={applying}
        title={text.confirm.applyTitle}
        onCancel={() => setApplying(false)}
        onOk={() => deadline && act('apply', { rectificationDeadline: deadline.format('YYYY-MM-DD') })}
        okText={text.actions.apply}
        okButtonProps={{ danger: true, disabled: !deadline, 'data-testid': 'apply-confirm' }}
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>{text.confirm.apply}</Typography.Paragraph>
        <Typography.Paragraph strong>{text.confirm.summary(count('rectify'), count('revoke'), count('recommend'))}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={text.confirm.rectificationDeadline} required help={deadline ? undefined : text.confirm.deadlineRequired}>
            <DatePicker value={deadline} onChange={setDeadline} disabledDate={(day) => day.isBefore(dayjs().add(1, 'day'), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
