import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { achievementMaturityLabels, ownerTypeLabels, type PublicContact, transferModeLabels } from '@stip/contracts';
import { formatChineseDate } from '../../../shared/format/format';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { portalApi } from '../api';
import { ChallengeStatusTag, QueryState, RecordTags } from '../components/PortalBits';
import { usePortalRecordName } from '../PortalLayout';

const f = t.portal.fields;
const none = t.common.none;

/** The published contact: only what the owner chose; a sentence when nothing was. */
function ContactCard({ contact }: { contact: PublicContact }) {
  const rows = [
    contact.name ? { key: 'name', label: f.contactName, children: contact.name } : null,
    contact.phone ? { key: 'phone', label: f.contactPhone, children: <a href={`tel:${contact.phone}`}>{contact.phone}</a> } : null,
    contact.email ? { key: 'email', label: f.contactEmail, children: <a href={`mailto:${contact.email}`}>{contact.email}</a> } : null,
  ].filter((row) => row !== null);
  return (
    <Card size="small" title={f.contact} data-testid="portal-contact">
      {rows.length ? (
        <Descriptions column={1} size="small" items={rows} />
      ) : (
        <Typography.Text type="secondary">{f.noContact}</Typography.Text>
      )}
    </Card>
  );
}

function Title({ text, isDemo, extra }: { text: string; isDemo: boolean; extra?: React.ReactNode }) {
  return (
    <Typography.Title level={3} style={{ marginTop: 0, wordBreak: 'break-word' }} data-testid="portal-record-title">
      {withoutDemoMark(text)} <RecordTags isDemo={isDemo} />
      {extra}
    </Typography.Title>
  );
}

/** 成果详情: what the owner published, and the contact fields it chose to publish. */
export function PortalAchievementPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['portal', 'achievement', id], queryFn: () => portalApi.achievement(id) });
  usePortalRecordName(query.data ? withoutDemoMark(query.data.title) : undefined);
  return (
    <QueryState query={query}>
      {() => {
        const a = query.data!;
        const price = a.priceMin !== null || a.priceMax !== null ? t.portal.priceRange(a.priceMin, a.priceMax) : t.portal.negotiable;
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Title
              text={a.title}
              isDemo={a.isDemo}
              extra={
                a.source !== 'manual' || a.dataSource ? <RecordTags isDemo={false} source={a.source} dataSource={a.dataSource} /> : null
              }
            />
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 1, md: 2 }}
                items={[
                  { key: 'owner', label: f.owner, children: a.ownerName ? withoutDemoMark(a.ownerName) : none },
                  {
                    key: 'ownerType',
                    label: t.portal.search.facetNames.ownerType,
                    children: a.ownerType ? ownerTypeLabels[a.ownerType] : none,
                  },
                  { key: 'field', label: f.technicalField, children: a.technicalField ?? none },
                  { key: 'industry', label: f.industry, children: a.industry ?? none },
                  { key: 'maturity', label: f.maturity, children: a.maturity ? achievementMaturityLabels[a.maturity] : none },
                  ...(a.discipline ? [{ key: 'discipline', label: f.discipline, children: a.discipline }] : []),
                  { key: 'region', label: f.region, children: a.regionName ?? none },
                  { key: 'team', label: f.team, children: a.team ?? none },
                  {
                    key: 'modes',
                    label: f.transferModes,
                    children: a.transferModes.length
                      ? a.transferModes.map((mode) => <Tag key={mode}>{transferModeLabels[mode]}</Tag>)
                      : none,
                  },
                  { key: 'price', label: f.price, children: price },
                  { key: 'published', label: f.publishedAt, children: formatChineseDate(a.publishedAt) },
                ]}
              />
            </Card>
            <Card size="small" title={f.abstract}>
              <div className="portal-prose" data-testid="portal-abstract">
                {a.abstract || none}
              </div>
              {a.keywords.length ? (
                <div style={{ marginTop: 12 }}>
                  {f.keywords}：
                  {a.keywords.map((keyword) => (
                    <Tag key={keyword}>{keyword}</Tag>
                  ))}
                </div>
              ) : null}
            </Card>
            {a.patents.length ? (
              <Card size="small" title={f.patents}>
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {a.patents.map((patent) => (
                    <li key={patent.number}>
                      {patent.number}
                      {patent.title ? ` ${patent.title}` : ''}
                      {patent.kind ? `（${patent.kind}）` : ''}
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
            <ContactCard contact={a.contact} />
          </Space>
        );
      }}
    </QueryState>
  );
}

/** 需求详情: the enterprise's need, its budget and deadline, and its 揭榜挂帅 call when there is one. */
export function PortalDemandPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['portal', 'demand', id], queryFn: () => portalApi.demand(id) });
  usePortalRecordName(query.data ? withoutDemoMark(query.data.title) : undefined);
  return (
    <QueryState query={query}>
      {() => {
        const d = query.data!;
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Title text={d.title} isDemo={d.isDemo} />
            {d.challenge ? (
              <Alert
                type="info"
                showIcon
                message={
                  <span>
                    {t.portal.challengeFromDemand} <ChallengeStatusTag status={d.challenge.status} />
                  </span>
                }
                action={
                  <Link to={`/portal/challenges/${d.challenge.id}`}>
                    <Button size="small">{t.portal.viewChallenge}</Button>
                  </Link>
                }
              />
            ) : null}
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 1, md: 2 }}
                items={[
                  { key: 'enterprise', label: f.enterprise, children: d.enterpriseName ? withoutDemoMark(d.enterpriseName) : none },
                  { key: 'field', label: f.technicalField, children: d.technicalField ?? none },
                  { key: 'industry', label: f.industry, children: d.industry ?? none },
                  { key: 'region', label: f.region, children: d.regionName ?? none },
                  { key: 'budget', label: f.budget, children: d.budget !== null ? t.portal.money(d.budget) : t.portal.negotiable },
                  { key: 'deadline', label: f.deadline, children: formatChineseDate(d.deadline) },
                  { key: 'published', label: f.publishedAt, children: formatChineseDate(d.publishedAt) },
                ]}
              />
            </Card>
            <Card size="small" title={f.description}>
              <div className="portal-prose">{d.description || none}</div>
              {d.keywords.length ? (
                <div style={{ marginTop: 12 }}>
                  {f.keywords}：
                  {d.keywords.map((keyword) => (
                    <Tag key={keyword}>{keyword}</Tag>
                  ))}
                </div>
              ) : null}
            </Card>
            <ContactCard contact={d.contact} />
          </Space>
        );
      }}
    </QueryState>
  );
}
