import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileAddOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
  ToolOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Permission, SessionUser } from '@stip/contracts';
import type { ReactNode } from 'react';
import { t } from '../shared/i18n/zh-CN';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  permission: Permission;
}

/** The left menu; each entry shows only to users whose role grants its permission. */
export const navItems: NavItem[] = [
  { path: '/', label: t.menu.home, icon: <DashboardOutlined />, permission: 'platform:read' },
  { path: '/cockpit', label: t.menu.cockpit, icon: <FundProjectionScreenOutlined />, permission: 'cockpit:read' },
  { path: '/platforms', label: t.menu.platforms, icon: <DatabaseOutlined />, permission: 'platform:read' },
  { path: '/plans', label: t.menu.plans, icon: <AimOutlined />, permission: 'plan:read' },
  { path: '/plans/ingest', label: t.ingest.menu, icon: <FileAddOutlined />, permission: 'plan:write' },
  { path: '/supervision', label: t.menu.supervision, icon: <AlertOutlined />, permission: 'plan:read' },
  { path: '/organizations', label: t.menu.organizations, icon: <BankOutlined />, permission: 'organization:read' },
  { path: '/taxonomy', label: t.menu.taxonomy, icon: <ClusterOutlined />, permission: 'taxonomy:read' },
  { path: '/catalogues', label: t.menu.catalogues, icon: <UnorderedListOutlined />, permission: 'taxonomy:read' },
  { path: '/regions', label: t.menu.regions, icon: <EnvironmentOutlined />, permission: 'region:read' },
  { path: '/imports', label: t.menu.imports, icon: <UploadOutlined />, permission: 'import:write' },
  { path: '/evaluations', label: t.evaluations.menu, icon: <SolutionOutlined />, permission: 'evaluation:read' },
  { path: '/rectifications', label: t.evaluations.rectificationMenu, icon: <ToolOutlined />, permission: 'evaluation:read' },
  { path: '/users', label: t.menu.users, icon: <TeamOutlined />, permission: 'user:read' },
  { path: '/audit', label: t.menu.audit, icon: <AuditOutlined />, permission: 'audit:read' },
];

export function visibleNavItems(user: SessionUser): NavItem[] {
  return navItems.filter((item) => user.permissions.includes(item.permission));
}

/** Where a user starts: business users on the overview, each administrator on the page of their duty. */
export function landingPath(user: SessionUser): string | null {
  const has = (permission: Permission) => user.permissions.includes(permission);
  if (has('platform:read')) return '/';
  if (has('user:create') || has('user:assign')) return '/users';
  if (has('audit:read')) return '/audit';
  return visibleNavItems(user)[0]?.path ?? null;
}
