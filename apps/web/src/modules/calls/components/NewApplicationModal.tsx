import type { Call } from '@stip/contracts';
import { Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { requiredChoice, requiredText } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { applicationsApi } from '../api';
import { useCallsMutation } from '../hooks/useCalls';

/** Starts a draft under an open call: the type and the platform's name, then the full form. */
export function NewApplicationModal({ call, onClose }: { call: Call | null; onClose: () => void }) {
  const [form] = Form.useForm<{ typeId: string; platformName: string }>();
  const notify = useNotify();
  const navigate = useNavigate();
  const create = useCallsMutation((values: { typeId: string; platformName: string }) =>
    applicationsApi.create({
      callId: call!.id,
      typeId: values.typeId,
      platformName: values.platformName,
      technicalFields: [],
      coBuilderIds: [],
      collaborators: [],
      form: {},
    }),
  );
  return (
    <Modal
      open={!!call}
      title={call ? `${t.calls.application.newTitle}：${call.title}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'application-create' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (application) => {
              notify.success(t.calls.application.created);
              onClose();
              navigate(`/applications/${application.id}/edit`);
            },
            onError: (error) => notify.error(error, form),
          })
        }
      >
        <Form.Item name="typeId" label={t.calls.application.type} rules={[requiredChoice(t.calls.application.type)]}>
          <Select
            data-testid="application-type"
            placeholder={t.calls.application.chooseType}
            options={(call?.types ?? []).map((type) => ({ value: type.id, label: type.name }))}
          />
        </Form.Item>
        <Form.Item name="platformName" label={t.calls.application.platformName} rules={[requiredText(t.calls.application.platformName)]}>
          <Input maxLength={200} placeholder={t.calls.application.enterName} data-testid="application-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
