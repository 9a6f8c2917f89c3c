import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractorVersion } from './version';

describe('the extractor version', () => {
  it('starts with the package version, so a release bump cannot leave stored extractions looking current', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(extractorVersion.startsWith(`${version}+r`)).toBe(true);
  });
});
