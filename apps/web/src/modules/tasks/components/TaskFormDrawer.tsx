import { type Plan, type Target, type Task, taskDefinitionProblems, zCreateTask } from '@stip/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { requiredChoice, requiredText, schemaRule, toDateString, toNullableText } from '../../../shared/forms/rules';
import { EditDrawer } from '../../../shared/components/EditDrawer';
import { useSaveOutcome } from '../../../shared/hooks/useSaveOutcome';
import { t } from '../../../shared/i18n/zh-CN';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect';
import { useCreateTask, useUpdateTask } from '../hooks/useTasks';

interface TaskFormValues {
  title: string;
  content: string;
  leadUnitIds: string[];
  participantUnitIds: string[];
  deadline?: Dayjs | null;
  deadlineText?: string;
  isRecurring: boolean;
  recurrenceText?: string;
  targetIds: string[];
  sortOrder?: number;
}

const fields = t.tasks.fields;
const shape = zCreateTask.shape;

function initialValuesOf(task: Task | null): Partial<TaskFormValues> {
  if (!task) return { leadUnitIds: [], participantUnitIds: [], isRecurring: false, targetIds: [] };
  return {
    title: task.title,
    content: task.content,
    leadUnitIds: task.leadUnits.map((unit) => unit.id),
    participantUnitIds: task.participantUnits.map((unit) => unit.id),
    deadline: task.deadline ? dayjs(task.deadline) : null,
    deadlineText: task.deadlineText ?? undefined,
    isRecurring: task.isRecurring,
    recurrenceText: task.recurrenceText ?? undefined,
    targetIds: task.targets.map((target) => target.id),
    sortOrder: task.sortOrder,
  };
}

interface TaskFormDrawerProps {
  plan: Plan;
  /** The plan's targets, any of which the task may serve. */
  targets: Target[];
  /** `null` closed, `'new'` to add a row to the task table, or the task to edit. */
  task: Task | 'new' | null;
  onClose: () => void;
  onReload?: () => Promise<Task | undefined>;
}

/** Adds or edits a row of the plan's task table: its lead and participating units, deadline or recurrence, and targets. */
export function TaskFormDrawer({ plan, targets, task, onClose, onReload }: TaskFormDrawerProps) {
  const [form] = Form.useForm<TaskFormValues>();
  const create = useCreateTask();
  const update = useUpdateTask();
  const { conflict, clearConflict, callbacks: saveCallbacks } = useSaveOutcome(form);
  const [reloading, setReloading] = useState(false);
  const editing = task && task !== 'new' ? task : null;
  const isRecurring = Form.useWatch('isRecurring', form);

  const close = () => {
    clearConflict();
    onClose();
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload?.();
      if (fresh) {
        form.resetFields();
        form.setFieldsValue(initialValuesOf(fresh));
      }
      clearConflict();
    } finally {
      setReloading(false);
    }
  };

  const submit = (values: TaskFormValues) => {
    const body = {
      title: values.title.trim(),
      content: values.content.trim(),
      leadUnitIds: values.leadUnitIds ?? [],
      participantUnitIds: values.participantUnitIds ?? [],
      deadline: toDateString(values.deadline),
      deadlineText: toNullableText(values.deadlineText),
      isRecurring: !!values.isRecurring,
      recurrenceText: values.isRecurring ? toNullableText(values.recurrenceText) : null,
      targetIds: values.targetIds ?? [],
      sortOrder: values.sortOrder,
    };
    const problems = taskDefinitionProblems(body);
    if (problems.length) {
      form.setFields(problems.map((problem) => ({ name: problem.field as keyof TaskFormValues, errors: [problem.message] })));
      return;
    }
    const callbacks = saveCallbacks(editing !== null, () => {
      close();
    });
    if (editing) update.mutate({ id: editing.id, body: { ...body, version: editing.version } }, callbacks);
    else create.mutate({ planId: plan.id, body }, callbacks);
  };

  return (
    <EditDrawer
      open={!!task}
      title={editing ? t.tasks.editTitle : t.tasks.createTitle}
      width={760}
      onClose={close}
      onSave={() => form.submit()}
      saving={create.isPending || update.isPending}
      conflict={conflict}
      onReload={() => void reload()}
      reloading={reloading}
      saveTestId="task-form-submit"
    >
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValuesOf(editing)}
        clearOnDestroy
        scrollToFirstError
        data-testid="task-form"
      >
        <Form.Item name="title" label={fields.title} rules={[requiredText(fields.title), schemaRule(shape.title)]}>
          <Input maxLength={200} autoFocus data-testid="task-form-title" />
        </Form.Item>
        <Form.Item name="content" label={fields.content} rules={[requiredText(fields.content), schemaRule(shape.content)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="task-form-content" />
        </Form.Item>
        <Form.Item name="leadUnitIds" label={fields.leadUnits} rules={[requiredChoice(fields.leadUnits)]}>
          <OrganizationSelect
            mode="multiple"
            known={editing?.leadUnits}
            placeholder={t.tasks.unitsPlaceholder}
            data-testid="task-form-lead-units"
          />
        </Form.Item>
        <Form.Item name="participantUnitIds" label={fields.participantUnits}>
          <OrganizationSelect
            mode="multiple"
            known={editing?.participantUnits}
            placeholder={t.tasks.unitsPlaceholder}
            data-testid="task-form-participant-units"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="deadline" label={fields.deadlineDate}>
              <DatePicker style={{ width: '100%' }} data-testid="task-form-deadline" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deadlineText" label={fields.deadlineText} rules={[schemaRule(shape.deadlineText)]}>
              <Input maxLength={60} placeholder={t.tasks.deadlineTextPlaceholder} data-testid="task-form-deadline-text" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isRecurring" label={fields.isRecurring} valuePropName="checked">
              <Switch data-testid="task-form-recurring" />
            </Form.Item>
          </Col>
          {isRecurring ? (
            <Col xs={24} md={12}>
              <Form.Item name="recurrenceText" label={fields.recurrenceText} rules={[schemaRule(shape.recurrenceText)]}>
                <Input maxLength={60} placeholder={t.tasks.recurrenceTextPlaceholder} data-testid="task-form-recurrence-text" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item name="targetIds" label={fields.targets}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={targets.map((target) => ({ value: target.id, label: target.subject }))}
            data-testid="task-form-targets"
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={fields.sortOrder}>
          <InputNumber min={0} max={9999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </EditDrawer>
  );
}
