import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Popover, Table, type TableProps, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { t } from '../i18n/zh-CN';

const text = t.shell;

/** Whose column choices these are: the layout sets the signed-in user's id, so two people on one browser keep theirs. */
export const ColumnChoiceOwner = createContext('');

/** A column's identity for the picker and the stored choice: its key, else its dataIndex. */
export function columnKey<T>(column: ColumnType<T>): string {
  return String(column.key ?? (Array.isArray(column.dataIndex) ? column.dataIndex.join('.') : (column.dataIndex ?? '')));
}

/** A column always shown: fixed to an edge (the name on the left, the actions on the right). */
function isRequired<T>(column: ColumnType<T>): boolean {
  return column.fixed !== undefined && column.fixed !== false;
}

function storageKey(owner: string, table: string) {
  return `stip.columns.${owner || 'anonymous'}.${table}`;
}

function readStored(key: string): string[] | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  } catch {
    return null;
  }
}

/**
 * Which of a table's columns show: the user's stored choice (per user and table, in localStorage), else every column
 * but `defaultHidden`. Columns fixed to an edge always show. A column added later shows unless hidden by default.
 */
export function useColumnChoice(table: string, defaultHidden: readonly string[]) {
  const owner = useContext(ColumnChoiceOwner);
  const key = storageKey(owner, table);
  const [stored, setStored] = useState(() => ({ key, hidden: readStored(key) }));
  // Another user signed in on the same page: read their choice.
  const hidden = stored.key === key ? stored.hidden : readStored(key);
  const hiddenKeys = useMemo(() => new Set(hidden ?? defaultHidden), [hidden, defaultHidden]);

  const setHidden = useCallback(
    (next: string[] | null) => {
      if (next === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(next));
      setStored({ key, hidden: next });
    },
    [key],
  );
  return { hiddenKeys, setHidden };
}

/** The shown columns of a list, in their order. */
export function chooseColumns<T>(columns: ColumnType<T>[], hiddenKeys: ReadonlySet<string>): ColumnType<T>[] {
  return columns.filter((column) => isRequired(column) || !hiddenKeys.has(columnKey(column)));
}

interface ColumnPickerProps<T> {
  columns: ColumnType<T>[];
  hiddenKeys: ReadonlySet<string>;
  onChange: (hidden: string[] | null) => void;
  testId?: string;
}

/** 列设置: a button opening a list of the table's columns to tick; 恢复默认 forgets the choice. */
export function ColumnPicker<T>({ columns, hiddenKeys, onChange, testId = 'column-picker' }: ColumnPickerProps<T>) {
  const choosable = columns.filter((column) => !isRequired(column));
  const shown = choosable.map(columnKey).filter((key) => !hiddenKeys.has(key));
  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 260 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text.columns.hint}
      </Typography.Text>
      <Checkbox.Group
        value={shown}
        onChange={(checked) => onChange(choosable.map(columnKey).filter((key) => !checked.includes(key)))}
        data-testid={`${testId}-options`}
      >
        <Flex vertical gap={4}>
          {choosable.map((column) => (
            <Checkbox key={columnKey(column)} value={columnKey(column)}>
              {column.title as ReactNode}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Button size="small" onClick={() => onChange(null)} style={{ alignSelf: 'flex-start' }}>
        {text.columns.reset}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button size="small" icon={<SettingOutlined />} data-testid={testId}>
        {text.columns.button}
      </Button>
    </Popover>
  );
}

interface TableEmptyProps {
  /** Filters are set: the table is empty because of them, and 清除筛选 is offered. */
  isFiltered?: boolean;
  onClearFilters?: () => void;
  /** Why there is nothing when nothing is filtered (defaults to 暂无数据). */
  description?: ReactNode;
}

/** An empty table that says why: nothing recorded yet, or the filters exclude everything (with 清除筛选). */
export function TableEmpty({ isFiltered, onClearFilters, description }: TableEmptyProps) {
  if (isFiltered) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty.filtered} data-testid="table-empty-filtered">
        <Typography.Paragraph type="secondary">{text.empty.filteredHint}</Typography.Paragraph>
        {onClearFilters ? (
          <Button type="primary" onClick={onClearFilters} data-testid="table-clear-filters">
            {text.empty.clearFilters}
          </Button>
        ) : null}
      </Empty>
    );
  }
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? text.empty.noData} data-testid="table-empty" />;
}

export interface ChoosableTableProps<T> extends Omit<TableProps<T>, 'columns'> {
  /** Names the stored column choice: one per table ('platforms', 'organizations' …). */
  tableKey: string;
  columns: ColumnType<T>[];
  /** Keys of the less important columns, hidden until the user ticks them. */
  defaultHidden?: readonly string[];
  /** For the empty state: whether filters are set, and how to clear them. */
  isFiltered?: boolean;
  onClearFilters?: () => void;
  /** The empty state's text when nothing is filtered. */
  emptyText?: ReactNode;
  /** Shown left of the 列设置 button (counts, hints). */
  toolbar?: ReactNode;
}

const noColumnsHidden: readonly string[] = [];

/**
 * An Ant Design table with 列设置 (the shown columns, remembered per user) and an empty state that says why. It is
 * as wide as its shown columns: at 1280 px the default columns fit, so no sideways scrolling; the fixed name column
 * stays in view when the user shows more.
 */
export function ChoosableTable<T extends object>({
  tableKey,
  columns,
  defaultHidden = noColumnsHidden,
  isFiltered,
  onClearFilters,
  emptyText,
  toolbar,
  scroll,
  locale,
  ...rest
}: ChoosableTableProps<T>) {
  const { hiddenKeys, setHidden } = useColumnChoice(tableKey, defaultHidden);
  const shown = chooseColumns(columns, hiddenKeys);
  const width = shown.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 120), 0);
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <div>{toolbar}</div>
        <ColumnPicker columns={columns} hiddenKeys={hiddenKeys} onChange={setHidden} testId={`${tableKey}-column-picker`} />
      </Flex>
      <Table<T>
        {...rest}
        columns={shown}
        scroll={{ ...scroll, x: width }}
        locale={{ ...locale, emptyText: <TableEmpty isFiltered={isFiltered} onClearFilters={onClearFilters} description={emptyText} /> }}
      />
    </>
  );
}
