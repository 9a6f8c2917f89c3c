import type { EvaluationRoundDetail } from '@stip/contracts';
import { Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { ConflictAlert } from '../../../shared/components/ConflictAlert';
import { t } from '../../../shared/i18n/zh-CN';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useCreateRound, useUpdateRound } from '../hooks/useEvaluations';

interface RoundFormValues {
  title: string;
  typeIds: string[];
  periodFrom: number;
  periodTo: number;
}

const fields = t.evaluations.fields;
const lastYear = new Date().getFullYear() - 1;

/** Opens a round (or edits a draft one): its title, the platform types and the period in years. */
export function RoundFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: EvaluationRoundDetail | 'new' | null;
  onClose: () => void;
  onSaved?: (round: EvaluationRoundDetail) => void;
}) {
  const [form] = Form.useForm<RoundFormValues>();
  const create = useCreateRound();
  const update = useUpdateRound();
  const { conflict, clearConflict, callbacks } = useSaveOutcome(form);
  const editing = target && target !== 'new' ? target : null;
  const close = () => {
    clearConflict();
    onClose();
  };
  const submit = (values: RoundFormValues) => {
    const body = { title: values.title.trim(), typeIds: values.typeIds, periodFrom: values.periodFrom, periodTo: values.periodTo };
    const done = callbacks(editing !== null, (round: EvaluationRoundDetail) => {
      close();
      onSaved?.(round);
    });
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, done);
    else create.mutate(body, done);
  };
  return (
    <Modal
      open={!!target}
      title={editing ? t.evaluations.editTitle : t.evaluations.createTitle}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ disabled: conflict, 'data-testid': 'round-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      {conflict ? <ConflictAlert onReload={close} /> : null}
      <Form<RoundFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        clearOnDestroy
        initialValues={
          editing
            ? {
                title: editing.title,
                typeIds: editing.types.map((type) => type.id),
                periodFrom: editing.periodFrom,
                periodTo: editing.periodTo,
              }
            : { periodFrom: lastYear, periodTo: lastYear }
        }
      >
        <Form.Item name="title" label={fields.title} rules={[{ required: true, whitespace: true, message: t.evaluations.required.title }]}>
          <Input maxLength={120} placeholder={t.evaluations.titlePlaceholder} autoFocus data-testid="round-form-title" />
        </Form.Item>
        <Form.Item name="typeIds" label={fields.types} rules={[{ required: true, message: t.evaluations.required.types }]}>
          <PlatformTypeSelect mode="multiple" activeOnly data-testid="round-form-types" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="periodFrom"
            label={fields.periodFrom}
            rules={[{ required: true, message: t.evaluations.required.year }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="round-form-from" />
          </Form.Item>
          <Form.Item
            name="periodTo"
            label={fields.periodTo}
            rules={[{ required: true, message: t.evaluations.required.year }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="round-form-to" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
