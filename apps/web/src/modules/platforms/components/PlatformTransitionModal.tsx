import type { Platform, PlatformAllowedAction } from '@stip/contracts';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { requiredChoice, requiredText, toDateString } from '../../../shared/forms/rules';
import { isAfterToday } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useTransitionPlatform } from '../hooks/usePlatforms';

interface TransitionValues {
  reason: string;
  effectiveDate: Dayjs;
}

/** Asks the reason and the effective date of a lifecycle action (撤销, 责令整改 …) and records it. */
export function PlatformTransitionModal({
  platform,
  action,
  onClose,
}: {
  platform: Platform;
  action: PlatformAllowedAction | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TransitionValues>();
  const transition = useTransitionPlatform();
  const notify = useNotify();
  const copy = t.platforms.transition;

  useEffect(() => {
    if (action) form.setFieldsValue({ reason: '', effectiveDate: dayjs() });
  }, [action, form]);

  const submit = (values: TransitionValues) => {
    if (!action) return;
    transition.mutate(
      {
        id: platform.id,
        body: {
          action: action.action,
          reason: values.reason.trim(),
          effectiveDate: toDateString(values.effectiveDate)!,
          version: platform.version,
        },
      },
      {
        onSuccess: () => {
          notify.success(copy.done(t.labels.platformStatus[action.to]));
          onClose();
        },
        onError: (error) => notify.error(error),
      },
    );
  };

  return (
    <Modal
      open={action !== null}
      title={action ? copy.title(t.labels.platformAction[action.action], platform.name) : null}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transition.isPending}
      okButtonProps={{ 'data-testid': 'platform-transition-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={copy.reason} rules={[requiredText(copy.reason)]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={copy.reasonPlaceholder} data-testid="platform-transition-reason" />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={copy.effectiveDate}
          extra={copy.effectiveDateHint}
          rules={[requiredChoice(copy.effectiveDate)]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} data-testid="platform-transition-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
