import type { Lead } from '@stip/contracts';
import { describe, expect, it } from 'vitest';
import { leadSides } from './leadNames';

const base: Lead = {
  id: '00000000-0000-4000-8000-000000000001',
  demand: null,
  achievement: null,
  expert: null,
  platform: null,
  organization: null,
  region: { id: '00000000-0000-4000-8000-000000000002', name: '达川区' },
  status: 'new',
  score: 80,
  reasons: [],
  note: null,
  createdBy: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  contracts: [],
  events: [],
  isDemo: false,
  version: 1,
};
const ref = (name: string) => ({ id: '00000000-0000-4000-8000-000000000003', name });

describe('the two sides of a lead', () => {
  it('names the demand as the subject and the achievement, expert or platform as the counterpart', () => {
    expect(leadSides({ ...base, demand: ref('玄武岩纤维需求'), achievement: ref('玄武岩纤维成果') })).toMatchObject({
      subject: '玄武岩纤维需求',
      subjectPath: '/demands/00000000-0000-4000-8000-000000000003',
      counterpart: '成果：玄武岩纤维成果',
    });
    expect(leadSides({ ...base, demand: ref('需求'), expert: ref('张教授') }).counterpart).toBe('专家：张教授');
  });

  it('names the achievement as the subject when the counterpart is an enterprise, without the demo mark', () => {
    expect(leadSides({ ...base, achievement: ref('成果（演示）'), organization: ref('达钢集团') })).toMatchObject({
      subject: '成果',
      subjectPath: '/achievements/00000000-0000-4000-8000-000000000003',
      counterpart: '企业：达钢集团',
    });
  });
});
