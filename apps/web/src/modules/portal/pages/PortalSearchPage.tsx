import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Collapse, Grid, Input, Pagination, Skeleton, Tag, Typography } from 'antd';
import { type PublicFacetName, publicFacetNames, type PortalSearchPage } from '@stip/contracts';
import { useSearchParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { t } from '../../../shared/i18n/zh-CN';
import { portalApi, type PortalSearchEntity, type PortalSearchQuery } from '../api';
import { PortalEmpty, SearchItemCard } from '../components/PortalBits';

const pageSize = 10;
/** The query parameter each facet filters by (the region facet's values are region ids). */
const facetParam: Record<PublicFacetName, keyof PortalSearchQuery> = {
  technicalField: 'technicalField',
  industry: 'industry',
  maturity: 'maturity',
  region: 'regionId',
  ownerType: 'ownerType',
};

/**
 * 科技成果 / 技术需求 on the portal: a search box for words or a whole sentence, facets with counts, highlighted
 * snippets and pages. Everything lives in the address (?q=…&technicalField=…&page=2), so a result can be shared.
 */
export function PortalSearchPage({ entity }: { entity: PortalSearchEntity }) {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const chosen = Object.fromEntries(
    publicFacetNames.map((name) => [name, (params.get(facetParam[name]) ?? '').split(',').filter(Boolean)]),
  ) as Record<PublicFacetName, string[]>;
  const query: PortalSearchQuery = {
    ...(q ? { q } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...Object.fromEntries(publicFacetNames.filter((name) => chosen[name].length).map((name) => [facetParam[name], chosen[name]])),
  };
  const result = useQuery({
    queryKey: ['portal', entity, query],
    queryFn: ({ signal }) => portalApi.search(entity, query, signal),
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
  const toggle = (name: PublicFacetName, value: string) => {
    const values = chosen[name].includes(value) ? chosen[name].filter((v) => v !== value) : [...chosen[name], value];
    update({ [facetParam[name]]: values.join(',') || null });
  };
  const hasFilters = publicFacetNames.some((name) => chosen[name].length > 0);
  const to = (id: string) => `/portal/${entity}/${id}`;
  const title = entity === 'achievements' ? t.portal.nav.achievements : t.portal.nav.demands;

  const facets = result.data ? <Facets facets={result.data.facets} chosen={chosen} onToggle={toggle} /> : null;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        enterButton={t.portal.home.search}
        size="large"
        maxLength={200}
        placeholder={entity === 'achievements' ? t.portal.search.achievementsPlaceholder : t.portal.search.demandsPlaceholder}
        onSearch={(value) => update({ q: value.trim() || null })}
        data-testid="portal-search-input"
        style={{ marginBottom: 16 }}
      />
      <div className="portal-layout-two">
        <aside>
          {screens.lg ? (
            <Card
              size="small"
              title={t.portal.search.facets}
              extra={hasFilters ? <ClearFilters onClear={() => update(clearAll())} /> : null}
            >
              {facets ?? <Skeleton active />}
            </Card>
          ) : (
            <Collapse
              size="small"
              items={[
                {
                  key: 'facets',
                  label: t.portal.search.facets,
                  extra: hasFilters ? <ClearFilters onClear={() => update(clearAll())} /> : null,
                  children: facets ?? <Skeleton active />,
                },
              ]}
            />
          )}
        </aside>
        <section data-testid="portal-results">
          {result.error ? (
            <LoadFailed error={result.error} onRetry={() => void result.refetch()} />
          ) : !result.data ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : (
            <Card size="small">
              <Typography.Text type="secondary" data-testid="portal-total">
                {t.portal.search.found(result.data.total)}
              </Typography.Text>
              {result.data.items.length === 0 ? (
                <PortalEmpty description={q || hasFilters ? t.portal.search.noResult : t.portal.search.noResultYet} />
              ) : (
                result.data.items.map((item) => <SearchItemCard key={item.id} item={item} to={to(item.id)} />)
              )}
              {result.data.total > pageSize ? (
                <Pagination
                  style={{ marginTop: 16, textAlign: 'center' }}
                  current={page}
                  pageSize={pageSize}
                  total={Math.min(result.data.total, 10_000)}
                  showSizeChanger={false}
                  size={screens.md ? 'default' : 'small'}
                  onChange={(next) => update({ page: String(next) })}
                />
              ) : null}
            </Card>
          )}
        </section>
      </div>
    </div>
  );
}

function clearAll(): Record<string, null> {
  return Object.fromEntries(publicFacetNames.map((name) => [facetParam[name], null]));
}

function ClearFilters({ onClear }: { onClear: () => void }) {
  return (
    <Button
      type="link"
      size="small"
      onClick={(event) => {
        event.stopPropagation();
        onClear();
      }}
    >
      {t.portal.search.clearFilters}
    </Button>
  );
}

function Facets({
  facets,
  chosen,
  onToggle,
}: {
  facets: PortalSearchPage['facets'];
  chosen: Record<PublicFacetName, string[]>;
  onToggle: (name: PublicFacetName, value: string) => void;
}) {
  const valuesOf = (name: PublicFacetName) => facets?.[name] ?? [];
  const shown = publicFacetNames.filter((name) => valuesOf(name).length > 0 || chosen[name].length > 0);
  if (shown.length === 0) return <Typography.Text type="secondary">{t.common.empty}</Typography.Text>;
  return (
    <div data-testid="portal-facets">
      {shown.map((name) => (
        <div key={name} style={{ marginBottom: 12 }}>
          <div style={{ fontWeight: 600, marginBottom: 6 }}>{t.portal.search.facetNames[name]}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {valuesOf(name).map((facet) => (
              <Tag.CheckableTag
                key={facet.value}
                checked={chosen[name].includes(facet.value)}
                onChange={() => onToggle(name, facet.value)}
                style={{ border: '1px solid #d9d9d9', marginInlineEnd: 0 }}
              >
                {facet.label} ({facet.count})
              </Tag.CheckableTag>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export function PortalAchievementsPage() {
  return <PortalSearchPage entity="achievements" />;
}

export function PortalDemandsPage() {
  return <PortalSearchPage entity="demands" />;
}
