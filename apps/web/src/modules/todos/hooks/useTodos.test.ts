import { describe, expect, it } from 'vitest';
import type { TodoList } from '@stip/contracts';
import { countTodos, daysUntil } from './useTodos';

const list: TodoList = {
  items: [
    { kind: 'task_report', title: '甲', path: '/tasks/1', dueOn: '2026-12-01', subjectId: '1' },
    { kind: 'annual_report_file', title: '乙', path: '/annual-reports/2', dueOn: null, subjectId: '2' },
    { kind: 'task_report', title: '丙', path: '/tasks/3', dueOn: '2026-12-09', subjectId: '3' },
  ],
  total: 3,
};

describe('countTodos', () => {
  it('counts the items of the kinds a menu entry stands for', () => {
    expect(countTodos(list, ['task_report'])).toBe(2);
    expect(countTodos(list, ['task_report', 'annual_report_file'])).toBe(3);
    expect(countTodos(list, ['panel_score'])).toBe(0);
  });
  it('counts nothing before the list has loaded or for an entry without kinds', () => {
    expect(countTodos(undefined, ['task_report'])).toBe(0);
    expect(countTodos(list, undefined)).toBe(0);
  });
});

describe('daysUntil', () => {
  it('gives whole calendar days, negative once the day has passed, across month ends', () => {
    expect(daysUntil('2026-12-09', '2026-12-04')).toBe(5);
    expect(daysUntil('2026-12-04', '2026-12-04')).toBe(0);
    expect(daysUntil('2026-11-30', '2026-12-02')).toBe(-2);
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(1);
  });
});
