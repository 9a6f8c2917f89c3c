import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { type RequestContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import * as repository from './search.repository';
import { refreshSearchVectors } from './search.service';

/**
 * `stip achievements import FILE.jsonl`: achievements from JSON lines (`title`, `abstract`, `keywords`,
 * `discipline`, optional `id` kept as the external id), in transactions of `batchSize` rows, idempotent on the
 * external id (a row already there with the same text is skipped, a changed one updated). One audit record per
 * batch (action achievement.import, the batch's counts and external ids).
 */

const zLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  title: z.string().trim().min(1).max(500),
  abstract: z.string().max(20_000).default(''),
  keywords: z.array(z.string().max(100)).max(50).default([]),
  discipline: z.string().max(100).nullish(),
});

export interface ImportOptions {
  batchSize?: number;
  /** Leave keywords out of the search index (they are still stored). */
  indexKeywords?: boolean;
  /** Shown with each row, e.g. 真实论文摘要（CSL 数据集）. */
  dataSource?: string | null;
  /** Called after each batch with the lines read so far. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  lines: number;
  inserted: number;
  updated: number;
  skipped: number;
  invalid: { line: number; message: string }[];
}

export interface ImportSummary extends ImportProgress {
  milliseconds: number;
}

async function importBatch(ctx: RequestContext, rows: repository.ImportRow[], options: Required<Omit<ImportOptions, 'onProgress'>>) {
  return inTransaction(ctx, async (tx) => {
    const written = await repository.upsertImportedAchievements(tx, rows, options);
    await refreshSearchVectors(
      tx,
      'achievement',
      written.map((row) => row.id),
    );
    const inserted = written.filter((row) => row.inserted).length;
    const updated = written.length - inserted;
    if (written.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'achievement.import',
        objectType: 'achievement',
        objectId: written[0]!.id,
        after: {
          inserted,
          updated,
          skipped: rows.length - written.length,
          dataSource: options.dataSource,
          externalIds: rows.map((row) => row.externalId).filter((id) => id !== null),
        },
      });
    }
    return { inserted, updated, skipped: rows.length - written.length };
  });
}

/** Imports the JSON lines of a file (see above). Invalid lines are counted and reported, never fatal. */
export async function importAchievementsJsonl(ctx: RequestContext, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const settings = {
    batchSize: options.batchSize ?? 500,
    indexKeywords: options.indexKeywords ?? true,
    dataSource: options.dataSource ?? null,
  };
  const progress: ImportProgress = { lines: 0, inserted: 0, updated: 0, skipped: 0, invalid: [] };
  let batch: repository.ImportRow[] = [];
  const batchIds = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await importBatch(ctx, batch, settings);
    progress.inserted += result.inserted;
    progress.updated += result.updated;
    progress.skipped += result.skipped;
    batch = [];
    batchIds.clear();
    options.onProgress?.(progress);
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    progress.lines += 1;
    if (!text.trim()) continue;
    let parsed: z.infer<typeof zLine>;
    try {
      parsed = zLine.parse(JSON.parse(text));
    } catch (error) {
      const message =
        error instanceof z.ZodError
          ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
          : '不是合法的 JSON';
      if (progress.invalid.length < 100) progress.invalid.push({ line: progress.lines, message });
      continue;
    }
    const externalId = parsed.id === undefined ? null : String(parsed.id);
    // A second line with the same id in one file: the later one wins, in its own batch (one statement cannot upsert a row twice).
    if (externalId !== null && batchIds.has(externalId)) await flush();
    if (externalId !== null) batchIds.add(externalId);
    batch.push({
      externalId,
      title: parsed.title,
      abstract: parsed.abstract.trim(),
      keywords: parsed.keywords.map((keyword) => keyword.trim()).filter((keyword) => keyword.length > 0),
      discipline: parsed.discipline ?? null,
    });
    if (batch.length >= settings.batchSize) await flush();
  }
  await flush();
  return { ...progress, milliseconds: Math.round(performance.now() - started) };
}
