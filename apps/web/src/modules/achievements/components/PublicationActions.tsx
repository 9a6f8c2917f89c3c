import { type PublicationAction, publicationActionsNeedingReason } from '@stip/contracts';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';

interface Props {
  allowed: PublicationAction[];
  pending: boolean;
  onMove: (action: PublicationAction, reason: string | undefined) => Promise<unknown>;
}

const primary: readonly PublicationAction[] = ['submit', 'publish', 'reopen'];
const dangerous: readonly PublicationAction[] = ['return', 'unpublish', 'close', 'archive'];

/** The lifecycle moves the server allows this user, as buttons; returning and taking back ask for a reason. */
export function PublicationActions({ allowed, pending, onMove }: Props) {
  const [asking, setAsking] = useState<PublicationAction | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const { modal } = App.useApp();
  const notify = useNotify();
  const run = (action: PublicationAction, reason?: string) =>
    onMove(action, reason).then(
      () => {
        notify.success(t.sharing.done);
        setAsking(null);
      },
      (error: unknown) => notify.error(error, form),
    );
  const click = (action: PublicationAction) => {
    if (publicationActionsNeedingReason.includes(action)) setAsking(action);
    else
      modal.confirm({
        title: `${t.sharing.actions[action]}？`,
        okText: t.common.confirm,
        okButtonProps: { 'data-testid': 'publication-confirm' },
        onOk: () => run(action),
      });
  };
  return (
    <>
      <Space wrap>
        {allowed.map((action) => (
          <Button
            key={action}
            type={primary.includes(action) ? 'primary' : 'default'}
            danger={dangerous.includes(action) && action !== 'close'}
            onClick={() => click(action)}
            loading={pending}
            data-testid={`publication-action-${action}`}
          >
            {t.sharing.actions[action]}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? t.sharing.actions[asking] : ''}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        okText={t.common.confirm}
        okButtonProps={{ 'data-testid': 'publication-reason-submit' }}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" clearOnDestroy onFinish={(values) => asking && run(asking, values.reason.trim())}>
          <Form.Item
            name="reason"
            label={t.sharing.reason}
            extra={t.sharing.reasonHint}
            rules={[{ required: true, whitespace: true, message: t.sharing.reasonRequired }]}
          >
            <Input.TextArea rows={4} maxLength={500} autoFocus data-testid="publication-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
