import type { MySeat } from '@stip/contracts';
import { Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useDeclare } from '../hooks/useExperts';

const text = t.experts.mine;

/** The conflict-of-interest declaration an expert makes before seeing the application. */
export function DeclarationModal({
  seat,
  onClose,
  onDeclared,
}: {
  seat: MySeat | null;
  onClose: () => void;
  onDeclared: (seat: MySeat) => void;
}) {
  const [form] = Form.useForm<{ hasConflict: boolean; note?: string }>();
  const declare = useDeclare();
  const notify = useNotify();
  const hasConflict = Form.useWatch('hasConflict', form);
  return (
    <Modal
      open={!!seat}
      title={seat ? text.declareTitle(seat.application.platformName) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      okButtonProps={{ 'data-testid': 'declaration-submit', danger: hasConflict === true }}
      confirmLoading={declare.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{text.declareHint}</Typography.Paragraph>
      {seat ? (
        <Typography.Paragraph>
          {text.organization}：{seat.application.organizationName}，{text.type}：{seat.application.typeName}
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ hasConflict: false }}
        onFinish={(values) =>
          seat &&
          declare.mutate(
            { seatId: seat.seatId, body: { hasConflict: values.hasConflict, note: values.note?.trim() || undefined } },
            {
              onSuccess: (result) => {
                notify.success(result.status === 'vacated' ? text.vacated(result.replacement?.name ?? null) : text.declared);
                onClose();
                if (result.status === 'scoring') onDeclared(seat);
              },
              onError: (error) => notify.error(error, form),
            },
          )
        }
      >
        <Form.Item name="hasConflict">
          <Radio.Group>
            <Space direction="vertical">
              <Radio value={false} data-testid="declaration-no-conflict">
                {text.noConflict}
              </Radio>
              <Radio value={true} data-testid="declaration-conflict">
                {text.hasConflict}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {hasConflict ? (
          <Form.Item
            name="note"
            label={text.conflictNote}
            rules={[{ required: true, whitespace: true, message: text.conflictNoteRequired }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
