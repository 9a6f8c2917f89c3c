import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from './credit-code';
import { zCreditCode } from './organizations';

/** A valid code: the given first 17 characters and the check character the existing function computes. */
function withCheckCharacter(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17)!;
}

describe('the registration authority (first character, GB 32100-2015)', () => {
  it.each([...'123456789ANY'])('accepts a valid code registered by authority %s', (authority) => {
    const code = withCheckCharacter(`${authority}1511700MA62A0B1X`);
    expect(checkCreditCode(code)).toEqual({ valid: true });
    expect(zCreditCode.parse(code)).toBe(code);
  });

  it('accepts a law firm’s code (司法行政, 3) and a farmers’ co-operative’s (农业, N), in lower case too', () => {
    const lawFirm = withCheckCharacter('31510000MD0123456');
    const coOperative = withCheckCharacter('N2511722MA6B7C8D9');
    expect(checkCreditCode(lawFirm)).toEqual({ valid: true });
    expect(checkCreditCode(coOperative.toLowerCase())).toEqual({ valid: true });
  });

  it.each(['0', 'B', 'M', 'X'])('refuses authority %s, listing the valid ones', (authority) => {
    const code = withCheckCharacter(`${authority}1511700MA62A0B1X`);
    expect(checkCreditCode(code)).toEqual({
      valid: false,
      message: `统一社会信用代码第1位（登记管理部门代码）“${authority}”无效，应为1至9、A、N或Y`,
    });
  });

  it('still names the wrong check character of a code from a newly accepted authority', () => {
    const code = withCheckCharacter('N2511722MA6B7C8D9');
    const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    const result = checkCreditCode(wrong);
    expect(result).toEqual({
      valid: false,
      message: `统一社会信用代码第18位校验码错误：应为“${code.charAt(17)}”，实际为“${wrong.charAt(17)}”`,
    });
  });
});
