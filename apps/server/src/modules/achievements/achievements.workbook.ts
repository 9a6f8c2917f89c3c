import ExcelJS from 'exceljs';
import {
  type Achievement,
  achievementMaturityLabels,
  type ContactField,
  ownerTypeLabels,
  publicationStatusLabels,
  transferModeLabels,
} from '@stip/contracts';

/**
 * The Excel form of achievements: the import template's columns (the imports module builds the template and reads
 * uploads with them) and the export of a filtered list, which has the same columns plus status and region so an
 * exported file can be edited and imported again (rows are matched on 外部编号).
 */

export interface WorkbookColumn {
  header: string;
  required?: boolean;
  width?: number;
  options?: string[];
  note?: string;
}

export const achievementSheetName = '科技成果';
export const listSeparator = /[、,，;；\n]+/;
export const splitList = (text: string | undefined) =>
  (text ?? '')
    .split(listSeparator)
    .map((s) => s.trim())
    .filter(Boolean);

const reverse = <K extends string>(record: Record<K, string>) => new Map(Object.entries(record).map(([k, v]) => [v as string, k as K]));
export const contactFieldLabels: Record<ContactField, string> = { name: '联系人', phone: '电话', email: '邮箱' };

export const achievementColumns: WorkbookColumn[] = [
  { header: '成果名称', required: true, width: 36 },
  { header: '成果简介', width: 60 },
  { header: '关键词', width: 24, note: '多个关键词用顿号“、”分隔' },
  { header: '学科' },
  { header: '技术领域' },
  { header: '所属产业' },
  { header: '成熟度', options: Object.values(achievementMaturityLabels) },
  { header: '专利号', width: 24, note: '多项专利用顿号“、”分隔，如 ZL202110000001.X' },
  { header: '所属单位', width: 30, note: '单位名称或统一社会信用代码，须已在“单位”中登记；不填时须填写“成果持有人”' },
  { header: '成果持有人', width: 20, note: '成果不属于已登记单位时填写（个人或外部机构）' },
  { header: '持有人类型', options: Object.values(ownerTypeLabels), note: '仅在填写“成果持有人”时使用；填写所属单位时按单位类型确定' },
  { header: '团队', width: 24 },
  { header: '转化方式', options: Object.values(transferModeLabels), note: '多种方式可用顿号“、”分隔（如“转让、许可”）' },
  { header: '最低价格（万元）' },
  { header: '最高价格（万元）' },
  { header: '联系人' },
  { header: '联系电话' },
  { header: '电子邮箱', width: 24 },
  { header: '公开联系方式', width: 20, note: '门户网站可展示的联系方式：联系人、电话、邮箱，用顿号分隔；不填则均不公开' },
  { header: '外部编号', width: 20, note: '可选。已有相同外部编号的成果按本行更新，重复导入不会产生新记录' },
];

/** The contract field each column fills, so validation messages name the column the user sees. */
export const achievementFieldColumns: Record<string, string> = {
  title: '成果名称',
  abstract: '成果简介',
  keywords: '关键词',
  discipline: '学科',
  technicalField: '技术领域',
  industry: '所属产业',
  maturity: '成熟度',
  patents: '专利号',
  ownerOrganizationId: '所属单位',
  ownerName: '成果持有人',
  ownerType: '持有人类型',
  team: '团队',
  transferModes: '转化方式',
  priceMin: '最低价格（万元）',
  priceMax: '最高价格（万元）',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  publishedContact: '公开联系方式',
};

export const achievementInstructions = [
  '科技成果导入模板：每行一项成果，带 * 的列必填。',
  '所属单位填写单位名称或统一社会信用代码（须已登记且在您的管辖范围内）；成果不属于已登记单位时，改填“成果持有人”和“持有人类型”。',
  '成熟度可选：实验室、小试、中试、产业化；转化方式可选：转让、许可、作价入股、合作开发（多种用顿号分隔）。',
  '价格单位为万元，最低价格不能高于最高价格。公开联系方式决定门户网站上展示哪些联系方式，未选的不会公开。',
  '导入的成果为草稿，由所属单位或科技局提交审核；科技局人员导入时可选择“直接发布”。',
  '填写了外部编号且系统中已有该编号的成果时，按本行内容更新（已提交审核、已关闭或已归档的成果不能更新）。',
  '任何一行有错误时整份文件都不会导入，系统会列出每一行、每一列的问题，可在“导入记录”中下载错误报告。',
];

