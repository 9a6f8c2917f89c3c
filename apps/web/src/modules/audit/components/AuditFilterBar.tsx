import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { SearchInput } from '../../../shared/components/SearchInput';
import { toDateString } from '../../../shared/forms/rules';
import type { ParamValue } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import type { AuditListQuery } from '../api';

const labels = t.audit.filters;

interface AuditFilterBarProps {
  query: AuditListQuery;
  /** The name of the object the list is narrowed to (objectId), when known. */
  objectName?: string | null;
  onChange: (patch: Record<string, ParamValue>) => void;
  onReset: () => void;
  extra?: React.ReactNode;
}

/** Filters an auditor types in words: who (name, unit or login), what (修改平台, 撤销 or a code), which object (type, name) and when. */
export function AuditFilterBar({ query, objectName, onChange, onReset, extra }: AuditFilterBarProps) {
  const typeLabel = query.objectType ? (t.audit.objectTypes[query.objectType] ?? query.objectType) : '';
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <SearchInput
          value={query.actor}
          onSearch={(actor) => onChange({ actor })}
          placeholder={labels.actor}
          width={220}
          data-testid="audit-filter-actor"
        />
        <SearchInput
          value={query.action}
          onSearch={(action) => onChange({ action })}
          placeholder={labels.action}
          width={220}
          data-testid="audit-filter-action"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={labels.objectType}
          value={query.objectType}
          onChange={(objectType: string | undefined) => onChange({ objectType, objectId: undefined })}
          options={Object.entries(t.audit.objectTypes).map(([value, label]) => ({ value, label }))}
          style={{ width: 140 }}
          data-testid="audit-filter-object-type"
        />
        <SearchInput
          value={query.objectName}
          onSearch={(name) => onChange({ objectName: name })}
          placeholder={labels.objectName}
          width={220}
          data-testid="audit-filter-object-name"
        />
        <DatePicker.RangePicker
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(range) => onChange({ from: toDateString(range?.[0]), to: toDateString(range?.[1]) })}
          allowEmpty={[true, true]}
        />
        {query.objectId ? (
          <Tag
            color="blue"
            closable
            closeIcon={<CloseOutlined />}
            onClose={() => onChange({ objectId: undefined })}
            data-testid="audit-filter-object"
          >
            {objectName ? labels.onlyObject(typeLabel, objectName) : labels.onlyObjectUnnamed(typeLabel || t.audit.columns.object)}
          </Tag>
        ) : null}
        <Button onClick={onReset}>{t.common.reset}</Button>
        {extra}
      </Flex>
    </Card>
  );
}
