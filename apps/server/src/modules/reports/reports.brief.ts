import ExcelJS from 'exceljs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  labels,
  livePlatformStatuses,
  type Plan,
  type PlatformLevel,
  platformLevels,
  type Target,
  type Task,
  targetComparatorLabels,
  targetKindSpec,
  targetStatusLabels,
  type TargetStatus,
} from '@stip/contracts';
import type { ActorContext } from '../../shared/context';
import { formatChineseDay, formatChineseMoment, todayInChina } from '../../shared/clock';
import { findAllTargets } from '../targets';
import { targetPlatformScope } from '../targets';
import { countInForceByGroup, findRegistryFacts, findTypeNames } from '../targets';
import { countMatching, resolveCriteria } from '../targets';
import { findAllTasks } from '../tasks';
import { daysLate } from '../tasks';
import { getVisiblePlanRow, toPlan } from '../plans';

/** Everything a progress brief states, gathered once for both the Word and the Excel rendering. */
interface BriefFigures {
  plan: Plan;
  asOf: string;
  generatedAt: string;
  targets: Target[];
  lateTasks: Task[];
  platforms: { systemName: string; typeName: string; level: PlatformLevel; count: number }[];
}

/** Live platforms in force on `day` in the plan's region (as the actor may see them), per type. */
async function countLivePlatformsByType(ctx: ActorContext, day: string, regionPath: string): Promise<BriefFigures['platforms']> {
  const facts = await findRegistryFacts(ctx.db);
  const types = await findTypeNames(ctx.db);
  const groups = await countInForceByGroup(ctx.db, day, targetPlatformScope(ctx.actor));
  return types
    .map((type) => ({
      systemName: type.systemName,
      typeName: type.name,
      level: type.level,
      count: countMatching(
        groups,
        resolveCriteria(
          { typeIds: [type.id], levels: [], systemIds: [], statuses: livePlatformStatuses, regionPath },
          facts.types,
          facts.regions,
        ),
      ),
    }))
    .filter((row) => row.count > 0);
}

async function gatherBrief(ctx: ActorContext, planId: string, asOf: string | undefined): Promise<BriefFigures> {
  const day = asOf ?? todayInChina();
  const row = await getVisiblePlanRow(ctx, planId);
  const targets = await findAllTargets(ctx, day, planId);
  // Every late task, however many: a brief that silently drops some would misreport who is behind.
  const lateTasks = await findAllTasks(ctx, { planId, lateOn: day });
  const platforms = await countLivePlatformsByType(ctx, day, row.regionPath);
  return {
    plan: toPlan(row, ctx.actor),
    asOf: day,
    generatedAt: formatChineseMoment(new Date()),
    targets,
    lateTasks,
    platforms,
  };
}

const number = (value: number | null) =>
  value === null ? '未填报' : Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');

/** "不少于15家", or for coverage "全部7个区域（100%）". */
export function requirementText(target: Target): string {
  if (targetKindSpec(target.kind).figureUnit === 'regions') return `${target.progress.required}个区域（${number(target.value)}%）`;
  return `${targetComparatorLabels[target.comparator]}${number(target.value)}${target.unit}`;
}

/**
 * "12家", "6/8个区域，尚无：渠县、开江县", "1家（2021-04-15已有1家，非本期突破）" for a breakthrough made
 * before the baseline, with "（本辖区）" when the figure is the actor's part only.
 */
export function figureText(target: Target): string {
  const p = target.progress;
  const spec = targetKindSpec(target.kind);
  let text: string;
  if (spec.figureUnit === 'regions') {
    const empty = p.emptyRegions?.map((region) => region.name).join('、');
    text = `${number(p.current)}/${number(p.required)}个区域${empty ? `，尚无：${empty}` : ''}`;
  } else if (target.perRegion) {
    const lagging = p.laggingRegions?.map((region) => region.name).join('、');
    text = `${number(p.current)}/${number(p.required)}个区域达标${lagging ? `，未达标：${lagging}` : ''}`;
  } else if (p.current === null) {
    const units = target.reportingUnits.map((unit) => unit.name).join('、');
    text = `未报送${units ? `（${units}）` : ''}`;
  } else text = `${p.additionsSince ? '新增' : ''}${number(p.current)}${target.unit}`;
  if (p.series)
    text += `（${p.series
      .filter((year) => year.status !== null)
      .map((year) => `${year.year}年${year.current === null ? '未报送' : number(year.current)}`)
      .join('，')}）`;
  if (p.contribution) text += `（${p.contribution.region.name}${number(p.contribution.current)}${target.unit}）`;
  if (p.report) text += `（${p.report.period}，${p.report.source}）`;
  if (spec.baseline === 'reportedBeside' && p.baselineCount)
    text += `（${formatChineseDay(p.start.date)}已有${number(p.baselineCount)}${target.unit}，非本期突破）`;
  return p.isScopeLimited && !p.contribution ? `${text}（本辖区）` : text;
}

