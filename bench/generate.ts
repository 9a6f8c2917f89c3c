import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/client';
import { insertRegion } from '../apps/server/src/modules/regions/regions.repository';
import { seedUser } from '../apps/server/src/db/seed/accounts';
import { insertPlan } from '../apps/server/src/modules/plans/plans.repository';
import { insertTarget, insertTargetReport } from '../apps/server/src/modules/targets/targets.repository';
import { insertTask, replaceTaskUnits } from '../apps/server/src/modules/tasks/tasks.repository';

export const benchPassword = 'bench-password-1';

export interface BenchSize {
  platforms: number;
  /** Versions per platform (the history rows are platforms × this). */
  versionsPerPlatform: number;
  types: number;
  counties: number;
  organizations: number;
}

export const fullSize: BenchSize = { platforms: 100_000, versionsPerPlatform: 10, types: 40, counties: 13, organizations: 5_000 };

export interface BenchData {
  cityId: string;
  countyIds: string[];
  typeIds: string[];
  planId: string;
  username: string;
}

/** A deterministic RFC 4122-shaped uuid (version 4, variant 8) from a text: `bench_uuid('p' || i)`. */
const uuidOf = (prefix: string, n: number | string) => sql.raw(`bench_uuid('${prefix}' || ${n})`);

/**
 * A synthetic registry, generated inside the database (INSERT … SELECT generate_series, never row by
 * row): a province, a city and its county-level regions; 3 systems and `types` types over the four
 * levels; `organizations` hosts; `platforms` platforms, each with `versionsPerPlatform` versions
 * spread over 2015–2025 — a first cultivating state for a fifth of them, construction, operation, a
 * rectification for some, a conversion to another type for a tenth (from version 6), and a last
 * version revoked or merged for about 8 % — 0.1 % soft-deleted; then a plan with 20 targets of every
 * computed kind and 30 tasks, and a city staff user.
 */
