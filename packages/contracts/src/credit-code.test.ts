import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from './credit-code';
import { zCreditCode } from './organizations';

/*
 * Expected check characters worked out by hand: each of the first 17 characters takes its index
 * in 0123456789ABCDEFGHJKLMNPQRTUWXY (A=10, M=21, Y=30, X=29), times the weight 3^i mod 31
 * (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28); the check character is the
 * one at index (31 − sum mod 31) mod 31.
 */
describe('checkCreditCode', () => {
  it('accepts the GB 32100-2015 example 91350100M000100Y43', () => {
    // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10
    // + Y(30)·30 + 4·28 = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → “3”.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ valid: true });
  });

  it('accepts a Dazhou-format enterprise code whose check character is a letter', () => {
    // 91511700MA62A0B1?: 9+3+45+27+19+182+0+0+M(21)·20=420+A(10)·29=290+6·25=150+2·13=26+A(10)·8=80
    // +0+B(11)·10=110+1·30=30+X(29)·28=812 → 2203; 2203 mod 31 = 2; 31 − 2 = 29 → “X”.
    expect(creditCodeCheckCharacter('91511700MA62A0B1X')).toBe('X');
    expect(checkCreditCode('91511700MA62A0B1XX')).toEqual({ valid: true });
  });

  it('accepts a public-institution code (category 12) and lower-case input', () => {
    // 1+6+45+27+19+182+0+0+4·20=80+5·29=145+0+8·13=104+7·8=56+1·24=24+2·10=20+9·30=270+8·28=224
    // → 1203; 1203 mod 31 = 25; 31 − 25 = 6 → “6”.
    expect(creditCodeCheckCharacter('12511700450871298')).toBe('6');
    expect(checkCreditCode('125117004508712986')).toEqual({ valid: true });
    expect(checkCreditCode(' 91511700ma62a0b1xx ')).toEqual({ valid: true });
  });

  it('names position 18 and the expected character when the check character is wrong', () => {
    const result = checkCreditCode('91350100M000100Y44');
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.message).toContain('第18位');
    expect(result.message).toContain('应为“3”');
    expect(result.message).toContain('实际为“4”');
  });

  it.each([
    ['I', 9, '91350100I000100Y43'],
    ['O', 5, '9135O100M000100Y43'],
    ['S', 16, '91350100M000100S43'],
    ['V', 11, '91350100M0V0100Y43'],
    ['Z', 18, '91350100M000100Y4Z'],
  ])('refuses the letter %s and names its position %i', (letter, position, code) => {
    const result = checkCreditCode(code);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.message).toContain(`第${position}位“${letter}”`);
  });

  it('refuses a code of the wrong length, saying how long it is', () => {
    const result = checkCreditCode('91350100M000100Y4');
    expect(result).toEqual({ valid: false, message: '统一社会信用代码应为18位，当前为17位' });
  });

  it('refuses an unknown registering authority and a non-numeric region code', () => {
    const authority = checkCreditCode('01350100M000100Y43');
    expect(authority.valid || authority.message).toContain('第1位');
    const region = checkCreditCode('9135A100M000100Y43');
    expect(region.valid || region.message).toContain('第5位');
  });

  it('validates through zCreditCode with the same message, normalising to upper case', () => {
    expect(zCreditCode.parse('91511700ma62a0b1xx')).toBe('91511700MA62A0B1XX');
    const parsed = zCreditCode.safeParse('91350100M000100Y44');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('第18位校验码错误：应为“3”');
  });
});
