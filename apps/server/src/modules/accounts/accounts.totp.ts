import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app understands: HMAC-SHA1, 6 digits, 30-second steps. */
export const totpPeriodSeconds = 30;
const defaults = { algorithm: 'SHA1', digits: 6 } as const;
/** Steps either side of now that are still accepted (clock drift, a code typed just as it changed). */
export const totpWindow = 1;
const issuer = 'STIP';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
}

/** A new random secret (160 bits, the RFC 4226 recommendation), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans from the QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secretBase32),
    period: totpPeriodSeconds,
    ...defaults,
  }).toString();
}

/** The time step (RFC 6238 T) of an instant. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / totpPeriodSeconds);
}

/** The code for the time step containing `atMs` (tests, and nothing else, need to make codes). */
export function totpCode(secret: Secret | string, atMs: number, options: TotpOptions = {}): string {
  return TOTP.generate({
    secret: typeof secret === 'string' ? Secret.fromBase32(secret) : secret,
    period: totpPeriodSeconds,
    timestamp: atMs,
    ...defaults,
    ...options,
  });
}

/**
 * The time step whose code `code` is, looked for within `totpWindow` steps of `atMs`, or null when it matches none.
 * The caller refuses a step not later than the last one used, so a code works once.
 */
export function matchTotpStep(secret: Secret | string, code: string, atMs: number, options: TotpOptions = {}): number | null {
  const digits = options.digits ?? defaults.digits;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: typeof secret === 'string' ? Secret.fromBase32(secret) : secret,
    period: totpPeriodSeconds,
    timestamp: atMs,
    window: totpWindow,
    ...defaults,
    ...options,
  });
  return delta === null ? null : totpStep(atMs) + delta;
}
