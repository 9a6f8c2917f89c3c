import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, defaultWebRoot } from '../apps/server/src/app';
import { createDb, type Database } from '../apps/server/src/db/client';
import { seedDemo, demoPassword } from '../apps/server/src/db/seed/demo';

export { demoPassword };
export const chromiumPath = process.env.STIP_CHROMIUM ?? '/usr/bin/chromium';

export interface Stip {
  baseUrl: string;
  /** The database behind the app, for checking what the pages show against the records. */
  db: Database;
  browser: Browser;
  downloadsDir: string;
  /** A fresh browser context (its own cookies) with one page. */
  newPage(): Promise<Page>;
  /** Logs in through the login page as a demo account and waits for the app to show. */
  login(page: Page, username: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * STIP as a user meets it: the built web app and the API on a real port, the demo data loaded
 * into a fresh embedded database, and Debian's Chromium driven by playwright-core.
 */
export async function startStip(): Promise<Stip> {
  const handle = await createDb({ dataDir: null });
  await handle.migrate();
  await seedDemo(handle.db);
  const app = await buildApp({ db: handle.db, webRoot: defaultWebRoot, demo: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const downloadsDir = mkdtempSync(path.join(tmpdir(), 'stip-e2e-'));
  // The server's Content-Security-Policy must let the built app run: any violation the browser reports fails the file.
  const cspViolations: string[] = [];
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    baseUrl,
    db: handle.db,
    browser,
    downloadsDir,
    async newPage() {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'zh-CN',
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
        // As for a reader who asks their system for less motion: dialogs open at once, so a click never lands on
        // one still zooming in (a lost click on a dialog's OK button made the lifecycle journey flaky).
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      // A refused or failed API call is printed with its answer, so a journey that stalls in CI says why.
      page.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (response.status() < 400 || !pathname.startsWith('/api/')) return;
        const call = `${response.request().method()} ${pathname}`;
        void response
          .text()
          .catch(() => '')
          .then((body) => console.error(`[http] ${response.status()} ${call} ${body.slice(0, 300)}`));
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      return page;
    },
    async login(page, username) {
      await page.goto('/login');
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(demoPassword);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async stop() {
      await browser.close();
      await app.close();
      await handle.close();
      rmSync(downloadsDir, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    },
  };
}

/** The paths of the menu entries the signed-in user sees, in menu order. */
export async function menuPaths(page: Page): Promise<string[]> {
  const menu = page.getByTestId('main-menu');
  await menu.locator('li[data-menu-id]').first().waitFor();
  const ids = await menu.locator('li[data-menu-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-menu-id') ?? ''));
  return ids.map((id) => id.replace(/^.*?-(\/.*)$/, '$1')).filter((path) => path.startsWith('/'));
}

/** Every demo account, administrators included. */
export const demoUsernames = ['sysadmin', 'secadmin', 'auditadmin', 'city', 'jxj', 'xuanhan', 'tongchuan', 'dagang', 'expert1', 'leader'];
