import { describe, expect, it } from 'vitest';
import { countCharacterClasses, findPasswordProblems } from './password-rule';

describe('the password rule', () => {
  it('refuses a long password of one letter and one digit (two classes)', () => {
    expect(findPasswordProblems('aaaaaaaaa1')).toEqual(['密码须包含小写字母、大写字母、数字、符号中的至少三类']);
  });

  it('refuses fewer than 10 characters even with all four classes', () => {
    expect(findPasswordProblems('Ab1!xyz')).toEqual(['密码至少10位']);
  });

  it('accepts 10 characters of three classes', () => {
    expect(findPasswordProblems('abcdefgh1!')).toEqual([]);
    expect(findPasswordProblems('Abcdefghi1')).toEqual([]);
    expect(findPasswordProblems('ABCDEFGH1!')).toEqual([]);
  });

  it('counts lower, upper, digit and symbol (any non-alphanumeric, Chinese included) as the four classes', () => {
    expect(countCharacterClasses('abc')).toBe(1);
    expect(countCharacterClasses('aB')).toBe(2);
    expect(countCharacterClasses('aB3')).toBe(3);
    expect(countCharacterClasses('aB3-')).toBe(4);
    expect(countCharacterClasses('科技a1')).toBe(3);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(findPasswordProblems('Zhangsan-2025', { username: 'zhangsan' })).toEqual(['密码不能包含用户名']);
    expect(findPasswordProblems('my-ZHANGSAN-1', { username: 'ZhangSan' })).toEqual(['密码不能包含用户名']);
    expect(findPasswordProblems('my-lisi-pass-1', { username: 'zhangsan' })).toEqual([]);
  });

  it('refuses a password on the common list, whatever the case', () => {
    const commonPasswords = new Set(['p@ssw0rd123']);
    expect(findPasswordProblems('P@ssw0rd123', { commonPasswords })).toEqual(['该密码过于常见，请换一个']);
  });

  it('keeps the demo password valid', () => {
    expect(findPasswordProblems('stip-demo-2025', { username: 'sysadmin' })).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(findPasswordProblems('admin', { username: 'admin' })).toHaveLength(3);
  });
});
