import type { CreateChallengeApplication } from '@stip/contracts';
import { Form, Input, Modal } from 'antd';
import { requiredText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { challengesApi } from '../api';
import { useChallengesMutation } from '../hooks/useChallenges';

/** 我要揭榜: a team's application for its own organisation — leader, members, proposal and plan. */
export function ApplyModal({ challengeId, open, onClose }: { challengeId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateChallengeApplication>();
  const notify = useNotify();
  const apply = useChallengesMutation((body: CreateChallengeApplication) => challengesApi.apply(challengeId, body));
  const f = t.challenges.application;
  return (
    <Modal
      open={open}
      title={t.challenges.detail.apply}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={f.submit}
      confirmLoading={apply.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'apply-ok' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          apply.mutate(values, {
            onSuccess: () => {
              notify.success(f.submitted);
              onClose();
            },
            onError: (error) => notify.error(error, form),
          })
        }
      >
        <Form.Item name="teamLeader" label={f.teamLeader} rules={[requiredText(f.teamLeader)]}>
          <Input maxLength={100} data-testid="apply-leader" />
        </Form.Item>
        <Form.Item name="teamMembers" label={f.teamMembers}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="proposal" label={f.proposal} rules={[requiredText(f.proposal)]}>
          <Input.TextArea rows={6} maxLength={20000} showCount data-testid="apply-proposal" />
        </Form.Item>
        <Form.Item name="plan" label={f.plan}>
          <Input.TextArea rows={3} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
