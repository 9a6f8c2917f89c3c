import { type EvaluationOutcome, type EvaluationResult, evaluationLabels, evaluationOutcomes } from '@stip/contracts';
import { Form, type FormInstance, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useUpdateResult } from '../hooks/useEvaluations';

const text = t.evaluations;

type UpdateBody = Parameters<ReturnType<typeof useUpdateResult>['mutate']>[0]['body'];

/**
 * One result's edit in a modal: the form's values become the update (with the result's version), a
 * success closes it, and a refusal marks the fields. The two edits below differ only in their fields.
 */
function ResultEditModal<V extends object>(props: {
  roundId: string;
  result: EvaluationResult | null;
  onClose: () => void;
  form: FormInstance<V>;
  title: (platformName: string) => string;
  testId: string;
  done: string;
  initialValues: (result: EvaluationResult) => Partial<V>;
  toBody: (values: V) => Omit<UpdateBody, 'version'>;
  children: (result: EvaluationResult) => ReactNode;
}) {
  const { roundId, result, onClose, form } = props;
  const update = useUpdateResult();
  const notify = useNotify();
  return (
    <Modal
      open={!!result}
      title={result ? props.title(result.platform.name) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': props.testId }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {result ? (
        <Form
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={props.initialValues(result)}
          onFinish={(values) =>
            update.mutate(
              { roundId, resultId: result.id, body: { ...props.toBody(values), version: result.version } as UpdateBody },
              {
                onSuccess: () => {
                  notify.success(props.done);
                  onClose();
                },
                onError: (error) => notify.error(error, form),
              },
            )
          }
        >
          {props.children(result)}
        </Form>
      ) : null}
    </Modal>
  );
}

/** Records the expert panel's score of one platform (while 评分中). */
export function ExpertScoreModal({ roundId, result, onClose }: { roundId: string; result: EvaluationResult | null; onClose: () => void }) {
  const [form] = Form.useForm<{ expertScore: number; expertNote?: string }>();
  return (
    <ResultEditModal
      roundId={roundId}
      result={result}
      onClose={onClose}
      form={form}
      title={text.scoreModal.title}
      testId="score-submit"
      done={text.done.score}
      initialValues={(r) => ({ expertScore: r.expertScore ?? undefined, expertNote: r.expertNote ?? undefined })}
      toBody={(values) => ({ expertScore: values.expertScore, expertNote: values.expertNote?.trim() || undefined })}
    >
      {() => (
        <>
          <Form.Item name="expertScore" label={text.scoreModal.expertScore} rules={[{ required: true, message: text.scoreModal.required }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 200 }} autoFocus data-testid="score-input" />
          </Form.Item>
          <Form.Item name="expertNote" label={text.scoreModal.expertNote}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      )}
    </ResultEditModal>
  );
}

/** Changes a result's outcome while 审核中; anything but the grade's default needs a reason. */
export function OutcomeModal({ roundId, result, onClose }: { roundId: string; result: EvaluationResult | null; onClose: () => void }) {
  const [form] = Form.useForm<{ outcome: EvaluationOutcome; outcomeReason?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const isDefault = outcome === result?.defaultOutcome;
  return (
    <ResultEditModal
      roundId={roundId}
      result={result}
      onClose={onClose}
      form={form}
      title={text.outcomeModal.title}
      testId="outcome-submit"
      done={text.done.outcome}
      initialValues={(r) => ({ outcome: r.outcome ?? undefined, outcomeReason: r.outcomeReason ?? undefined })}
      toBody={(values) => ({ outcome: values.outcome, outcomeReason: values.outcomeReason?.trim() || undefined })}
    >
      {(r) => (
        <>
          {r.defaultOutcome ? (
            <Typography.Paragraph type="secondary">
              {text.outcomeModal.defaultOutcome(evaluationLabels.outcome[r.defaultOutcome])}
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
        </>
      )}
    </ResultEditModal>
  );
}
