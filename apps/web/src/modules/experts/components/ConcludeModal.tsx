import { zConclude } from '@stip/contracts';
import { Form, Input, Modal, Typography } from 'antd';
import { requiredText, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useConclude, usePanel } from '../hooks/useExperts';
import { PanelResultView } from './PanelResultView';

const text = t.experts.panel;

/** The chair's consensus opinion, written with the panel's result in view; submitting ends the review. */
export function ConcludeModal({ panelId, onClose }: { panelId: string | null; onClose: () => void }) {
  const panel = usePanel(panelId);
  const conclude = useConclude();
  const notify = useNotify();
  const [form] = Form.useForm<{ consensus: string }>();
  return (
    <Modal
      open={!!panelId}
      title={text.concludeTitle}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.confirm}
      okButtonProps={{ disabled: !panel.data, 'data-testid': 'conclude-submit' }}
      confirmLoading={conclude.isPending}
      destroyOnHidden
    >
      {panel.data ? <PanelResultView panel={panel.data} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {text.concludeConfirm}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        onFinish={(values) =>
          panel.data &&
          conclude.mutate(
            { panelId: panel.data.id, consensus: values.consensus.trim(), version: panel.data.version },
            {
              onSuccess: () => {
                notify.success(text.concluded);
                onClose();
              },
              onError: (error) => notify.error(error, form),
            },
          )
        }
      >
        <Form.Item name="consensus" label={text.consensus} rules={[requiredText(text.consensus), schemaRule(zConclude.shape.consensus)]}>
          <Input.TextArea rows={5} maxLength={4000} data-testid="conclude-consensus" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
