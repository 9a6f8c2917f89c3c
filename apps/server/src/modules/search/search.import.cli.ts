import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Database } from '../../db/client';
import { systemContext } from '../../shared/context';
import { importAchievementsJsonl, type ImportSummary } from './search.import';

export const achievementsImportUsage = `stip achievements import FILE.jsonl [--no-keywords] [--label 文字] [--batch 500]
  从 JSON 行文件导入科技成果（title、abstract、keywords、discipline，可选 id 作为外部编号；按外部编号幂等）
  --no-keywords   关键词照常保存但不进入检索索引（CSL 数据集的查询即关键词时使用）
  --label 文字     标注数据来源，随成果显示，例如 "真实论文摘要（CSL 数据集）"`;

/** The `achievements import` subcommand: a progress bar on a terminal, a line per batch otherwise; a summary at the end. */
export async function runAchievementsImportCli(db: Database, args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'no-keywords': { type: 'boolean' }, label: { type: 'string' }, batch: { type: 'string' } },
  });
  const [action, file] = positionals;
  if (action !== 'import' || !file) {
    out(achievementsImportUsage);
    return 2;
  }
  if (!existsSync(file)) {
    out(`找不到文件：${file}`);
    return 2;
  }
  const batchSize = values.batch ? Number(values.batch) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    out('--batch 须为 1–5000 的整数');
    return 2;
  }
  const size = (await stat(file)).size;
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { format: '导入 [{bar}] {value}/{total} 行 | 新增 {inserted} 更新 {updated} 跳过 {skipped}' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  // The total is estimated from the file size until the end (lines are read as a stream).
  let estimatedLines = 0;
  const summary: ImportSummary = await importAchievementsJsonl(systemContext(db), file, {
    batchSize,
    indexKeywords: !values['no-keywords'],
    dataSource: values.label ?? null,
    onProgress: (progress) => {
      const payload = { inserted: progress.inserted, updated: progress.updated, skipped: progress.skipped };
      if (bar) {
        if (estimatedLines === 0) {
          estimatedLines = Math.max(progress.lines, Math.round(size / 800));
          bar.start(estimatedLines, progress.lines, payload);
        }
        if (progress.lines > estimatedLines) bar.setTotal((estimatedLines = progress.lines));
        bar.update(progress.lines, payload);
      } else {
        out(`已读 ${progress.lines} 行：新增 ${progress.inserted}，更新 ${progress.updated}，未变跳过 ${progress.skipped}`);
      }
    },
  });
  if (bar) {
    bar.setTotal(summary.lines);
    bar.update(summary.lines);
    bar.stop();
  }
  for (const invalid of summary.invalid) out(`第 ${invalid.line} 行无效：${invalid.message}`);
  out(
    `完成：共 ${summary.lines} 行，新增 ${summary.inserted}，更新 ${summary.updated}，未变跳过 ${summary.skipped}，无效 ${summary.invalid.length}，用时 ${(summary.milliseconds / 1000).toFixed(1)} 秒`,
  );
  return summary.invalid.length > 0 ? 1 : 0;
}
