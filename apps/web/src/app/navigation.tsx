import {
  AimOutlined,
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
  FileTextOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
  OrderedListOutlined,
  IdcardOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Permission, SessionUser, TodoKind } from '@stip/contracts';
import type { ReactNode } from 'react';
import { todoKinds } from '@stip/contracts';
import { t } from '../shared/i18n/zh-CN';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
  /** The to-do kinds whose count the entry shows (我的待办 shows them all). */
  todoKinds?: readonly TodoKind[];
}

/** The left menu; each entry shows only to users whose role grants its permission. */
export const navItems: NavItem[] = [
  { path: '/', label: t.menu.home, icon: <DashboardOutlined />, permission: 'platform:read' },
  { path: '/todos', label: t.menu.todos, icon: <ScheduleOutlined />, permission: 'authenticated', todoKinds: todoKinds },
  { path: '/cockpit', label: t.menu.cockpit, icon: <FundProjectionScreenOutlined />, permission: 'cockpit:read' },
  { path: '/platforms', label: t.menu.platforms, icon: <DatabaseOutlined />, permission: 'platform:read' },
  { path: '/plans', label: t.menu.plans, icon: <AimOutlined />, permission: 'plan:read' },
  { path: '/plans/ingest', label: t.ingest.menu, icon: <FileAddOutlined />, permission: 'plan:write' },
  { path: '/supervision', label: t.menu.supervision, icon: <AlertOutlined />, permission: 'plan:read' },
  { path: '/calls', label: t.calls.menu.calls, icon: <NotificationOutlined />, permission: 'call:read' },
  {
    path: '/applications/mine',
    label: t.calls.menu.mine,
    icon: <FileDoneOutlined />,
    permission: 'application:write',
    todoKinds: ['application_fill'],
  },
  {
    path: '/applications/review',
    label: t.calls.menu.review,
    icon: <CheckSquareOutlined />,
    permission: 'application:review',
    todoKinds: ['application_review'],
  },
  {
    path: '/annual-reports',
    label: t.annualReports.menu,
    icon: <FileTextOutlined />,
    permission: 'annual-report:read',
    todoKinds: ['annual_report_file', 'annual_report_review'],
  },
  {
    path: '/funding',
    label: t.funding.menu,
    icon: <WalletOutlined />,
    permission: 'funding:read',
    todoKinds: ['grant_payment', 'expenditure_report'],
  },
  { path: '/experts', label: t.experts.menuPool, icon: <IdcardOutlined />, permission: 'expert:read' },
  { path: '/rubrics', label: t.experts.rubrics.menu, icon: <OrderedListOutlined />, permission: 'expert:read' },
  {
    path: '/my-reviews',
    label: t.experts.menuMine,
    icon: <SolutionOutlined />,
    permission: 'panel:score',
    todoKinds: ['panel_declare', 'panel_score', 'panel_conclude'],
  },
  { path: '/organizations', label: t.menu.organizations, icon: <BankOutlined />, permission: 'organization:read' },
  { path: '/taxonomy', label: t.menu.taxonomy, icon: <ClusterOutlined />, permission: 'taxonomy:read' },
  { path: '/catalogues', label: t.menu.catalogues, icon: <UnorderedListOutlined />, permission: 'taxonomy:read' },
  { path: '/regions', label: t.menu.regions, icon: <EnvironmentOutlined />, permission: 'region:read' },
  { path: '/imports', label: t.menu.imports, icon: <UploadOutlined />, permission: 'import:write' },
  { path: '/users', label: t.menu.users, icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/audit', label: t.menu.audit, icon: <AuditOutlined />, permission: 'audit:read' },
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
