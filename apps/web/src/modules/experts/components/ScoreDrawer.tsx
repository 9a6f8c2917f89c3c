import type { Panel, RubricCriterion } from '@stip/contracts';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { usePanel, useSaveScores } from '../hooks/useExperts';
import { SeatStatusTag } from './SeatStatusTag';

const text = t.experts.score;

interface ScoreValues {
  scores: Record<string, { score?: number | null; comment?: string }>;
  opinion?: string;
}

function weighted(criteria: RubricCriterion[], values: ScoreValues['scores'] | undefined): number {
  let total = 0;
  for (const criterion of criteria) total += ((values?.[criterion.key]?.score ?? 0) / criterion.maxScore) * criterion.weight;
  return Math.round(total * 100) / 100;
}

/** An expert's score form on the panel's rubric: one score per criterion, comments required on low scores; draft or submit. */
export function ScoreDrawer({ panelId, onClose }: { panelId: string | null; onClose: () => void }) {
  const panel = usePanel(panelId);
  const [form] = Form.useForm<ScoreValues>();
  const save = useSaveScores();
  const notify = useNotify();
  const { modal } = App.useApp();
  const seat = panel.data?.seats.find((s) => s.isMe && s.status !== 'vacated');
  const rubric = panel.data?.rubric;
  const values = Form.useWatch('scores', form);
  const locked = !seat || seat.status !== 'scoring' || !!panel.data?.concludedAt;

  const initial = useMemo<ScoreValues | undefined>(() => {
    if (!seat) return undefined;
    const scores: ScoreValues['scores'] = {};
    for (const score of seat.scores ?? []) scores[score.criterionKey] = { score: score.score, comment: score.comment ?? undefined };
    return { scores, opinion: seat.opinion ?? undefined };
  }, [seat]);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [form, initial]);

  const send = (submit: boolean) => {
    const current = form.getFieldsValue(true) as ScoreValues;
    if (!seat || !rubric) return;
    const scores = rubric.criteria.flatMap((criterion) => {
      const entry = current.scores?.[criterion.key];
      if (entry?.score === undefined || entry.score === null) return [];
      return [{ criterionKey: criterion.key, score: entry.score, comment: entry.comment?.trim() || undefined }];
    });
    save.mutate(
      { seatId: seat.id, body: { scores, opinion: current.opinion?.trim() || undefined, submit } },
      {
        onSuccess: () => {
          notify.success(submit ? text.submitted : text.saved);
          if (submit) onClose();
        },
        onError: (error) => notify.error(error),
      },
    );
  };

  // A form with a problem shows it at the field (a low score without its comment); only a valid one asks to confirm.
  const submit = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (valid) modal.confirm({ title: text.submit, content: text.submitConfirm, okText: text.submit, onOk: () => send(true) });
  };

  const isLow = (criterion: RubricCriterion) => {
    const score = values?.[criterion.key]?.score;
    return typeof score === 'number' && rubric !== undefined && score < (criterion.maxScore * rubric.lowScorePercent) / 100;
  };

  return (
    <Drawer
      open={!!panelId}
      onClose={onClose}
      width={920}
      title={panel.data ? text.title(panel.data.application.platformName) : ''}
      destroyOnHidden
      extra={
        locked ? null : (
          <Space>
            <Button onClick={() => send(false)} loading={save.isPending} data-testid="score-save">
              {text.saveDraft}
            </Button>
            <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="score-submit">
              {text.submit}
            </Button>
          </Space>
        )
      }
    >
      {panel.isError ? <LoadFailed error={panel.error} onRetry={() => void panel.refetch()} /> : null}
      {panel.isLoading ? <PageLoading /> : null}
      {panel.data && rubric && seat ? (
        <PanelScoreForm
          panel={panel.data}
          form={form}
          locked={locked}
          isLow={isLow}
          total={weighted(rubric.criteria, values)}
          status={seat.status}
        />
      ) : null}
    </Drawer>
  );
}

function PanelScoreForm({
  panel,
  form,
  locked,
  isLow,
  total,
  status,
}: {
  panel: Panel;
  form: ReturnType<typeof Form.useForm<ScoreValues>>[0];
  locked: boolean;
  isLow: (criterion: RubricCriterion) => boolean;
  total: number;
  status: Panel['seats'][number]['status'];
}) {
  const { application, rubric } = panel;
  return (
    <>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t.experts.mine.application}>{application.platformName}</Descriptions.Item>
        <Descriptions.Item label={t.experts.mine.organization}>{application.organization.name}</Descriptions.Item>
        <Descriptions.Item label={t.experts.mine.type}>{application.type.name}</Descriptions.Item>
        <Descriptions.Item label={t.experts.mine.call}>{application.callTitle}</Descriptions.Item>
        <Descriptions.Item label={t.experts.fields.fields}>{t.common.list(application.technicalFields)}</Descriptions.Item>
        <Descriptions.Item label={t.experts.mine.status}>
          <SeatStatusTag status={status} />
        </Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${rubric.name}：${text.lowHint(rubric.lowScorePercent)}`} />
      <Form form={form} layout="vertical" disabled={locked}>
        <Table<RubricCriterion>
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          dataSource={rubric.criteria}
          data-testid="score-table"
          columns={[
            {
              title: text.criterion,
              dataIndex: 'name',
              width: 240,
              render: (name: string, row) => (
                <Space direction="vertical" size={0}>
                  {name}
                  {row.description ? <Typography.Text type="secondary">{row.description}</Typography.Text> : null}
                </Space>
              ),
            },
            { title: text.weight, dataIndex: 'weight', width: 60, align: 'right' },
            { title: text.maxScore, dataIndex: 'maxScore', width: 60, align: 'right' },
            {
              title: text.score,
              key: 'score',
              width: 110,
              render: (_: unknown, row) => (
                <Form.Item name={['scores', row.key, 'score']} noStyle rules={[{ required: true, message: text.required }]}>
                  <InputNumber min={0} max={row.maxScore} precision={1} style={{ width: 90 }} data-testid={`score-${row.key}`} />
                </Form.Item>
              ),
            },
            {
              title: text.comment,
              key: 'comment',
              render: (_: unknown, row) => (
                <Form.Item
                  name={['scores', row.key, 'comment']}
                  style={{ margin: 0 }}
                  rules={[
                    {
                      validator: async (_rule, value: string | undefined) => {
                        if (isLow(row) && !value?.trim()) throw new Error(text.commentRequired(rubric.lowScorePercent));
                      },
                    },
                  ]}
                  dependencies={[['scores', row.key, 'score']]}
                >
                  <Input maxLength={1000} placeholder={isLow(row) ? text.commentRequired(rubric.lowScorePercent) : undefined} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Flex justify="flex-end" style={{ margin: '8px 0' }}>
          <Typography.Text strong data-testid="score-total">
            {text.total}：{total}
          </Typography.Text>
        </Flex>
        <Form.Item name="opinion" label={text.opinion}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </>
  );
}
