import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { matchTotpStep, newTotpSecret, totpCode, totpStep, totpUri } from './accounts.totp';

/** RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length; codes have 8 digits. */
const seeds = {
  SHA1: Secret.fromLatin1('12345678901234567890'),
  SHA256: Secret.fromLatin1('12345678901234567890123456789012'),
  SHA512: Secret.fromLatin1('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;
const vectors: [seconds: number, algorithm: keyof typeof seeds, code: string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(vectors)('at %i s with %s makes the RFC code %s and accepts it at its own step', (seconds, algorithm, code) => {
    const options = { algorithm, digits: 8 };
    expect(totpCode(seeds[algorithm], seconds * 1000, options)).toBe(code);
    expect(matchTotpStep(seeds[algorithm], code, seconds * 1000, options)).toBe(totpStep(seconds * 1000));
  });

  it('accepts the code of one step before or after now, and names that step', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_015_000;
    expect(matchTotpStep(secret, totpCode(secret, now - 30_000), now)).toBe(totpStep(now) - 1);
    expect(matchTotpStep(secret, totpCode(secret, now + 30_000), now)).toBe(totpStep(now) + 1);
  });

  it('refuses a code two steps away, a wrong code and anything that is not six digits', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_015_000;
    const code = totpCode(secret, now);
    expect(matchTotpStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    expect(matchTotpStep(secret, String((Number(code) + 1) % 1_000_000).padStart(6, '0'), now)).toBeNull();
    expect(matchTotpStep(secret, `${code} `, now)).toBeNull();
    expect(matchTotpStep(secret, code.slice(0, 5), now)).toBeNull();
  });

  it('makes a 160-bit base32 secret and an otpauth URI naming STIP and the account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'secadmin');
    expect(uri).toMatch(/^otpauth:\/\/totp\/STIP:secadmin\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});
