import { platformLevels, platformStatuses } from '@stip/contracts';
import { Button, Card, DatePicker, Flex, Select, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { SearchInput } from '../../../shared/components/SearchInput';
import { toDateString } from '../../../shared/forms/rules';
import { isAfterToday } from '../../../shared/format/format';
import type { ParamValue } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { useTaxonomy } from '../../taxonomy/hooks/useTaxonomy';
import type { PlatformFilters } from '../api';
import { useIndustries } from '../hooks/usePlatforms';

const labels = t.platforms.filters;

interface PlatformFilterBarProps {
  filters: PlatformFilters;
  onChange: (patch: Record<string, ParamValue>) => void;
  onReset: () => void;
}

/** Every filter of the platform list; each change is written to the URL by the caller. */
export function PlatformFilterBar({ filters, onChange, onReset }: PlatformFilterBarProps) {
  const taxonomy = useTaxonomy();
  const industries = useIndustries();

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          placeholder={labels.system}
          value={filters.systemId}
          // A new system makes types of the old one meaningless.
          onChange={(systemId: string | undefined) => onChange({ systemId, typeId: undefined })}
          options={(taxonomy.data?.systems ?? []).map((system) => ({ value: system.id, label: system.name }))}
          style={{ width: 170 }}
          data-testid="platform-filter-system"
        />
        <PlatformTypeSelect
          mode="multiple"
          systemId={filters.systemId}
          placeholder={labels.type}
          value={filters.typeId}
          onChange={(typeId) => onChange({ typeId })}
          style={{ width: 260 }}
          data-testid="platform-filter-type"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={labels.level}
          value={filters.level}
          onChange={(level: string[]) => onChange({ level })}
          options={platformLevels.map((level) => ({ value: level, label: t.labels.platformLevel[level] }))}
          style={{ minWidth: 130 }}
          maxTagCount="responsive"
          data-testid="platform-filter-level"
        />
        <RegionTreeSelect
          placeholder={labels.region}
          value={filters.regionId}
          onChange={(regionId) => onChange({ regionId })}
          style={{ width: 170 }}
          data-testid="platform-filter-region"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={labels.status}
          value={filters.status}
          onChange={(status: string[]) => onChange({ status })}
          options={platformStatuses.map((status) => ({ value: status, label: t.labels.platformStatus[status] }))}
          style={{ minWidth: 140 }}
          maxTagCount="responsive"
          data-testid="platform-filter-status"
        />
        <Select
          allowClear
          showSearch
          placeholder={labels.industry}
          value={filters.industry}
          onChange={(industry: string | undefined) => onChange({ industry })}
          options={(industries.data ?? []).map((industry) => ({ value: industry, label: industry }))}
          loading={industries.isLoading}
          style={{ width: 140 }}
          data-testid="platform-filter-industry"
        />
        <SearchInput
          value={filters.keyword}
          onSearch={(keyword) => onChange({ keyword })}
          placeholder={labels.keywordPlaceholder}
          width={240}
          data-testid="platform-filter-keyword"
        />
        <Tooltip title={t.platforms.asOfHint}>
          <DatePicker
            placeholder={labels.asOf}
            value={filters.asOf ? dayjs(filters.asOf) : null}
            onChange={(value) => onChange({ asOf: toDateString(value) })}
            disabledDate={isAfterToday}
            style={{ width: 140 }}
            data-testid="platform-filter-asof"
          />
        </Tooltip>
        <Button onClick={onReset} data-testid="platform-filter-reset">
          {t.common.reset}
        </Button>
      </Flex>
    </Card>
  );
}
