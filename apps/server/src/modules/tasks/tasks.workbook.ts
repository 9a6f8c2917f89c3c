import ExcelJS from 'exceljs';
import { type Supervision, taskStatusLabels, taskUnitRoleLabels } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** 督查 as a workbook: one row per (unit, task), grouped by unit, late tasks first and highlighted. */
export async function renderSupervisionWorkbook(supervision: Supervision, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('任务督查', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = [
    { header: '责任单位', width: 26 },
    { header: '角色', width: 7 },
    { header: '工作任务', width: 26 },
    { header: '具体内容', width: 60 },
    { header: '完成时限', width: 16 },
    { header: '状态', width: 8 },
    { header: '逾期天数', width: 9 },
    { header: '最新进展', width: 50 },
    { header: '完成比例', width: 9 },
    { header: '填报时间', width: 17 },
  ];
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = `${title}（截至${supervision.asOf}，导出于${formatChinaTime(new Date())}）`;
  titleCell.font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = columns.map((column) => column.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = border;
  });
  for (const unit of supervision.items) {
    for (const task of unit.tasks) {
      const row = sheet.addRow([
        unit.unit.name,
        taskUnitRoleLabels[task.role],
        task.title,
        task.content,
        task.deadlineText ?? task.deadline ?? '持续推进',
        task.isLate ? '逾期' : taskStatusLabels[task.status],
        task.daysLate || '',
        task.latestReport?.text ?? '',
        task.latestReport ? `${task.latestReport.percent}%` : '',
        task.latestReport ? formatChinaTime(new Date(task.latestReport.reportedAt)) : '',
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
      row.eachCell((cell) => (cell.border = border));
      if (task.isLate) row.getCell(6).font = { color: { argb: 'FFC00000' }, bold: true };
    }
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
