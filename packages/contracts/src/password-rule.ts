/**
 * The password rule (等保 level 3 practice), one pure function used by the server for setup, change-password and
 * resets, and by the web forms. The server adds what only it has: the shipped common-password list and the hashes
 * of the account's last passwords.
 */
export const passwordMinLength = 10;
export const passwordMaxLength = 200;
/** A new password may not repeat any of the account's last this many passwords (the current one included). */
export const passwordHistoryDepth = 5;

/** The rule as a user reads it under a password field. */
export const passwordRuleText = `至少${passwordMinLength}位，须包含小写字母、大写字母、数字、符号中的至少三类，不能包含用户名，不能是常见密码或最近${passwordHistoryDepth}次用过的密码`;

/** How many of the four classes (lower-case, upper-case, digit, symbol) the password uses. */
export function countCharacterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) => pattern.test(password)).length;
}

export const passwordClassesMessage = '密码须包含小写字母、大写字母、数字、符号中的至少三类';

export interface PasswordRuleContext {
  /** The account's username: the password may not contain it (case-insensitive). */
  username?: string;
  /** Lower-cased common passwords; the server passes the shipped list, the web app none. */
  commonPasswords?: ReadonlySet<string>;
}

/** Everything wrong with `password` under the rule, in Chinese; empty when it is allowed. */
export function findPasswordProblems(password: string, context: PasswordRuleContext = {}): string[] {
  const problems: string[] = [];
  if (password.length < passwordMinLength) problems.push(`密码至少${passwordMinLength}位`);
  if (password.length > passwordMaxLength) problems.push(`密码不能超过${passwordMaxLength}位`);
  if (countCharacterClasses(password) < 3) problems.push(passwordClassesMessage);
  const username = context.username?.trim().toLowerCase();
  if (username && password.toLowerCase().includes(username)) problems.push('密码不能包含用户名');
  if (context.commonPasswords?.has(password.toLowerCase())) problems.push('该密码过于常见，请换一个');
  return problems;
}
