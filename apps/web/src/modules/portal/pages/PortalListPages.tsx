import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Input, Pagination, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { labels, type PlatformLevel, type PublicCall } from '@stip/contracts';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { formatChineseDate } from '../../../shared/format/format';
import { withoutDemoMark } from '../../../shared/format/demoName';
import { t } from '../../../shared/i18n/zh-CN';
import { portalApi } from '../api';
import { PortalEmpty, QueryState, RecordTags } from '../components/PortalBits';

const f = t.portal.fields;

/** A call for platform applications now open: window, types, required materials, and the way to apply. */
export function CallCard({ call }: { call: PublicCall }) {
  return (
    <article data-testid="portal-call" style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div className="portal-card-title">
        {withoutDemoMark(call.title)} <RecordTags isDemo={call.isDemo} />
      </div>
      <div className="portal-meta" style={{ marginTop: 4 }}>
        <span>
          {f.callWindow}：{formatChineseDate(call.opensOn)} 至 {formatChineseDate(call.closesOn)}
        </span>
        <span>{call.regionName}</span>
      </div>
      {call.types.length ? (
        <div style={{ marginTop: 6 }}>
          {f.platformTypes}：
          {call.types.map((type) => (
            <Tag key={type.name}>
              {type.name}（{labels.platformLevel[type.level]}）
            </Tag>
          ))}
        </div>
      ) : null}
      {call.description ? <div className="portal-prose portal-snippet">{call.description}</div> : null}
      {call.materials.length ? (
        <div className="portal-meta">
          {f.materials}：
          {call.materials.map((m) => (
            <span key={m.name}>
              {m.name}（{m.required ? f.required : f.optional}）
            </span>
          ))}
        </div>
      ) : null}
      <div style={{ marginTop: 6 }}>
        <Link to="/login">{t.portal.calls.apply}</Link>
      </div>
    </article>
  );
}

/** 申报通知: the calls for platform applications now accepting them. */
export function PortalCallsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({ queryKey: ['portal', 'calls', page], queryFn: () => portalApi.calls({ limit: 10, offset: (page - 1) * 10 }) });
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.portal.nav.calls}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.portal.calls.intro}</Typography.Paragraph>
      <QueryState query={query}>
        {() => (
          <Card size="small">
            {query.data!.items.length === 0 ? (
              <PortalEmpty description={t.portal.calls.empty} />
            ) : (
              query.data!.items.map((call) => <CallCard key={call.id} call={call} />)
            )}
            {query.data!.total > 10 ? (
              <Pagination
                style={{ marginTop: 16, textAlign: 'center' }}
                current={page}
                pageSize={10}
                total={query.data!.total}
                size="small"
                onChange={(next) => setParams({ page: String(next) })}
              />
            ) : null}
          </Card>
        )}
      </QueryState>
    </div>
  );
}

const pageSize = 20;

/** 创新平台: the public list of recognised platforms, filtered by name, level, system and region. */
export function PortalPlatformsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const level = params.get('level');
  const systemId = params.get('systemId');
  const regionId = params.get('regionId');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = {
    ...(q ? { q } : {}),
    ...(level ? { level: [level] } : {}),
    ...(systemId ? { systemId: [systemId] } : {}),
    ...(regionId ? { regionId: [regionId] } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const result = useQuery({
    queryKey: ['portal', 'platforms', query],
    queryFn: ({ signal }) => portalApi.platforms(query, signal),
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
  const options = result.data?.options;
  const choice = (all: string, values: { value: string; label: string; count: number }[] | undefined) => [
    { value: '', label: all },
    ...(values ?? []).map((o) => ({ value: o.value, label: `${o.label}（${o.count}）` })),
  ];
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t.portal.nav.platforms}
      </Typography.Title>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={9}>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            maxLength={100}
            placeholder={t.portal.platforms.placeholder}
            onSearch={(value) => update({ q: value.trim() || null })}
            data-testid="portal-platform-search"
          />
        </Col>
        <Col xs={24} sm={8} md={5}>
          <Select
            style={{ width: '100%' }}
            value={level ?? ''}
            options={choice(t.portal.platforms.allLevels, options?.level)}
            onChange={(value) => update({ level: value || null })}
            aria-label={f.level}
          />
        </Col>
        <Col xs={24} sm={8} md={5}>
          <Select
            style={{ width: '100%' }}
            value={systemId ?? ''}
            options={choice(t.portal.platforms.allSystems, options?.system)}
            onChange={(value) => update({ systemId: value || null })}
            aria-label={f.system}
          />
        </Col>
        <Col xs={24} sm={8} md={5}>
          <Select
            style={{ width: '100%' }}
            value={regionId ?? ''}
            options={choice(t.portal.platforms.allRegions, options?.region)}
            onChange={(value) => update({ regionId: value || null })}
            aria-label={f.region}
          />
        </Col>
      </Row>
      {result.error ? (
        <LoadFailed error={result.error} onRetry={() => void result.refetch()} />
      ) : !result.data ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <Typography.Text type="secondary">{t.portal.search.found(result.data.total)}</Typography.Text>
          {result.data.items.length === 0 ? (
            <PortalEmpty description={t.portal.platforms.empty} />
          ) : (
            result.data.items.map((p) => (
              <article key={p.id} data-testid="portal-platform" style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                <div className="portal-card-title">
                  {withoutDemoMark(p.name)} <Tag color="blue">{labels.platformLevel[p.level as PlatformLevel]}</Tag>
                  <RecordTags isDemo={p.isDemo} />
                </div>
                <Space className="portal-meta" size={[12, 4]} wrap>
                  <span>
                    {f.platformType}：{p.typeName}
                  </span>
                  <span>
                    {f.host}：{withoutDemoMark(p.hostOrganizationName)}
                  </span>
                  <span>{p.regionName}</span>
                  {p.industry ? <span>{p.industry}</span> : null}
                  {p.recognizedYear ? (
                    <span>
                      {f.recognizedYear}：{p.recognizedYear}
                    </span>
                  ) : null}
                </Space>
              </article>
            ))
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
