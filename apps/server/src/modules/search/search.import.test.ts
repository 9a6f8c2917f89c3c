import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/test-db';
import { achievements } from '../../db/schema/index';
import { systemContext } from '../../shared/context';
import { importAchievementsJsonl, searchRecords } from './index';

const handle = await createTestDb();
const ctx = systemContext(handle.db);
const dir = mkdtempSync(path.join(tmpdir(), 'stip-jsonl-'));
const write = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
};
const line = (id: string, title: string, extra: object = {}) =>
  JSON.stringify({ id, title, abstract: `${title}的摘要。`, keywords: ['独有关键词甲'], discipline: '材料', ...extra });

describe('stip achievements import', () => {
  it('inserts published jsonl rows, then updates only changed ones and skips the rest (idempotent on the id); one audit record per batch', async () => {
    const first = write('a.jsonl', [line('x-1', '不溶性硫磺连续化生产'), line('x-2', '天然气提氦'), line('x-3', '苎麻生物脱胶')]);
    const summary = await importAchievementsJsonl(ctx, first, { batchSize: 2, dataSource: '测试来源' });
    expect(summary).toMatchObject({ lines: 3, inserted: 3, updated: 0, skipped: 0, invalid: [] });
    const [row] = await handle.db.select().from(achievements).where(eq(achievements.externalId, 'x-1'));
    expect(row).toMatchObject({ status: 'published', source: 'jsonl', dataSource: '测试来源', isDemo: false });
    const audits = await handle.db.execute(sql`select count(*)::int as n from audit_log where action = 'achievement.import'`);
    expect((audits as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);

    const second = write('b.jsonl', [line('x-1', '不溶性硫磺连续化生产'), line('x-2', '天然气提氦新工艺'), line('x-3', '苎麻生物脱胶')]);
    expect(await importAchievementsJsonl(ctx, second, { dataSource: '测试来源' })).toMatchObject({ inserted: 0, updated: 1, skipped: 2 });
    const page = await searchRecords(handle.db, 'achievement', { q: '提氦新工艺', limit: 5, offset: 0 });
    expect(page.items[0]?.title).toBe('天然气提氦新工艺');
  });

  it('reports invalid lines without stopping, and lets the later of two lines with one id win', async () => {
    const file = write('c.jsonl', ['{not json', JSON.stringify({ id: 'y-1' }), line('y-2', '第一稿'), line('y-2', '第二稿'), '']);
    const summary = await importAchievementsJsonl(ctx, file);
    expect(summary.invalid.map((invalid) => invalid.line)).toEqual([1, 2]);
    const [row] = await handle.db.select().from(achievements).where(eq(achievements.externalId, 'y-2'));
    expect(row?.title).toBe('第二稿');
  });

  it('leaves keywords out of the index with --no-keywords, and indexes them otherwise', async () => {
    await importAchievementsJsonl(ctx, write('d.jsonl', [line('z-1', '页岩气压裂', { keywords: ['碲化镉'] })]), { indexKeywords: false });
    await importAchievementsJsonl(ctx, write('e.jsonl', [line('z-2', '锂电池回收', { keywords: ['钙钛矿'] })]));
    expect((await searchRecords(handle.db, 'achievement', { q: '碲化镉', limit: 5, offset: 0 })).total).toBe(0);
    expect((await searchRecords(handle.db, 'achievement', { q: '钙钛矿', limit: 5, offset: 0 })).total).toBe(1);
  });
});
