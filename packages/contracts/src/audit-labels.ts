import { annualReportActionLabels, annualReportStatusLabels } from './annual-reports';
import { publicationActionLabels } from './achievements';
import { achievementMaturityLabels, publicationStatusLabels } from './sharing';
import { applicationActionLabels, applicationStatusLabels, callActionLabels, callStatusLabels } from './calls';
import { challengeActionLabels } from './challenges';
import { evaluationLabels, evaluationRoundActionLabels } from './evaluations';
import { grantActionLabels, grantKindLabels, grantStatusLabels } from './funding';
import { labels } from './labels';
import { platformPropertyLabels } from './platforms';
import { targetComparatorLabels, targetKindLabels, targetStatusLabels } from './targets';
import { taskStatusLabels, taskUnitRoleLabels } from './tasks';

/**
 * How the audit trail reads in Chinese: action names, object types, field names and enum values.
 * One dictionary, used by the server (sentences, the Chinese action filter, the Excel export) and
 * by the web page, so an auditor sees the same words everywhere.
 */

/** Chinese names of the audited actions (`platform.update` → 修改平台). */
export const auditActionLabels: Record<string, string> = {
  'call.create': '新建申报通知',
  'call.update': '修改申报通知',
  'call.delete': '删除申报通知',
  'call.transition': '申报通知状态变更',
  'application.create': '新建申报',
  'application.update': '修改申报',
  'application.material.add': '上传申报材料',
  'application.material.remove': '删除申报材料',
  'application.objection.add': '登记公示异议',
  'application.objection.resolve': '处理公示异议',
  'expert.create': '新增专家',
  'expert.update': '修改专家信息',
  'expert.delete': '删除专家',
  'expert.settings': '修改专家抽取设置',
  'rubric.save': '保存评审指标',
  'panel.draw': '抽取评审专家',
  'panel.chair': '指定评审组长',
  'panel.declare': '专家回避声明',
  'panel.conclude': '形成评审结论',
  'annual-report.open-year': '开启年度报告填报',
  'annual-report.update-year': '调整年度报告期限',
  'annual-report.form': '修改年度报告指标表',
  'annual-report.save': '保存年度报告',
  'evaluation-result.figures': '记录考核指标数据',
  'funding.budget.create': '设定年度预算',
  'funding.budget.update': '修改年度预算',
  'funding.rule.create': '新增资助标准',
  'funding.rule.update': '修改资助标准',
  'funding.rule.delete': '删除资助标准',
  'funding.grant.create': '新建资助',
  'funding.grant.update': '修改资助',
  'funding.payment.create': '登记拨付',
  'funding.expenditure.create': '登记支出',
  'catalogue.create': '新增名录条目',
  'catalogue.update': '修改名录条目',
  'search-dictionary.create': '新增检索词条',
  'search-dictionary.update': '修改检索词条',
  'search-dictionary.delete': '删除检索词条',
  'achievement.import': '导入科技成果（JSON 行）',
  'platform.transition': '平台状态变更',
  'taxonomy.system.update': '修改平台体系',
  'auth.second_factor_requested': '登录（待二次验证）',
  'auth.second_factor_failed': '二次验证失败',
  'user.two_factor_enrolment_start': '开始绑定动态口令',
  'user.two_factor_enable': '启用动态口令',
  'user.two_factor_disable': '停用动态口令',
  'user.two_factor_recovery_codes_regenerate': '重新生成恢复码',
  'user.reset_two_factor': '重置动态口令',
  'user.reset_two_factor_console': '重置动态口令（命令行）',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.lock': '账号锁定',
  'system.setup': '系统初始化',
  'system.setup_refused': '初始化被拒绝（令牌无效）',
  'system.seed_demo': '载入演示数据',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.assign_role': '分配角色',
  'user.enable': '启用账号',
  'user.disable': '停用账号',
  'user.reset_password': '重置密码',
  'user.change_password': '修改密码',
  'user.reset_password_console': '服务器上重置密码',
  'user.unlock': '解除登录锁定',
  'region.create': '新增区域',
  'region.update': '修改区域',
  'organization.create': '新增单位',
  'organization.update': '修改单位',
  'organization.delete': '删除单位',
  'organization.qualification.add': '登记资质',
  'organization.qualification.remove': '撤回资质',
  'taxonomy.system.create': '新增体系',
  'taxonomy.type.create': '新增平台类型',
  'taxonomy.type.update': '修改平台类型',
  'taxonomy.type.retire': '撤并平台类型',
  'platform.create': '新增平台',
  'platform.update': '修改平台',
  'platform.delete': '删除平台',
  'platform.convert_type': '平台转换类型',
  'import.organizations': '导入单位',
  'import.platforms': '导入平台',
  'plan.create': '新增规划',
  'plan.update': '修改规划',
  'plan.delete': '删除规划',
  'policy_document.upload': '政策文件入库',
  'policy_document.link_plan': '政策文件关联规划',
  'policy_document.re_extract': '政策文件重新提取',
  'policy_document.keep_extraction': '保留重新提取结果',
  'policy_document.delete': '删除政策文件',
  'target.create': '新增目标',
  'target.update': '修改目标',
  'target.delete': '删除目标',
  'target.report': '填报目标数值',
  'task.create': '新增任务',
  'task.update': '修改任务',
  'task.delete': '删除任务',
  'task.status': '变更任务状态',
  'task.report': '报送任务进展',
  'task.report.attach': '上传进展附件',
  'notification.read': '阅读通知',
  'job.daily': '每日定时任务',
  'evaluation-round.create': '发起考核',
  'evaluation-round.update': '修改考核轮次',
  'evaluation-round.transition': '考核轮次流转',
  'evaluation-result.update': '录入考核评分或调整结果',
  'evaluation-formula.create': '新建评估指标体系',
  'evaluation-formula.update': '修改评估指标体系',
  'rectification.order': '下达整改',
  'rectification.submit': '提交整改报告',
  'rectification.pass': '整改核查通过',
  'rectification.fail': '整改核查不通过',
  'rectification.extend': '延长整改期限',
  // Part A (issue 13): achievements and demands (their lifecycle moves are named below).
  'achievement.create': '新增科技成果',
  'achievement.update': '修改科技成果',
  'achievement.delete': '删除科技成果',
  'demand.create': '新增技术需求',
  'demand.update': '修改技术需求',
  'demand.delete': '删除技术需求',
  'import.achievements': '导入科技成果',
  'import.demands': '导入技术需求',
  'challenge.create': '新建揭榜挂帅榜单',
  'challenge.update': '修改揭榜挂帅榜单',
  'challenge.application.create': '揭榜申请',
  'challenge.application.withdraw': '撤回揭榜申请',
  'challenge.milestone.create': '新增项目节点',
  'challenge.milestone.update': '修改项目节点',
  'challenge.milestone.delete': '删除项目节点',
  'challenge.milestone.complete': '项目节点完成',
  'lead.create': '记录对接',
  'lead.update': '修改对接记录',
  'lead.contact': '对接记录：联系',
  'lead.negotiate': '对接记录：洽谈',
  'lead.sign': '对接记录：签约',
  'lead.drop': '对接记录：终止',
  'technology-contract.create': '登记技术合同',
  'technology-contract.update': '修改技术合同',
  'technology-contract.delete': '删除技术合同',
};

