import { Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { isMissingRecord, LoadFailed, MissingRecord } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { formatChineseDate, formatChineseDateTime } from '../../../shared/format/format';
import { useNotify } from '../../../shared/hooks/useNotify';
import { useRecordName } from '../../../shared/hooks/useRecordName';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { ContractFormDrawer } from '../components/ContractFormDrawer';
import { useContract, useDeleteContract } from '../hooks/useContracts';

const f = t.technologyContracts.fields;

/** One registered contract: its parties, amounts, dates and where it came from; edit and delete. */
export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  const user = useCurrentUser();
  const remove = useDeleteContract();
  const notify = useNotify();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  useRecordName(contract.data?.registrationNumber);

  if (contract.isPending) return <PageLoading />;
  if (contract.isError) {
    return isMissingRecord(contract.error) ? (
      <MissingRecord backTo="/technology-contracts" />
    ) : (
      <LoadFailed error={contract.error} onRetry={() => void contract.refetch()} />
    );
  }
  const c = contract.data;
  const canWrite = user.permissions.includes('technology-contract:write');
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {withoutDemoMark(c.title)}
            {c.isDemo ? <DemoTag /> : null}
          </Space>
        }
        extra={
          canWrite ? (
            <>
              <Button onClick={() => setEditing(true)} data-testid="contract-edit">
                {t.common.edit}
              </Button>
              <Popconfirm
                title={t.technologyContracts.deleteConfirm}
                onConfirm={() =>
                  remove.mutate(
                    { id: c.id, version: c.version },
                    {
                      onSuccess: () => {
                        notify.success(t.common.deleted);
                        void navigate('/technology-contracts');
                      },
                      onError: (error) => notify.error(error),
                    },
                  )
                }
              >
                <Button danger data-testid="contract-delete">
                  {t.common.delete}
                </Button>
              </Popconfirm>
            </>
          ) : null
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="contract-facts">
          <Descriptions.Item label={f.registrationNumber}>{c.registrationNumber}</Descriptions.Item>
          <Descriptions.Item label={f.region}>{c.region.name}</Descriptions.Item>
          <Descriptions.Item label={f.amount}>{c.amount}</Descriptions.Item>
          <Descriptions.Item label={f.technologyAmount}>{c.technologyAmount ?? t.common.none}</Descriptions.Item>
          <Descriptions.Item label={f.seller}>{withoutDemoMark(c.seller.name)}</Descriptions.Item>
          <Descriptions.Item label={f.buyer}>{withoutDemoMark(c.buyer.name)}</Descriptions.Item>
          <Descriptions.Item label={f.signedOn}>{formatChineseDate(c.signedOn)}</Descriptions.Item>
          <Descriptions.Item label={f.registeredOn}>{formatChineseDate(c.registeredOn)}</Descriptions.Item>
          <Descriptions.Item label={f.lead}>
            {c.lead ? <Link to={`/leads/${c.lead.id}`}>{t.matching.viewLead}</Link> : t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={f.achievement}>
            {c.achievement ? <Link to={`/achievements/${c.achievement.id}`}>{withoutDemoMark(c.achievement.name)}</Link> : t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={f.demand}>
            {c.demand ? <Link to={`/demands/${c.demand.id}`}>{withoutDemoMark(c.demand.name)}</Link> : t.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={f.createdBy}>
            {c.createdBy ?? t.common.none} · {formatChineseDateTime(c.createdAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ContractFormDrawer open={editing} contract={c} onClose={() => setEditing(false)} onReload={() => contract.refetch()} />
    </>
  );
}
