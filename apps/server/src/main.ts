import { parseArgs } from 'node:util';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from './shared/app-error';
import { OperatorError } from './db/operator-error';
import { ConfigError, readConfig, type Config } from './config';
import { buildApp } from './app';
import { defaultAnonymousRateLimits } from './plugins/rate-limit';
import { createDb, type DbHandle } from './db/client';
import { hasDemoAccounts, issueSetupToken, needsSetup, resetPasswordFromConsole, setupTokenLifetimeMs } from './modules/accounts';
import { resetTwoFactorFromConsole } from './modules/accounts';
import { verifyAuditChain, writeAuditCheckpoint } from './modules/audit';
import { auditCheckpointFileName, auditTrailSettings, configureAuditTrail, loadAuditKey } from './modules/audit';
import { backupDatabase, restoreDatabase } from './db/backup';
import { startAuditCheckpoints } from './modules/audit';
import { seedDemo } from './db/seed/demo';
import { startJobScheduler } from './modules/jobs';
import { runDailyJobs } from './modules/jobs';
import { todayInChina } from './shared/clock';
import { describeRegisteredPlatforms } from './modules/targets';
import { runAchievementsImportCli } from './modules/search';

const usage = `用法 / usage: stip <command>

  serve                 启动 STIP：迁移数据库，首次启动时载入演示数据，监听 PORT（默认 3000）
                        start the server (npm start runs this)
  migrate               只执行数据库迁移 / apply database migrations only
  seed --demo           向空数据库载入演示数据 / load demo data into an empty database
  audit verify          校验审计日志哈希链与签名检查点（完整时退出码 0，断裂时 1）
                        verify the audit chain and its signed checkpoints
  backup FILE           把整个数据库备份到 FILE（一致快照；内置数据库须先停止服务）
                        back up every table into FILE
  restore FILE          把备份恢复到空的数据库（恢复后校验审计链；需要原来的审计密钥）
                        restore a backup into an empty database
  jobs run              立即执行每日任务（截止提醒、逾期标记）；服务运行时每日自动执行
                        run today's reminders and overdue marking now
  accounts reset-password USERNAME
                        在服务器上为忘记密码的账号（包括管理员）设置随机新密码、解除锁定并结束其会话（记入审计）
                        give USERNAME a random new password, audited
  accounts reset-two-factor USERNAME
                        在服务器上关闭丢失验证器和恢复码的账号（包括管理员）的两步验证并结束其会话（记入审计）
                        turn two-factor sign-in off for USERNAME, audited
  openapi [FILE]        输出由路由生成的 OpenAPI 文档 / write the OpenAPI document generated from the routes
  achievements import FILE.jsonl [--no-keywords] [--label 文字] [--batch 500]
                        从 JSON 行文件导入科技成果（按外部编号幂等，状态为已发布）/ import achievements from JSON lines
  ingest FILE [--date YYYY-MM-DD] [--json]
                        从政策文件中提取目标与任务（不需要数据库）/ propose targets and tasks from a plan document
  help                  显示本说明 / print this usage (also: stip, stip --help)

环境变量：DATABASE_URL（使用 PostgreSQL）、DATA_DIR（内置数据库目录，默认 ./data）、PORT、
HOST（演示模式默认 127.0.0.1，否则 0.0.0.0）、STIP_DEMO=off（生产环境：不载入演示数据，首次访问时凭控制台上的
初始化令牌设置管理员账号）、TRUST_PROXY（代理层数或地址列表）、PUBLIC_ORIGIN、COOKIE_SECURE、HSTS、SESSION_MAX_HOURS、
JOBS、DB_POOL_SIZE、LOG_LEVEL、AUDIT_KEY（审计密钥；未设置时使用 DATA_DIR/audit.key）、METRICS_TOKEN（/metrics 的访问令牌）（见 README）`;

/**
 * Loads the audit key (AUDIT_KEY or DATA_DIR/audit.key, created on first start) and points the
 * checkpoint file at DATA_DIR/audit.checkpoints, before anything can write an audit record.
 */
async function prepareAuditTrail(config: Config, log: (message: string) => void): Promise<void> {
  const loaded = await loadAuditKey({ envKey: config.auditKey, dataDir: config.dataDir });
  if (loaded.created) log(`已生成审计密钥 ${loaded.source}（请备份；多台应用服务器须使用同一密钥）`);
  if (loaded.warning) log(loaded.warning);
  configureAuditTrail({ key: loaded.key, checkpointFile: path.join(config.dataDir, auditCheckpointFileName) });
}