export async function generateRegistry(
  db: Database,
  size: BenchSize = fullSize,
  log: (message: string) => void = () => {},
): Promise<BenchData> {
  // The bench database is thrown away afterwards; the helper function lives only there.
  await db.execute(sql`create or replace function bench_uuid(text) returns uuid language sql immutable as
    $$ select (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18))::uuid $$`);
  const province = await insertRegion(db, { parentId: null, parentPath: null, name: '基准省', level: 'province' });
  const city = await insertRegion(db, { parentId: province.id, parentPath: province.path, name: '基准市', level: 'city' });
  const countyIds: string[] = [];
  for (let i = 0; i < size.counties; i++) {
    const county = await insertRegion(db, {
      parentId: city.id,
      parentPath: city.path,
      name: `基准县${i + 1}`,
      level: i === size.counties - 1 ? 'zone' : 'county',
      sortOrder: i,
    });
    countyIds.push(county.id);
  }
  const counties = sql.raw(`'{${countyIds.join(',')}}'::uuid[]`);
  const n = size.counties;

  await db.execute(sql`insert into platform_systems (id, code, name, sort_order)
    select ${uuidOf('s', 'j')}, 'bench_' || j, '基准体系' || j, j from generate_series(0, 2) j`);
  await db.execute(sql`insert into platform_types (id, system_id, name, level, sort_order)
    select ${uuidOf('t', 'j')}, ${uuidOf('s', 'j % 3')}, '基准类型' || j,
      (array['national','provincial','city','county'])[1 + j % 4]::platform_level, j
    from generate_series(0, ${sql.raw(String(size.types - 1))}) j`);
  await db.execute(sql`insert into organizations (id, name, kind, credit_code, region_id)
    select ${uuidOf('o', 'j')}, '基准单位' || j, 'enterprise', '91511700' || lpad(j::text, 10, '0'), (${counties})[1 + j % ${sql.raw(String(n))}]
    from generate_series(0, ${sql.raw(String(size.organizations - 1))}) j`);

  const started = performance.now();
  // A bulk load as a DBA would do it: in one transaction, foreign-key triggers off (every id is
  // generated to exist), the history table's secondary indexes dropped and rebuilt once at the end.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    const indexes = (await tx.execute(
      sql`select indexname, indexdef from pg_indexes where tablename = 'platform_versions' and indexname <> 'platform_versions_pkey'`,
    )) as unknown as { rows: { indexname: string; indexdef: string }[] };
    for (const index of indexes.rows) await tx.execute(sql.raw(`drop index "${index.indexname}"`));
    await tx.execute(sql`insert into platforms (id, version, updated_at)
    select ${uuidOf('p', 'i')}, ${sql.raw(String(size.versionsPerPlatform))}, timestamp '2025-01-01' + (i % 1000) * interval '1 hour'
    from generate_series(1, ${sql.raw(String(size.platforms))}) i`);
    const last = size.versionsPerPlatform;
    // Version k of platform i starts 380 days after version k − 1 (offset per platform so days spread out); the last stays open.
    // Rows go in platform by platform, so the versions in force on any day lie scattered over the whole table (no flattering layout).
    const startOf = (k: string) => `date '2015-01-01' + ((${k} - 1) * ${Math.floor(3800 / last)} + (i % 97) * 3)`;
    const batches = 10;
    const perBatch = Math.ceil(size.platforms / batches);
    for (let batch = 0; batch < batches; batch++) {
      const from = batch * perBatch + 1;
      const to = Math.min(size.platforms, (batch + 1) * perBatch);
      await tx.execute(
        sql.raw(`insert into platform_versions (platform_id, version, valid_from, valid_to, name, type_id, host_organization_id, region_id, industry, status, recognized_on, recorded_at)
      select bench_uuid('p' || i), k, ${startOf('k')}, case when k = ${last} then null else ${startOf('k + 1')} end,
        '基准平台' || i,
        bench_uuid('t' || (case when i % 10 = 0 and k >= ${Math.ceil(last / 2) + 1} then (i + 7) % ${size.types} else i % ${size.types} end)),
        bench_uuid('o' || (i % ${size.organizations})),
        ('{${countyIds.join(',')}}'::uuid[])[1 + i % ${n}],
        (array['新材料','智能制造','能源化工','农产品加工','电子信息','生物医药',null])[1 + i % 7],
        (case when k = 1 and i % 5 = 0 then 'cultivating'
              when k = ${last} and i % 20 = 0 then 'revoked'
              when k = ${last} and i % 33 = 0 then 'merged'
              when k = ${Math.min(7, last)} and i % 11 = 0 then 'rectifying'
              when k <= 3 then 'constructing' else 'operating' end)::platform_status,
        case when k = 1 and i % 5 = 0 then null else ${startOf('(case when i % 5 = 0 then 2 else 1 end)')} end,
        timestamp '2025-01-01'
      from generate_series(${from}, ${to}) i cross join generate_series(1, ${last}) k`),
      );
      log(`  versions of platforms ${from}–${to} (${Math.round((performance.now() - started) / 1000)} s)`);
    }
    const indexing = performance.now();
    for (const index of indexes.rows) await tx.execute(sql.raw(index.indexdef));
    log(`  indexes rebuilt (${Math.round((performance.now() - indexing) / 1000)} s)`);
    // The triggers that keep the registry counts were off for the load (replica mode): recount them once, as after any bulk load.
    const counting = performance.now();
    await tx.execute(sql`set local session_replication_role = origin`);
    await tx.execute(sql`select platform_counts_rebuild()`);
    log(`  registry counts rebuilt (${Math.round((performance.now() - counting) / 1000)} s)`);
  });
  await db.execute(
    sql`update platforms set deleted_at = now() where id in (select bench_uuid('p' || i) from generate_series(1000, ${sql.raw(String(size.platforms))}, 1000) i)`,
  );
  // Vacuumed and analysed, as a server's autovacuum would long have done: otherwise its first pass over a million
  // fresh rows (insert-triggered since PostgreSQL 13) runs during the measurements and competes for the cores.
  await db.execute(sql`vacuum analyze`);

  const typeIds = Array.from({ length: size.types }, (_, j) => j);
  const typeId = async (j: number) => {
    const result = await db.execute(sql`select bench_uuid(${`t${j}`}) as id`);
    return (result as unknown as { rows: { id: string }[] }).rows[0]!.id;
  };
  const resolvedTypes = await Promise.all(typeIds.map(typeId));
  const systemIds = await Promise.all(
    [0, 1, 2].map(
      async (j) => ((await db.execute(sql`select bench_uuid(${`s${j}`}) as id`)) as unknown as { rows: { id: string }[] }).rows[0]!.id,
    ),
  );

  const plan = await insertPlan(db, { title: '基准规划', periodStart: '2021-04-15', periodEnd: '2025-12-31', regionId: city.id });
  const deadline = '2025-12-31';
  const targets: Parameters<typeof insertTarget>[1][] = [
    ...resolvedTypes.slice(0, 8).map((id, j) => ({
      planId: plan.id,
      kind: 'count' as const,
      subject: `类型${j}不少于3000家`,
      value: 3000,
      unit: '家',
      deadline,
      typeIds: [id],
    })),
    { planId: plan.id, kind: 'count', subject: '市级平台', value: 20000, unit: '家', deadline, levels: ['city'] },
    { planId: plan.id, kind: 'count', subject: '省级以上平台', value: 40000, unit: '家', deadline, levels: ['provincial', 'national'] },
    { planId: plan.id, kind: 'count', subject: '体系0平台', value: 30000, unit: '家', deadline, systemIds: [systemIds[0]!] },
    {
      planId: plan.id,
      kind: 'count',
      subject: '体系1县内平台',
      value: 2000,
      unit: '家',
      deadline,
      systemIds: [systemIds[1]!],
      regionId: countyIds[0]!,
    },
    ...resolvedTypes.slice(8, 10).map((id, j) => ({
      planId: plan.id,
      kind: 'count' as const,
      subject: `新建类型${8 + j}`,
      value: 500,
      unit: '家',
      deadline,
      typeIds: [id],
      baselineDate: '2021-04-15',
    })),
    {
      planId: plan.id,
      kind: 'count',
      subject: '新建国家级平台',
      value: 1000,
      unit: '家',
      deadline,
      levels: ['national'],
      baselineDate: '2021-04-15',
    },
    ...resolvedTypes.slice(10, 12).map((id, j) => ({
      planId: plan.id,
      kind: 'first' as const,
      subject: `类型${10 + j}零的突破`,
      value: 1,
      unit: '家',
      deadline,
      typeIds: [id],
    })),
    ...systemIds.slice(0, 2).map((id, j) => ({
      planId: plan.id,
      kind: 'coverage' as const,
      subject: `体系${j}全覆盖`,
      value: 100,
      unit: '%',
      deadline,
      systemIds: [id],
      coverageRegionId: city.id,
    })),
    { planId: plan.id, kind: 'amount', subject: '技术合同登记额', value: 1.3, unit: '亿元', deadline },
  ];
  let amountId = '';
  for (const [index, target] of targets.entries()) {
    const row = await insertTarget(db, { ...target, sortOrder: index });
    if (row.kind === 'amount') amountId = row.id;
  }
  await insertTargetReport(db, { targetId: amountId, period: '2024年', periodEnd: '2024-12-31', value: 1.1, source: '基准' });
  for (let j = 0; j < 30; j++) {
    const task = await insertTask(db, {
      planId: plan.id,
      title: `基准任务${j}`,
      content: '内容',
      deadline: `202${3 + (j % 4)}-12-31`,
      status: j % 3 === 0 ? 'overdue' : 'in_progress',
    });
    const unit = (await db.execute(sql`select bench_uuid(${`o${j % 10}`}) as id`)) as unknown as { rows: { id: string }[] };
    const partner = (await db.execute(sql`select bench_uuid(${`o${10 + (j % 7)}`}) as id`)) as unknown as { rows: { id: string }[] };
    await replaceTaskUnits(db, task.id, [unit.rows[0]!.id], [partner.rows[0]!.id]);
  }
  const username = 'bench_city';
  await seedUser(db, { username, password: benchPassword, role: 'city_staff', regionId: city.id });
  return { cityId: city.id, countyIds, typeIds: resolvedTypes, planId: plan.id, username };
}
