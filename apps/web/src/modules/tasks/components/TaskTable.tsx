import type { NamedRef, Task } from '@stip/contracts';
import { Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import '../tasks.css';
import { EditDeleteActions } from '../../../shared/components/EditDeleteActions';
import { t } from '../../../shared/i18n/zh-CN';
import { TaskStatusTag } from './TaskStatusTag';

const fields = t.tasks.fields;

/** "2025年12月前" as the document words it, else the date; 持续推进 when there is none. */
export function deadlineLabel(task: Pick<Task, 'deadline' | 'deadlineText' | 'isRecurring' | 'recurrenceText'>): string {
  const deadline = task.deadlineText ?? task.deadline ?? t.tasks.noDeadline;
  return task.isRecurring && task.recurrenceText && !deadline.includes(task.recurrenceText)
    ? t.tasks.deadlineWithRecurrence(deadline, task.recurrenceText)
    : deadline;
}

const names = (units: NamedRef[]) => (units.length ? t.common.list(units.map((unit) => unit.name)) : t.common.none);

interface TaskTableProps {
  items: Task[] | undefined;
  loading: boolean;
  onEdit?: (task: Task) => void;
  onDelete?: (task: Task) => void;
}

/** The task-decomposition table (重点任务分解表): task, content, units, deadline, status and latest progress. */
export function TaskTable({ items, loading, onEdit, onDelete }: TaskTableProps) {
  return (
    <Table<Task>
      size="small"
      rowKey="id"
      bordered
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t.tasks.empty }}
      rowClassName={(task) => (task.isLate ? 'stip-row-late' : '')}
      data-testid="task-table"
      columns={[
        {
          title: fields.title,
          dataIndex: 'title',
          width: 300,
          render: (title: string, task) => (
            <Space direction="vertical" size={0}>
              <Link to={`/tasks/${task.id}`} data-testid="task-link">
                {title}
              </Link>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: task.content }} style={{ margin: 0, fontSize: 12 }}>
                {task.content}
              </Typography.Paragraph>
            </Space>
          ),
        },
        { title: fields.leadUnits, key: 'leadUnits', width: 170, render: (_: unknown, task) => names(task.leadUnits) },
        {
          title: fields.participantUnits,
          key: 'participantUnits',
          width: 220,
          render: (_: unknown, task) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: names(task.participantUnits) }} style={{ margin: 0 }}>
              {names(task.participantUnits)}
            </Typography.Paragraph>
          ),
        },
        {
          title: fields.deadline,
          key: 'deadline',
          width: 170,
          render: (_: unknown, task) => (
            <Space size={4} wrap>
              <span>{deadlineLabel(task)}</span>
              {task.isRecurring ? <Tag bordered={false}>{t.tasks.recurring}</Tag> : null}
            </Space>
          ),
        },
        {
          title: fields.status,
          key: 'status',
          width: 120,
          render: (_: unknown, task) => <TaskStatusTag status={task.status} isLate={task.isLate} />,
        },
        {
          title: fields.percent,
          dataIndex: 'percent',
          width: 130,
          render: (percent: number | null) =>
            percent === null ? (
              <Typography.Text type="secondary">{t.supervision.noReport}</Typography.Text>
            ) : (
              <Progress percent={percent} size="small" />
            ),
        },
        ...(onEdit || onDelete
          ? [
              {
                title: t.common.actions,
                key: 'actions',
                width: 90,
                render: (_: unknown, task: Task) => (
                  <EditDeleteActions onEdit={onEdit && (() => onEdit(task))} onDelete={onDelete && (() => onDelete(task))} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
