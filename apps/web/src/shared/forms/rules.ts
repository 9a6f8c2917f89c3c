import type { FormRule as Rule } from 'antd';
import type { Dayjs } from 'dayjs';
import { findPasswordProblems } from '@stip/contracts';
import { t } from '../i18n/zh-CN';

/** The part of a zod schema the form needs: contract schemas validate in the browser exactly as on the server. */
interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** An antd rule that checks a value against a contract schema and shows its (Chinese) message. Empty values pass: use `required` for those. */
export function schemaRule(schema: SafeParser): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? t.common.unknownError);
    },
  };
}

/**
 * The password rule of @stip/contracts (length, character classes, not containing the username `usernameOf()` answers
 * when given); the server adds the common-password list and the account's last passwords.
 */
export function passwordRule(usernameOf?: () => string | undefined): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const [problem] = findPasswordProblems(value, { username: usernameOf?.() });
      if (problem) throw new Error(problem);
    },
  };
}

export const requiredText = (label: string): Rule => ({ required: true, whitespace: true, message: t.common.required(label) });
export const requiredChoice = (label: string): Rule => ({ required: true, message: t.common.requiredSelect(label) });

/** `YYYY-MM-DD` from a DatePicker value, null when empty. */
export function toDateString(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** Trimmed text, or null when the user left the field empty (the API distinguishes "cleared" from "unchanged" by null). */
export function toNullableText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
