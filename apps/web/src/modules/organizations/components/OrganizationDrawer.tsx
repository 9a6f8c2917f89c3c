import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime, formatText } from '../../../shared/format/format';
import { t } from '../../../shared/i18n/zh-CN';
import { useOrganization } from '../hooks/useOrganizations';
import { QualificationsPanel } from './QualificationsPanel';

const fields = t.organizations.fields;

/** The organisation's details and its qualifications, beside the list. */
export function OrganizationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const organization = useOrganization(id);
  const data = organization.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={data?.name ?? t.organizations.detailTitle} destroyOnHidden>
      {organization.isPending ? (
        <PageLoading />
      ) : organization.isError ? (
        <LoadFailed error={organization.error} onRetry={() => void organization.refetch()} />
      ) : data ? (
        <>
          <Descriptions size="small" bordered column={2} style={{ marginBottom: 20 }}>
            <Descriptions.Item label={fields.name} span="filled">
              {data.name}
              {data.isDemo ? (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t.common.demoTag}
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={fields.kind}>{t.labels.organizationKind[data.kind]}</Descriptions.Item>
            <Descriptions.Item label={fields.creditCode}>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                {data.creditCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={fields.region}>{data.regionName}</Descriptions.Item>
            <Descriptions.Item label={fields.contactPerson}>{formatText(data.contactPerson)}</Descriptions.Item>
            <Descriptions.Item label={fields.contactPhone}>{formatText(data.contactPhone)}</Descriptions.Item>
            <Descriptions.Item label={fields.updatedAt}>{formatDateTime(data.updatedAt)}</Descriptions.Item>
            <Descriptions.Item label={fields.address} span="filled">
              {formatText(data.address)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t.organizations.qualifications.title}</Typography.Title>
          <QualificationsPanel organization={data} canWrite={data.canDelete} />
        </>
      ) : null}
    </Drawer>
  );
}