/** The lifecycle moves audited as `<record>.<action>`, named from the lifecycle's own action labels. */
const lifecycleAuditActions: [prefix: string, record: string, actions: Record<string, string>][] = [
  ['application.', '申报', applicationActionLabels],
  ['annual-report.', '年度报告', annualReportActionLabels],
  ['funding.grant.', '资助', grantActionLabels],
  ['achievement.', '科技成果', publicationActionLabels],
  ['demand.', '技术需求', publicationActionLabels],
  ['challenge.', '揭榜挂帅', challengeActionLabels],
];

/** Every action the trail can hold with its Chinese name (the catalogue and the lifecycle moves). */
export function allAuditActionLabels(): Record<string, string> {
  const all: Record<string, string> = {};
  for (const [prefix, record, actions] of lifecycleAuditActions) {
    for (const [action, label] of Object.entries(actions)) all[`${prefix}${action}`] = `${record}：${label}`;
  }
  return { ...all, ...auditActionLabels };
}

/** The Chinese name of an audit action (`platform.update` → 修改平台); an action not in the catalogue shows as recorded. */
export function auditActionLabel(action: string): string {
  const named = auditActionLabels[action];
  if (named) return named;
  for (const [prefix, record, actions] of lifecycleAuditActions) {
    const move = action.startsWith(prefix) ? actions[action.slice(prefix.length)] : undefined;
    if (move) return `${record}：${move}`;
  }
  return action;
}

/** Chinese names of the audited object types. */
export const auditObjectTypeLabels: Record<string, string> = {
  user: '账号',
  region: '区域',
  organization: '单位',
  platform: '平台',
  platform_type: '平台类型',
  platform_system: '平台体系',
  system: '系统',
  plan: '规划',
  target: '目标',
  task: '任务',
  task_report: '任务进展',
  policy_document: '政策文件',
  notification: '通知',
  job_run: '定时任务',
  call: '申报通知',
  application: '申报',
  expert: '专家',
  expert_settings: '专家抽取设置',
  panel: '评审专家组',
  panel_member: '评审专家',
  review_rubric: '评审指标',
  annual_report: '年度报告',
  annual_report_form: '年度报告指标表',
  annual_report_year: '年度报告年度',
  evaluation_round: '考核轮次',
  evaluation_result: '考核结果',
  evaluation_formula: '评估指标体系',
  rectification: '整改',
  funding_budget: '年度预算',
  funding_subsidy_rule: '资助标准',
  funding_grant: '资助',
  catalogue_entry: '名录条目',
  search_dictionary_term: '检索词条',
  achievement: '科技成果',
  demand: '技术需求',
  challenge: '揭榜挂帅榜单',
  challenge_application: '揭榜申请',
  challenge_milestone: '揭榜项目节点',
  match_lead: '对接记录',
  technology_contract: '技术合同',
};

