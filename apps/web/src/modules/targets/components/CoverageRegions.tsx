import type { Target } from '@stip/contracts';
import { Flex, Tag, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

interface CoverageRegionsProps {
  target: Target;
  selected: string | undefined;
  onSelect: (regionId: string | undefined) => void;
}

/** Each child region of a coverage target with its count; the empty ones in red. A click lists that region's platforms. */
export function CoverageRegions({ target, selected, onSelect }: CoverageRegionsProps) {
  const regions = target.progress.regions ?? [];
  const empty = target.progress.emptyRegions ?? [];
  return (
    <Flex vertical gap={8} data-testid="target-coverage">
      <Flex gap={8} wrap>
        {regions.map((region) => {
          const isEmpty = region.count === 0;
          const isSelected = selected === region.id;
          return (
            <Tag.CheckableTag
              key={region.id}
              checked={isSelected}
              onChange={(checked) => onSelect(checked ? region.id : undefined)}
              style={{
                border: `1px solid ${isEmpty ? '#e8877c' : '#b8d3ee'}`,
                background: isSelected ? undefined : isEmpty ? '#fff1ef' : '#f0f6fd',
                color: isSelected ? undefined : isEmpty ? '#c0392b' : '#1f3a5f',
                padding: '4px 10px',
                fontSize: 13,
              }}
              data-testid={isEmpty ? 'target-coverage-empty' : 'target-coverage-region'}
            >
              {`${region.name} ${isEmpty ? t.targets.coverage.empty : region.count}`}
            </Tag.CheckableTag>
          );
        })}
      </Flex>
      <Typography.Text type={empty.length ? 'danger' : 'success'}>
        {empty.length ? t.targets.coverage.emptyList(t.common.list(empty.map((region) => region.name))) : t.targets.coverage.allCovered}
      </Typography.Text>
    </Flex>
  );
}
