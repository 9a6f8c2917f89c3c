import { ArrowLeftOutlined } from '@ant-design/icons';
import { type PlatformLevel, type PlatformStatus } from '@stip/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { useRegionNames } from '../../regions/hooks/useRegions';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import { CountedPlatformTable } from '../../targets/components/CountedPlatformTable';
import { useCockpitPlatforms } from '../hooks/useCockpit';

/** The URL keys that page the list rather than say which records it holds. */
const pagingKeys = new Set(['page', 'pageSize']);

/**
 * The records behind a cockpit figure the registry list cannot express (platforms at the scope's own
 * level, without an industry, recognised in a year): the figure's query, listed by the cockpit API.
 */
export default function CockpitPlatformsPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const taxonomy = useTaxonomy();
  const regionNames = useRegionNames();
  const criteria = useMemo(() => [...list.params.entries()].filter(([key]) => !pagingKeys.has(key)), [list.params]);
  const query = useMemo(
    () => ({ ...Object.fromEntries(criteria), limit: list.pageSize, offset: list.offset }),
    [criteria, list.pageSize, list.offset],
  );
  const platforms = useCockpitPlatforms(query);

  const describe = (key: string, value: string): string | null => {
    const labels = t.platforms.filters;
    const many = (render: (item: string) => string) => t.common.list(value.split(',').map(render));
    switch (key) {
      case 'asOf':
        return `${t.common.labelled(t.cockpit.records.asOf)}${value}`;
      case 'systemId':
        return `${t.common.labelled(labels.system)}${taxonomy.data?.systems.find((system) => system.id === value)?.name ?? value}`;
      case 'typeId':
        return `${t.common.labelled(labels.type)}${many((id) => taxonomy.data?.types.find((type) => type.id === id)?.name ?? id)}`;
      case 'level':
        return `${t.common.labelled(labels.level)}${many((level) => t.labels.platformLevel[level as PlatformLevel] ?? level)}`;
      case 'status':
        return `${t.common.labelled(labels.status)}${many((status) => t.labels.platformStatus[status as PlatformStatus] ?? status)}`;
      case 'regionId':
        return `${t.common.labelled(labels.region)}${regionNames.get(value) ?? value}`;
      case 'industry':
        return `${t.common.labelled(labels.industry)}${value}`;
      case 'regionOnly':
        return t.cockpit.records.regionOnly;
      case 'noIndustry':
        return t.cockpit.records.noIndustry;
      case 'recognizedYear':
        return t.cockpit.records.recognizedYear(value);
      default:
        return null;
    }
  };

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t.cockpit.records.back} />
            {t.cockpit.records.title}
          </Flex>
        }
        subtitle={
          <Typography.Text type="secondary" data-testid="cockpit-records-total" aria-busy={platforms.isFetching}>
            {platforms.data ? t.cockpit.records.total(platforms.data.total) : t.common.loading}
          </Typography.Text>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary">{t.common.labelled(t.cockpit.records.criteria)}</Typography.Text>
          {criteria.map(([key, value]) => {
            const text = describe(key, value);
            return text ? (
              <Tag key={key} color="blue" bordered={false}>
                {text}
              </Tag>
            ) : null;
          })}
        </Flex>
      </Card>
      {platforms.isError ? (
        <LoadFailed error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : (
        <CountedPlatformTable
          items={platforms.data?.items}
          total={platforms.data?.total ?? 0}
          loading={platforms.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          onPage={(page, pageSize) => list.update({ page, pageSize })}
          data-testid="cockpit-records-table"
        />
      )}
    </>
  );
}
