import { Button, Empty, Result, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  achievementMaturityLabels,
  achievementSourceLabels,
  challengeStatusLabels,
  type PublicChallengeStatus,
  type PortalSearchItem,
} from '@stip/contracts';
import { DemoTag } from '../../../shared/components/DemoTag';
import { isMissingRecord, LoadFailed } from '../../../shared/components/LoadFailed';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatChineseDate } from '../../../shared/format/format';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { Highlighted } from './Highlighted';

const challengeColors: Record<PublicChallengeStatus, string> = {
  open: 'green',
  reviewing: 'gold',
  selected: 'blue',
  completed: 'default',
};

export function ChallengeStatusTag({ status }: { status: PublicChallengeStatus }) {
  return <Tag color={challengeColors[status]}>{challengeStatusLabels[status]}</Tag>;
}

/** The 演示 tag of demo rows and the source of rows loaded from a data set. */
export function RecordTags({
  isDemo,
  source,
  dataSource,
}: {
  isDemo: boolean;
  source?: PortalSearchItem['source'];
  /** The data set a row was loaded from (e.g. 真实论文摘要（CSL 数据集）): said instead of the bare source. */
  dataSource?: string | null | undefined;
}) {
  const sourceLabel = dataSource ?? (source && source !== 'manual' ? achievementSourceLabels[source] : null);
  return (
    <>
      {isDemo ? <DemoTag /> : null}
      {sourceLabel ? <Tag data-testid="portal-source">{sourceLabel}</Tag> : null}
    </>
  );
}

/** One search result or latest record: title link, tags, meta line and the (highlighted) snippet. */
export function SearchItemCard({ item, to }: { item: PortalSearchItem; to: string }) {
  const meta = [
    item.ownerName ? withoutDemoMark(item.ownerName) : null,
    item.technicalField,
    item.industry,
    item.maturity ? achievementMaturityLabels[item.maturity] : null,
    item.regionName,
    item.publishedAt ? formatChineseDate(item.publishedAt) : null,
  ].filter(Boolean);
  return (
    <article className="portal-result" data-testid="portal-result" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div>
        <Link to={to} className="portal-card-title" data-testid="portal-result-title">
          {withoutDemoMark(item.title)}
        </Link>{' '}
        <RecordTags isDemo={item.isDemo === true} source={item.source} dataSource={item.dataSource} />
      </div>
      {item.snippet ? (
        <div className="portal-snippet">
          <Highlighted html={item.highlighted} text={item.snippet} />
        </div>
      ) : null}
      <div className="portal-meta">
        {meta.map((value, index) => (
          <span key={index}>{value}</span>
        ))}
      </div>
    </article>
  );
}

/** Loading, not found (404: unpublished or gone) and failure states of a portal query. */
export function QueryState({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  children: () => ReactNode;
}) {
  if (query.isPending) return <PageLoading />;
  if (query.error) {
    if (isMissingRecord(query.error)) return <PortalNotFound />;
    return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children()}</>;
}

export function PortalEmpty({ description }: { description: string }) {
  return <Empty description={description} style={{ padding: '32px 0' }} />;
}

/** An address under /portal that is no page: the way back is the portal's home, not the management app. */
export function PortalNotFound() {
  return (
    <Result
      status="404"
      title={t.portal.notFound}
      extra={
        <Link to="/portal">
          <Button type="primary">{t.portal.backHome}</Button>
        </Link>
      }
    />
  );
}
