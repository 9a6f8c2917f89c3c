import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Grid, Input, Pagination, Segmented, Skeleton, Space, Steps, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { challengeStatusLabels, type PublicChallengeListItem, publicChallengeStatuses, type PublicChallengeStatus } from '@stip/contracts';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { formatChineseDate } from '../../../shared/format/format';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { portalApi } from '../api';
import { ChallengeStatusTag, PortalEmpty, QueryState, RecordTags } from '../components/PortalBits';
import { usePortalRecordName } from '../PortalLayout';

const f = t.portal.fields;
const pageSize = 10;

/** A 揭榜挂帅 call as a card: title, status, reward, deadline, publisher. */
export function ChallengeCard({ item }: { item: PublicChallengeListItem }) {
  return (
    <article data-testid="portal-challenge" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div>
        <Link to={`/portal/challenges/${item.id}`} className="portal-card-title">
          {withoutDemoMark(item.title)}
        </Link>{' '}
        <ChallengeStatusTag status={item.status} />
        <RecordTags isDemo={item.isDemo} />
      </div>
      <div className="portal-meta" style={{ marginTop: 4 }}>
        <span>
          {f.reward}：<strong style={{ color: '#cf1322' }}>{t.portal.money(item.reward)}</strong>
        </span>
        <span>
          {f.applicationDeadline}：{formatChineseDate(item.applicationDeadline)}
        </span>
        <span>{withoutDemoMark(item.publisherName)}</span>
        <span>{t.portal.applicationCount(item.applicationCount)}</span>
      </div>
    </article>
  );
}

/** 揭榜挂帅 on the portal: calls open for teams first, then those decided and done. */
export function PortalChallengesPage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = params.get('q') ?? '';
  const status = params.get('status') as PublicChallengeStatus | null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { ...(q ? { q } : {}), ...(status ? { status: [status] } : {}), limit: pageSize, offset: (page - 1) * pageSize };
  const result = useQuery({
    queryKey: ['portal', 'challenges', query],
    queryFn: ({ signal }) => portalApi.challenges(query, signal),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.portal.nav.challenges}
      </Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 12 }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          maxLength={200}
          placeholder={t.portal.challenges.placeholder}
          onSearch={(value) => update({ q: value.trim() || null })}
        />
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented
            size={screens.md ? 'middle' : 'small'}
            value={status ?? ''}
            onChange={(value) => update({ status: value ? String(value) : null })}
            options={[
              { value: '', label: t.portal.challenges.statusAll },
              ...publicChallengeStatuses.map((s) => ({ value: s, label: challengeStatusLabels[s] })),
            ]}
          />
        </div>
      </Space>
      {result.error ? (
        <LoadFailed error={result.error} onRetry={() => void result.refetch()} />
      ) : !result.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <Typography.Text type="secondary">{t.portal.search.found(result.data.total)}</Typography.Text>
          {result.data.items.length === 0 ? (
            <PortalEmpty description={t.portal.challenges.empty} />
          ) : (
            result.data.items.map((item) => <ChallengeCard key={item.id} item={item} />)
          )}
          {result.data.total > pageSize ? (
            <Pagination
              style={{ marginTop: 16, textAlign: 'center' }}
              current={page}
              pageSize={pageSize}
              total={result.data.total}
              showSizeChanger={false}
              size="small"
              onChange={(next) => update({ page: String(next) })}
            />
          ) : null}
        </Card>
      )}
    </div>
  );
}

/** 榜单详情: requirements, reward, deadlines; once decided the chosen team and the owner's reason; the milestones. */
export function PortalChallengePage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['portal', 'challenge', id], queryFn: () => portalApi.challenge(id) });
  usePortalRecordName(query.data ? withoutDemoMark(query.data.title) : undefined);
  return (
    <QueryState query={query}>
      {() => {
        const c = query.data!;
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Title level={3} style={{ marginTop: 0, wordBreak: 'break-word' }}>
              {withoutDemoMark(c.title)} <ChallengeStatusTag status={c.status} />
              <RecordTags isDemo={c.isDemo} />
            </Typography.Title>
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 1, md: 2 }}
                items={[
                  { key: 'reward', label: f.reward, children: t.portal.money(c.reward) + (c.rewardNote ? `（${c.rewardNote}）` : '') },
                  { key: 'publisher', label: f.publisher, children: withoutDemoMark(c.publisherName) },
                  { key: 'deadline', label: f.applicationDeadline, children: formatChineseDate(c.applicationDeadline) },
                  { key: 'completion', label: f.completionDeadline, children: formatChineseDate(c.completionDeadline) },
                  { key: 'region', label: f.region, children: c.regionName },
                  { key: 'field', label: f.technicalField, children: c.technicalField ?? t.common.none },
                  { key: 'applications', label: f.applications, children: t.portal.applicationCount(c.applicationCount) },
                  { key: 'published', label: f.publishedAt, children: formatChineseDate(c.publishedAt) },
                ]}
              />
            </Card>
            {c.requirements ? (
              <Card size="small" title={f.requirements}>
                <div className="portal-prose">{c.requirements}</div>
              </Card>
            ) : null}
            {c.demand ? (
              <Card size="small" title={f.demand} extra={<Link to={`/portal/demands/${c.demand.id}`}>{t.portal.viewDemand}</Link>}>
                <div className="portal-prose">{c.demand.description || withoutDemoMark(c.demand.title)}</div>
              </Card>
            ) : null}
            {c.selection ? (
              <Card size="small" title={f.selection} data-testid="portal-selection">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'team', label: f.selectedTeam, children: withoutDemoMark(c.selection.organizationName) },
                    { key: 'reason', label: f.selectionReason, children: c.selection.reason ?? t.common.none },
                  ]}
                />
              </Card>
            ) : null}
            {c.milestones.length ? (
              <Card size="small" title={f.milestones}>
                <Steps
                  direction="vertical"
                  size="small"
                  current={c.milestones.findIndex((m) => !m.completedAt)}
                  items={c.milestones.map((m) => ({
                    title: m.title,
                    status: m.completedAt ? 'finish' : 'wait',
                    description: `${formatChineseDate(m.dueOn)} · ${m.completedAt ? f.milestoneDone : f.milestonePending}`,
                  }))}
                />
              </Card>
            ) : null}
          </Space>
        );
      }}
    </QueryState>
  );
}
