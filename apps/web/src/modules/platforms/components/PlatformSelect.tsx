import type { NamedRef } from '@stip/contracts';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/api/client';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { t } from '../../../shared/i18n/zh-CN';
import { usePlatforms } from '../hooks/usePlatforms';

interface PlatformSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The platform already chosen (name from the record being edited). */
  known?: NamedRef | null;
  /** The platform being edited: it cannot be its own parent or successor. */
  excludeId?: string;
  id?: string;
  'data-testid'?: string;
}

/** A searchable platform picker (parent platform, successor after a conversion). */
export function PlatformSelect({ value, onChange, known, excludeId, id, ...rest }: PlatformSelectProps) {
  const [keyword, setKeyword] = useState('');
  const [picked, setPicked] = useState<NamedRef[]>([]);
  const debounced = useDebouncedValue(keyword.trim());
  const results = usePlatforms({ keyword: debounced || undefined, limit: 20, offset: 0, sort: 'name', order: 'asc' });

  const options = useMemo(() => {
    const byId = new Map<string, string>();
    for (const ref of [...(known ? [known] : []), ...picked]) byId.set(ref.id, ref.name);
    for (const platform of results.data?.items ?? []) byId.set(platform.id, platform.name);
    byId.delete(excludeId ?? '');
    return [...byId].map(([optionValue, label]) => ({ value: optionValue, label }));
  }, [known, picked, results.data, excludeId]);

  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setKeyword}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        const platform = results.data?.items.find((item) => item.id === next);
        if (platform) setPicked((previous) => [...previous, { id: platform.id, name: platform.name }]);
        onChange?.(next ?? null);
      }}
      options={options}
      placeholder={t.platforms.parentPlaceholder}
      notFoundContent={results.isFetching ? <Spin size="small" /> : results.isError ? errorMessage(results.error) : t.common.empty}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
