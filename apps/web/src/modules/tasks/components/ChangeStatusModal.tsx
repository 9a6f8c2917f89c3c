import { type TaskDetail, type TaskStatus, zChangeTaskStatus } from '@stip/contracts';
import { Form, Input, Modal, Select } from 'antd';
import { isApiError } from '../../../shared/api/client';
import { requiredChoice, schemaRule } from '../../../shared/forms/rules';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useChangeTaskStatus } from '../hooks/useTasks';

/**
 * The statuses a person may move a task to from each status (the server's task state machine decides;
 * this only keeps impossible choices off the list). Nobody marks a task overdue by hand: the daily job does.
 */
function statusChoices(task: TaskDetail): TaskStatus[] {
  const recurring: TaskStatus[] = task.isRecurring ? ['ongoing'] : [];
  switch (task.status) {
    case 'not_started':
      return ['in_progress', 'done', ...recurring];
    case 'in_progress':
    case 'overdue':
      return ['done', ...recurring];
    case 'done':
      return ['in_progress'];
    case 'ongoing':
      return ['done', 'in_progress'];
  }
}

interface StatusFormValues {
  status: TaskStatus;
  note?: string;
}

export function ChangeStatusModal({ task, open, onClose }: { task: TaskDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<StatusFormValues>();
  const change = useChangeTaskStatus();
  const notify = useNotify();
  const fields = t.tasks;

  const submit = (values: StatusFormValues) =>
    change.mutate(
      { id: task.id, body: { status: values.status, version: task.version, note: values.note?.trim() || undefined } },
      {
        onSuccess: () => {
          notify.success(fields.statusChanged);
          onClose();
        },
        // A stale version means someone moved the task meanwhile: the page reloads it, and the user decides again.
        onError: (error) => {
          notify.error(error, form);
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={fields.changeStatusTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      okButtonProps={{ 'data-testid': 'task-status-submit' }}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<StatusFormValues> form={form} layout="vertical" onFinish={submit} clearOnDestroy>
        <Form.Item name="status" label={fields.fields.status} rules={[requiredChoice(fields.fields.status)]}>
          <Select
            options={statusChoices(task).map((status) => ({ value: status, label: fields.status[status] }))}
            data-testid="task-status-select"
          />
        </Form.Item>
        <Form.Item name="note" label={fields.statusNote} rules={[schemaRule(zChangeTaskStatus.shape.note)]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
