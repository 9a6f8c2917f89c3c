import type { SearchFacets } from '@stip/contracts';
import { Flex, Tag, Typography } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';

type FacetName = keyof SearchFacets;

interface Props {
  facets: SearchFacets | undefined;
  /** The facets this list offers, in order. */
  names: readonly FacetName[];
  /** Selected values of each facet (from the URL). */
  selected: Record<FacetName, string[]>;
  onChange: (name: FacetName, values: string[]) => void;
}

/** The facets of a search list: each value with its count; clicking one adds or removes it from the filter. */
export function FacetFilters({ facets, names, selected, onChange }: Props) {
  if (!facets) return null;
  const rows = names.filter((name) => facets[name].length > 0 || selected[name].length > 0);
  if (rows.length === 0) return null;
  return (
    <Flex vertical gap={6} data-testid="facets">
      {rows.map((name) => (
        <Flex key={name} gap={4} wrap align="baseline">
          <Typography.Text type="secondary" style={{ minWidth: 76 }}>
            {t.sharing.facets[name]}：
          </Typography.Text>
          {facets[name].map((facet) => {
            const checked = selected[name].includes(facet.value);
            return (
              <Tag.CheckableTag
                key={facet.value}
                checked={checked}
                onChange={(on) => onChange(name, on ? [...selected[name], facet.value] : selected[name].filter((v) => v !== facet.value))}
                data-testid={`facet-${name}`}
              >
                {facet.label}（{facet.count}）
              </Tag.CheckableTag>
            );
          })}
        </Flex>
      ))}
    </Flex>
  );
}
