import { createHmac } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import type { AuditKey } from './audit.key';
import { sameDigest } from './audit.chain';

/**
 * A signed note of the chain's head at one moment: `seq` and its `hash`. Kept in an append-only file
 * outside the database, so someone who can rewrite the database (a superuser) cannot also make the
 * chain end earlier than a checkpoint says it reached, nor forge a checkpoint without the key.
 */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  mac: string;
}

function checkpointMac(key: AuditKey, checkpoint: Omit<AuditCheckpoint, 'mac' | 'keyId'>): string {
  return createHmac('sha256', key.secret)
    .update(`stip-audit-checkpoint\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.at}`)
    .digest('hex');
}

export function signCheckpoint(key: AuditKey, head: { seq: number; hash: string }, at = new Date()): AuditCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...unsigned, keyId: key.id, mac: checkpointMac(key, unsigned) };
}

/** Appends one checkpoint line (one `write` in append mode, so concurrent writers never interleave a line). */
export async function appendCheckpoint(file: string, checkpoint: AuditCheckpoint): Promise<void> {
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

export interface CheckpointReading {
  /** Checkpointed hash by sequence number. */
  hashBySeq: Map<number, string>;
  /** The highest checkpointed sequence number (0 when none). */
  maxSeq: number;
  count: number;
  /** The first line that is not a valid checkpoint signed with `key`, described; or null. */
  problem: string | null;
}

/** Reads and checks every checkpoint line; a missing file reads as no checkpoints. */
export async function readCheckpoints(file: string, key: AuditKey): Promise<CheckpointReading> {
  const reading: CheckpointReading = { hashBySeq: new Map(), maxSeq: 0, count: 0, problem: null };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reading;
    throw error;
  }
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    // A crash mid-write can leave the last line cut short; that is not an attack.
    const isLast = index >= lines.length - 2;
    let checkpoint: AuditCheckpoint;
    try {
      checkpoint = JSON.parse(line) as AuditCheckpoint;
    } catch {
      if (isLast) continue;
      reading.problem = `检查点文件第 ${index + 1} 行无法读取`;
      return reading;
    }
    if (checkpoint.keyId !== key.id) {
      reading.problem = `检查点文件第 ${index + 1} 行由另一把审计密钥签名（密钥编号 ${checkpoint.keyId}，当前密钥 ${key.id}）`;
      return reading;
    }
    if (
      !Number.isInteger(checkpoint.seq) ||
      typeof checkpoint.hash !== 'string' ||
      typeof checkpoint.mac !== 'string' ||
      !sameDigest(checkpointMac(key, checkpoint), checkpoint.mac)
    ) {
      reading.problem = `检查点文件第 ${index + 1} 行的签名无效`;
      return reading;
    }
    const earlier = reading.hashBySeq.get(checkpoint.seq);
    if (earlier !== undefined && earlier !== checkpoint.hash) {
      reading.problem = `检查点文件对第 ${checkpoint.seq} 条记录给出两个不同的哈希`;
      return reading;
    }
    reading.hashBySeq.set(checkpoint.seq, checkpoint.hash);
    reading.maxSeq = Math.max(reading.maxSeq, checkpoint.seq);
    reading.count++;
  }
  return reading;
}
