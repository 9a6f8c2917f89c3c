// How long the Excel import of achievements takes (rows per second, each row segmented and indexed for search in the
// import's transaction), the event loop's longest stall meanwhile, and the list's answer time on the result
// (GET /api/achievements with a sentence query, p50/p95 of 50 calls). Embedded database on disk.
// Run: node --import tsx bench/achievements-import.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { buildApp } from '../apps/server/src/app';
import { createDb } from '../apps/server/src/db/client';
import { buildOrganization, buildRegionTree, buildUser } from '../apps/server/test/factories';
import { testPassword } from '../apps/server/test/build-test-app';

const rows = Number(process.argv[2] ?? 2000);
const dataDir = mkdtempSync(path.join(tmpdir(), 'stip-bench-achievements-'));
const handle = await createDb({ dataDir });
await handle.migrate();
const tree = await buildRegionTree(handle.db);
const organizationName = '基准成果单位';
await buildOrganization(handle.db, { regionId: tree.countyA.id, name: organizationName, kind: 'university' });
const user = await buildUser(handle.db, { role: 'city_staff', regionId: tree.city.id });
const app = await buildApp({ db: handle.db, webRoot: null, logger: false });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;

// Sentences in the city's industries, combined so that rows differ (seeded by the row number, not random).
const subjects = ['玄武岩纤维', '天然气净化', '锂钾综合开发', '苎麻脱胶', '富硒茶加工', '中药材种植', '钢渣资源化', '不溶性硫磺'];
const aims = ['提高强度', '降低能耗', '减少排放', '提升纯度', '缩短周期', '提高收率'];
const methods = ['复合浸润剂', '膜分离工艺', '生物菌剂', '连续化装置', '智能控制系统', '催化剂改性'];
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('科技成果');
sheet.addRow(['成果名称*', '成果简介', '关键词', '学科', '技术领域', '所属产业', '成熟度', '专利号', '所属单位']);
for (let i = 0; i < rows; i++) {
  const subject = subjects[i % subjects.length]!;
  const aim = aims[Math.floor(i / subjects.length) % aims.length]!;
  const method = methods[Math.floor(i / (subjects.length * aims.length)) % methods.length]!;
  sheet.addRow([
    `基于${method}的${subject}${aim}技术（${i}）`,
    `针对${subject}生产中的难题，采用${method}，实现${aim}，已完成中试验证，可在达州相关企业推广应用。`,
    `${subject}、${method}`,
    '',
    '新材料',
    '新材料',
    ['实验室', '小试', '中试', '产业化'][i % 4],
    `ZL2021${String(i).padStart(7, '0')}.X`,
    organizationName,
  ]);
}
const file = Buffer.from(await workbook.xlsx.writeBuffer());
const boundary = '----stip-bench';
const payload = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ),
  file,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const started = performance.now();
const response = await app.inject({
  method: 'POST',
  url: '/api/imports/achievements?publish=true',
  headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  payload,
});
histogram.disable();
const seconds = (performance.now() - started) / 1000;

const query = encodeURIComponent('我们需要一种提高玄武岩纤维强度的工艺');
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const list = await app.inject({ url: `/api/achievements?q=${query}&limit=20`, headers: { cookie } });
  times.push(performance.now() - t0);
  if (list.statusCode !== 200) throw new Error(list.body);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    rows,
    status: response.statusCode,
    body: response.body.slice(0, 120),
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    eventLoopMaxDelayMs: Math.round(histogram.max / 1e6),
    listP50Ms: Math.round(times[24]! * 10) / 10,
    listP95Ms: Math.round(times[47]! * 10) / 10,
  }),
);
await app.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
