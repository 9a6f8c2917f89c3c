import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

const flagWords = { on: true, true: true, yes: true, '1': true, off: false, false: false, no: false, '0': false } as const;

/** An on/off setting: on/off, true/false, yes/no, 1/0 (any case); unset or empty takes the default. */
const zFlag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const word = value.trim().toLowerCase();
      if (word in flagWords) return flagWords[word as keyof typeof flagWords];
      ctx.addIssue({ code: 'custom', message: `应为 on 或 off，而不是 "${value}"` });
      return z.NEVER;
    });

const zInteger = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const number = Number(value.trim());
      if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
        ctx.addIssue({ code: 'custom', message: `应为 ${min}–${max} 之间的整数，而不是 "${value}"` });
        return z.NEVER;
      }
      return number;
    });

/** An IPv4/IPv6 address, optionally with a /prefix (CIDR). */
function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export type TrustProxy = false | number | string[];

/**
 * Which proxies may set X-Forwarded-For: a hop count (`1` = the one load balancer in front) or a comma list of
 * addresses/CIDRs; never "trust everyone", since a trusted forged header lands in the audit trail as the client address.
 * The old `on` means one hop (with a warning).
 */
const zTrustProxy = z
  .string()
  .optional()
  .transform((value, ctx): { trustProxy: TrustProxy; warning?: string } => {
    const text = value?.trim() ?? '';
    const word = text.toLowerCase();
    if (text === '' || ['off', 'false', 'no', '0'].includes(word)) return { trustProxy: false };
    if (['on', 'true', 'yes'].includes(word))
      return { trustProxy: 1, warning: `TRUST_PROXY=${text} 按 1 层代理处理；请改为层数（如 1）或代理地址列表（如 10.0.0.0/8）` };
    if (/^\d+$/.test(text) && Number(text) <= 10) return { trustProxy: Number(text) };
    const list = text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = list.filter((item) => !isAddressOrCidr(item));
    if (list.length === 0 || bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `应为代理层数（0–10）或以逗号分隔的 IP/CIDR 列表，无法识别 "${bad.join(', ') || text}"` });
      return z.NEVER;
    }
    return { trustProxy: list };
  });

/** The origins (scheme://host[:port]) browsers use to reach this server, besides its own Host header. */
const zOrigins = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins: string[] = [];
    for (const item of (value ?? '').split(',').map((s) => s.trim())) {
      if (!item) continue;
      let url: URL | null = null;
      try {
        url = new URL(item);
      } catch {
        url = null;
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin === 'null') {
        ctx.addIssue({ code: 'custom', message: `"${item}" 不是网址来源（如 https://stip.example.gov.cn）` });
        return z.NEVER;
      }
      origins.push(url.origin);
    }
    return origins;
  });

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting STIP reads from the environment, one key a line, each with its rule and default.
 * A bad value stops the start with a message that names the variable.
 */
export const zConfigEnv = z.object({
  /** postgres://… to use a PostgreSQL server; unset for the embedded database. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), '应以 postgres:// 开头'),
  /** The PostgreSQL connection pool's size per process. */
  DB_POOL_SIZE: zInteger(10, 1, 200),
  /** The embedded database's folder (default ./data at the repository root). */
  DATA_DIR: z
    .string()
    .optional()
    .transform((value) => path.resolve(value?.trim() || path.join(repositoryRoot, 'data'))),
  PORT: zInteger(3000, 0, 65535),
  /**
   * Where to listen. With demo data on, only this machine (127.0.0.1) unless HOST is set: the demo's three
   * administrators share a published password. Otherwise every address (0.0.0.0).
   */
  HOST: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /** Load demo data into an empty database on first start (STIP_DEMO=off for production). */
  STIP_DEMO: zFlag(true),
  TRUST_PROXY: zTrustProxy,
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((value) => value?.trim().toLowerCase() || 'info')
    .pipe(z.enum(logLevels, { message: `应为 ${logLevels.join('/')} 之一` })),
  /** Run the daily jobs (reminders, overdue marking) in this process. */
  JOBS: zFlag(true),
  /** `on` marks the session cookie Secure always (behind a TLS-terminating proxy); `auto` when the request came by https. */
  COOKIE_SECURE: z
    .string()
    .optional()
    .transform((value, ctx): boolean | 'auto' => {
      const word = value?.trim().toLowerCase() ?? '';
      if (word === '' || word === 'auto') return 'auto';
      if (word in flagWords) return flagWords[word as keyof typeof flagWords];
      ctx.addIssue({ code: 'custom', message: `应为 on、off 或 auto，而不是 "${value}"` });
      return z.NEVER;
    }),
  PUBLIC_ORIGIN: zOrigins,
  /** Send Strict-Transport-Security (only when every user reaches STIP by https). */
  HSTS: zFlag(false),
  /** A session ends this many hours after sign-in, however active (besides the 8-hour idle limit). */
  SESSION_MAX_HOURS: zInteger(12, 1, 24 * 30),
  /**
   * Anonymous portal searches (a non-blank `q` on `/api/public/…`) one address may make a minute, counted together
   * across the portal's routes; signed-in users are not held to it.
   */
  PUBLIC_SEARCH_PER_MINUTE: zInteger(60, 1, 100_000),
  /**
   * Megabytes of read answers (the registry's list and counts) and signed-in sessions each process keeps between
   * requests, dropped on PostgreSQL's notice of any write; 0 keeps none.
   */
  READ_CACHE_MB: zInteger(32, 0, 4096),
  /** Keys the audit chain; unset: DATA_DIR/audit.key (made on first start). Checked for length where it is loaded. */
  AUDIT_KEY: z
    .string()
    .optional()
    .transform((value) => value || undefined),
  /** Bearer token that lets other hosts read GET /metrics. */
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
});

/** The configuration could not be read; the message names each bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Everything STIP reads from the environment, read and checked in one place. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = zConfigEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`配置有误，无法启动 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    host: e.HOST ?? (e.STIP_DEMO ? '127.0.0.1' : '0.0.0.0'),
    demo: e.STIP_DEMO,
    trustProxy: e.TRUST_PROXY.trustProxy,
    logLevel: e.LOG_LEVEL,
    /** JOBS=off: this process never runs the daily jobs (`stip jobs run` still does). */
    jobs: e.JOBS,
    cookieSecure: e.COOKIE_SECURE,
    publicOrigins: e.PUBLIC_ORIGIN,
    hsts: e.HSTS,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    /** Anonymous portal searches per address a minute (PUBLIC_SEARCH_PER_MINUTE, default 60). */
    publicSearchPerMinute: e.PUBLIC_SEARCH_PER_MINUTE,
    /** Megabytes of read answers kept between requests (READ_CACHE_MB, default 32; 0 keeps none). */
    readCacheMb: e.READ_CACHE_MB,
    /** Settings accepted but deprecated; printed at start. */
    warnings: [e.TRUST_PROXY.warning].filter((w): w is string => Boolean(w)),
    /** Keys the audit chain (AUDIT_KEY, ≥ 32 characters); unset: DATA_DIR/audit.key, made on first start. Same on every app server. */
    auditKey: e.AUDIT_KEY,
    /** Bearer token that lets other hosts read GET /metrics (METRICS_TOKEN); without it only loopback may. */
    metricsToken: e.METRICS_TOKEN,
  };
}
export type Config = ReturnType<typeof readConfig>;
