import { type ChallengeListItem, type ChallengeStatus, challengeStatuses } from '@stip/contracts';
import { Button, Card, Flex, Segmented, Tabs, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { formatChineseDate } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { useCurrentUser } from '../../accounts/hooks/useSession';
import { ChallengeApplicationStatusTag, ChallengeStatusTag } from '../components/ChallengeStatusTag';
import { useChallenges } from '../hooks/useChallenges';

type Relation = 'published' | 'applied';

/** Less important columns, hidden until the user picks them in 列设置. */
const defaultHidden = ['region'];

/** 揭榜挂帅: the lists the user may see, in tabs by status; publishers create lists, teams find lists to apply to. */
export default function ChallengeListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const params = useListParams();
  const canWrite = user.permissions.includes('challenge:write');
  const isOrganizationUser = user.role === 'host_user';
  const status = params.get('status') as ChallengeStatus | undefined;
  const relation = params.get('relation') as Relation | undefined;
  const keyword = params.get('keyword');
  const challenges = useChallenges({
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
    ...(status ? { status } : {}),
    ...(relation ? { relation } : {}),
    ...(keyword ? { keyword } : {}),
  });
  const c = t.challenges;

  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={challenges.data ? c.subtitle(challenges.data.total) : null}
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => navigate('/challenges/new')} data-testid="challenge-create">
              {c.create}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{c.hint}</Typography.Paragraph>
      <Card size="small">
        <Tabs
          size="small"
          activeKey={status ?? 'all'}
          onChange={(key) => params.update({ status: key === 'all' ? null : key })}
          items={[{ key: 'all', label: c.all }, ...challengeStatuses.map((s) => ({ key: s, label: c.status[s] }))]}
        />
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <SearchInput value={keyword ?? ''} placeholder={c.keyword} onSearch={(value) => params.update({ keyword: value })} />
          {isOrganizationUser ? (
            <Segmented
              value={relation ?? 'all'}
              onChange={(value) => params.update({ relation: value === 'all' ? null : value })}
              options={(['all', 'published', 'applied'] as const).map((value) => ({ value, label: c.relation[value] }))}
            />
          ) : null}
        </Flex>
        {challenges.isError ? (
          <LoadFailed error={challenges.error} onRetry={() => void challenges.refetch()} />
        ) : (
          <ChoosableTable<ChallengeListItem>
            tableKey="challenges"
            defaultHidden={defaultHidden}
            isFiltered={!!(status || keyword || relation)}
            onClearFilters={params.clear}
            emptyText={c.empty}
            rowKey="id"
            size="small"
            loading={challenges.isFetching}
            dataSource={challenges.data?.items ?? []}
            scroll={{ y: tableScroll.y }}
            pagination={pagination(params.page, params.pageSize, challenges.data?.total ?? 0, (page, pageSize) =>
              params.update({ page, pageSize }),
            )}
            data-testid="challenge-table"
            columns={[
              {
                title: c.field.title,
                dataIndex: 'title',
                fixed: 'left',
                width: 260,
                render: (title: string, row) => (
                  <>
                    <Link to={`/challenges/${row.id}`}>{row.isDemo ? withoutDemoMark(title) : title}</Link>{' '}
                    {row.isDemo ? <DemoTag /> : null}
                  </>
                ),
              },
              { title: c.field.publisher, dataIndex: 'publisherName', width: 160, ellipsis: true },
              {
                title: c.field.rewardShort,
                dataIndex: 'reward',
                width: 120,
                align: 'right',
                render: (value: number) => c.rewardValue(value),
              },
              {
                title: c.field.applicationDeadline,
                dataIndex: 'applicationDeadline',
                width: 130,
                render: (value: string) => formatChineseDate(value),
              },
              { title: c.field.status, dataIndex: 'status', width: 90, render: (s: ChallengeStatus) => <ChallengeStatusTag status={s} /> },
              { title: c.field.applications, dataIndex: 'applicationCount', width: 80, align: 'right' },
              ...(isOrganizationUser
                ? [
                    {
                      title: c.field.myApplication,
                      key: 'mine',
                      width: 100,
                      render: (_: unknown, row: ChallengeListItem) =>
                        row.myApplicationStatus ? <ChallengeApplicationStatusTag status={row.myApplicationStatus} /> : t.common.none,
                    },
                  ]
                : []),
              { title: c.field.region, key: 'region', width: 120, render: (_, row) => row.region.name },
            ]}
          />
        )}
      </Card>
    </>
  );
}
