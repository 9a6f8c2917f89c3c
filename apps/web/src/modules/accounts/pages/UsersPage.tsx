import { PlusOutlined } from '@ant-design/icons';
import { type Role, type User, administratorRoles, roles } from '@stip/contracts';
import { App, Button, Card, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { AssignRoleModal } from '../components/AssignRoleModal';
import { CreateUserModal } from '../components/CreateUserModal';
import { EditUserModal } from '../components/EditUserModal';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { useCan, useCurrentUser } from '../hooks/useSession';
import { useSetUserActive, useUnlockUser, useUsers } from '../hooks/useUsers';
import { useResetUserTwoFactor } from '../../two-factor/hooks/useTwoFactor';

const fields = t.users.fields;

function isLocked(user: User): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
}

function StatusTags({ user }: { user: User }) {
  return (
    <Space size={4}>
      {user.isActive ? <Tag color="green">{t.users.active}</Tag> : <Tag>{t.users.inactive}</Tag>}
      {isLocked(user) ? <Tag color="red">{t.users.locked}</Tag> : null}
      {user.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
    </Space>
  );
}

export default function UsersPage() {
  const list = useListParams();
  const canCreate = useCan('user:create');
  const canAssign = useCan('user:assign');
  const currentUser = useCurrentUser();
  const { modal } = App.useApp();
  const notify = useNotify();
  const setActive = useSetUserActive();
  const resetTwoFactor = useResetUserTwoFactor();
  const unlock = useUnlockUser();
  const [creating, setCreating] = useState(false);
  const [assigningId, setAssigningId] = useState<string | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [editingUser, setEditingUser] = useState<User | null>(null);

  const role = list.get('role') as Role | undefined;
  const users = useUsers({ keyword: list.get('keyword'), role, limit: list.pageSize, offset: list.offset });
  // The freshest copy from the list, so a reload after a conflict carries the new version.
  const assigning = users.data?.items.find((user) => user.id === assigningId) ?? null;

  const toggleActive = (user: User) =>
    modal.confirm({
      title: user.isActive ? t.users.disableTitle(user.displayName) : t.users.enableTitle(user.displayName),
      content: user.isActive ? t.users.disableHint : undefined,
      okText: user.isActive ? t.users.disable : t.users.enable,
      okButtonProps: { danger: user.isActive },
      onOk: () =>
        setActive.mutateAsync(
          { id: user.id, isActive: !user.isActive, version: user.version },
          { onSuccess: () => notify.success(t.common.saved), onError: (error) => notify.error(error) },
        ),
    });

  const confirmResetTwoFactor = (user: User) =>
    modal.confirm({
      title: t.twoFactor.resetTitle(user.displayName),
      content: t.twoFactor.resetHint,
      okText: t.twoFactor.resetAction,
      okButtonProps: { danger: true },
      onOk: () =>
        resetTwoFactor.mutateAsync(
          { id: user.id, version: user.version },
          { onSuccess: () => notify.success(t.twoFactor.resetDone), onError: (error) => notify.error(error) },
        ),
    });
  const confirmUnlock = (user: User) =>
    modal.confirm({
      title: t.users.unlockTitle(user.displayName),
      content: t.users.unlockHint,
      okText: t.users.unlock,
      onOk: () =>
        unlock.mutateAsync(user.id, { onSuccess: () => notify.success(t.users.unlocked), onError: (error) => notify.error(error) }),
    });
  // Lifting a sign-in lock is allowed on administrators' accounts too (never one's own).
  const unlockButton = (user: User) =>
    isLocked(user) && user.id !== currentUser.id ? (
      <Button type="link" size="small" onClick={() => confirmUnlock(user)} data-testid={`user-unlock-${user.username}`}>
        {t.users.unlock}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader
        title={t.users.title}
        subtitle={<Typography.Text type="secondary">{t.common.total(users.data?.total ?? 0)}</Typography.Text>}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t.users.create}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <SearchInput
            value={list.get('keyword')}
            onSearch={(keyword) => list.update({ keyword })}
            placeholder={t.users.keywordPlaceholder}
          />
          <Select
            allowClear
            placeholder={fields.role}
            value={role}
            onChange={(value: string | undefined) => list.update({ role: value })}
            options={roles.map((value) => ({ value, label: t.labels.role[value] }))}
            style={{ width: 200 }}
          />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {users.isError ? (
        <LoadFailed error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          size="small"
          rowKey="id"
          bordered
          loading={users.isFetching}
          dataSource={users.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: t.common.empty }}
          pagination={pagination(list.page, list.pageSize, users.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="user-table"
          columns={[
            { title: fields.username, dataIndex: 'username', width: 130, fixed: 'left' },
            {
              title: fields.displayName,
              dataIndex: 'displayName',
              width: 200,
              // A demo account says 演示 once, in its status tag.
              render: (name: string, user) => (user.isDemo ? withoutDemoMark(name) : name),
            },
            {
              title: fields.role,
              dataIndex: 'role',
              width: 170,
              render: (value: Role | null) =>
                value ? t.labels.role[value] : <Typography.Text type="warning">{t.users.noRole}</Typography.Text>,
            },
            { title: fields.region, dataIndex: 'regionName', width: 120, render: (value: string | null) => value ?? t.common.none },
            {
              title: fields.organization,
              dataIndex: 'organizationName',
              width: 200,
              render: (value: string | null) => value ?? t.common.none,
            },
            { title: fields.status, key: 'status', width: 160, render: (_: unknown, user) => <StatusTags user={user} /> },
            { title: fields.lastLoginAt, dataIndex: 'lastLoginAt', width: 170, render: formatDateTime },
            // The system administrator corrects names (never an administrator's or its own: 三权分立).
            ...(canCreate
              ? [
                  {
                    title: t.common.actions,
                    key: 'edit',
                    fixed: 'right' as const,
                    width: 90,
                    render: (_: unknown, user: User) =>
                      (user.role !== null && administratorRoles.includes(user.role)) || user.id === currentUser.id ? (
                        <Tooltip title={t.users.protectedAccountHint}>
                          <Typography.Text type="secondary">{t.users.protectedAccount}</Typography.Text>
                        </Tooltip>
                      ) : (
                        <Button type="link" size="small" onClick={() => setEditingUser(user)} data-testid={`user-edit-${user.username}`}>
                          {t.common.edit}
                        </Button>
                      ),
                  },
                ]
              : []),
            ...(canAssign
              ? [
                  {
                    title: t.common.actions,
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 340,
                    render: (_: unknown, user: User) =>
                      (user.role !== null && administratorRoles.includes(user.role)) || user.id === currentUser.id ? (
                        <Space size={0}>
                          <Tooltip title={t.users.protectedAccountHint}>
                            <Typography.Text type="secondary">{t.users.protectedAccount}</Typography.Text>
                          </Tooltip>
                          {unlockButton(user)}
                        </Space>
                      ) : (
                        <Space size={0}>
                          {unlockButton(user)}
                          <Button type="link" size="small" onClick={() => setAssigningId(user.id)}>
                            {t.users.assignRole}
                          </Button>
                          <Button type="link" size="small" danger={user.isActive} onClick={() => toggleActive(user)}>
                            {user.isActive ? t.users.disable : t.users.enable}
                          </Button>
                          <Button type="link" size="small" onClick={() => setResetting(user)}>
                            {t.users.resetPassword}
                          </Button>
                          <Button type="link" size="small" onClick={() => confirmResetTwoFactor(user)}>
                            {t.twoFactor.resetAction}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <AssignRoleModal
        user={assigning}
        onClose={() => setAssigningId(null)}
        onReload={async () => (await users.refetch()).data?.items.find((user) => user.id === assigningId)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <EditUserModal user={editingUser} onClose={() => setEditingUser(null)} />
    </>
  );
}
