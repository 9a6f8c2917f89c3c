// Peak resident memory of the server while it answers zip-bomb workbooks (5,000,000 tiny rows, about 130 MB of
// sheet XML in a file of about 300 KB) uploaded at once, and what it answered.
// Run: node --import tsx bench/import-zip-bomb.ts [uploads at once]
import { buildApp } from '../apps/server/src/app';
import { createDb } from '../apps/server/src/db/client';
import { buildRegionTree, buildUser } from '../apps/server/test/factories';
import { testPassword } from '../apps/server/test/build-test-app';
import { zipBombWorkbook } from '../apps/server/test/zip-bomb';

const uploads = Number(process.argv[2] ?? 3);
const handle = await createDb({ dataDir: null });
await handle.migrate();
const tree = await buildRegionTree(handle.db);
const user = await buildUser(handle.db, { role: 'city_staff', regionId: tree.city.id });
const app = await buildApp({ db: handle.db, webRoot: null, logger: false });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: testPassword } });
const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;

const bomb = zipBombWorkbook(5_000_000);
const boundary = '----stip-bench';
const payload = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bomb.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ),
  bomb,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);
// ru_maxrss: the operating system's peak, which a timer could miss while the event loop is blocked.
const baseline = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const responses = await Promise.all(
  Array.from({ length: uploads }, () =>
    app.inject({
      method: 'POST',
      url: '/api/imports/organizations',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    }),
  ),
);
const peak = process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
console.log(
  JSON.stringify({
    uploads,
    fileBytes: bomb.length,
    statuses: responses.map((response) => `${response.statusCode} ${response.json().code ?? ''}`),
    seconds: Math.round(performance.now() - started) / 1000,
    peakRssBeforeMb: mb(baseline),
    peakRssMb: mb(peak),
  }),
);
await app.close();
await handle.close();
