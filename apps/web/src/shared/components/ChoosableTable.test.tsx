import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../i18n/zh-CN';
import { ChoosableTable, ColumnChoiceOwner, chooseColumns, TableEmpty, useColumnChoice } from './ChoosableTable';

interface Row {
  id: string;
  name: string;
  type: string;
  industry: string;
}

const columns: ColumnType<Row>[] = [
  { title: '名称', dataIndex: 'name', fixed: 'left', width: 200 },
  { title: '类型', dataIndex: 'type', width: 100 },
  { title: '行业', dataIndex: 'industry', width: 100 },
  { title: '操作', key: 'actions', fixed: 'right', width: 80 },
];
const asUser =
  (id: string) =>
  ({ children }: { children: ReactNode }) => <ColumnChoiceOwner.Provider value={id}>{children}</ColumnChoiceOwner.Provider>;
const titles = (shown: ColumnType<Row>[]) => shown.map((column) => column.title);

beforeEach(() => localStorage.clear());

describe('the column choice', () => {
  it('hides the less important columns by default, never the fixed name or actions', () => {
    const { result } = renderHook(() => useColumnChoice('platforms', ['industry', 'name', 'actions']), { wrapper: asUser('u1') });
    expect(titles(chooseColumns(columns, result.current.hiddenKeys))).toEqual(['名称', '类型', '操作']);
  });

  it('remembers one user’s choice for the next visit, and keeps it apart from another user’s', () => {
    const first = renderHook(() => useColumnChoice('platforms', ['industry']), { wrapper: asUser('u1') });
    act(() => first.result.current.setHidden(['type']));
    expect(titles(chooseColumns(columns, first.result.current.hiddenKeys))).toEqual(['名称', '行业', '操作']);

    const again = renderHook(() => useColumnChoice('platforms', ['industry']), { wrapper: asUser('u1') });
    expect(titles(chooseColumns(columns, again.result.current.hiddenKeys))).toEqual(['名称', '行业', '操作']);
    const other = renderHook(() => useColumnChoice('platforms', ['industry']), { wrapper: asUser('u2') });
    expect(titles(chooseColumns(columns, other.result.current.hiddenKeys))).toEqual(['名称', '类型', '操作']);

    act(() => again.result.current.setHidden(null));
    expect(titles(chooseColumns(columns, again.result.current.hiddenKeys))).toEqual(['名称', '类型', '操作']);
  });

  it('ignores a stored value that is not a list of column keys', () => {
    localStorage.setItem('stip.columns.u1.platforms', '{"bad":1}');
    const { result } = renderHook(() => useColumnChoice('platforms', ['industry']), { wrapper: asUser('u1') });
    expect([...result.current.hiddenKeys]).toEqual(['industry']);
  });
});

describe('an empty table', () => {
  it('says the filters exclude everything and offers to clear them', () => {
    const clear = vi.fn();
    render(<TableEmpty isFiltered onClearFilters={clear} />);
    expect(screen.getByText(t.shell.empty.filtered)).toBeTruthy();
    fireEvent.click(screen.getByText(t.shell.empty.clearFilters));
    expect(clear).toHaveBeenCalledOnce();
  });

  it('says there is nothing yet when nothing is filtered, without a clear button', () => {
    render(<TableEmpty description="平台库中还没有平台" />);
    expect(screen.getByText('平台库中还没有平台')).toBeTruthy();
    expect(screen.queryByText(t.shell.empty.clearFilters)).toBeNull();
  });

  it('shows in the table itself, with the 列设置 button above it', () => {
    render(<ChoosableTable<Row> tableKey="test" rowKey="id" columns={columns} dataSource={[]} isFiltered onClearFilters={() => {}} />, {
      wrapper: asUser('u1'),
    });
    expect(screen.getByTestId('test-column-picker')).toBeTruthy();
    expect(screen.getByTestId('table-clear-filters')).toBeTruthy();
  });
});
