import { Select } from 'antd';
import { t } from '../../../shared/i18n/zh-CN';
import { usePlans } from '../hooks/usePlans';

interface PlanSelectProps {
  value: string | undefined;
  onChange: (planId: string | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

/** Picks one of the plans the user sees (a filter: empty means every plan). */
export function PlanSelect({ value, onChange, placeholder, style, ...rest }: PlanSelectProps) {
  const plans = usePlans({ limit: 200, offset: 0 });
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      value={value}
      onChange={(next: string | undefined) => onChange(next)}
      loading={plans.isLoading}
      options={(plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.title }))}
      notFoundContent={plans.isError ? t.common.loadFailed : t.common.empty}
      popupMatchSelectWidth={false}
      style={{ width: 260, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
