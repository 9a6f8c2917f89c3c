import { z } from 'zod';

/**
 * Roles are mutually exclusive: a user holds exactly one. The three administrators split the
 * powers (三权分立) and none of them sees or changes business records.
 */
export const roles = [
  'sysadmin', // 系统管理员: regions, accounts' existence, system settings
  'secadmin', // 安全管理员: roles, scopes, unlocking, password resets
  'auditadmin', // 审计管理员: reads and verifies the audit trail
  'city_staff', // 市科技局: the whole city, read and write
  'department_staff', // 其他市级部门: the platform types their organisation supervises
  'county_staff', // 县（市、区）科技部门: their region subtree, read and write
  'host_user', // 依托单位: their own organisation's records
  'expert', // 专家: the applications of their own panels only
  'leader', // 领导: read-only, whole city
] as const;
export const zRole = z.enum(roles);
export type Role = z.infer<typeof zRole>;

/** What a route may require. `public` routes need no session; `authenticated` need any session. */
export const permissions = [
  'public',
  'authenticated',
  'region:read',
  'region:write',
  'organization:read',
  'organization:write', // register and delete organisations in scope, keep their qualifications
  'organization:edit', // change organisations in scope (host users: only their own organisation's contact data)
  'taxonomy:read',
  'taxonomy:write',
  'platform:read',
  'platform:write', // register platforms, move them through their lifecycle, delete mistaken records
  'platform:edit', // change platforms in scope (host users: only the descriptive fields of the platforms they host)
  'import:write',
  'user:read',
  'user:create',
  'user:assign',
  'audit:read',
  'plan:read', // plans, their targets with progress, tasks and their reports (scoped)
  'plan:write', // record plans, targets and tasks, and report target figures
  'task:report', // file progress reports for the tasks of the units one acts for, and report the figures of targets those tasks serve as lead unit
  'cockpit:read', // the leaders' cockpit (领导驾驶舱)
  'call:read', // calls for applications (申报通知) and their rules
  'call:write', // publish and manage calls
  'application:write', // fill, submit and withdraw applications for one's own organisation
  'application:review', // county / department / city review steps on applications in scope
  'expert:read', // the expert pool (contact data masked unless expert:write)
  'expert:write', // keep the pool, draw panels
  'panel:score', // declare conflicts and score the applications of one's own panels (experts)
  'annual-report:read', // read the yearly reports in scope (own organisation's, region subtree, supervised types)
  'annual-report:file', // file the yearly reports of one's own platforms
  'annual-report:review', // pre-review (county) and review (city) yearly reports in scope
  'evaluation:read',
  'evaluation:write', // open, score, publish and apply evaluation rounds; order and check rectifications
  'funding:read',
  'funding:write', // budgets, grants, payments and expenditure lines
  // search (issue 13, part B)
  'search-dictionary:write', // keep the search's domain dictionary (检索词典)
  // 揭榜挂帅 (challenges module)
  'challenge:read', // lists in scope: the bureau's subtree, one's own organisation's, and every released list
  'challenge:write', // publish and manage one's own lists (enterprises), review, release and manage lists in scope (bureau staff)
  'challenge:apply', // apply to a released list for one's own organisation (揭榜)
  // 科技成果 and 技术需求 (achievements and demands modules)
  'achievement:read', // achievements in scope (host users: their own organisation's, and every published one)
  'achievement:write', // create and edit achievements (host users: their own organisation's drafts), submit them for review
  'achievement:review', // publish, return, take back, close, reopen and archive achievements in scope (bureau staff)
  'demand:read',
  'demand:write',
  'demand:review',
  // Matching, leads (对接记录) and technology contracts
  'matching:read', // 智能匹配: the ranked candidates of a demand or achievement in scope, with reasons
  'lead:write', // record matches as leads (对接记录) and follow them up, in scope
  'technology-contract:read', // registered technology contracts in scope
  'technology-contract:write', // register, change and delete technology contracts in scope
] as const;
export const zPermission = z.enum(permissions);
export type Permission = z.infer<typeof zPermission>;

const registryReader: Permission[] = ['region:read', 'organization:read', 'taxonomy:read', 'platform:read'];
// Who reads, writes and reviews achievements and demands.
const sharingStaff: Permission[] = [
  'achievement:read',
  'achievement:write',
  'achievement:review',
  'demand:read',
  'demand:write',
  'demand:review',
];
const sharingOwner: Permission[] = ['achievement:read', 'achievement:write', 'demand:read', 'demand:write'];
const sharingReader: Permission[] = ['achievement:read', 'demand:read'];
/** Bureau staff match, follow leads and register contracts in their scope; leaders and departments read. */
const matchingStaff: Permission[] = ['matching:read', 'lead:write', 'technology-contract:read', 'technology-contract:write'];
const matchingReader: Permission[] = ['matching:read', 'technology-contract:read'];

/** The role → permission table. Deny by default: a permission not listed is refused. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  sysadmin: ['region:read', 'region:write', 'user:read', 'user:create'],
  secadmin: ['region:read', 'user:read', 'user:assign'],
  auditadmin: ['user:read', 'audit:read'],
  city_staff: [
    ...registryReader,
    'organization:write',
    'organization:edit',
    'taxonomy:write',
    'platform:write',
    'platform:edit',
    'import:write',
    'plan:read',
    'plan:write',
    'task:report',
    'cockpit:read',
    'call:read',
    'call:write',
    'application:review',
    'expert:read',
    'expert:write',
    'annual-report:read',
    'annual-report:review',
    'evaluation:read',
    'evaluation:write',
    'funding:read',
    'funding:write',
    'search-dictionary:write',
    'challenge:read',
    'challenge:write',
    ...sharingStaff,
    ...matchingStaff,
  ],
  department_staff: [
    ...registryReader,
    'platform:write',
    'platform:edit',
    'plan:read',
    'task:report',
    'call:read',
    'application:review',
    'expert:read',
    'annual-report:read',
    'annual-report:review',
    'evaluation:read',
    ...matchingReader,
  ],
  county_staff: [
    ...registryReader,
    'organization:write',
    'organization:edit',
    'platform:write',
    'platform:edit',
    'import:write',
    'plan:read',
    'plan:write',
    'task:report',
    'cockpit:read',
    'call:read',
    'application:review',
    'expert:read',
    'annual-report:read',
    'annual-report:review',
    'evaluation:read',
    'funding:read',
    'challenge:read',
    'challenge:write',
    ...sharingStaff,
    ...matchingStaff,
  ],
  host_user: [
    ...registryReader,
    'organization:edit',
    'platform:edit',
    'plan:read',
    'task:report',
    'call:read',
    'application:write',
    'annual-report:read',
    'annual-report:file',
    'evaluation:read',
    'funding:read',
    'challenge:read',
    'challenge:write',
    'challenge:apply',
    ...sharingOwner,
  ],
  expert: ['call:read', 'panel:score'],
  leader: [
    ...registryReader,
    'plan:read',
    'cockpit:read',
    'call:read',
    'annual-report:read',
    'evaluation:read',
    'funding:read',
    'challenge:read',
    ...sharingReader,
    ...matchingReader,
  ],
};

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return rolePermissions[role].includes(permission);
}

/** Roles whose scope is a region subtree and that therefore need a region. */
export const regionScopedRoles: readonly Role[] = ['city_staff', 'county_staff', 'leader', 'department_staff'];
/** Roles that act for one organisation and therefore need one. */
export const organizationScopedRoles: readonly Role[] = ['host_user', 'department_staff'];