/** The Excel brief's category: the kind's, "新建数量" for a count of new platforms only. */
const briefCategory = (target: Target) => {
  const spec = targetKindSpec(target.kind);
  return target.basis === 'added' ? `新建${spec.briefCategory}` : spec.briefCategory;
};

const unitsText = (task: Task) =>
  [task.leadUnits.map((u) => u.name).join('、'), task.participantUnits.map((u) => u.name).join('、')].filter(Boolean).join('，');

function statusSummary(targets: Target[]): string {
  const counts = (status: TargetStatus) => targets.filter((t) => t.progress.status === status).length;
  return (['achieved', 'on_track', 'at_risk', 'missed', 'no_data'] as const)
    .map((s) => `${targetStatusLabels[s]}${counts(s)}项`)
    .join('，');
}

// ——— Word ———

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, options: { bold?: boolean; width?: number; shade?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    ...(options.shade ? { shading: { fill: 'EDEDED' } } : {}),
    children: [
      new Paragraph({
        alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold ?? false, size: 21 })],
      }),
    ],
  });
}

function table(headers: { text: string; width: number }[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h) => cell(h.text, { bold: true, width: h.width, shade: true, center: true })),
      }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, { width: headers[i]!.width })) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });
const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 520 }, children: [new TextRun(text)] });

function levelTotals(figures: BriefFigures) {
  return platformLevels.map((level) => ({
    level,
    count: figures.platforms.filter((p) => p.level === level).reduce((sum, p) => sum + p.count, 0),
  }));
}

