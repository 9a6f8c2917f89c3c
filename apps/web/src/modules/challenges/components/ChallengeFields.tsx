import { DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { requiredChoice, requiredText } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';

/** The form's values as antd holds them (dates as Dayjs). */
export interface ChallengeFormValues {
  title: string;
  reward: number;
  rewardNote?: string;
  applicationDeadline: Dayjs;
  completionDeadline?: Dayjs | null;
  requirements?: string;
}

/** The fields of a list (榜单), shared by the create page and the edit dialog. */
export function ChallengeFields() {
  const f = t.challenges.field;
  return (
    <>
      <Form.Item name="title" label={f.title} rules={[requiredText(f.title)]}>
        <Input maxLength={200} data-testid="challenge-title" />
      </Form.Item>
      <Form.Item name="reward" label={f.reward} rules={[requiredChoice(f.reward)]}>
        <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: 200 }} data-testid="challenge-reward" />
      </Form.Item>
      <Form.Item name="rewardNote" label={f.rewardNote}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="applicationDeadline" label={f.applicationDeadline} rules={[requiredChoice(f.applicationDeadline)]}>
        <DatePicker data-testid="challenge-deadline" />
      </Form.Item>
      <Form.Item
        name="completionDeadline"
        label={f.completionDeadline}
        dependencies={['applicationDeadline']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null | undefined) => {
              const deadline = getFieldValue('applicationDeadline') as Dayjs | undefined;
              return value && deadline && value.isBefore(deadline, 'day')
                ? Promise.reject(new Error(t.challenges.form.deadlineOrder))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="requirements" label={f.requirements}>
        <Input.TextArea rows={5} maxLength={5000} showCount />
      </Form.Item>
    </>
  );
}
