import { type Lead, type LeadStatus, leadStatuses, leadStatusLabels } from '@stip/contracts';
import { Flex, Select, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { pagination } from '../../../shared/components/tableDefaults';
import { formatChineseDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { LeadStatusTag } from '../components/LeadStatusTag';
import { leadSides } from '../components/leadNames';
import { useLeads } from '../hooks/useMatching';

const c = t.matching.leads.columns;

/** 对接记录: the leads in scope, last changed first, filtered by status and region (and a demand or achievement from a link). */
export default function LeadsPage() {
  const list = useListParams();
  const status = list.getList('status') as LeadStatus[];
  const leads = useLeads({
    limit: list.pageSize,
    offset: list.offset,
    status: status.length ? status : undefined,
    regionId: list.get('regionId'),
    demandId: list.get('demandId'),
    achievementId: list.get('achievementId'),
  });
  return (
    <>
      <PageHeader title={t.matching.leads.title} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          allowClear
          value={status}
          onChange={(value) => list.update({ status: value })}
          placeholder={t.matching.leads.filters.status}
          options={leadStatuses.map((value) => ({ value, label: leadStatusLabels[value] }))}
          style={{ minWidth: 200 }}
          data-testid="leads-status-filter"
        />
        <RegionTreeSelect
          value={list.get('regionId') ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={t.matching.leads.filters.region}
          style={{ width: 200 }}
        />
      </Flex>
      {leads.isError ? (
        <LoadFailed error={leads.error} onRetry={() => void leads.refetch()} />
      ) : (
        <Table<Lead>
          size="small"
          rowKey="id"
          loading={leads.isFetching}
          dataSource={leads.data?.items}
          locale={{ emptyText: t.matching.leads.empty }}
          pagination={pagination(list.page, list.pageSize, leads.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="leads-table"
          columns={[
            {
              title: c.subject,
              render: (_, lead) => (
                <Space size={4}>
                  <Link to={`/leads/${lead.id}`} data-testid="lead-link">
                    {leadSides(lead).subject}
                  </Link>
                  {lead.isDemo ? <DemoTag /> : null}
                </Space>
              ),
            },
            { title: c.counterpart, render: (_, lead) => leadSides(lead).counterpart },
            { title: c.status, dataIndex: 'status', width: 100, render: (value: LeadStatus) => <LeadStatusTag status={value} /> },
            { title: c.score, dataIndex: 'score', width: 80, align: 'right', render: (value: number | null) => value ?? t.common.none },
            { title: c.region, width: 100, render: (_, lead) => lead.region.name },
            { title: c.createdAt, dataIndex: 'createdAt', width: 170, render: formatChineseDateTime },
          ]}
        />
      )}
    </>
  );
}
