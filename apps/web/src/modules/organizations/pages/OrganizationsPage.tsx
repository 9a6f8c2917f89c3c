import { PlusOutlined } from '@ant-design/icons';
import { type Organization, type OrganizationKind, type QualificationKind, organizationKinds, qualificationKinds } from '@stip/contracts';
import { App, Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { OrganizationDrawer } from '../components/OrganizationDrawer';
import { OrganizationFormModal } from '../components/OrganizationFormModal';
import { useDeleteOrganization, useOrganization, useOrganizations } from '../hooks/useOrganizations';

const fields = t.organizations.fields;
/** Hidden until picked in 列设置, so the default columns fit at 1280 px. */
const organizationColumnsHidden = ['contactPerson', 'contactPhone', 'updatedAt'];

export default function OrganizationsPage() {
  const list = useListParams();
  const canWrite = useCan('organization:write');
  const { modal } = App.useApp();
  const notify = useNotify();
  const remove = useDeleteOrganization();
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  // The form edits the freshest copy, so a reload after a conflict shows the other person's changes.
  const fresh = useOrganization(editing && editing !== 'new' ? editing.id : null);
  const formTarget = editing === 'new' ? 'new' : editing ? (fresh.data ?? editing) : null;

  const query = {
    keyword: list.get('keyword'),
    kind: list.getList('kind') as OrganizationKind[],
    regionId: list.get('regionId'),
    qualification: list.get('qualification') as QualificationKind | undefined,
    limit: list.pageSize,
    offset: list.offset,
  };
  const organizations = useOrganizations(query);

  const confirmDelete = (organization: Organization) =>
    modal.confirm({
      title: t.common.deleteTitle(organization.name),
      content: t.common.deleteHint,
      okText: t.common.delete,
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(
          { id: organization.id, version: organization.version },
          { onSuccess: () => notify.success(t.common.deleted), onError: (error) => notify.error(error) },
        ),
    });

  return (
    <>
      <PageHeader
        title={t.organizations.title}
        subtitle={<Typography.Text type="secondary">{t.common.total(organizations.data?.total ?? 0)}</Typography.Text>}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="organization-create">
              {t.organizations.create}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <SearchInput
            value={list.get('keyword')}
            onSearch={(keyword) => list.update({ keyword })}
            placeholder={t.organizations.keywordPlaceholder}
            width={280}
            data-testid="organization-keyword"
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={fields.kind}
            value={query.kind}
            onChange={(value: string[]) => list.update({ kind: value })}
            options={organizationKinds.map((kind) => ({ value: kind, label: t.labels.organizationKind[kind] }))}
            style={{ minWidth: 180 }}
            maxTagCount="responsive"
          />
          <RegionTreeSelect placeholder={fields.region} value={query.regionId} onChange={(value) => list.update({ regionId: value })} />
          <Select
            allowClear
            placeholder={fields.qualifications}
            value={query.qualification}
            onChange={(value: string | undefined) => list.update({ qualification: value })}
            options={qualificationKinds.map((kind) => ({ value: kind, label: t.labels.qualificationKind[kind] }))}
            style={{ width: 160 }}
          />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {organizations.isError ? (
        <LoadFailed error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <ChoosableTable<Organization>
          tableKey="organizations"
          defaultHidden={organizationColumnsHidden}
          isFiltered={!!(query.keyword || query.kind.length || query.regionId || query.qualification)}
          onClearFilters={list.clear}
          size="small"
          rowKey="id"
          bordered
          loading={organizations.isFetching}
          dataSource={organizations.data?.items}
          scroll={{ y: tableScroll.y }}
          pagination={pagination(list.page, list.pageSize, organizations.data?.total ?? 0, (page, pageSize) =>
            list.update({ page, pageSize }),
          )}
          data-testid="organization-table"
          columns={[
            {
              title: fields.name,
              dataIndex: 'name',
              fixed: 'left',
              width: 240,
              render: (name: string, row) => (
                <Typography.Link onClick={() => setViewingId(row.id)} data-testid="organization-name-link">
                  {name}
                </Typography.Link>
              ),
            },
            { title: fields.kind, dataIndex: 'kind', width: 120, render: (kind: OrganizationKind) => t.labels.organizationKind[kind] },
            {
              title: fields.creditCode,
              dataIndex: 'creditCode',
              width: 190,
              render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span>,
            },
            { title: fields.region, dataIndex: 'regionName', width: 120 },
            {
              title: fields.qualifications,
              dataIndex: 'qualifications',
              width: 220,
              render: (qualifications: Organization['qualifications']) => (
                <Space size={[0, 4]} wrap>
                  {qualifications.map((q) => (
                    <Tag key={q.id} color="blue" bordered={false}>
                      {t.labels.qualificationKind[q.kind]}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: fields.contactPerson, dataIndex: 'contactPerson', width: 100, render: (v: string | null) => v ?? t.common.none },
            { title: fields.contactPhone, dataIndex: 'contactPhone', width: 130, render: (v: string | null) => v ?? t.common.none },
            { title: fields.updatedAt, dataIndex: 'updatedAt', width: 170, render: formatDateTime },
            // Each row says what this user may do with it (a host organisation edits its own contact data, never deletes).
            ...((organizations.data?.items ?? []).some((row) => row.editableFields.length > 0 || row.canDelete)
              ? [
                  {
                    title: t.common.actions,
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 120,
                    render: (_: unknown, row: Organization) => (
                      <Space size={0}>
                        {row.editableFields.length > 0 ? (
                          <Button type="link" size="small" onClick={() => setEditing(row)} data-testid="organization-edit">
                            {t.common.edit}
                          </Button>
                        ) : null}
                        {row.canDelete ? (
                          <Button type="link" size="small" danger onClick={() => confirmDelete(row)} data-testid="organization-delete">
                            {t.common.delete}
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <OrganizationDrawer id={viewingId} onClose={() => setViewingId(null)} />
      <OrganizationFormModal target={formTarget} onClose={() => setEditing(null)} onReload={async () => (await fresh.refetch()).data} />
    </>
  );
}
