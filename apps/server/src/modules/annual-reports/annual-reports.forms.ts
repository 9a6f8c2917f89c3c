import { type IndicatorDefinition, type IndicatorWarning, jumpWarningFactor } from '@stip/contracts';

/**
 * The default indicator form, from the provincial guideline (seed 004: 年度建设情况书面报告; 研发投入、人才团队、
 * 承担项目、知识产权与标准、成果转移转化、服务企业、开放共享) and DOMAIN.md's platform measures. City staff may
 * replace it, or give a type its own form, through PUT /api/annual-report-forms.
 */
export const defaultIndicatorForm: IndicatorDefinition[] = [
  { key: 'rdSpend', label: '研发经费投入', unit: '万元', kind: 'money', required: true, help: '本年度平台研究与试验发展经费支出合计' },
  { key: 'staffTotal', label: '从业人员总数', unit: '人', kind: 'count', required: true, help: '年末在平台工作的全部人员' },
  {
    key: 'staffResearchers',
    label: '其中：研发人员',
    unit: '人',
    kind: 'count',
    required: true,
    help: '从事研发活动的人员，不超过从业人员总数',
  },
  { key: 'projects', label: '承担科研项目', unit: '项', kind: 'count', required: true, help: '本年度在研的各级科研项目数' },
  {
    key: 'patentsApplied',
    label: '专利申请',
    unit: '件',
    kind: 'count',
    required: true,
    help: '本年度新申请的专利（发明、实用新型、外观设计）',
  },
  { key: 'patentsGranted', label: '专利授权', unit: '件', kind: 'count', required: true, help: '本年度获得授权的专利' },
  {
    key: 'standards',
    label: '制定标准',
    unit: '项',
    kind: 'count',
    required: false,
    help: '主持或参与制定的国际、国家、行业、地方、团体标准',
  },
  {
    key: 'achievementsTransferred',
    label: '成果转移转化',
    unit: '项',
    kind: 'count',
    required: true,
    help: '本年度转让、许可、作价投资的科技成果数',
  },
  { key: 'transferIncome', label: '成果转化收入', unit: '万元', kind: 'money', required: false, help: '成果转移转化取得的合同收入' },
  { key: 'enterprisesServed', label: '服务企业', unit: '家', kind: 'count', required: true, help: '提供技术服务、检测、咨询等的企业数' },
  { key: 'sharingHours', label: '开放共享机时', unit: '小时', kind: 'hours', required: false, help: '仪器设备对外开放共享的机时数' },
  { key: 'income', label: '平台总收入', unit: '万元', kind: 'money', required: false, help: '技术服务、成果转化、项目经费等收入合计' },
  { key: 'coBuilders', label: '共建单位', unit: '家', kind: 'count', required: false, help: '参与共建的单位数（按平台库预填）' },
  {
    key: 'summary',
    label: '年度工作总结',
    unit: '',
    kind: 'text',
    required: true,
    help: '建设运行情况、取得的主要成效、存在的问题和下一年度计划',
  },
];

export interface FigureProblems {
  /** Refusals: the report cannot be submitted with these. */
  errors: { field: string; message: string }[];
  /** Warnings: shown to the host and the reviewers, not blocking. */
  warnings: IndicatorWarning[];
}

/**
 * Checks a report's figures against its form: required indicators filled, 研发人员 ≤ 从业人员, 专利授权 flagged
 * when far above the applications, and a warning for any figure more than 3× last year's.
 */
export function checkFigures(
  form: readonly IndicatorDefinition[],
  figures: { indicators: Record<string, number>; narratives: Record<string, string> },
  lastYear: Record<string, number> | null,
  forSubmission: boolean,
): FigureProblems {
  const errors: FigureProblems['errors'] = [];
  const warnings: IndicatorWarning[] = [];
  for (const indicator of form) {
    if (indicator.kind === 'text') {
      const text = figures.narratives[indicator.key]?.trim() ?? '';
      if (forSubmission && indicator.required && !text) errors.push({ field: indicator.key, message: `请填写“${indicator.label}”` });
      continue;
    }
    const value = figures.indicators[indicator.key];
    if (value === undefined) {
      if (forSubmission && indicator.required) errors.push({ field: indicator.key, message: `请填写“${indicator.label}”` });
      continue;
    }
    if (value < 0) errors.push({ field: indicator.key, message: `“${indicator.label}”不能为负数` });
    if (indicator.kind !== 'money' && !Number.isInteger(value))
      errors.push({ field: indicator.key, message: `“${indicator.label}”应为整数` });
    const previous = lastYear?.[indicator.key];
    if (previous !== undefined && previous > 0 && value > previous * jumpWarningFactor) {
      warnings.push({
        key: indicator.key,
        message: `“${indicator.label}”${value}${indicator.unit}是上年（${previous}${indicator.unit}）的${(value / previous).toFixed(1)}倍，请核实`,
      });
    }
  }
  const { staffTotal, staffResearchers } = figures.indicators;
  if (staffTotal !== undefined && staffResearchers !== undefined && staffResearchers > staffTotal) {
    errors.push({ field: 'staffResearchers', message: '研发人员不能多于从业人员总数' });
  }
  return { errors, warnings };
}

/** The figures a report may hold on this form: numbers for numeric indicators, text for text ones; unknown keys refused. */
export function unknownKeys(
  form: readonly IndicatorDefinition[],
  indicators: Record<string, unknown>,
  narratives: Record<string, unknown>,
) {
  const numeric = new Set(form.filter((i) => i.kind !== 'text').map((i) => i.key));
  const textual = new Set(form.filter((i) => i.kind === 'text').map((i) => i.key));
  return [...Object.keys(indicators).filter((key) => !numeric.has(key)), ...Object.keys(narratives).filter((key) => !textual.has(key))];
}
