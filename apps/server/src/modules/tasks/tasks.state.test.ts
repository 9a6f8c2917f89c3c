import { describe, expect, it } from 'vitest';
import { daysLate, isTaskLate, statusAfterReport, statusAfterReschedule, taskMoveRefusal } from './tasks.state';

const task = (
  status: Parameters<typeof taskMoveRefusal>[0]['status'],
  extra: { isRecurring?: boolean; deadline?: string | null } = {},
) => ({
  status,
  isRecurring: extra.isRecurring ?? false,
  deadline: extra.deadline === undefined ? '2025-12-31' : extra.deadline,
});

describe('task state machine', () => {
  it('lets a user start, finish and reopen a task', () => {
    expect(taskMoveRefusal(task('not_started'), 'in_progress', 'user', '2024-01-01')).toBeNull();
    expect(taskMoveRefusal(task('in_progress'), 'done', 'user', '2024-01-01')).toBeNull();
    expect(taskMoveRefusal(task('done'), 'in_progress', 'user', '2024-01-01')).toBeNull();
  });

  it('leaves 逾期 to the daily job, and only once the deadline has passed', () => {
    expect(taskMoveRefusal(task('in_progress'), 'overdue', 'user', '2026-01-01')).toMatch(/不能/);
    expect(taskMoveRefusal(task('in_progress'), 'overdue', 'job', '2025-12-31')).toBe('尚未超过完成时限');
    expect(taskMoveRefusal(task('in_progress'), 'overdue', 'job', '2026-01-01')).toBeNull();
    expect(taskMoveRefusal(task('done'), 'overdue', 'job', '2026-01-01')).not.toBeNull();
  });

  it('makes only recurring tasks 持续', () => {
    expect(taskMoveRefusal(task('in_progress'), 'ongoing', 'user', '2024-01-01')).toBe('只有持续性任务才能标为“持续”');
    expect(taskMoveRefusal(task('in_progress', { isRecurring: true }), 'ongoing', 'user', '2024-01-01')).toBeNull();
  });

  it('moves a task on reports: any report starts it, the lead’s 100 % finishes it', () => {
    expect(statusAfterReport(task('not_started'), { percent: 20, byLead: false }, '2024-01-01')).toBe('in_progress');
    expect(statusAfterReport(task('not_started'), { percent: 100, byLead: false }, '2024-01-01')).toBe('in_progress');
    expect(statusAfterReport(task('in_progress'), { percent: 100, byLead: true }, '2024-01-01')).toBe('done');
    expect(statusAfterReport(task('overdue'), { percent: 100, byLead: true }, '2026-03-01')).toBe('done');
    expect(statusAfterReport(task('overdue'), { percent: 60, byLead: true }, '2026-03-01')).toBe('overdue');
    expect(statusAfterReport(task('in_progress', { isRecurring: true }), { percent: 100, byLead: true }, '2024-01-01')).toBe('ongoing');
  });

  it('lifts 逾期 only for a deadline that is not past', () => {
    expect(statusAfterReschedule(task('overdue', { deadline: '2026-06-30' }), true, '2026-03-01')).toBe('in_progress');
    expect(statusAfterReschedule(task('overdue', { deadline: '2026-06-30' }), false, '2026-03-01')).toBe('not_started');
    expect(statusAfterReschedule(task('overdue', { deadline: '2026-01-31' }), true, '2026-03-01')).toBe('overdue');
  });

  it('calls a task late after its deadline unless done or ongoing, and counts the days', () => {
    expect(isTaskLate(task('in_progress'), '2025-12-31')).toBe(false);
    expect(isTaskLate(task('in_progress'), '2026-01-01')).toBe(true);
    expect(isTaskLate(task('done'), '2026-01-01')).toBe(false);
    expect(isTaskLate(task('ongoing', { isRecurring: true }), '2026-01-01')).toBe(false);
    expect(isTaskLate(task('not_started', { deadline: null, isRecurring: true }), '2099-01-01')).toBe(false);
    expect(daysLate(task('overdue'), '2026-01-31')).toBe(31);
  });
});
