import { Card, Col, Input, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { t } from '../../../shared/i18n/zh-CN';
import { PortalEmpty, QueryState, SearchItemCard } from '../components/PortalBits';
import { useOverview } from '../PortalLayout';
import { ChallengeCard } from './PortalChallengePages';
import { CallCard } from './PortalListPages';

const h = t.portal.home;

function Section({ title, to, children, isEmpty }: { title: string; to: string; children: ReactNode; isEmpty: boolean }) {
  return (
    <Card size="small" title={title} extra={<Link to={to}>{h.more}</Link>} style={{ height: '100%' }}>
      {isEmpty ? <PortalEmpty description={h.nothing} /> : children}
    </Card>
  );
}

/** The portal's home: a search box, what it offers in numbers, and the latest of each kind. */
export function PortalHomePage() {
  const navigate = useNavigate();
  const overview = useOverview();
  return (
    <div>
      <section className="portal-hero">
        <h1>{h.headline}</h1>
        <Input.Search
          size="large"
          allowClear
          maxLength={200}
          enterButton={h.search}
          placeholder={h.searchPlaceholder}
          data-testid="portal-home-search"
          onSearch={(value) => {
            const q = value.trim();
            navigate(q ? `/portal/achievements?q=${encodeURIComponent(q)}` : '/portal/achievements');
          }}
        />
      </section>
      <QueryState query={overview}>
        {() => {
          const o = overview.data!;
          const counts = [
            { key: 'achievements', to: '/portal/achievements', value: o.counts.achievements },
            { key: 'demands', to: '/portal/demands', value: o.counts.demands },
            { key: 'challenges', to: '/portal/challenges', value: o.counts.challenges },
            { key: 'calls', to: '/portal/calls', value: o.counts.calls },
            { key: 'platforms', to: '/portal/platforms', value: o.counts.platforms },
          ] as const;
          return (
            <>
              <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="portal-counts">
                {counts.map((count) => (
                  <Col key={count.key} xs={12} sm={8} lg={{ flex: 1 }}>
                    <Link to={count.to}>
                      <Card size="small" hoverable>
                        <Statistic title={h.counts[count.key]} value={count.value} />
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <Section title={h.latestAchievements} to="/portal/achievements" isEmpty={o.latestAchievements.length === 0}>
                    {o.latestAchievements.map((item) => (
                      <SearchItemCard key={item.id} item={item} to={`/portal/achievements/${item.id}`} />
                    ))}
                  </Section>
                </Col>
                <Col xs={24} lg={12}>
                  <Section title={h.latestDemands} to="/portal/demands" isEmpty={o.latestDemands.length === 0}>
                    {o.latestDemands.map((item) => (
                      <SearchItemCard key={item.id} item={item} to={`/portal/demands/${item.id}`} />
                    ))}
                  </Section>
                </Col>
                <Col xs={24} lg={12}>
                  <Section title={h.latestChallenges} to="/portal/challenges" isEmpty={o.latestChallenges.length === 0}>
                    {o.latestChallenges.map((item) => (
                      <ChallengeCard key={item.id} item={item} />
                    ))}
                  </Section>
                </Col>
                <Col xs={24} lg={12}>
                  <Section title={h.openCalls} to="/portal/calls" isEmpty={o.openCalls.length === 0}>
                    {o.openCalls.map((call) => (
                      <CallCard key={call.id} call={call} />
                    ))}
                  </Section>
                </Col>
              </Row>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
