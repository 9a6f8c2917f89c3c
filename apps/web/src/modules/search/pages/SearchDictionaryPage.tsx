import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DictionaryChange, DictionaryTerm } from '@stip/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, InputNumber, Popconfirm, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { searchDictionaryApi } from '../api';

const text = t.searchDictionary;

/** 检索词典: the domain words jieba keeps whole; city staff add, edit and delete them, and the index follows. */
export default function SearchDictionaryPage() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const terms = useQuery({ queryKey: ['search-dictionary'], queryFn: searchDictionaryApi.terms });
  const [term, setTerm] = useState('');
  const [tag, setTag] = useState('');
  const [filter, setFilter] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['search-dictionary'] });
  const done = async (change: DictionaryChange) => {
    notify.success(text.reindexed(change.reindexed.achievements, change.reindexed.demands));
    await refresh();
  };
  const create = useMutation({
    mutationFn: () => searchDictionaryApi.create({ term: term.trim(), ...(tag.trim() ? { tag: tag.trim() } : {}) }),
    onSuccess: async (change) => {
      setTerm('');
      await done(change);
    },
    onError: (error) => notify.error(error),
  });
  const update = useMutation({
    mutationFn: ({ entry, changes }: { entry: DictionaryTerm; changes: { term?: string; tag?: string; frequency?: number } }) =>
      searchDictionaryApi.update(entry.id, { ...changes, version: entry.version }),
    onSuccess: done,
    onError: async (error) => {
      notify.error(error);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (entry: DictionaryTerm) => searchDictionaryApi.remove(entry.id, entry.version),
    onSuccess: done,
    onError: async (error) => {
      notify.error(error);
      await refresh();
    },
  });
  const shown = useMemo(
    () =>
      (terms.data?.items ?? []).filter(
        (entry) => !filter.trim() || entry.term.includes(filter.trim()) || (entry.tag ?? '').includes(filter.trim()),
      ),
    [terms.data, filter],
  );

  if (terms.isError) return <LoadFailed error={terms.error} onRetry={() => void terms.refetch()} />;
  const valid = term.trim().length > 0 && !/[\s'"\\]/.test(term.trim());
  return (
    <>
      <PageHeader title={text.title} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input
            style={{ width: 240 }}
            value={term}
            maxLength={30}
            placeholder={text.termPlaceholder}
            onChange={(event) => setTerm(event.target.value)}
            onPressEnter={() => valid && create.mutate()}
            data-testid="dictionary-new-term"
          />
          <Input
            style={{ width: 160 }}
            value={tag}
            maxLength={20}
            placeholder={text.tagPlaceholder}
            onChange={(event) => setTag(event.target.value)}
          />
          <Button type="primary" icon={<PlusOutlined />} loading={create.isPending} disabled={!valid} onClick={() => create.mutate()}>
            {text.add}
          </Button>
          <Input.Search
            allowClear
            style={{ width: 220, marginLeft: 'auto' }}
            placeholder={text.filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </Flex>
        <Table<DictionaryTerm>
          rowKey="id"
          size="small"
          loading={terms.isPending}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => text.total(total) }}
          locale={{ emptyText: text.empty }}
          columns={[
            {
              title: text.term,
              dataIndex: 'term',
              render: (value: string, entry) => (
                <Typography.Text
                  editable={{
                    onChange: (next) => {
                      if (next.trim() && next.trim() !== value) update.mutate({ entry, changes: { term: next.trim() } });
                    },
                  }}
                >
                  {value}
                </Typography.Text>
              ),
            },
            {
              title: text.tag,
              dataIndex: 'tag',
              width: 180,
              render: (value: string | null, entry) => (
                <Typography.Text
                  editable={{
                    onChange: (next) => {
                      if (next.trim() !== (value ?? '')) update.mutate({ entry, changes: { tag: next.trim() } });
                    },
                  }}
                >
                  {value ?? ''}
                </Typography.Text>
              ),
            },
            {
              title: text.frequency,
              dataIndex: 'frequency',
              width: 160,
              render: (value: number, entry) => (
                <InputNumber
                  size="small"
                  min={1}
                  max={10_000_000}
                  defaultValue={value}
                  onBlur={(event) => {
                    const next = Number(event.target.value);
                    if (Number.isInteger(next) && next >= 1 && next !== value) update.mutate({ entry, changes: { frequency: next } });
                  }}
                />
              ),
            },
            {
              title: text.actions,
              key: 'actions',
              width: 90,
              render: (_: unknown, entry) => (
                <Popconfirm title={text.confirmDelete(entry.term)} onConfirm={() => remove.mutate(entry)}>
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={text.remove} />
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
