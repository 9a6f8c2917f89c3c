import type { TablePaginationConfig } from 'antd';
import { pageSizeOptions } from '../hooks/useListParams';
import { t } from '../i18n/zh-CN';

/** Dense tables with a fixed header and horizontal scroll, as staff used to spreadsheets expect. */
export const tableScroll = { x: 'max-content', y: 'calc(100vh - 330px)' } as const;

export function pagination(page: number, pageSize: number, total: number, onChange: (page: number, pageSize: number) => void) {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal: (count: number, range: [number, number]) => t.common.pageRange(range[0], range[1], count),
    onChange,
  } satisfies TablePaginationConfig;
}
