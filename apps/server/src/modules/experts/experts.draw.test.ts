import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConflictFacts,
  type DrawCandidate,
  drawPanel,
  drawReplacement,
  exclusionOf,
  fieldsMatch,
  normalizeTerm,
  seededRandom,
} from './experts.draw';

const organizations = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'];
const fieldNames = ['人工智能', '新材料', '生物医药', '天然气', '钢铁冶金'];
const personNames = ['张三', '李四', '王五', '赵六', '孙七', '周八'];

const candidate = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom(...personNames),
  organizationId: fc.constantFrom(...organizations),
  fields: fc.subarray(fieldNames, { minLength: 1 }),
  suspended: fc.boolean(),
  panelsThisYear: fc.integer({ min: 0, max: 7 }),
});
const pool = fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 40 });
const facts = fc.record({
  applicantOrganizationId: fc.constantFrom(...organizations),
  coBuilderIds: fc.subarray(organizations, { maxLength: 2 }),
  recentPartnerIds: fc.subarray(organizations, { maxLength: 3 }),
  collaboratorNames: fc.subarray(personNames, { maxLength: 2 }),
  technicalFields: fc.subarray(fieldNames, { minLength: 1, maxLength: 3 }),
  yearlyCap: fc.integer({ min: 1, max: 6 }),
});
const seed = fc.string({ minLength: 1, maxLength: 16 });
const size = fc.integer({ min: 1, max: 8 });

/** Independently of the implementation: whether a candidate is conflicted, capped or suspended. */
function isRuledOut(c: DrawCandidate, f: ConflictFacts): boolean {
  return (
    c.organizationId === f.applicantOrganizationId ||
    f.coBuilderIds.includes(c.organizationId) ||
    f.recentPartnerIds.includes(c.organizationId) ||
    f.collaboratorNames.includes(c.name) ||
    c.panelsThisYear >= f.yearlyCap ||
    c.suspended
  );
}

describe('the panel draw (property tests over generated pools)', () => {
  it('never draws a conflicted, capped, suspended or non-matching expert', () => {
    fc.assert(
      fc.property(pool, facts, size, seed, (candidates, f, n, s) => {
        const outcome = drawPanel(candidates, f, n, s);
        if (!outcome.ok) return;
        for (const drawn of outcome.drawn) {
          expect(isRuledOut(drawn, f)).toBe(false);
          expect(drawn.panelsThisYear).toBeLessThan(f.yearlyCap);
          expect(fieldsMatch(drawn.fields, f.technicalFields)).toBe(true);
        }
        expect(new Set(outcome.drawn.map((d) => d.id)).size).toBe(n);
      }),
    );
  });

  it('lists every field-matching expert it rules out, with a reason, and only those', () => {
    fc.assert(
      fc.property(pool, facts, size, seed, (candidates, f, n, s) => {
        const outcome = drawPanel(candidates, f, n, s);
        const expected = candidates.filter((c) => fieldsMatch(c.fields, f.technicalFields) && isRuledOut(c, f)).map((c) => c.id);
        expect(outcome.excluded.map((e) => e.expertId).sort()).toEqual(expected.sort());
        for (const entry of outcome.excluded) expect(entry.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('gives the same panel for the same seed, whatever the order of the pool', () => {
    fc.assert(
      fc.property(pool, facts, size, seed, (candidates, f, n, s) => {
        const first = drawPanel(candidates, f, n, s);
        const second = drawPanel([...candidates].reverse(), f, n, s);
        expect(second.ok).toBe(first.ok);
        if (first.ok && second.ok) expect(second.drawn.map((d) => d.id)).toEqual(first.drawn.map((d) => d.id));
      }),
    );
  });

  it('refuses when too few qualify, and never relaxes the rules', () => {
    fc.assert(
      fc.property(pool, facts, size, seed, (candidates, f, n, s) => {
        const qualified = candidates.filter((c) => fieldsMatch(c.fields, f.technicalFields) && !isRuledOut(c, f)).length;
        const outcome = drawPanel(candidates, f, n, s);
        expect(outcome.ok).toBe(qualified >= n);
        if (!outcome.ok) {
          expect(outcome.qualified).toBe(qualified);
          expect(outcome.needed).toBe(n);
        }
      }),
    );
  });

  it('fills a vacated seat with a qualified expert not already on the panel', () => {
    fc.assert(
      fc.property(pool, facts, size, seed, (candidates, f, n, s) => {
        const outcome = drawPanel(candidates, f, n, s);
        if (!outcome.ok) return;
        const taken = new Set(outcome.drawn.map((d) => d.id));
        const next = drawReplacement(candidates, f, s, taken);
        const remaining = outcome.order.length - n;
        if (remaining === 0) expect(next).toBeNull();
        else {
          expect(next).not.toBeNull();
          expect(taken.has(next!.id)).toBe(false);
          expect(isRuledOut(next!, f)).toBe(false);
        }
      }),
    );
  });
});

describe('draw rules', () => {
  const base: ConflictFacts = {
    applicantOrganizationId: 'applicant',
    coBuilderIds: ['cobuilder'],
    recentPartnerIds: ['partner'],
    collaboratorNames: ['张 三'],
    technicalFields: ['人工智能'],
    yearlyCap: 5,
  };
  const expert = (values: Partial<DrawCandidate>): DrawCandidate => ({
    id: 'e',
    name: '李四',
    organizationId: 'elsewhere',
    fields: ['人工智能'],
    suspended: false,
    panelsThisYear: 0,
    ...values,
  });

  it('matches fields ignoring case, spaces and full-width forms', () => {
    expect(fieldsMatch(['人工 智能'], ['人工智能'])).toBe(true);
    expect(fieldsMatch(['ＡＩ'], ['ai'])).toBe(true);
    expect(fieldsMatch(['新材料'], ['人工智能'])).toBe(false);
    expect(normalizeTerm(' Big Data ')).toBe('bigdata');
  });

  it('names each reason in Chinese, conflicts first', () => {
    expect(exclusionOf(expert({ organizationId: 'applicant', suspended: true }), base)?.reason).toBe('同单位');
    expect(exclusionOf(expert({ organizationId: 'cobuilder' }), base)?.reason).toBe('共建单位');
    expect(exclusionOf(expert({ organizationId: 'partner' }), base)?.reason).toBe('近三年合作');
    expect(exclusionOf(expert({ name: '张三' }), base)?.reason).toBe('申报合作者');
    expect(exclusionOf(expert({ panelsThisYear: 5 }), base)?.reason).toBe('已达年度评审上限');
    expect(exclusionOf(expert({ panelsThisYear: 4 }), base)).toBeNull();
    expect(exclusionOf(expert({ suspended: true }), base)?.reason).toBe('已暂停');
  });

  it('has a seeded generator that repeats', () => {
    const a = seededRandom('abc');
    const b = seededRandom('abc');
    const c = seededRandom('abd');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });
});
