import ExcelJS from 'exceljs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  type ApplicationDetail,
  applicationActionLabels,
  applicationStatusLabels,
  eligibilityOutcomeLabels,
  labels,
  objectionResolutionLabels,
  sixHavesItems,
  sixHavesLabels,
} from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';
import type { ActorContext } from '../../shared/context';
import { findCallApplicationsForExport, getApplication } from './calls.service';
import { findApplicationPanels } from '../experts';

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, options: { bold?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    ...(options.shade ? { shading: { fill: 'EDEDED' } } : {}),
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold ?? false, size: 21 })] })),
  });
}

function table(headers: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, { bold: true, shade: true })) }),
      ...(rows.length ? rows : [headers.map((_, i) => (i === 0 ? '（无）' : ''))]).map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text)) }),
      ),
    ],
  });
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const time = (iso: string | null) => (iso ? formatChinaTime(new Date(iso)) : '');
const yesNo = (value: boolean | null | undefined) => (value === true ? '是' : value === false ? '否' : '未填');

/** The application dossier as one Word file: the form, materials with their SHA-256, eligibility, versions, review records, objections. */
export async function buildDossierDocx(ctx: ActorContext, id: string): Promise<{ fileName: string; content: Buffer }> {
  const a: ApplicationDetail = await getApplication(ctx, id);
  const form = a.form;
  const children = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${a.platformName} 认定申报材料`)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${a.callTitle} · 当前状态：${applicationStatusLabels[a.status]} · 导出时间：${formatChinaTime(new Date())}`)],
    }),
    heading('一、申报表'),
    table(
      ['项目', '内容'],
      [
        ['平台名称', a.platformName],
        ['平台类型', `${a.type.name}（${labels.platformLevel[a.type.level as keyof typeof labels.platformLevel] ?? a.type.level}）`],
        ['依托单位', a.organization.name],
        ['所在区域', a.region.name],
        ['共建单位', a.coBuilders.map((c) => c.name).join('、')],
        ['技术领域', a.technicalFields.join('、')],
        ['合作者', a.collaborators.map((c) => (c.organization ? `${c.name}（${c.organization}）` : c.name)).join('、')],
        ['平台负责人', form.director ?? ''],
        ['上年度研发投入（万元）', form.rdSpendLastYear == null ? '' : String(form.rdSpendLastYear)],
        ['研发人员（人）', form.researchStaff == null ? '' : String(form.researchStaff)],
        ...sixHavesItems.map((item) => [`六有：${sixHavesLabels[item]}`, yesNo(form.sixHaves?.[item])]),
        ['平台概况', form.summary ?? ''],
        ['提交时间', time(a.submittedAt)],
        ['认定文号', a.recognitionDocNo ?? ''],
        ['认定日期', a.recognizedOn ?? ''],
      ],
    ),
    heading('二、申报材料'),
    table(
      ['材料', '文件名', '大小（字节）', 'SHA-256'],
      a.materials.map((m) => [a.call.materials.find((x) => x.code === m.code)?.name ?? m.code, m.fileName, String(m.size), m.sha256]),
    ),
    heading('三、资格条件核验（当前）'),
    table(
      ['条件', '结果', '说明'],
      a.eligibility.map((e) => [e.label, eligibilityOutcomeLabels[e.outcome], e.detail]),
    ),
    heading('四、审核记录'),
    table(
      ['时间', '办理人', '操作', '状态', '意见', '当时的资格核验'],
      a.reviews.map((r) => [
        time(r.createdAt),
        r.actorName,
        applicationActionLabels[r.action],
        `${applicationStatusLabels[r.fromStatus]} → ${applicationStatusLabels[r.toStatus]}`,
        r.comment ?? '',
        (r.eligibility ?? []).map((e) => `${e.label}：${eligibilityOutcomeLabels[e.outcome]}`).join('\n'),
      ]),
    ),
    heading('五、历次提交版本'),
    table(
      ['版本', '提交时间', '平台名称', '材料（文件名 · SHA-256）'],
      a.versions.map((v) => {
        const snapshot = v.snapshot as { platformName?: string; materials?: { fileName: string; sha256: string }[] };
        return [
          `第${v.seq}版`,
          time(v.createdAt),
          snapshot.platformName ?? '',
          (snapshot.materials ?? []).map((m) => `${m.fileName} · ${m.sha256}`).join('\n'),
        ];
      }),
    ),
    heading('六、公示与异议'),
    new Paragraph({
      children: [new TextRun(a.noticeEndsOn ? `公示期：${a.noticeStartsOn ?? ''} 至 ${a.noticeEndsOn}（工作日）` : '尚未公示')],
    }),
    table(
      ['登记时间', '异议人', '异议内容', '处理结果', '处理意见'],
      a.objections.map((o) => [
        time(o.recordedAt),
        o.raisedBy,
        o.text,
        o.resolution ? objectionResolutionLabels[o.resolution] : '待处理',
        o.resolutionNote ?? '',
      ]),
    ),
  ];
  children.push(...(await expertReviewSection(ctx, a.id)));
  const document = new Document({
    creator: 'STIP 科技创新平台体系管理系统',
    title: `${a.platformName} 认定申报材料`,
    styles: {
      default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' }, size: 24 } } },
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return { fileName: `${a.platformName}-申报材料.docx`, content: await Packer.toBuffer(document) };
}

/**
 * 七、专家评审: each panel's experts, their totals and opinions, the panel's result and the chair's consensus —
 * for readers who may see panels (staff); an applicant's copy leaves the experts' names out, as review is blind.
 */
async function expertReviewSection(ctx: ActorContext, applicationId: string): Promise<(Paragraph | Table)[]> {
  const section: (Paragraph | Table)[] = [heading('七、专家评审')];
  if (!ctx.actor.permissions.includes('expert:read')) {
    section.push(new Paragraph({ children: [new TextRun('专家评审情况由管理部门掌握，不向申报单位公开。')] }));
    return section;
  }
  const panels = (await findApplicationPanels(ctx, applicationId)).items;
  if (!panels.length) section.push(new Paragraph({ children: [new TextRun('尚未抽取评审专家')] }));
  const score = (value: number | null) => (value === null ? '' : value.toFixed(2));
  for (const panel of panels) {
    const r = panel.result;
    section.push(
      new Paragraph({ children: [new TextRun(`抽取时间：${time(panel.drawnAt)}；随机种子：${panel.seed}；专家 ${panel.size} 名`)] }),
      table(
        ['专家', '职称', '单位', '组长', '总分', '评审意见'],
        panel.seats
          .filter((seat) => !seat.replacedAt)
          .map((seat) => [
            seat.expert.name,
            seat.expert.title,
            seat.expert.organizationName,
            seat.isChair ? '是' : '',
            score(seat.total),
            seat.opinion ?? '',
          ]),
      ),
      new Paragraph({
        children: [
          new TextRun(
            `已提交 ${r.submitted}/${r.seats}；平均分 ${score(r.mean)}；极差 ${score(r.range)}；标准差 ${score(r.stdDev)}` +
              (r.rank ? `；在本批 ${r.rankedAmong} 项中排第 ${r.rank} 名` : '') +
              (r.outliers.length ? `；偏离较大：${r.outliers.map((o) => o.name).join('、')}` : ''),
          ),
        ],
      }),
      new Paragraph({ children: [new TextRun(`专家组意见：${panel.consensus ?? '尚未形成'}`)] }),
    );
  }
  return section;
}

/** A call's review results as Excel: one row per application the actor sees, with its eligibility and last review record. */
export async function buildCallApplicationsXlsx(ctx: ActorContext, callId: string): Promise<{ fileName: string; content: Buffer }> {
  const { call, applications } = await findCallApplicationsForExport(ctx, callId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('评审结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  const checks = call.eligibilityRules.map((r) => r.code);
  sheet.columns = [
    { header: '平台名称', width: 36 },
    { header: '平台类型', width: 24 },
    { header: '依托单位', width: 32 },
    { header: '所在区域', width: 12 },
    { header: '状态', width: 14 },
    { header: '提交时间', width: 17 },
    ...checks.map((code) => ({
      header: call.eligibilityRules.length ? (applications[0]?.eligibility.find((e) => e.code === code)?.label ?? code) : code,
      width: 18,
    })),
    { header: '最近审核意见', width: 40 },
    { header: '公示截止', width: 12 },
    { header: '认定文号', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const a of applications) {
    const last = [...a.reviews].reverse().find((r) => r.comment);
    sheet.addRow([
      a.platformName,
      a.type.name,
      a.organization.name,
      a.region.name,
      applicationStatusLabels[a.status],
      time(a.submittedAt),
      ...checks.map((code) => {
        const result = a.eligibility.find((e) => e.code === code);
        return result ? eligibilityOutcomeLabels[result.outcome] : '';
      }),
      last ? `${last.actorName}：${last.comment}` : '',
      a.noticeEndsOn ?? '',
      a.recognitionDocNo ?? '',
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return { fileName: `${call.title}-评审结果.xlsx`, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
