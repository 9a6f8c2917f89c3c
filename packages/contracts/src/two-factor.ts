import { z } from 'zod';
import { zSessionUser } from './accounts';
import { zVersion } from './common';

/** A six-digit code from an authenticator app, or a recovery code (xxxxx-xxxxx); spaces are ignored. */
export const zTwoFactorCode = z
  .string()
  .trim()
  .min(6, { message: '请输入6位动态验证码或恢复码' })
  .max(40, { message: '请输入6位动态验证码或恢复码' });

/** A short-lived token the login answers in place of a session when a second factor is needed. */
export const zPendingToken = z.string().min(20).max(200);

/**
 * What the login answers when the password was right but a second factor is needed: `verify` when the account has
 * two-factor sign-in on, `enrol` when the account must have it (an administrator outside a demo instance) and has none.
 */
export const zLoginChallenge = z.object({
  secondFactor: z.enum(['verify', 'enrol']),
  pendingToken: zPendingToken,
  expiresAt: z.string(),
});
export type LoginChallenge = z.infer<typeof zLoginChallenge>;

/** The login answers the signed-in user, or a challenge for the second step. */
export const zLoginResult = z.union([zSessionUser, zLoginChallenge]);
export type LoginResult = z.infer<typeof zLoginResult>;

export const zTwoFactorLogin = z.object({ pendingToken: zPendingToken, code: zTwoFactorCode });
export const zPendingEnrolment = z.object({ pendingToken: zPendingToken });
export const zTwoFactorEnrolmentLogin = z.object({ pendingToken: zPendingToken, code: zTwoFactorCode });

/** A new secret to scan (shown once; never answered again after enrolment). */
export const zTwoFactorEnrolment = z.object({
  secret: z.string(),
  /** otpauth://totp/… for the QR code. */
  otpauthUri: z.string(),
});
export type TwoFactorEnrolment = z.infer<typeof zTwoFactorEnrolment>;

/** Single-use recovery codes, shown once; only their hashes are kept. */
export const zRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof zRecoveryCodes>;

/** Enrolment finished during sign-in: the session is open and the recovery codes are shown once. */
export const zEnrolledLogin = z.object({ user: zSessionUser, recoveryCodes: z.array(z.string()) });
export type EnrolledLogin = z.infer<typeof zEnrolledLogin>;

export const zTwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** The account may not turn it off (an administrator outside a demo instance). */
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof zTwoFactorStatus>;

/** A code from the app (or a recovery code) re-authenticates a change to one's own two-factor sign-in. */
export const zTwoFactorConfirm = z.object({ code: zTwoFactorCode });
export type TwoFactorConfirm = z.infer<typeof zTwoFactorConfirm>;

export const zResetTwoFactor = z.object({ version: zVersion });
