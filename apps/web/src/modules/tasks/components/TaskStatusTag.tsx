import type { TaskStatus } from '@stip/contracts';
import { Space, Tag } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

export const taskStatusTagColor: Record<TaskStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  overdue: 'error',
  ongoing: 'cyan',
};

/** Chart colours of the task statuses, in the same order of meaning as the tags. */
export const taskStatusColor: Record<TaskStatus, string> = {
  not_started: '#b8c2d1',
  in_progress: '#3a7bd5',
  done: '#52a36b',
  overdue: '#d9534f',
  ongoing: '#5fb7b0',
};

/** The task's status, and a red 逾期 beside it when its deadline has passed unfinished (before the daily job marks it). */
export function TaskStatusTag({ status, isLate = false }: { status: TaskStatus; isLate?: boolean }) {
  return (
    <Space size={4} data-testid="task-status">
      <Tag color={taskStatusTagColor[status]} style={{ marginInlineEnd: 0 }}>
        {t.tasks.status[status]}
      </Tag>
      {isLate && status !== 'overdue' ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t.tasks.late}
        </Tag>
      ) : null}
    </Space>
  );
}
