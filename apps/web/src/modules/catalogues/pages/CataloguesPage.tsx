import { PlusOutlined } from '@ant-design/icons';
import { type Catalogue, type CatalogueEntry, catalogueLabels, catalogues } from '@stip/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Input, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { cataloguesApi } from '../api';

const text = t.catalogues;

/** One city list (e.g. 重点产业): its entries in order; city staff add, rename, reorder and retire them. */
function CatalogueCard({ catalogue }: { catalogue: Catalogue }) {
  const canWrite = useCan('taxonomy:write');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const entries = useQuery({ queryKey: ['catalogues', catalogue], queryFn: () => cataloguesApi.entries(catalogue) });
  const [name, setName] = useState('');
  // The lists feed the pickers (platforms' industries), so those refresh too.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['catalogues', catalogue] }),
      queryClient.invalidateQueries({ queryKey: ['platforms'] }),
    ]);
  const create = useMutation({
    mutationFn: (entryName: string) => cataloguesApi.create(catalogue, { name: entryName }),
    onSuccess: async () => {
      setName('');
      notify.success(text.saved);
      await refresh();
    },
    onError: (error) => notify.error(error),
  });
  const update = useMutation({
    mutationFn: ({ entry, changes }: { entry: CatalogueEntry; changes: { name?: string; sortOrder?: number; isActive?: boolean } }) =>
      cataloguesApi.update(entry.id, { ...changes, version: entry.version }),
    onSuccess: async () => {
      notify.success(text.saved);
      await refresh();
    },
    onError: async (error) => {
      notify.error(error);
      await refresh();
    },
  });

  if (entries.isError) return <LoadFailed error={entries.error} onRetry={() => void entries.refetch()} />;
  return (
    <Card size="small" title={catalogueLabels[catalogue]} data-testid={`catalogue-${catalogue}`}>
      <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
      {canWrite ? (
        <Flex gap={8} style={{ marginBottom: 12, maxWidth: 480 }}>
          <Input
            value={name}
            maxLength={60}
            placeholder={text.namePlaceholder}
            onChange={(event) => setName(event.target.value)}
            onPressEnter={() => name.trim() && create.mutate(name.trim())}
            data-testid="catalogue-new-name"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={create.isPending}
            disabled={!name.trim()}
            onClick={() => create.mutate(name.trim())}
          >
            {text.add}
          </Button>
        </Flex>
      ) : null}
      <Table<CatalogueEntry>
        rowKey="id"
        size="small"
        loading={entries.isPending}
        dataSource={entries.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: text.name,
            dataIndex: 'name',
            render: (value: string, entry) =>
              canWrite ? (
                <Typography.Text
                  editable={{
                    onChange: (next) => {
                      if (next.trim() && next.trim() !== value) update.mutate({ entry, changes: { name: next.trim() } });
                    },
                  }}
                >
                  {value}
                </Typography.Text>
              ) : (
                value
              ),
          },
          {
            title: text.sortOrder,
            dataIndex: 'sortOrder',
            width: 120,
            render: (value: number, entry) =>
              canWrite ? (
                <InputNumber
                  size="small"
                  min={0}
                  max={9999}
                  defaultValue={value}
                  onBlur={(event) => {
                    const next = Number(event.target.value);
                    if (Number.isInteger(next) && next !== value) update.mutate({ entry, changes: { sortOrder: next } });
                  }}
                />
              ) : (
                value
              ),
          },
          {
            title: text.status,
            dataIndex: 'isActive',
            width: 100,
            render: (isActive: boolean) => (isActive ? <Tag color="success">{text.active}</Tag> : <Tag>{text.retired}</Tag>),
          },
          ...(canWrite
            ? [
                {
                  title: text.actions,
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, entry: CatalogueEntry) => (
                    <Button size="small" type="link" onClick={() => update.mutate({ entry, changes: { isActive: !entry.isActive } })}>
                      {entry.isActive ? text.retire : text.restore}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function CataloguesPage() {
  return (
    <>
      <PageHeader title={text.title} />
      <Flex vertical gap={12}>
        {catalogues.map((catalogue) => (
          <CatalogueCard key={catalogue} catalogue={catalogue} />
        ))}
      </Flex>
    </>
  );
}
