// `npm run screenshots [account …]`: builds the web app when stale, then photographs every menu page of every demo
// account (or of those named) at 1440×900 and 1280×800 into screenshots/ (not committed; STIP_SCREENSHOTS=DIR to
// choose another folder), on its own server and temporary demo database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';
import { ensureWebBuild } from './start.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureChromium();
ensureWebBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'e2e/screenshots.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
