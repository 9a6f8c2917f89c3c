import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { AppError } from './shared/app-error';
import { readConfig, type Config } from './config';
import { buildApp } from './app';
import { createDb, type DbHandle } from './db/client';
import { needsSetup, resetPasswordFromConsole } from './modules/accounts/accounts.service';
import { resetTwoFactorFromConsole } from './modules/two-factor/two-factor.service';
import { verifyAuditChain } from './modules/audit/audit.service';
import { seedDemo } from './db/seed/demo';
import { startJobScheduler } from './modules/jobs/jobs.scheduler';
import { runDailyJobs } from './modules/jobs/jobs.service';
import { todayInChina } from './shared/clock';

const usage = `用法 / usage: stip <command>

  serve                 启动 STIP（默认命令）：迁移数据库，首次启动时载入演示数据，监听 PORT（默认 3000）
  migrate               只执行数据库迁移
  seed --demo           向空数据库载入演示数据
  audit verify          校验审计日志哈希链（完整时退出码 0，断裂时 1）
  jobs run              立即执行每日任务（截止提醒、逾期标记）；服务运行时每日自动执行
  accounts reset-password USERNAME
                        在服务器上为忘记密码的账号（包括管理员）设置随机新密码、解除锁定并结束其会话（记入审计）
  accounts reset-two-factor USERNAME
                        在服务器上关闭丢失验证器和恢复码的账号（包括管理员）的两步验证并结束其会话（记入审计）
  openapi [FILE]        输出由路由生成的 OpenAPI 文档
  ingest FILE [--date YYYY-MM-DD] [--json]
                        从政策文件中提取目标与任务（不需要数据库）

环境变量：DATABASE_URL（使用 PostgreSQL）、DATA_DIR（内置数据库目录，默认 ./data）、PORT、HOST、
STIP_DEMO=off（生产环境：不载入演示数据，首次访问时由管理员设置账号）、TRUST_PROXY、LOG_LEVEL`;

async function openDatabase(config: Config): Promise<DbHandle> {
  const handle = await createDb({ url: config.databaseUrl, dataDir: config.dataDir });
  await handle.migrate();
  return handle;
}

/** Loads the demo data when the database has no accounts yet and demo data is wanted. */
async function seedDemoIfEmpty(handle: DbHandle, config: Config, log: (message: string) => void): Promise<boolean> {
  if (!config.demo || !(await needsSetup(handle.db))) return false;
  const result = await seedDemo(handle.db);
  log(`已载入演示数据（demo data）：${result.platformCount} 个平台，${result.userCount} 个演示账号，统一密码 stip-demo-2025`);
  return true;
}

async function serve(config: Config): Promise<void> {
  const handle = await openDatabase(config);
  const app = await buildApp({ db: handle.db, logger: { level: config.logLevel }, trustProxy: config.trustProxy, demo: config.demo });
  await seedDemoIfEmpty(handle, config, (message) => app.log.info(message));
  // Daily reminders and overdue marking; safe with any number of processes (one run per day, recorded in the database).
  startJobScheduler(app);
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
  app.log.info(`STIP 已启动：http://localhost:${config.port}  （${where}；接口文档 /api/docs）`);
}

async function run(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
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
    case 'jobs': {
      if (rest[0] !== 'run') {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        const result = await runDailyJobs(handle.db, todayInChina());
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
          console.log(`已关闭 ${username} 的两步验证并结束其会话；管理员下次登录时须重新设置`);
          return 0;
        }
        const { password } = await resetPasswordFromConsole(handle.db, username);
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
    case 'ingest': {
      const { runIngestCli } = await import('@stip/policy-ingest');
      return runIngestCli(rest, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return 0;
    default:
      console.error(`未知命令：${command}\n\n${usage}`);
      return 2;
  }
}

try {
  const code = await run(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (error instanceof AppError) {
    console.error(`STIP: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
