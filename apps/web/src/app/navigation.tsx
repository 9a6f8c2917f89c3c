import {
  AccountBookOutlined,
  AimOutlined,
  BookOutlined,
  ApiOutlined,
  ScheduleOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  NotificationOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
  OrderedListOutlined,
  IdcardOutlined,
  ToolOutlined,
  TrophyOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  WalletOutlined,
  BulbOutlined,
  ShopOutlined,
} from '@ant-design/icons';
import type { Permission, SessionUser, TodoKind } from '@stip/contracts';
import type { ReactNode } from 'react';
import { todoKinds } from '@stip/contracts';
import { t } from '../shared/i18n/zh-CN';

/** The menu's sections, in order; each entry belongs to one. */
export const navGroups = ['work', 'lifecycle', 'sharing', 'plans', 'data', 'system'] as const;
export type NavGroup = (typeof navGroups)[number];

export interface NavItem {
  path: string;
  group: NavGroup;
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** The to-do kinds whose count the entry shows (我的待办 shows them all). */
  todoKinds?: readonly TodoKind[];
}

/** The left menu; each entry shows only to users whose role grants its permission. */
export const navItems: NavItem[] = [
  { path: '/', group: 'work', label: t.menu.home, icon: <DashboardOutlined />, permission: 'platform:read' },
  { path: '/todos', group: 'work', label: t.menu.todos, icon: <ScheduleOutlined />, permission: 'authenticated', todoKinds: todoKinds },
  { path: '/cockpit', group: 'work', label: t.menu.cockpit, icon: <FundProjectionScreenOutlined />, permission: 'cockpit:read' },
  { path: '/platforms', group: 'work', label: t.menu.platforms, icon: <DatabaseOutlined />, permission: 'platform:read' },
  { path: '/calls', group: 'lifecycle', label: t.calls.menu.calls, icon: <NotificationOutlined />, permission: 'call:read' },
  {
    path: '/applications/mine',
    group: 'lifecycle',
    label: t.calls.menu.mine,
    icon: <FileDoneOutlined />,
    permission: 'application:write',
    todoKinds: ['application_fill'],
  },
  {
    path: '/applications/review',
    group: 'lifecycle',
    label: t.calls.menu.review,
    icon: <CheckSquareOutlined />,
    permission: 'application:review',
    todoKinds: ['application_review'],
  },
  { path: '/experts', group: 'lifecycle', label: t.experts.menuPool, icon: <IdcardOutlined />, permission: 'expert:read' },
  { path: '/rubrics', group: 'lifecycle', label: t.experts.rubrics.menu, icon: <OrderedListOutlined />, permission: 'expert:read' },
  {
    path: '/my-reviews',
    group: 'lifecycle',
    label: t.experts.menuMine,
    icon: <SolutionOutlined />,
    permission: 'panel:score',
    todoKinds: ['panel_declare', 'panel_score', 'panel_conclude'],
  },
  {
    path: '/annual-reports',
    group: 'lifecycle',
    label: t.annualReports.menu,
    icon: <FileTextOutlined />,
    permission: 'annual-report:read',
    todoKinds: ['annual_report_file', 'annual_report_review'],
  },
  {
    path: '/evaluations',
    group: 'lifecycle',
    label: t.evaluations.menu,
    icon: <TrophyOutlined />,
    permission: 'evaluation:read',
    todoKinds: ['evaluation_review'],
  },
  {
    path: '/rectifications',
    group: 'lifecycle',
    label: t.evaluations.rectificationMenu,
    icon: <ToolOutlined />,
    permission: 'evaluation:read',
    todoKinds: ['rectification_due'],
  },
  {
    path: '/funding',
    group: 'lifecycle',
    label: t.funding.menu,
    icon: <WalletOutlined />,
    permission: 'funding:read',
    todoKinds: ['grant_payment', 'expenditure_report'],
  },
  {
    path: '/achievements',
    group: 'sharing',
    label: t.sharing.menuAchievements,
    icon: <BulbOutlined />,
    permission: 'achievement:read',
    todoKinds: ['achievement_review', 'achievement_fix'],
  },
  {
    path: '/demands',
    group: 'sharing',
    label: t.sharing.menuDemands,
    icon: <ShopOutlined />,
    permission: 'demand:read',
    todoKinds: ['demand_review', 'demand_fix'],
  },
  {
    path: '/challenges',
    group: 'sharing',
    label: t.challenges.menu,
    icon: <FlagOutlined />,
    permission: 'challenge:read',
    todoKinds: ['challenge_review', 'challenge_select', 'challenge_milestone'],
  },
  { path: '/leads', group: 'sharing', label: t.matching.leads.menu, icon: <ApiOutlined />, permission: 'matching:read' },
  {
    path: '/technology-contracts',
    group: 'sharing',
    label: t.technologyContracts.menu,
    icon: <AccountBookOutlined />,
    permission: 'technology-contract:read',
  },
  { path: '/plans', group: 'plans', label: t.menu.plans, icon: <AimOutlined />, permission: 'plan:read' },
  { path: '/plans/ingest', group: 'plans', label: t.ingest.menu, icon: <FileAddOutlined />, permission: 'plan:write' },
  { path: '/plans/documents', group: 'plans', label: t.policyDocuments.menu, icon: <FolderOpenOutlined />, permission: 'plan:write' },
  { path: '/supervision', group: 'plans', label: t.menu.supervision, icon: <AlertOutlined />, permission: 'plan:read' },
  { path: '/organizations', group: 'data', label: t.menu.organizations, icon: <BankOutlined />, permission: 'organization:read' },
  { path: '/taxonomy', group: 'data', label: t.menu.taxonomy, icon: <ClusterOutlined />, permission: 'taxonomy:read' },
  { path: '/catalogues', group: 'data', label: t.menu.catalogues, icon: <UnorderedListOutlined />, permission: 'taxonomy:read' },
  {
    path: '/search/dictionary',
    group: 'data',
    label: t.searchDictionary.menu,
    icon: <BookOutlined />,
    permission: 'search-dictionary:write',
  },
  { path: '/regions', group: 'data', label: t.menu.regions, icon: <EnvironmentOutlined />, permission: 'region:read' },
  { path: '/imports', group: 'data', label: t.menu.imports, icon: <UploadOutlined />, permission: 'import:write' },
  { path: '/users', group: 'system', label: t.menu.users, icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/audit', group: 'system', label: t.menu.audit, icon: <AuditOutlined />, permission: 'audit:read' },
];

export function visibleNavItems(user: SessionUser): NavItem[] {
  return navItems.filter((item) => item.permission === 'authenticated' || user.permissions.includes(item.permission));
}

/** Where a user starts: business users on the overview, each administrator on the page of their duty. */
export function landingPath(user: SessionUser): string | null {
  const has = (permission: Permission) => user.permissions.includes(permission);
  if (has('platform:read')) return '/';
  if (has('user:create') || has('user:assign')) return '/users';
  if (has('audit:read')) return '/audit';
  return visibleNavItems(user)[0]?.path ?? null;
}
