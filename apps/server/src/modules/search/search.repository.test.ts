import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/test-db';
import { achievements } from '../../db/schema/index';
import { contentTerms, refreshSearchVectors, searchRecords } from './index';

const { db } = await createTestDb();

async function addAchievement(title: string, abstract: string, status: 'draft' | 'published' = 'published') {
  const [row] = await db.insert(achievements).values({ title, abstract, status }).returning({ id: achievements.id });
  await refreshSearchVectors(db, 'achievement', [row!.id]);
  return row!.id;
}

describe('search', () => {
  it('keeps domain words whole and drops stop words', async () => {
    const terms = await contentTerms('我们需要一种提高玄武岩纤维强度的工艺');
    expect(terms).toContain('玄武岩纤维');
    expect(terms).not.toContain('的');
  });

  it('finds a record by a sentence, ranks the title match first and marks the matched terms', async () => {
    const fibre = await addAchievement('连续玄武岩纤维拉丝工艺', '本成果提高了纤维强度。');
    await addAchievement('页岩气压裂液', '一种用于页岩气开采的压裂液，兼顾纤维素增稠。');
    const page = await searchRecords(db, 'achievement', { q: '提高玄武岩纤维强度的工艺', limit: 10, offset: 0, statuses: ['published'] });
    expect(page.items[0]?.id).toBe(fibre);
    expect(page.items[0]?.highlighted).toContain('<mark>');
  });

  it('leaves out records in a status the caller did not ask for', async () => {
    const draft = await addAchievement('不溶性硫磺连续化生产', '草稿成果。', 'draft');
    const page = await searchRecords(db, 'achievement', { q: '不溶性硫磺', limit: 10, offset: 0, statuses: ['published'] });
    expect(page.items.map((item) => item.id)).not.toContain(draft);
    expect(page.total).toBe(0);
  });
});
