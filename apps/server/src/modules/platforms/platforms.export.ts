import { labels, type PlatformExportQuery, platformExportMaxRows, platformFieldLabels } from '@stip/contracts';
import { ruleViolation } from '../../shared/app-error';
import type { ActorContext } from '../../shared/context';
import { formatChinaTime, todayInChina } from '../../shared/clock';
import { getOrganizationName } from '../organizations';
import type { RegionRow } from '../regions';
import { registryFilter, toPlatforms } from './platforms.queries';
import * as repository from './platforms.repository';
import { renderPlatformWorkbook } from './platforms.workbook';

/** The export's title line: what was filtered, as of which day, and when it was exported. */
async function describeExport(ctx: ActorContext, query: PlatformExportQuery, region: RegionRow | null): Promise<string> {
  const parts: string[] = [];
  if (query.systemId)
    parts.push(`${platformFieldLabels.system}：${(await repository.getPlatformSystemName(ctx.db, query.systemId)) ?? '（不存在）'}`);
  if (query.typeId?.length)
    parts.push(`${platformFieldLabels.type}：${(await repository.findPlatformTypeNames(ctx.db, query.typeId)).join('、')}`);
  if (query.level?.length)
    parts.push(`${platformFieldLabels.level}：${query.level.map((level) => labels.platformLevel[level]).join('、')}`);
  if (region) parts.push(`${platformFieldLabels.region}：${region.name}（含下级）`);
  if (query.status?.length)
    parts.push(`${platformFieldLabels.status}：${query.status.map((status) => labels.platformStatus[status]).join('、')}`);
  if (query.industry) parts.push(`${platformFieldLabels.industry}：${query.industry}`);
  if (query.hostOrganizationId) {
    parts.push(`${platformFieldLabels.hostOrganization}：${(await getOrganizationName(ctx.db, query.hostOrganizationId)) ?? '（不存在）'}`);
  }
  if (query.keyword) parts.push(`关键词：“${query.keyword}”`);
  return [
    '科技创新平台名录',
    `筛选条件：${parts.length ? parts.join('；') : '全部'}`,
    `数据状态：${query.asOf ? `截至 ${query.asOf}（历史状态）` : '当前'}；导出时间：${formatChinaTime(new Date())}`,
  ].join('\n');
}

const exportBatchSize = 5000;

/** The filtered registry as an Excel workbook: the list's rows and columns, in the list's order. */
export async function exportPlatforms(
  ctx: ActorContext,
  query: PlatformExportQuery,
): Promise<{ filename: string; asciiFilename: string; content: Buffer }> {
  const { filter, region } = await registryFilter(ctx, query);
  const title = await describeExport(ctx, query, region);
  // One read-only snapshot, so the batches add up to exactly the rows the count saw.
  const content = await ctx.db.transaction(
    async (tx) => {
      const total = await repository.countRegistryRows(tx, filter);
      if (total > platformExportMaxRows) {
        throw ruleViolation(`符合条件的平台有 ${total} 个，超过单次导出上限 ${platformExportMaxRows} 个，请缩小筛选范围后再导出`);
      }
      async function* batches() {
        for (let offset = 0; offset < total; offset += exportBatchSize) {
          const rows = await repository.findRegistryRows(tx, filter, { ...query, limit: exportBatchSize, offset });
          yield toPlatforms(rows);
        }
      }
      return renderPlatformWorkbook(title, batches());
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const stamp = (query.asOf ?? todayInChina()).replaceAll('-', '');
  return { filename: `科技创新平台名录-${stamp}.xlsx`, asciiFilename: `platforms-${stamp}.xlsx`, content };
}
