import type { PlatformType } from '@stip/contracts';
import { Select } from 'antd';
import { useMemo } from 'react';
import { t } from '../../../shared/i18n/zh-CN';
import { useTaxonomy } from '../hooks/useTaxonomy';

interface BaseProps {
  /** Only types of this system. */
  systemId?: string;
  /** Leave out retired types (new records), except the ones already chosen. */
  activeOnly?: boolean;
  /** Types never offered (a type cannot be retired into itself). */
  exclude?: string[];
  placeholder?: string;
  id?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

interface SingleProps extends BaseProps {
  mode?: undefined;
  value?: string | null;
  onChange?: (value: string | undefined, type: PlatformType | undefined) => void;
}
interface MultipleProps extends BaseProps {
  mode: 'multiple';
  value?: string[];
  onChange?: (value: string[]) => void;
}

export function typeOptionLabel(type: PlatformType): string {
  return t.taxonomy.typeOption(type.name, t.labels.platformLevel[type.level], type.isActive);
}

/** Platform types grouped by system, each showing its level. */
export function PlatformTypeSelect(props: SingleProps | MultipleProps) {
  const { systemId, activeOnly, exclude, placeholder, id, style } = props;
  const taxonomy = useTaxonomy();
  const selected = useMemo(
    () => (props.mode === 'multiple' ? (props.value ?? []) : props.value ? [props.value] : []),
    [props.mode, props.value],
  );

  const groups = useMemo(() => {
    const { systems = [], types = [] } = taxonomy.data ?? {};
    return systems
      .filter((system) => !systemId || system.id === systemId)
      .map((system) => ({
        label: system.name,
        title: system.name,
        options: types
          .filter((type) => type.systemId === system.id)
          .filter((type) => !activeOnly || type.isActive || selected.includes(type.id))
          .filter((type) => !exclude?.includes(type.id))
          .map((type) => ({ value: type.id, label: typeOptionLabel(type) })),
      }))
      .filter((group) => group.options.length > 0);
  }, [taxonomy.data, systemId, activeOnly, exclude, selected]);

  const common = {
    id,
    'data-testid': props['data-testid'],
    options: groups,
    loading: taxonomy.isLoading,
    showSearch: true,
    allowClear: true,
    optionFilterProp: 'label',
    placeholder: placeholder ?? t.common.selectPlaceholder,
    popupMatchSelectWidth: false,
    notFoundContent: taxonomy.isError ? t.common.loadFailed : t.common.empty,
    style: { minWidth: 200, ...style },
  } as const;

  if (props.mode === 'multiple') {
    return (
      <Select
        {...common}
        mode="multiple"
        maxTagCount="responsive"
        value={props.value ?? []}
        onChange={(value: string[]) => props.onChange?.(value)}
      />
    );
  }
  return (
    <Select
      {...common}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) =>
        props.onChange?.(
          value,
          taxonomy.data?.types.find((type) => type.id === value),
        )
      }
    />
  );
}