async function openDatabase(config: Config): Promise<DbHandle> {
  await prepareAuditTrail(config, (message) => console.error(message));
  const handle = await createDb({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  await handle.migrate();
  return handle;
}

/** Loads the demo data when the database has no accounts yet and demo data is wanted. */
async function seedDemoIfEmpty(handle: DbHandle, config: Config, log: (message: string) => void): Promise<boolean> {
  if (!config.demo || !(await needsSetup(handle.db))) return false;
  const result = await seedDemo(handle.db);
  log(
    `已载入演示数据（demo data）：${await describeRegisteredPlatforms(handle.db, todayInChina())}，${result.userCount} 个演示账号，统一密码 stip-demo-2025`,
  );
  return true;
}

/**
 * While no account exists, a one-time setup token guards POST /api/setup: printed here and written to
 * DATA_DIR/setup-token (mode 0600, for the operator only). Once set up, a leftover file is removed.
 */
async function announceSetupToken(handle: DbHandle, config: Config, app: FastifyInstance): Promise<void> {
  const file = path.join(config.dataDir, 'setup-token');
  if (!(await needsSetup(handle.db))) {
    await rm(file, { force: true });
    return;
  }
  const token = await issueSetupToken(handle.db);
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  const hours = setupTokenLifetimeMs / 3_600_000;
  app.log.warn(
    `首次启动：请在浏览器打开 /setup 设置三位管理员，初始化令牌：${token}（${hours} 小时内有效，仅可使用一次，已写入 ${file}；过期后重启服务生成新令牌）\n` +
      `First start: open /setup to set the three administrators with the setup token ${token} (valid ${hours} h, once; also in ${file}).`,
  );
}

const loopbackHosts = ['127.0.0.1', '::1', 'localhost'];

/** Demo data on a network address: anyone who reaches it can sign in as an administrator with the published password. */
async function warnIfDemoExposed(handle: DbHandle, config: Config, app: FastifyInstance): Promise<void> {
  if (loopbackHosts.includes(config.host) || !(await hasDemoAccounts(handle.db))) return;
  app.log.warn(
    `警告：演示数据（含三位管理员，统一密码 stip-demo-2025）正在 ${config.host}:${config.port} 上对网络开放，任何能访问此地址的人都可以管理员身份登录。` +
      `仅限本机演示请去掉 HOST（默认 127.0.0.1）；生产环境请使用 STIP_DEMO=off 和新的数据库。\n` +
      `WARNING: demo data (three administrators sharing the published password stip-demo-2025) is served on ${config.host}:${config.port}; ` +
      `anyone who can reach it can sign in as an administrator. Unset HOST (default 127.0.0.1) for a local demo; use STIP_DEMO=off and a fresh database in production.`,
  );
}

async function serve(config: Config): Promise<void> {
  const handle = await openDatabase(config);
  const app = await buildApp({
    db: handle.db,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    demo: config.demo,
    hsts: config.hsts,
    auth: { cookieSecure: config.cookieSecure, publicOrigins: config.publicOrigins, sessionMaxMs: config.sessionMaxHours * 3_600_000 },
    metricsToken: config.metricsToken,
    readCacheMb: config.readCacheMb,
    anonymousRateLimits: { ...defaultAnonymousRateLimits, searchPerMinute: config.publicSearchPerMinute },
  });
  for (const warning of config.warnings) app.log.warn(warning);
  await seedDemoIfEmpty(handle, config, (message) => app.log.info(message));
  await announceSetupToken(handle, config, app);
  await warnIfDemoExposed(handle, config, app);
  // Daily reminders and overdue marking; safe with any number of processes (one run per day, recorded in the database).
  if (config.jobs) startJobScheduler(app);
  else app.log.info('JOBS=off：本进程不执行每日任务');
  // Signed notes of the audit chain's head outside the database, so removing the newest records is noticed.
  startAuditCheckpoints(app);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = handle.kind === 'pglite' ? `内置数据库 ${handle.dataDir}` : 'PostgreSQL';
  app.log.info(`STIP 已启动：http://localhost:${config.port}，监听 ${config.host}（${where}；接口文档 /api/docs）`);
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Bare `stip` explains itself rather than starting a server someone did not ask for (and needs no configuration).
  if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    console.log(usage);
    return 0;
  }
  const config = readConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running
    case 'migrate': {
      const handle = await openDatabase(config);
      await handle.close();
      console.log('数据库迁移完成');
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) {
        console.error('请指定 --demo');
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        const seeded = await seedDemoIfEmpty(handle, { ...config, demo: true }, console.log);
        await writeAuditCheckpoint(handle.db);
        if (!seeded) console.log('数据库中已有账号，未载入演示数据');
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        const verdict = await verifyAuditChain(handle.db);
        if (verdict.intact) {
          console.log(`审计链完整：共校验 ${verdict.checked} 条记录 (audit chain intact, ${verdict.checked} records)`);
          if (verdict.checked > 0 && !verdict.checkpointSeq)
            console.log('（尚无签名检查点：末尾记录被删除时无法发现 — no signed checkpoint yet）');
          return 0;
        }
        console.log(
          `审计链断裂：第 ${verdict.firstBrokenSeq} 条记录，${verdict.reason} (audit chain broken at record ${verdict.firstBrokenSeq})`,
        );
        return 1;
      } finally {
        await handle.close();
      }
    }
    case 'backup': {
      if (!rest[0]) {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        const { trailer } = await backupDatabase(handle.db, rest[0], { auditKeyId: auditTrailSettings().key.id });
        const rows = Object.values(trailer.tables).reduce((sum, table) => sum + table.rows, 0);
        console.log(`已备份到 ${rest[0]}：${Object.keys(trailer.tables).length} 张表，${rows} 行`);
        console.log('恢复后校验审计链需要同一把审计密钥（AUDIT_KEY 或 DATA_DIR/audit.key），请另行妥善保管');
        return 0;
      } finally {
        await handle.close();
      }
    }
    case 'restore': {
      if (!rest[0]) {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        const { header, trailer } = await restoreDatabase(handle.db, rest[0]);
        const rows = Object.values(trailer.tables).reduce((sum, table) => sum + table.rows, 0);
        console.log(`已从 ${rest[0]}（${header.createdAt}）恢复 ${rows} 行`);
        // The old checkpoints describe the chain before the restore (perhaps longer): keep them aside, start anew.
        const { checkpointFile, key } = auditTrailSettings();
        if (checkpointFile && existsSync(checkpointFile)) {
          const aside = `${checkpointFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
          await rename(checkpointFile, aside);
          console.log(`原检查点文件已移到 ${aside}`);
        }
        if (header.auditKeyId && header.auditKeyId !== key.id) {
          console.log(
            `注意：备份中的审计记录由密钥 ${header.auditKeyId} 签名，当前密钥为 ${key.id}；请设置原来的 AUDIT_KEY 或放回原 audit.key 后再校验`,
          );
          return 1;
        }
        const verdict = await verifyAuditChain(handle.db);
        if (!verdict.intact) {
          console.log(`审计链断裂：第 ${verdict.firstBrokenSeq} 条记录，${verdict.reason}`);
          return 1;
        }
        await writeAuditCheckpoint(handle.db);
        console.log(`审计链完整：共校验 ${verdict.checked} 条记录`);
        return 0;
      } finally {
        await handle.close();
      }
    }
    case 'jobs': {
      if (rest[0] !== 'run') {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        const result = await runDailyJobs(handle.db, todayInChina());
        await writeAuditCheckpoint(handle.db);
        console.log(JSON.stringify(result));
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'accounts': {
      const [action, username] = rest;
      if (!['reset-password', 'reset-two-factor'].includes(action ?? '') || !username) {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        if (action === 'reset-two-factor') {
          await resetTwoFactorFromConsole(handle.db, username);
          await writeAuditCheckpoint(handle.db);
          console.log(`已关闭 ${username} 的两步验证并结束其会话；管理员下次登录时须重新设置`);
          return 0;
        }
        const { password } = await resetPasswordFromConsole(handle.db, username);
        await writeAuditCheckpoint(handle.db);
        console.log(`已为 ${username} 设置新密码（请当面交付，并在登录后立即修改）：\n${password}`);
        return 0;
      } finally {
        await handle.close();
      }
    }
    case 'openapi': {
      // The OpenAPI document generated from the routes (committed as docs/openapi.json).
      const handle = await createDb({ dataDir: null });
      const app = await buildApp({ db: handle.db, webRoot: null });
      await app.ready();
      const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
      await app.close();
      await handle.close();
      if (rest[0]) await writeFile(rest[0], document);
      else process.stdout.write(document);
      return 0;
    }
    case 'achievements': {
      const handle = await openDatabase(config);
      try {
        const code = await runAchievementsImportCli(handle.db, rest, console.log);
        await writeAuditCheckpoint(handle.db);
        return code;
      } finally {
        await handle.close();
      }
    }
    case 'ingest': {
      const { runIngestCli } = await import('@stip/policy-ingest');
      return runIngestCli(rest, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
    }
    default:
      console.error(`未知命令：${command}\n\n${usage}`);
      return 2;
  }
}

try {
  const code = await run(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (error instanceof AppError || error instanceof ConfigError || error instanceof OperatorError) {
    console.error(`STIP: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