export function auditObjectTypeLabel(objectType: string): string {
  return auditObjectTypeLabels[objectType] ?? objectType;
}

/** Field names every object type shares; an object type's own names (below) take precedence. */
export const auditCommonFieldLabels: Record<string, string> = {
  id: '编号',
  name: '名称',
  title: '标题',
  status: '状态',
  level: '级别',
  kind: '类型',
  version: '版本',
  reason: '理由',
  note: '说明',
  remarks: '备注',
  changeNote: '变更说明',
  effectiveDate: '生效日期',
  action: '操作',
  isDemo: '演示数据',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  deletedAt: '删除时间',
  regionId: '区域',
  regionName: '区域',
  organizationId: '单位',
  organizationName: '单位',
  platformId: '平台',
  platformName: '平台',
  planId: '规划',
  typeId: '平台类型',
  typeName: '平台类型',
  typeIds: '平台类型',
  systemId: '平台体系',
  systemName: '平台体系',
  userId: '账号',
  username: '登录名',
  displayName: '姓名',
  role: '角色',
  isActive: '启用',
  parentId: '上级',
  code: '代码',
  address: '地址',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  creditCode: '统一社会信用代码',
  deadline: '期限',
  dueDate: '完成时限',
  content: '内容',
  description: '说明',
  year: '年度',
  amount: '金额',
  outcome: '处理结果',
  outcomeReason: '处理理由',
  grade: '等级',
  requirements: '整改要求',
  period: '期间',
  value: '数值',
  progress: '进度',
  sourceIp: '来源IP',
  fileName: '文件名',
  filename: '文件名',
  count: '数量',
  imported: '导入条数',
  error: '错误',
  result: '结果',
  applicationId: '申报',
  callId: '申报通知',
  roundId: '考核轮次',
  resultId: '考核结果',
  expertId: '专家',
  panelId: '评审专家组',
  subject: '目标内容',
  comparator: '比较方式',
  unit: '单位',
  recognizedOn: '认定日期',
  periodFrom: '起始年度',
  periodTo: '截止年度',
};

/** Field names of one object type where they differ from the common ones (platforms name theirs as the registry does). */
export const auditFieldLabels: Record<string, Record<string, string>> = {
  platform: {
    ...platformPropertyLabels,
    action: '操作',
  },
  region: { name: '区域名称', level: '层级', parentId: '上级区域', code: '区划代码' },
  organization: { name: '单位名称', kind: '单位类型', regionId: '所在区域' },
  user: { regionId: '管辖区域', organizationId: '所属单位', phone: '联系电话', email: '电子邮箱' },
  plan: { title: '规划名称' },
  task: { title: '任务名称' },
  target: { kind: '目标类型' },
  platform_type: { name: '类型名称', systemId: '所属体系' },
};

/** Chinese labels of enum values, by field; an object type's own (below) take precedence. */
export const auditCommonValueLabels: Record<string, Record<string, string>> = {
  role: labels.role,
  actorRole: labels.role,
  grade: evaluationLabels.grade,
  outcome: evaluationLabels.outcome,
};

export const auditValueLabels: Record<string, Record<string, Record<string, string>>> = {
  platform: { status: labels.platformStatus, level: labels.platformLevel, action: labels.platformAction },
  platform_type: { level: labels.platformLevel },
  region: { level: labels.regionLevel },
  organization: { kind: labels.organizationKind },
  target: { status: targetStatusLabels, kind: targetKindLabels, comparator: targetComparatorLabels },
  task: { status: taskStatusLabels, role: taskUnitRoleLabels },
  call: { status: callStatusLabels, action: callActionLabels },
  application: { status: applicationStatusLabels, action: applicationActionLabels },
  annual_report: { status: annualReportStatusLabels, action: annualReportActionLabels },
  evaluation_round: { status: evaluationLabels.roundStatus, action: evaluationRoundActionLabels },
  funding_grant: { status: grantStatusLabels, kind: grantKindLabels, action: grantActionLabels },
  achievement: { status: publicationStatusLabels, action: publicationActionLabels, maturity: achievementMaturityLabels },
  demand: { status: publicationStatusLabels, action: publicationActionLabels },
};

/** The Chinese name of a field of an object type, or null when the dictionary has none. */
export function auditFieldLabel(objectType: string, field: string): string | null {
  return auditFieldLabels[objectType]?.[field] ?? auditCommonFieldLabels[field] ?? null;
}

/** The Chinese label of an enum value of a field, or null when it is not an enum the dictionary knows. */
export function auditValueLabel(objectType: string, field: string, value: string): string | null {
  return auditValueLabels[objectType]?.[field]?.[value] ?? auditCommonValueLabels[field]?.[value] ?? null;
}
