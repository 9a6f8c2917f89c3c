import {
  DownOutlined,
  KeyOutlined,
  QuestionCircleOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Dropdown, Flex, Layout, Menu, type MenuProps, Tag, Typography } from 'antd';
import type { TodoList } from '@stip/contracts';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ColumnChoiceOwner } from '../shared/components/ChoosableTable';
import { PageLoading } from '../shared/components/PageLoading';
import { RecordNameContext } from '../shared/hooks/useRecordName';
import { t } from '../shared/i18n/zh-CN';
import { ChangePasswordModal } from '../modules/accounts/components/ChangePasswordModal';
import { useLogout } from '../modules/accounts/hooks/useAuth';
import { useCurrentUser } from '../modules/accounts/hooks/useSession';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { countTodos, useTodos } from '../modules/todos/hooks/useTodos';
import { Breadcrumbs } from './Breadcrumbs';
import { PageErrorBoundary } from './PageErrorBoundary';
import { type NavItem, navGroups, visibleNavItems } from './navigation';
import { menuKeyAt } from './pages';

/** A menu entry's label, with the number of to-do items waiting there. */
function NavLabel({ item, count }: { item: NavItem; count: number }) {
  if (!count) return <>{item.label}</>;
  return (
    <Flex justify="space-between" align="center" gap={6}>
      <span>{item.label}</span>
      <Badge count={count} size="small" overflowCount={99} data-testid={`menu-count-${item.path}`} />
    </Flex>
  );
}

/**
 * The menu's entries under their sections' headings (a divider when the menu is folded); a section
 * with a single visible entry needs no heading.
 */
function menuItems(items: NavItem[], todos: TodoList | undefined, collapsed: boolean): MenuProps['items'] {
  const entry = (item: NavItem) => ({
    key: item.path,
    icon: item.icon,
    label: <NavLabel item={item} count={countTodos(todos, item.todoKinds)} />,
  });
  const sections = navGroups
    .map((group) => ({ group, entries: items.filter((item) => item.group === group) }))
    .filter((section) => section.entries.length);
  if (sections.length < 2) return items.map(entry);
  type Items = NonNullable<MenuProps['items']>;
  return sections.flatMap(({ group, entries }, index): Items => {
    if (entries.length < 2 && group === 'work') return entries.map(entry);
    if (collapsed) return [...(index ? [{ type: 'divider' as const, key: `divider-${group}` }] : []), ...entries.map(entry)];
    return [{ type: 'group' as const, key: `group-${group}`, label: t.menuGroups[group], children: entries.map(entry) }];
  });
}

function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  const scope = [user.regionName, user.organizationName].filter(Boolean).join(' · ');

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t.layout.changePassword },
            { key: 'security', icon: <SafetyCertificateOutlined />, label: t.layout.accountSecurity },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t.layout.logout, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChangingPassword(true);
            if (key === 'security') navigate('/account/security');
            if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
          },
        }}
      >
        <Flex align="center" gap={8} className="stip-header-user" role="button" tabIndex={0} data-testid="header-user">
          <UserOutlined />
          <span data-testid="header-display-name">{user.displayName}</span>
          <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
            {t.labels.role[user.role] ?? t.layout.noRole}
          </Tag>
          {scope ? <span style={{ opacity: 0.8 }}>{scope}</span> : null}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}

/** The frame of every signed-in page: title and user at the top, the menu on the left. */
export function AppLayout() {
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [recordName, setRecordName] = useState<string>();
  const todos = useTodos();
  const selectedKey = menuKeyAt(location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', position: 'sticky', top: 0, zIndex: 10 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, letterSpacing: 1 }}>
          {t.app.title}
        </Typography.Text>
        <Flex align="center" gap={16}>
          <Link to="/help" className="stip-header-help" title={t.shell.helpHint} data-testid="header-help">
            <QuestionCircleOutlined /> {t.shell.help}
          </Link>
          <NotificationBell />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={190}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          className="stip-sider"
          style={{ borderRight: '1px solid #e5e9f0' }}
        >
          <Menu
            mode="inline"
            selectedKeys={selectedKey ? [selectedKey] : []}
            items={menuItems(visibleNavItems(user), todos.data, collapsed)}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            data-testid="main-menu"
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Breadcrumbs recordName={recordName} />
          <RecordNameContext.Provider value={setRecordName}>
            <ColumnChoiceOwner.Provider value={user.id}>
              <PageErrorBoundary key={location.pathname}>
                <Suspense fallback={<PageLoading />}>
                  <Outlet />
                </Suspense>
              </PageErrorBoundary>
            </ColumnChoiceOwner.Provider>
          </RecordNameContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