/** The brief as an A4 Word document: title, date, the plan, the targets' figures and status, late tasks, platforms by type and level. */
export async function buildPlanBriefDocx(ctx: ActorContext, planId: string, asOf?: string): Promise<{ fileName: string; content: Buffer }> {
  const figures = await gatherBrief(ctx, planId, asOf);
  const { plan } = figures;
  const title = `《${plan.title}》推进情况简报`;
  const totals = levelTotals(figures);
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `数据截至${formatChineseDay(figures.asOf)}，生成于${figures.generatedAt}`, size: 24 })],
    }),
    heading('一、规划概况'),
    body(
      [
        `《${plan.title}》`,
        plan.issuingBody ? `由${plan.issuingBody}印发` : null,
        plan.documentNo ? `（${plan.documentNo}）` : null,
        plan.issuedOn ? `，印发日期${plan.issuedOn}` : null,
        `，规划期${formatChineseDay(plan.periodStart)}至${formatChineseDay(plan.periodEnd)}，覆盖${plan.regionName}。`,
        `共设目标${figures.targets.length}项、重点任务${plan.taskCount}项。`,
      ]
        .filter(Boolean)
        .join(''),
    ),
    heading('二、目标进展'),
    body(
      `截至${formatChineseDay(figures.asOf)}，${figures.targets.length}项目标中${statusSummary(figures.targets)}。平台类目标按平台库当日在册数据自动计算，数额、指数类目标为最新填报数。`,
    ),
    table(
      [
        { text: '序号', width: 6 },
        { text: '目标', width: 34 },
        { text: '要求', width: 16 },
        { text: '当前', width: 22 },
        { text: '状态', width: 10 },
        { text: '期限', width: 12 },
      ],
      figures.targets.map((t, i) => [
        String(i + 1),
        t.subject,
        requirementText(t),
        figureText(t),
        targetStatusLabels[t.progress.status],
        formatChineseDay(t.deadline),
      ]),
    ),
    heading('三、逾期任务'),
    figures.lateTasks.length
      ? body(`截至${formatChineseDay(figures.asOf)}，共有${figures.lateTasks.length}项任务超过完成时限尚未完成，请责任单位抓紧推进。`)
      : body(`截至${formatChineseDay(figures.asOf)}，无逾期任务。`),
    ...(figures.lateTasks.length
      ? [
          table(
            [
              { text: '工作任务', width: 18 },
              { text: '具体内容', width: 34 },
              { text: '责任单位（逗号前为牵头单位）', width: 26 },
              { text: '完成时限', width: 12 },
              { text: '逾期天数', width: 10 },
            ],
            figures.lateTasks.map((task) => [
              task.title,
              task.content,
              unitsText(task),
              task.deadlineText ?? (task.deadline ? formatChineseDay(task.deadline) : ''),
              String(daysLate(task, figures.asOf)),
            ]),
          ),
        ]
      : []),
    heading('四、平台分布'),
    body(
      `${plan.regionName}现有在册（建设期、运行、整改）平台${totals.reduce((s, t) => s + t.count, 0)}家，其中${
        totals
          .filter((t) => t.count > 0)
          .map((t) => `${labels.platformLevel[t.level]}${t.count}家`)
          .join('、') || '暂无'
      }。`,
    ),
    table(
      [
        { text: '体系', width: 22 },
        { text: '平台类型', width: 42 },
        { text: '级别', width: 18 },
        { text: '数量（家）', width: 18 },
      ],
      [
        ...figures.platforms.map((p) => [p.systemName, p.typeName, labels.platformLevel[p.level], String(p.count)]),
        ...totals
          .filter((t) => t.count > 0)
          .map((t) => ['合计', `${labels.platformLevel[t.level]}平台`, labels.platformLevel[t.level], String(t.count)]),
      ],
    ),
  ];
  const document = new Document({
    creator: 'STIP 科技创新平台体系管理系统',
    title,
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' }, size: 32 } },
        title: {
          run: { font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' }, size: 40, bold: false },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { font: { eastAsia: '黑体', ascii: 'Times New Roman' }, size: 32, bold: false, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return { fileName: `${plan.title}-进展简报-${figures.asOf}.docx`, content: await Packer.toBuffer(document) };
}

// ——— Excel ———

/** The same figures as a workbook: 概况, 目标进展, 逾期任务, 平台分布. */
export async function buildPlanBriefXlsx(ctx: ActorContext, planId: string, asOf?: string): Promise<{ fileName: string; content: Buffer }> {
  const figures = await gatherBrief(ctx, planId, asOf);
  const { plan } = figures;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = (name: string, columns: { header: string; width: number }[]) => {
    const ws = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };
  const overview = sheet('概况', [
    { header: '项目', width: 16 },
    { header: '内容', width: 70 },
  ]);
  overview.addRows([
    ['规划', plan.title],
    ['印发机关', plan.issuingBody ?? ''],
    ['文号', plan.documentNo ?? ''],
    ['印发日期', plan.issuedOn ?? ''],
    ['规划期', `${plan.periodStart} 至 ${plan.periodEnd}`],
    ['覆盖区域', plan.regionName],
    ['数据截至', figures.asOf],
    ['生成时间', figures.generatedAt],
    ['目标状态', statusSummary(figures.targets)],
  ]);
  const targets = sheet('目标进展', [
    { header: '序号', width: 6 },
    { header: '目标', width: 48 },
    { header: '类别', width: 10 },
    { header: '要求', width: 18 },
    { header: '当前值', width: 10 },
    { header: '应达值', width: 10 },
    { header: '说明', width: 40 },
    { header: '状态', width: 10 },
    { header: '期限', width: 12 },
  ]);
  figures.targets.forEach((t, i) =>
    targets.addRow([
      i + 1,
      t.subject,
      briefCategory(t),
      requirementText(t),
      t.progress.current,
      t.progress.required,
      figureText(t),
      targetStatusLabels[t.progress.status],
      t.deadline,
    ]),
  );
  const late = sheet('逾期任务', [
    { header: '工作任务', width: 24 },
    { header: '具体内容', width: 60 },
    { header: '牵头单位', width: 28 },
    { header: '参与单位', width: 40 },
    { header: '完成时限', width: 14 },
    { header: '逾期天数', width: 10 },
  ]);
  for (const task of figures.lateTasks) {
    late.addRow([
      task.title,
      task.content,
      task.leadUnits.map((u) => u.name).join('、'),
      task.participantUnits.map((u) => u.name).join('、'),
      task.deadlineText ?? task.deadline ?? '',
      daysLate(task, figures.asOf),
    ]);
  }
  const platforms = sheet('平台分布', [
    { header: '体系', width: 20 },
    { header: '平台类型', width: 32 },
    { header: '级别', width: 10 },
    { header: '数量', width: 10 },
  ]);
  for (const p of figures.platforms) platforms.addRow([p.systemName, p.typeName, labels.platformLevel[p.level], p.count]);
  for (const t of levelTotals(figures))
    platforms.addRow(['合计', `${labels.platformLevel[t.level]}平台`, labels.platformLevel[t.level], t.count]);
  for (const ws of [overview, targets, late, platforms]) ws.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }));
  return { fileName: `${plan.title}-进展简报-${figures.asOf}.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
