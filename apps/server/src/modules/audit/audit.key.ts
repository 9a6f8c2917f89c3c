import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../shared/app-error';
import { ErrorCode } from '@stip/contracts';

/** The secret that keys the audit chain and its checkpoints. It never enters the database. */
export interface AuditKey {
  secret: Buffer;
  /** First 16 hex digits of HMAC(secret, "stip-audit-key-id"): names the key without revealing it. */
  id: string;
}

/** Where the audit trail keeps what lives outside the database, for this process. */
export interface AuditTrailSettings {
  key: AuditKey;
  /** The append-only, HMAC-signed checkpoint file (DATA_DIR/audit.checkpoints); null keeps none. */
  checkpointFile: string | null;
}

export const auditKeyFileName = 'audit.key';
export const auditCheckpointFileName = 'audit.checkpoints';
const minimumKeyLength = 32;

export function auditKeyFrom(secret: Buffer): AuditKey {
  return { secret, id: createHmac('sha256', secret).update('stip-audit-key-id').digest('hex').slice(0, 16) };
}

// Until a command loads the real key (main.ts does before opening the database), records are keyed
// with a throwaway one: enough for in-memory databases (tests, benchmarks), never verifiable later.
let current: AuditTrailSettings = { key: auditKeyFrom(randomBytes(32)), checkpointFile: null };

/** The key and checkpoint file this process signs and verifies with. */
export function auditTrailSettings(): AuditTrailSettings {
  return current;
}

/** Sets the key and checkpoint file for this process (main.ts at start; tests). */
export function configureAuditTrail(settings: AuditTrailSettings): void {
  current = settings;
}

function keyFromText(text: string, source: string): AuditKey {
  const value = text.trim();
  if (value.length < minimumKeyLength) {
    throw new AppError(ErrorCode.Internal, { message: `审计密钥（${source}）太短：至少 ${minimumKeyLength} 个字符` });
  }
  return auditKeyFrom(Buffer.from(value, 'utf8'));
}

export interface LoadedAuditKey {
  key: AuditKey;
  /** `AUDIT_KEY`, or the key file's path. */
  source: string;
  /** Set when the key file was created now (first start). */
  created: boolean;
  /** Set when the key file can be read by other users (it should be mode 0600). */
  warning: string | null;
}

/**
 * The audit key: `AUDIT_KEY` when set, otherwise `DATA_DIR/audit.key`, created with 32 random bytes
 * and mode 0600 on first start. Every app server on one PostgreSQL must use the same key.
 */
export async function loadAuditKey(options: { envKey?: string | undefined; dataDir: string }): Promise<LoadedAuditKey> {
  if (options.envKey) return { key: keyFromText(options.envKey, 'AUDIT_KEY'), source: 'AUDIT_KEY', created: false, warning: null };
  const file = path.join(options.dataDir, auditKeyFileName);
  await mkdir(options.dataDir, { recursive: true });
  let created = false;
  try {
    // 'wx': never overwrite a key another process created a moment ago.
    await writeFile(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = keyFromText(await readFile(file, 'utf8'), file);
  const mode = (await stat(file)).mode & 0o777;
  const warning =
    process.platform !== 'win32' && mode & 0o077 ? `审计密钥文件 ${file} 其他用户可读（权限 ${mode.toString(8)}），请执行 chmod 600` : null;
  return { key, source: file, created, warning };
}