const maturityByLabel = reverse(achievementMaturityLabels);
const transferByLabel = reverse(transferModeLabels);
const ownerTypeByLabel = reverse(ownerTypeLabels);
const contactByLabel = new Map<string, ContactField>([
  ['联系人', 'name'],
  ['姓名', 'name'],
  ['电话', 'phone'],
  ['联系电话', 'phone'],
  ['邮箱', 'email'],
  ['电子邮箱', 'email'],
]);

const amount = (text: string | undefined) => {
  if (!text) return null;
  const value = Number(text.replace(/[,，\s]/g, ''));
  return Number.isFinite(value) ? value : text;
};

/**
 * A sheet row as the raw create input (validated by the caller with `zCreateAchievement`), and the problems only
 * the sheet can name (an unknown label). `ownerOrganizationId` is resolved by the caller from the 所属单位 column.
 */
export function achievementRowInput(
  cells: Record<string, string>,
  ownerOrganizationId: string | null,
): { input: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const pick = <T>(column: string, map: Map<string, T>, text: string): T | undefined => {
    const value = map.get(text);
    if (text && value === undefined)
      errors.push({ field: column, message: `“${text}”不是可选的${column}（${[...map.keys()].join('、')}）` });
    return value;
  };
  const maturity = pick('成熟度', maturityByLabel, cells['成熟度'] ?? '');
  const transferModes = splitList(cells['转化方式']).flatMap((label) => {
    const mode = pick('转化方式', transferByLabel, label);
    return mode ? [mode] : [];
  });
  const publishedContact = splitList(cells['公开联系方式']).flatMap((label) => {
    const field = pick('公开联系方式', contactByLabel, label);
    return field ? [field] : [];
  });
  const ownerType = pick('持有人类型', ownerTypeByLabel, cells['持有人类型'] ?? '');
  const orNull = (text: string | undefined) => (text ? text : null);
  return {
    input: {
      title: cells['成果名称'] ?? '',
      abstract: cells['成果简介'] ?? '',
      keywords: splitList(cells['关键词']),
      discipline: orNull(cells['学科']),
      technicalField: orNull(cells['技术领域']),
      industry: orNull(cells['所属产业']),
      maturity: maturity ?? null,
      patents: splitList(cells['专利号']).map((number) => ({ number })),
      ownerOrganizationId,
      ownerName: orNull(cells['成果持有人']),
      ownerType: ownerType ?? null,
      team: orNull(cells['团队']),
      transferModes,
      priceMin: amount(cells['最低价格（万元）']),
      priceMax: amount(cells['最高价格（万元）']),
      contactName: orNull(cells['联系人']),
      contactPhone: orNull(cells['联系电话']),
      contactEmail: orNull(cells['电子邮箱']),
      publishedContact,
    },
    errors,
  };
}

/** The export of a filtered list: the template's columns (so it imports again) plus 状态, 所在区域 and 发布时间. */
export async function buildAchievementsWorkbook(items: Achievement[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet(achievementSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const extra: WorkbookColumn[] = [{ header: '状态' }, { header: '所在区域' }, { header: '发布时间', width: 20 }];
  sheet.columns = [...achievementColumns, ...extra].map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const a of items) {
    sheet.addRow([
      a.title,
      a.abstract,
      a.keywords.join('、'),
      a.discipline ?? '',
      a.technicalField ?? '',
      a.industry ?? '',
      a.maturity ? achievementMaturityLabels[a.maturity] : '',
      a.patents.map((p) => p.number).join('、'),
      a.ownerOrganization?.name ?? '',
      a.ownerOrganization ? '' : (a.ownerName ?? ''),
      a.ownerOrganization || !a.ownerType ? '' : ownerTypeLabels[a.ownerType],
      a.team ?? '',
      a.transferModes.map((m) => transferModeLabels[m]).join('、'),
      a.priceMin ?? '',
      a.priceMax ?? '',
      a.contactName ?? '',
      a.contactPhone ?? '',
      a.contactEmail ?? '',
      a.publishedContact.map((f) => contactFieldLabels[f]).join('、'),
      a.externalId ?? '',
      publicationStatusLabels[a.status],
      a.region?.name ?? '',
      a.publishedAt ? new Date(a.publishedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
