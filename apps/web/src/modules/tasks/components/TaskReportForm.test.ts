import { describe, expect, it } from 'vitest';
import type { TaskDetail } from '@stip/contracts';
import { latestUnitPercent } from './TaskReportForm';

const report = (unitId: string, percent: number, reportedAt: string): TaskDetail['reports'][number] => ({
  id: `${unitId}-${reportedAt}`,
  taskId: 'task',
  unit: { id: unitId, name: unitId, role: 'participant' },
  text: '进展',
  percent,
  reportedBy: null,
  reportedAt,
  attachments: [],
});

describe('latestUnitPercent', () => {
  it('starts from the unit’s newest report, whatever order the reports come in', () => {
    const reports = [
      report('xuanhan', 40, '2026-11-01T02:00:00.000Z'),
      report('xuanhan', 60, '2026-12-04T02:00:00.000Z'),
      report('bureau', 90, '2026-12-05T02:00:00.000Z'),
    ];
    expect(latestUnitPercent({ reports }, 'xuanhan')).toBe(60);
    expect(latestUnitPercent({ reports: [...reports].reverse() }, 'xuanhan')).toBe(60);
    expect(latestUnitPercent({ reports }, 'bureau')).toBe(90);
  });

  it('has no figure for a unit that has not reported yet', () => {
    expect(latestUnitPercent({ reports: [report('bureau', 90, '2026-12-05T02:00:00.000Z')] }, 'xuanhan')).toBeNull();
    expect(latestUnitPercent({ reports: [] }, undefined)).toBeNull();
  });
});
