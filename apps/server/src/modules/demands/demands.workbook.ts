import ExcelJS from 'exceljs';
import { type ContactField, type Demand, publicationStatusLabels } from '@stip/contracts';
import { contactFieldLabels, splitList, type WorkbookColumn } from '../achievements';

/** The Excel form of demands: the import template's columns and the export of a filtered list (same columns, plus status). */

export const demandSheetName = '技术需求';

export const demandColumns: WorkbookColumn[] = [
  { header: '需求名称', required: true, width: 36 },
  { header: '需求描述', width: 60 },
  { header: '关键词', width: 24, note: '多个关键词用顿号“、”分隔' },
  { header: '技术领域' },
  { header: '所属产业' },
  { header: '预算（万元）' },
  { header: '截止日期', note: 'YYYY-MM-DD' },
  { header: '需求单位', width: 30, note: '单位名称或统一社会信用代码，须已在“单位”中登记；未登记的企业改填“企业名称”' },
  { header: '企业名称', width: 30, note: '需求单位未登记时填写' },
  { header: '联系人' },
  { header: '联系电话' },
  { header: '电子邮箱', width: 24 },
  { header: '公开联系方式', width: 20, note: '门户网站可展示的联系方式：联系人、电话、邮箱，用顿号分隔；不填则均不公开' },
  { header: '外部编号', width: 20, note: '可选。已有相同外部编号的需求按本行更新，重复导入不会产生新记录' },
];

export const demandFieldColumns: Record<string, string> = {
  title: '需求名称',
  description: '需求描述',
  keywords: '关键词',
  technicalField: '技术领域',
  industry: '所属产业',
  budget: '预算（万元）',
  deadline: '截止日期',
  enterpriseOrganizationId: '需求单位',
  enterpriseName: '企业名称',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  publishedContact: '公开联系方式',
};

export const demandInstructions = [
  '技术需求导入模板：每行一项需求，带 * 的列必填。',
  '需求单位填写单位名称或统一社会信用代码（须已登记且在您的管辖范围内）；企业未登记时改填“企业名称”。',
  '预算单位为万元；截止日期格式 YYYY-MM-DD。公开联系方式决定门户网站上展示哪些联系方式，未选的不会公开。',
  '导入的需求为草稿，由需求单位或科技局提交审核；科技局人员导入时可选择“直接发布”。',
  '填写了外部编号且系统中已有该编号的需求时，按本行内容更新（已提交审核、已关闭或已归档的需求不能更新）。',
  '任何一行有错误时整份文件都不会导入，系统会列出每一行、每一列的问题，可在“导入记录”中下载错误报告。',
];

const contactByLabel = new Map<string, ContactField>(
  Object.entries(contactFieldLabels).flatMap(([field, label]) => [[label, field as ContactField]]),
);

/** A sheet row as the raw create input (validated by the caller with `zCreateDemand`), and the problems only the sheet can name. */
export function demandRowInput(
  cells: Record<string, string>,
  enterpriseOrganizationId: string | null,
): { input: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const publishedContact = splitList(cells['公开联系方式']).flatMap((label) => {
    const field = contactByLabel.get(label) ?? (label === '联系电话' ? 'phone' : label === '电子邮箱' ? 'email' : undefined);
    if (!field) errors.push({ field: '公开联系方式', message: `“${label}”不是可选的联系方式（联系人、电话、邮箱）` });
    return field ? [field] : [];
  });
  const orNull = (text: string | undefined) => (text ? text : null);
  const budgetText = cells['预算（万元）'];
  const budget = budgetText ? Number(budgetText.replace(/[,，\s]/g, '')) : null;
  return {
    input: {
      title: cells['需求名称'] ?? '',
      description: cells['需求描述'] ?? '',
      keywords: splitList(cells['关键词']),
      technicalField: orNull(cells['技术领域']),
      industry: orNull(cells['所属产业']),
      budget: budget !== null && Number.isFinite(budget) ? budget : budgetText ? budgetText : null,
      deadline: orNull(cells['截止日期']),
      enterpriseOrganizationId,
      enterpriseName: orNull(cells['企业名称']),
      contactName: orNull(cells['联系人']),
      contactPhone: orNull(cells['联系电话']),
      contactEmail: orNull(cells['电子邮箱']),
      publishedContact,
    },
    errors,
  };
}

/** The export of a filtered list: the template's columns plus 状态, 所在区域 and 发布时间. */
export async function buildDemandsWorkbook(items: Demand[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet(demandSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const extra: WorkbookColumn[] = [{ header: '状态' }, { header: '所在区域' }, { header: '发布时间', width: 20 }];
  sheet.columns = [...demandColumns, ...extra].map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const d of items) {
    sheet.addRow([
      d.title,
      d.description,
      d.keywords.join('、'),
      d.technicalField ?? '',
      d.industry ?? '',
      d.budget ?? '',
      d.deadline ?? '',
      d.enterpriseOrganization?.name ?? '',
      d.enterpriseOrganization ? '' : (d.enterpriseName ?? ''),
      d.contactName ?? '',
      d.contactPhone ?? '',
      d.contactEmail ?? '',
      d.publishedContact.map((f) => contactFieldLabels[f]).join('、'),
      d.externalId ?? '',
      publicationStatusLabels[d.status],
      d.region?.name ?? '',
      d.publishedAt ? new Date(d.publishedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
