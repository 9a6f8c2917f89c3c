import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../apps/server/src/modules/accounts/accounts.totp';
import { type Stip, demoPassword, startStip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

describe('two-factor sign-in in the browser', () => {
  it('a demo administrator signs in with the password alone, turns 2FA on under 账号安全, and then needs a code (or a recovery code)', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'auditadmin');

    await page.getByTestId('header-user').click();
    await page.getByText('账号安全').click();
    await page.waitForURL('**/account/security');
    await expect(page.getByTestId('two-factor-state').textContent()).resolves.toBe('未开启');
    await page.getByTestId('two-factor-enable').click();
    await page.getByTestId('two-factor-qr').waitFor();
    const secret = (await page.getByTestId('two-factor-secret').textContent())!.trim();
    await page.getByTestId('two-factor-code').fill(totpCode(secret, Date.now()));
    await page.getByTestId('two-factor-submit').click();
    await page.getByTestId('two-factor-recovery-codes').waitFor();
    const recoveryCodes = await page.getByTestId('two-factor-recovery-codes').locator('code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await page.getByTestId('two-factor-recovery-done').click();
    await expect(page.getByTestId('two-factor-state').textContent()).resolves.toBe('已开启');

    // A new browser: the password now leads to the second step; a wrong code is refused in Chinese, a recovery code signs in.
    const next = await stip.newPage();
    await next.goto('/login');
    await next.getByTestId('login-username').fill('auditadmin');
    await next.getByTestId('login-password').fill(demoPassword);
    await next.getByTestId('login-submit').click();
    await next.getByTestId('two-factor-step').waitFor();
    await next.getByTestId('two-factor-code').fill('aaaaa-aaaaa');
    await next.getByTestId('two-factor-submit').click();
    await expect(next.getByTestId('two-factor-error').textContent()).resolves.toContain('动态验证码或恢复码不正确');
    await next.getByTestId('two-factor-code').fill(recoveryCodes[0]!);
    await next.getByTestId('two-factor-submit').click();
    await next.waitForURL((url) => !url.pathname.startsWith('/login'));
    await next.getByTestId('header-display-name').waitFor();
  });
});
