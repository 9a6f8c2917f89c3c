import type { NamedRef } from '@stip/contracts';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/api/client';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { t } from '../../../shared/i18n/zh-CN';
import { useOrganizationOptions } from '../hooks/useUsers';

interface Props {
  /** The organisation the user already has, so it shows before any search. */
  known?: NamedRef[];
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

/** Picks an organisation by name for a role's scope, from GET /api/users/organization-options. */
export function AssignableOrganizationSelect({ known, id, value, onChange }: Props) {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebouncedValue(keyword.trim());
  const results = useOrganizationOptions({ keyword: debounced || undefined, limit: 20 });
  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const ref of [...(known ?? []), ...(results.data?.items ?? [])]) byId.set(ref.id, ref.name);
    return [...byId].map(([optionValue, label]) => ({ value: optionValue, label }));
  }, [known, results.data]);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      options={options}
      notFoundContent={results.isFetching ? <Spin size="small" /> : results.isError ? errorMessage(results.error) : t.common.empty}
      placeholder={t.organizations.searchPlaceholder}
      style={{ width: '100%' }}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
    />
  );
}
