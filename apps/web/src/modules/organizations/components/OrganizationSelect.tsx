import type { NamedRef, Organization, OrganizationKind } from '@stip/contracts';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/api/client';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { t } from '../../../shared/i18n/zh-CN';
import { useOrganizations } from '../hooks/useOrganizations';

interface BaseProps {
  /** Names of the organisations already chosen (from the record being edited), so they show before any search. */
  known?: NamedRef[];
  kinds?: OrganizationKind[];
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  'data-testid'?: string;
}
interface SingleProps extends BaseProps {
  mode?: undefined;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The whole record of the organisation picked (e.g. to default a region from it). */
  onPick?: (organization: Organization | undefined) => void;
}
interface MultipleProps extends BaseProps {
  mode: 'multiple';
  value?: string[];
  onChange?: (value: string[]) => void;
  onPick?: undefined;
}

/** A searchable organisation picker backed by GET /api/organizations?keyword=. */
export function OrganizationSelect(props: SingleProps | MultipleProps) {
  const { known, kinds, placeholder, id, disabled } = props;
  const [keyword, setKeyword] = useState('');
  const [picked, setPicked] = useState<NamedRef[]>([]);
  const debounced = useDebouncedValue(keyword.trim());
  const results = useOrganizations({ keyword: debounced || undefined, kind: kinds, limit: 20 });

  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const ref of [...(known ?? []), ...picked]) byId.set(ref.id, ref.name);
    for (const org of results.data?.items ?? []) byId.set(org.id, org.name);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [known, picked, results.data]);

  const remember = (ids: string[]) => {
    const found = (results.data?.items ?? []).filter((org) => ids.includes(org.id)).map((org) => ({ id: org.id, name: org.name }));
    if (found.length) setPicked((previous) => [...previous, ...found]);
  };

  const notFound = results.isFetching ? <Spin size="small" /> : results.isError ? errorMessage(results.error) : t.common.empty;
  const common = {
    id,
    disabled,
    'data-testid': props['data-testid'],
    showSearch: true,
    allowClear: true,
    filterOption: false,
    onSearch: setKeyword,
    options,
    notFoundContent: notFound,
    placeholder: placeholder ?? t.organizations.searchPlaceholder,
    style: { width: '100%' },
    popupMatchSelectWidth: false,
  } as const;

  if (props.mode === 'multiple') {
    return (
      <Select
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(value: string[]) => {
          remember(value);
          props.onChange?.(value);
        }}
      />
    );
  }
  return (
    <Select
      {...common}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => {
        if (value) remember([value]);
        props.onChange?.(value);
        props.onPick?.(results.data?.items.find((org) => org.id === value));
      }}
    />
  );
}
