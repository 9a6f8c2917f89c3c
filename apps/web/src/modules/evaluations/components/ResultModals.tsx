import { type EvaluationOutcome, type EvaluationResult, evaluationLabels, evaluationOutcomes } from '@stip/contracts';
import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useUpdateResult } from '../hooks/useEvaluations';

const text = t.evaluations;

/** Records the expert panel's score of one platform (while 评分中). */
export function ExpertScoreModal({ roundId, result, onClose }: { roundId: string; result: EvaluationResult | null; onClose: () => void }) {
  const [form] = Form.useForm<{ expertScore: number; expertNote?: string }>();
  const update = useUpdateResult();
  const notify = useNotify();
  return (
    <Modal
      open={!!result}
      title={result ? text.scoreModal.title(result.platform.name) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': 'score-submit' }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {result ? (
        <Form
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ expertScore: result.expertScore ?? undefined, expertNote: result.expertNote ?? undefined }}
          onFinish={(values) =>
            update.mutate(
              {
                roundId,
                resultId: result.id,
                body: { expertScore: values.expertScore, expertNote: values.expertNote?.trim() || undefined, version: result.version },
              },
              {
                onSuccess: () => {
                  notify.success(text.done.score);
                  onClose();
                },
                onError: (error) => notify.error(error, form),
              },
            )
          }
        >
          <Form.Item name="expertScore" label={text.scoreModal.expertScore} rules={[{ required: true, message: text.scoreModal.required }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 200 }} autoFocus data-testid="score-input" />
          </Form.Item>
          <Form.Item name="expertNote" label={text.scoreModal.expertNote}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

/** Changes a result's outcome while 审核中; anything but the grade's default needs a reason. */
export function OutcomeModal({ roundId, result, onClose }: { roundId: string; result: EvaluationResult | null; onClose: () => void }) {
  const [form] = Form.useForm<{ outcome: EvaluationOutcome; outcomeReason?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const update = useUpdateResult();
  const notify = useNotify();
  const isDefault = outcome === result?.defaultOutcome;
  return (
    <Modal
      open={!!result}
      title={result ? text.outcomeModal.title(result.platform.name) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': 'outcome-submit' }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {result ? (
        <Form
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ outcome: result.outcome ?? undefined, outcomeReason: result.outcomeReason ?? undefined }}
          onFinish={(values) =>
            update.mutate(
              {
                roundId,
                resultId: result.id,
                body: { outcome: values.outcome, outcomeReason: values.outcomeReason?.trim() || undefined, version: result.version },
              },
              {
                onSuccess: () => {
                  notify.success(text.done.outcome);
                  onClose();
                },
                onError: (error) => notify.error(error, form),
              },
            )
          }
        >
          {result.defaultOutcome ? (
            <Typography.Paragraph type="secondary">
              {text.outcomeModal.defaultOutcome(evaluationLabels.outcome[result.defaultOutcome])}
            </Typography.Paragraph>
          ) : null}
          <Form.Item name="outcome" label={text.outcomeModal.outcome} rules={[{ required: true }]}>
            <Select
              data-testid="outcome-select"
              options={evaluationOutcomes.map((value) => ({ value, label: evaluationLabels.outcome[value] }))}
            />
          </Form.Item>
          <Form.Item
            name="outcomeReason"
            label={text.outcomeModal.reason}
            rules={[{ required: !isDefault, whitespace: true, message: text.outcomeModal.reasonRequired }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="outcome-reason" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
