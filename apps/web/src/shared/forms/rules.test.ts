import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { zCreatePlan } from '@stip/contracts';
import { schemaRule, toDateString, toNullableText } from './rules';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const validate = (value: unknown) => (schemaRule(zCreatePlan.shape.title) as { validator: Validator }).validator({}, value);

describe('form mapping', () => {
  it('sends a picked date as YYYY-MM-DD and an empty picker as null', () => {
    expect(toDateString(dayjs('2025-03-08T23:30:00'))).toBe('2025-03-08');
    expect(toDateString(null)).toBeNull();
    expect(toDateString(undefined)).toBeNull();
  });

  it('sends trimmed text, and null for a field left empty or blank', () => {
    expect(toNullableText('  科发〔2025〕1号 ')).toBe('科发〔2025〕1号');
    expect(toNullableText('   ')).toBeNull();
    expect(toNullableText(undefined)).toBeNull();
  });
});

describe('schemaRule', () => {
  it('passes a value the contract accepts and an empty one (required is a separate rule)', async () => {
    await expect(validate('2025年科技创新工作要点')).resolves.toBeUndefined();
    await expect(validate('')).resolves.toBeUndefined();
  });

  it('fails with the contract’s Chinese message', async () => {
    await expect(validate('长'.repeat(1000))).rejects.toThrow(/不能超过\d+个字符/);
  });
});
