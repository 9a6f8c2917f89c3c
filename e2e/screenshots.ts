// `npm run screenshots` (through scripts/screenshots.mjs): every menu page, and 操作手册, of every demo account at
// 1440×900 and 1280×800, into screenshots/ (gitignored), so a reviewer can look at the whole product in minutes.
// Full-page images: a table that scrolls sideways or a clipped header shows as it is.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoUsernames, menuPaths, startStip } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.env.STIP_SCREENSHOTS ?? path.join(root, 'screenshots'));
const viewports = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
];
const accounts = process.argv.slice(2).length ? process.argv.slice(2) : demoUsernames;

rmSync(outDir, { recursive: true, force: true });
const stip = await startStip();
let count = 0;
const problems: string[] = [];
try {
  for (const username of accounts) {
    const page = await stip.newPage();
    page.on('pageerror', (error) => problems.push(`${username} ${page.url()}: ${error.message}`));
    await stip.login(page, username);
    const paths = [...(await menuPaths(page)), '/help'];
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      const dir = path.join(outDir, username, `${viewport.width}x${viewport.height}`);
      mkdirSync(dir, { recursive: true });
      for (const [index, pagePath] of paths.entries()) {
        await page.goto(pagePath);
        await page.waitForLoadState('networkidle');
        // Charts animate in (about a second); give them time to settle.
        await page.waitForTimeout((await page.locator('canvas').count()) ? 1500 : 300);
        const name = `${String(index + 1).padStart(2, '0')}-${pagePath === '/' ? 'home' : pagePath.slice(1).replaceAll('/', '-')}.png`;
        await page.screenshot({ path: path.join(dir, name), fullPage: true });
        count += 1;
      }
    }
    await page.context().close();
  }
} finally {
  await stip.stop();
}
console.log(`${count} screenshots of ${accounts.length} accounts in ${outDir}`);
if (problems.length) {
  console.error(`Browser errors:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
