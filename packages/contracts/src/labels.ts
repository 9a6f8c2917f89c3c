import type { ErrorCode } from './errors';
import type { Role } from './roles';
import type { RegionLevel } from './regions';
import type { OrganizationKind, QualificationKind } from './organizations';
import type { PlatformLevel } from './taxonomy';
import type { PlatformAction, PlatformStatus } from './platforms';

/**
 * Chinese labels of the domain's enumerations and the default message of each error code.
 * The server answers with these messages; the web catalogue (apps/web/src/shared/i18n) builds on them.
 */
export const labels = {
  role: {
    sysadmin: '系统管理员',
    secadmin: '安全管理员',
    auditadmin: '审计管理员',
    city_staff: '市科技局',
    department_staff: '市级部门',
    county_staff: '县（市、区）科技部门',
    host_user: '依托单位',
    expert: '专家',
    leader: '领导',
  } satisfies Record<Role, string>,
  regionLevel: { province: '省', city: '市（州）', county: '县（市、区）', zone: '功能区' } satisfies Record<RegionLevel, string>,
  organizationKind: {
    enterprise: '企业',
    university: '高等院校',
    institute: '科研院所',
    hospital: '医疗机构',
    department: '政府部门',
    county_government: '县（市、区）人民政府',
    zone_committee: '园区管委会',
    agency: '服务机构',
  } satisfies Record<OrganizationKind, string>,
  qualificationKind: {
    tech_sme: '科技型中小企业',
    high_tech: '高新技术企业',
    gazelle: '瞪羚企业',
    above_scale: '规上企业',
  } satisfies Record<QualificationKind, string>,
  platformLevel: { national: '国家级', provincial: '省级', city: '市级', county: '县级' } satisfies Record<PlatformLevel, string>,
  platformStatus: {
    cultivating: '培育',
    constructing: '建设期',
    operating: '运行',
    rectifying: '整改',
    revoked: '撤销',
    merged: '已转并',
  } satisfies Record<PlatformStatus, string>,
  platformAction: {
    startConstruction: '开始建设',
    startOperation: '建成运行',
    orderRectification: '责令整改',
    completeRectification: '整改完成',
    revoke: '撤销',
    merge: '转并',
  } satisfies Record<PlatformAction, string>,
};

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '提交的内容不符合要求',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已锁定，请稍后再试',
  TWO_FACTOR_CODE_INVALID: '动态验证码或恢复码不正确，或已使用过',
  LOGIN_CHALLENGE_EXPIRED: '登录验证已过期，请重新输入用户名和密码',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  FORBIDDEN: '没有执行此操作的权限',
  ADMINISTRATOR_PROTECTED: '三权分立：不能通过账号管理修改管理员账号或本人账号，也不能授予管理员角色',
  NOT_FOUND: '记录不存在或不在您的管辖范围内',
  VERSION_CONFLICT: '该记录已被他人修改，请刷新后重试',
  ALREADY_EXISTS: '记录已存在',
  RULE_VIOLATION: '操作不符合业务规则',
  TRANSITION_NOT_ALLOWED: '当前状态下不能进行此操作',
  IMPORT_REJECTED: '导入文件有错误，未导入任何数据',
  SETUP_ALREADY_DONE: '系统已完成初始化',
  SETUP_TOKEN_INVALID:
    '初始化令牌不正确或已失效，请查看服务器启动时控制台输出或数据目录中的 setup-token 文件；令牌失效后重启服务会生成新令牌',
  PASSWORD_CHANGE_REQUIRED: '密码已被管理员重置，请先修改密码',
  PAYLOAD_REJECTED: '上传内容过大或格式不受支持',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  INTERNAL: '系统内部错误，请联系管理员',
};
