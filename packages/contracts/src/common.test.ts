import { describe, expect, it } from 'vitest';
import { zDate, zName, zText } from './common';
import { zLogin } from './accounts';

describe('shared input types', () => {
  it('accepts real calendar dates from 1900 to 2200 only', () => {
    for (const good of ['1900-01-01', '2024-02-29', '2200-12-31']) expect(zDate.safeParse(good).success, good).toBe(true);
    for (const bad of ['0000-01-01', '0001-01-01', '1899-12-31', '2201-01-01', '9999-12-31', '2023-02-29', '2024-13-01'])
      expect(zDate.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses NUL and lone UTF-16 surrogates in text, keeps paired ones (emoji, rare characters)', () => {
    for (const bad of ['a\u0000b', '\uD800', 'x\uDC00y', '\uDBFF\uDBFF', '\uDC00\uD800'])
      expect(zText(100).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const good of ['平台😀', '𠀀字', '第一行\n第二行\t制表']) expect(zName().safeParse(good).success, good).toBe(true);
  });

  it('refuses a login name with NUL before it reaches the database', () => {
    expect(zLogin.safeParse({ username: 'admin\u0000', password: 'x' }).success).toBe(false);
    expect(zLogin.safeParse({ username: ' admin ', password: 'x' }).data?.username).toBe('admin');
  });
});
