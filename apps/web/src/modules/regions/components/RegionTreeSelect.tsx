import type { RegionNode } from '@stip/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../shared/i18n/zh-CN';
import { useRegionTree } from '../hooks/useRegions';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: toOptions(node.children) }));
}

interface RegionTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

/** Picks one region from the user's region tree (GET /api/regions/tree), searchable by name. */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, style, id, ...rest }: RegionTreeSelectProps) {
  const tree = useRegionTree();
  const options = useMemo(() => toOptions(tree.data ?? []), [tree.data]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? undefined)}
      treeData={options}
      loading={tree.isLoading}
      placeholder={placeholder ?? t.common.selectPlaceholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      notFoundContent={tree.isError ? t.common.loadFailed : t.common.empty}
      style={{ minWidth: 180, ...style }}
    />
  );
}
