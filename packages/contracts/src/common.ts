import { z } from 'zod';

export const zId = z.uuid({ message: '编号格式不正确' });
export const zIdParams = z.object({ id: zId });

/** The years a date may name: wide enough for any founding date or plan horizon, narrow enough for PostgreSQL and JavaScript alike. */
export const minDateYear = 1900;
export const maxDateYear = 2200;

/** ISO calendar date, YYYY-MM-DD, that actually exists, in the years 1900–2200. */
export const zDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, '日期不存在')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= minDateYear && year <= maxDateYear;
  }, `日期年份应在${minDateYear}至${maxDateYear}年之间`);

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** A UTF-16 surrogate without its pair: no character at all, and PostgreSQL refuses it in text and JSON (NUL too). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const zLimit = z.coerce.number().int().min(1).max(500).default(50);
export const zOffset = z.coerce.number().int().min(0).max(10_000_000).default(0);
export const zPageQuery = z.object({ limit: zLimit, offset: zOffset });

/** Free text typed by a user: trimmed, bounded, no control characters (NUL included) and no lone UTF-16 surrogates. */
export const zText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过${max}个字符` })
    .refine((value) => !controlCharacters.test(value), '含有不可见的控制字符')
    .refine((value) => !loneSurrogate.test(value), '含有无法识别的字符（不完整的编码）');
export const zName = (max = 200) => zText(max).min(1, { message: '不能为空' });

/** A telephone number as typed (digits, +, -, parentheses and spaces, 5–30 characters), or empty. */
export const zPhone = zText(30).refine((value) => value === '' || /^[0-9+\-() ]{5,30}$/.test(value), '电话号码格式不正确');
/** An e-mail address, or empty. */
export const zEmail = zText(100).refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), '邮箱格式不正确');

export const zVersion = z.number().int().min(1);

export interface Page<T> {
  items: T[];
  total: number;
}
export const zPage = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** A comma-separated or repeated query value, e.g. `?status=operating,constructing`. */
export const zCsv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(100));

export const zBooleanQuery = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const zOk = z.object({ ok: z.literal(true) });
