// The event loop's longest stall while the server imports a 4,000-row organisation workbook into the
// embedded database on disk (monitorEventLoopDelay), and how long the import takes.
// Run: node --import tsx bench/import-event-loop.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { buildApp } from '../apps/server/src/app';
import { createDb } from '../apps/server/src/db/client';
import { makeCreditCode } from '../apps/server/src/db/seed/credit-codes';
import { buildRegionTree, buildUser } from '../apps/server/test/factories';
import { testPassword } from '../apps/server/test/build-test-app';

const rows = Number(process.argv[2] ?? 4000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'stip-bench-import-'));
const handle = await createDb({ dataDir });
await handle.migrate();
const tree = await buildRegionTree(handle.db);
const user = await buildUser(handle.db, { role: 'city_staff', regionId: tree.city.id });
const app = await buildApp({ db: handle.db, webRoot: null, logger: false });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('单位');
sheet.addRow(['单位名称*', '单位类型*', '统一社会信用代码*', '所在区域*']);
for (let i = 0; i < rows; i++) sheet.addRow([`基准单位${i}`, '企业', makeCreditCode(`bench-${i}`), tree.countyA.name]);
const file = Buffer.from(await workbook.xlsx.writeBuffer());
const boundary = '----stip-bench';
const payload = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ),
  file,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const started = performance.now();
const response = await app.inject({
  method: 'POST',
  url: '/api/imports/organizations',
  headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  payload,
});
histogram.disable();
console.log(
  JSON.stringify({
    rows,
    status: response.statusCode,
    body: response.body.slice(0, 120),
    seconds: Math.round(performance.now() - started) / 1000,
    eventLoopMaxDelayMs: Math.round(histogram.max / 1e6),
    eventLoopP99DelayMs: Math.round(histogram.percentile(99) / 1e6),
  }),
);
await app.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
