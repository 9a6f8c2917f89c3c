import type { TechnologyContract } from '@stip/contracts';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination } from '../../../shared/components/tableDefaults';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { formatChineseDate } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { contractsApi } from '../api';
import { ContractFormDrawer } from '../components/ContractFormDrawer';
import { useContracts } from '../hooks/useContracts';

const f = t.technologyContracts.fields;
const amountText = (value: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: 4 });

/** 技术合同登记: the contracts in scope, filtered by text, region and registration dates, with their total; export and register. */
export default function ContractsPage() {
  const list = useListParams();
  const user = useCurrentUser();
  const notify = useNotify();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const filter = {
    q: list.get('q'),
    regionId: list.get('regionId'),
    registeredFrom: list.get('registeredFrom'),
    registeredTo: list.get('registeredTo'),
  };
  const contracts = useContracts({ ...filter, limit: list.pageSize, offset: list.offset });
  const canWrite = user.permissions.includes('technology-contract:write');
  const isFiltered = Object.values(filter).some(Boolean);

  return (
    <>
      <PageHeader
        title={t.technologyContracts.title}
        subtitle={
          contracts.data ? (
            <Typography.Text type="secondary" data-testid="contracts-total">
              {t.technologyContracts.totalAmount(contracts.data.total, amountText(contracts.data.amount))}
            </Typography.Text>
          ) : null
        }
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => contractsApi.exportList(filter).catch((error: unknown) => notify.error(error))}
              data-testid="contracts-export"
            >
              {t.technologyContracts.export}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contracts-create">
                {t.technologyContracts.create}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <SearchInput value={filter.q ?? ''} onSearch={(q) => list.update({ q })} placeholder={t.technologyContracts.searchPlaceholder} />
        <RegionTreeSelect
          value={filter.regionId ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={f.region}
          style={{ width: 200 }}
        />
        <DatePicker.RangePicker
          value={[filter.registeredFrom ? dayjs(filter.registeredFrom) : null, filter.registeredTo ? dayjs(filter.registeredTo) : null]}
          onChange={(range) =>
            list.update({ registeredFrom: toDateString(range?.[0] ?? null), registeredTo: toDateString(range?.[1] ?? null) })
          }
          allowEmpty={[true, true]}
          placeholder={[f.registeredRange, f.registeredRange]}
        />
        {isFiltered ? <Button onClick={list.clear}>{t.shell.empty.clearFilters}</Button> : null}
      </Flex>
      {contracts.isError ? (
        <LoadFailed error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : (
        <Table<TechnologyContract>
          size="small"
          rowKey="id"
          loading={contracts.isFetching}
          dataSource={contracts.data?.items}
          locale={{ emptyText: t.technologyContracts.empty }}
          pagination={pagination(list.page, list.pageSize, contracts.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="contracts-table"
          columns={[
            {
              title: f.registrationNumber,
              dataIndex: 'registrationNumber',
              width: 180,
              render: (value: string, row) => (
                <Space size={4}>
                  <Link to={`/technology-contracts/${row.id}`} data-testid="contract-link">
                    {value}
                  </Link>
                  {row.isDemo ? <DemoTag /> : null}
                </Space>
              ),
            },
            { title: f.title, dataIndex: 'title', render: (value: string) => withoutDemoMark(value) },
            { title: f.amount, dataIndex: 'amount', width: 120, align: 'right', render: amountText },
            { title: f.seller, width: 180, render: (_, row) => withoutDemoMark(row.seller.name) },
            { title: f.buyer, width: 180, render: (_, row) => withoutDemoMark(row.buyer.name) },
            { title: f.registeredOn, dataIndex: 'registeredOn', width: 130, render: formatChineseDate },
            { title: f.region, width: 100, render: (_, row) => row.region.name },
          ]}
        />
      )}
      <ContractFormDrawer
        open={creating}
        contract={null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => void navigate(`/technology-contracts/${saved.id}`)}
      />
    </>
  );
}
