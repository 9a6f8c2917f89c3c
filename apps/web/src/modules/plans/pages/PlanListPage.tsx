import { PlusOutlined } from '@ant-design/icons';
import type { Plan } from '@stip/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate, formatText } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { PlanFormModal } from '../components/PlanFormModal';
import { usePlans } from '../hooks/usePlans';

const fields = t.plans.fields;
/** Hidden until picked in 列设置, so the default columns fit at 1280 px. */
const planColumnsHidden = ['issuedOn'];

/** 规划目标: the plans the user sees; each opens its targets, tasks and brief. */
export default function PlanListPage() {
  const list = useListParams();
  const plans = usePlans({ keyword: list.get('keyword'), limit: list.pageSize, offset: list.offset });
  const canWrite = useCan('plan:write');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t.plans.title}
        subtitle={
          <Typography.Text type="secondary" data-testid="plan-total">
            {plans.data ? t.plans.total(plans.data.total) : t.common.loading}
          </Typography.Text>
        }
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
              {t.plans.create}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <SearchInput
            value={list.get('keyword')}
            onSearch={(keyword) => list.update({ keyword })}
            placeholder={t.plans.keywordPlaceholder}
            data-testid="plan-filter-keyword"
          />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {plans.isError ? (
        <LoadFailed error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <ChoosableTable<Plan>
          tableKey="plans"
          defaultHidden={planColumnsHidden}
          isFiltered={!!list.get('keyword')}
          onClearFilters={list.clear}
          emptyText={t.plans.empty}
          size="small"
          rowKey="id"
          bordered
          loading={plans.isFetching}
          dataSource={plans.data?.items}
          scroll={{ y: tableScroll.y }}
          pagination={pagination(list.page, list.pageSize, plans.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="plan-table"
          columns={[
            {
              title: fields.title,
              dataIndex: 'title',
              fixed: 'left',
              width: 300,
              render: (title: string, plan) => (
                <Flex gap={6} align="center">
                  <Link to={`/plans/${plan.id}`} data-testid="plan-title-link">
                    {title}
                  </Link>
                  {plan.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
                </Flex>
              ),
            },
            { title: fields.issuingBody, dataIndex: 'issuingBody', width: 170, render: formatText },
            { title: fields.documentNo, dataIndex: 'documentNo', width: 150, render: formatText },
            { title: fields.issuedOn, dataIndex: 'issuedOn', width: 100, render: formatDate },
            {
              title: fields.period,
              key: 'period',
              width: 210,
              render: (_: unknown, plan) => t.plans.period(plan.periodStart, plan.periodEnd),
            },
            { title: fields.region, dataIndex: 'regionName', width: 90 },
            { title: fields.targetCount, dataIndex: 'targetCount', width: 60, align: 'right' },
            { title: fields.taskCount, dataIndex: 'taskCount', width: 60, align: 'right' },
          ]}
        />
      )}
      <PlanFormModal
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(plan) => navigate(`/plans/${plan.id}`)}
      />
    </>
  );
}
