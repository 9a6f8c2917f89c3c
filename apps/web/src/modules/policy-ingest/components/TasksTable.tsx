import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { toDateString } from '../../../shared/forms/rules';
import { t } from '../../../shared/i18n/zh-CN';
import type { DraftTask, DraftUnit } from '../draft';

const text = t.ingest.review;

interface TasksTableProps {
  tasks: DraftTask[];
  units: Record<string, DraftUnit>;
  focusKey: string | null;
  onChange: (key: string, next: DraftTask) => void;
  onDrop: (key: string) => void;
  onAdd: () => void;
  onFocus: (key: string) => void;
}

/** A unit name's colour says how it maps: green matched, blue created, grey left out, orange still open. */
function unitColor(unit: DraftUnit | undefined): string {
  if (!unit) return 'orange';
  if (unit.action === 'ignore') return 'default';
  if (unit.action === 'create') return 'blue';
  return unit.organizationIds.length ? 'green' : 'orange';
}

function UnitNames({
  value,
  units,
  placeholder,
  onChange,
  testId,
}: {
  value: string[];
  units: Record<string, DraftUnit>;
  placeholder: string;
  onChange: (names: string[]) => void;
  testId: string;
}) {
  return (
    <Select
      mode="tags"
      size="small"
      value={value}
      options={Object.keys(units).map((name) => ({ value: name, label: name }))}
      tokenSeparators={t.common.tagSeparators}
      onChange={(names: string[]) => onChange(names.map((name) => name.trim()).filter(Boolean))}
      placeholder={placeholder}
      style={{ width: '100%' }}
      tagRender={({ value: name, closable, onClose }) => (
        <Tag color={unitColor(units[String(name)])} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
          {String(name)}
        </Tag>
      )}
      data-testid={testId}
    />
  );
}

/** The proposed tasks, each editable: title, content, lead and participating units, deadline. */
export function TasksTable({ tasks, units, focusKey, onChange, onDrop, onAdd, onFocus }: TasksTableProps) {
  const columns: ColumnsType<DraftTask> = [
    { title: text.columns.index, key: 'index', width: 44, render: (_value, _task, index) => index + 1 },
    {
      title: text.columns.title,
      key: 'title',
      width: 280,
      render: (_value, task) => (
        <Flex vertical gap={6}>
          <Input
            value={task.title}
            maxLength={200}
            onChange={(event) => onChange(task.key, { ...task, title: event.target.value })}
            aria-label={text.columns.title}
            data-testid="ingest-task-title"
          />
          <Input.TextArea
            value={task.content}
            autoSize={{ minRows: 1, maxRows: 5 }}
            maxLength={5000}
            onChange={(event) => onChange(task.key, { ...task, content: event.target.value })}
            aria-label={text.columns.content}
            placeholder={text.columns.content}
          />
        </Flex>
      ),
    },
    {
      title: `${text.columns.lead} / ${text.columns.participants}`,
      key: 'units',
      width: 220,
      render: (_value, task) => (
        <Flex vertical gap={6}>
          <UnitNames
            value={task.lead}
            units={units}
            placeholder={text.leadPlaceholder}
            onChange={(lead) => onChange(task.key, { ...task, lead })}
            testId="ingest-task-lead"
          />
          <UnitNames
            value={task.participants}
            units={units}
            placeholder={text.participantPlaceholder}
            onChange={(participants) => onChange(task.key, { ...task, participants })}
            testId="ingest-task-participants"
          />
        </Flex>
      ),
    },
    {
      title: text.columns.taskDeadline,
      key: 'deadline',
      width: 150,
      render: (_value, task) => (
        <Flex vertical gap={4}>
          <DatePicker
            size="small"
            value={task.deadline ? dayjs(task.deadline) : null}
            onChange={(value) => onChange(task.key, { ...task, deadline: toDateString(value) })}
            placeholder={task.isRecurring ? text.recurring : text.deadlineDefault}
            style={{ width: 134 }}
          />
          <Checkbox checked={task.isRecurring} onChange={(event) => onChange(task.key, { ...task, isRecurring: event.target.checked })}>
            {text.recurring}
          </Checkbox>
          {task.deadlineText || task.recurrenceText ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[task.deadlineText, task.recurrenceText].filter(Boolean).join('，')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: text.columns.actions,
      key: 'actions',
      width: 52,
      fixed: 'right',
      render: (_value, task) => (
        <Button
          type="link"
          danger
          size="small"
          icon={<DeleteOutlined />}
          onClick={() => onDrop(task.key)}
          aria-label={text.drop}
          data-testid="ingest-task-drop"
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Table<DraftTask>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={tasks}
        pagination={false}
        scroll={{ x: 746 }}
        locale={{ emptyText: text.emptyTasks }}
        rowClassName={(task) => (task.key === focusKey ? 'stip-ingest-row-active' : '')}
        onRow={(task) =>
          ({
            onMouseEnter: () => onFocus(task.key),
            onFocus: () => onFocus(task.key),
            'data-testid': 'ingest-task-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="ingest-tasks"
      />
      <Button icon={<PlusOutlined />} onClick={onAdd} style={{ alignSelf: 'flex-start' }} data-testid="ingest-task-add">
        {text.addTask}
      </Button>
    </Flex>
  );
}
