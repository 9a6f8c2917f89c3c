/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, S, V, Z); the last one is a check character
 * computed from the first 17 with weights 3^(i) mod 31.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/**
 * The first character names the registration authority (登记管理部门代码): 1 机构编制, 2 外交, 3 司法行政,
 * 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他.
 */
const registrationAuthorities = '123456789ANY';

export type CreditCodeCheck = { valid: true } | { valid: false; message: string };

/** The check character for the first 17 characters, or null when one of them is not allowed. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * weights[i]!;
  }
  return alphabet.charAt((31 - (sum % 31)) % 31);
}

/** Validates a code and, when it is wrong, says in Chinese which character is wrong. */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) {
    return { valid: false, message: `统一社会信用代码应为18位，当前为${code.length}位` };
  }
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    if (!alphabet.includes(char)) {
      return { valid: false, message: `统一社会信用代码第${i + 1}位“${char}”不是允许的字符（不含I、O、S、V、Z）` };
    }
  }
  if (!registrationAuthorities.includes(code.charAt(0))) {
    return {
      valid: false,
      message: `统一社会信用代码第1位（登记管理部门代码）“${code.charAt(0)}”无效，应为1至9、A、N或Y`,
    };
  }
  for (let i = 2; i < 8; i++) {
    if (!/\d/.test(code.charAt(i))) {
      return { valid: false, message: `统一社会信用代码第${i + 1}位应为数字（行政区划码）` };
    }
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17))!;
  if (expected !== code.charAt(17)) {
    return { valid: false, message: `统一社会信用代码第18位校验码错误：应为“${expected}”，实际为“${code.charAt(17)}”` };
  }
  return { valid: true };
}
