import { createHash } from 'node:crypto';
import { creditCodeCheckCharacter } from '@stip/contracts';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A well-formed unified social credit code derived deterministically from `seed`, for demo and
 * test records only (they are flagged as demo data; the codes belong to no real organisation).
 */
export function makeCreditCode(seed: string, regionCode = '511700', category = '91'): string {
  const digest = createHash('sha256').update(seed).digest();
  let body = '';
  for (let i = 0; i < 9; i++) body += alphabet.charAt(digest[i]! % alphabet.length);
  const first17 = `${category}${regionCode}${body}`;
  return first17 + creditCodeCheckCharacter(first17)!;
}
