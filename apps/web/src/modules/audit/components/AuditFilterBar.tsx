import { Button, Card, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { SearchInput } from '../../../shared/components/SearchInput';
import { toDateString } from '../../../shared/forms/rules';
import type { ParamValue } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import type { AuditListQuery } from '../api';

const labels = t.audit.filters;

interface AuditFilterBarProps {
  query: AuditListQuery;
  onChange: (patch: Record<string, ParamValue>) => void;
  onReset: () => void;
}

export function AuditFilterBar({ query, onChange, onReset }: AuditFilterBarProps) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap>
        <SearchInput
          value={query.actorUsername}
          onSearch={(actorUsername) => onChange({ actorUsername })}
          placeholder={labels.actorUsername}
          width={180}
        />
        <SearchInput value={query.action} onSearch={(action) => onChange({ action })} placeholder={labels.action} width={200} />
        <Select
          allowClear
          placeholder={labels.objectType}
          value={query.objectType}
          onChange={(objectType: string | undefined) => onChange({ objectType })}
          options={Object.entries(t.audit.objectTypes).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
        />
        <Input
          key={query.objectId ?? ''}
          allowClear
          placeholder={labels.objectId}
          defaultValue={query.objectId}
          onPressEnter={(event) => onChange({ objectId: event.currentTarget.value.trim() })}
          onBlur={(event) => onChange({ objectId: event.currentTarget.value.trim() })}
          style={{ width: 300 }}
        />
        <DatePicker.RangePicker
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(range) => onChange({ from: toDateString(range?.[0]), to: toDateString(range?.[1]) })}
          allowEmpty={[true, true]}
        />
        <Button onClick={onReset}>{t.common.reset}</Button>
      </Flex>
    </Card>
  );
}
