import { FileAddOutlined } from '@ant-design/icons';
import type { PolicyDocument, ReExtraction } from '@stip/contracts';
import { Button, Card, Checkbox, DatePicker, Flex, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatText } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { policyDocumentsApi } from '../api';
import { ReExtractModal } from '../components/ReExtractModal';
import { usePolicyDocumentActions, usePolicyDocuments } from '../hooks/usePolicyIngest';

const text = t.policyDocuments;
const columns = text.columns;

/** 2026-12-04T12:05:00Z → 2026年12月4日 20:05 (local time). */
const chineseDateTime = (value: string) => dayjs(value).format('YYYY年M月D日 HH:mm');

/**
 * 政策文件库: every document read for a plan, kept with its reading and the plan confirmed from it —
 * opened again for review without uploading, re-extracted when the extractor improves (showing what
 * changed), downloaded, or removed.
 */
export default function PolicyDocumentsPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const documents = usePolicyDocuments({
    search: list.get('search'),
    from: list.get('from'),
    to: list.get('to'),
    hasPlan: list.get('hasPlan') as 'true' | 'false' | undefined,
    outdated: list.get('outdated') as 'true' | undefined,
    limit: list.pageSize,
    offset: list.offset,
  });
  const actions = usePolicyDocumentActions();
  const [reExtraction, setReExtraction] = useState<ReExtraction | null>(null);

  const reExtract = (document: PolicyDocument) =>
    actions.reExtract.mutate(
      { id: document.id, version: document.version },
      { onSuccess: setReExtraction, onError: (error) => notify.error(error) },
    );
  const keep = () => {
    if (!reExtraction) return;
    actions.keep.mutate(
      { id: reExtraction.document.id, version: reExtraction.document.version },
      {
        onSuccess: () => {
          notify.success(text.diff.kept);
          setReExtraction(null);
        },
        onError: (error) => notify.error(error),
      },
    );
  };
  const from = list.get('from');
  const to = list.get('to');

  return (
    <>
      <PageHeader
        title={text.title}
        subtitle={
          <Typography.Text type="secondary" data-testid="library-total">
            {documents.data ? text.total(documents.data.total) : t.common.loading}
          </Typography.Text>
        }
        extra={
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/plans/ingest')}>
            {t.ingest.menu}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{text.intro}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <SearchInput
            value={list.get('search')}
            onSearch={(search) => list.update({ search })}
            placeholder={text.searchPlaceholder}
            data-testid="library-search"
          />
          <DatePicker.RangePicker
            placeholder={text.dateRange}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              list.update({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })
            }
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={text.hasPlan.placeholder}
            value={list.get('hasPlan')}
            onChange={(hasPlan?: string) => list.update({ hasPlan })}
            options={[
              { value: 'true', label: text.hasPlan.yes },
              { value: 'false', label: text.hasPlan.no },
            ]}
          />
          <Checkbox
            checked={list.get('outdated') === 'true'}
            onChange={(event) => list.update({ outdated: event.target.checked ? 'true' : null })}
          >
            {text.outdated}
          </Checkbox>
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {documents.isError ? (
        <LoadFailed error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <Table<PolicyDocument>
          size="small"
          rowKey="id"
          bordered
          loading={documents.isFetching}
          dataSource={documents.data?.items}
          scroll={tableScroll}
          locale={{ emptyText: text.empty }}
          pagination={pagination(list.page, list.pageSize, documents.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="library-table"
          columns={[
            {
              title: columns.fileName,
              dataIndex: 'fileName',
              fixed: 'left',
              width: 280,
              render: (fileName: string, document) => (
                <Flex vertical gap={2}>
                  <span data-testid="library-file-name">
                    {fileName} {document.isPasted ? <Tag>{text.pasted}</Tag> : null}
                  </span>
                  {document.title && document.title !== fileName.replace(/\.[^.]+$/, '') ? (
                    <Typography.Text type="secondary">{document.title}</Typography.Text>
                  ) : null}
                  <span>
                    {document.isOutdated ? (
                      <Tooltip title={document.extractorVersion}>
                        <Tag color="orange">{text.outdatedTag}</Tag>
                      </Tooltip>
                    ) : null}
                    {document.hasPendingExtraction ? <Tag color="blue">{text.pendingTag}</Tag> : null}
                  </span>
                </Flex>
              ),
            },
            {
              title: columns.documentNo,
              key: 'documentNo',
              width: 160,
              render: (_: unknown, document) => (
                <Flex vertical>
                  <span>{formatText(document.documentNo)}</span>
                  <Typography.Text type="secondary">{formatText(document.documentDate)}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: columns.uploader,
              key: 'uploader',
              width: 180,
              render: (_: unknown, document) =>
                document.uploadedBy.organization
                  ? `${document.uploadedBy.name}（${document.uploadedBy.organization}）`
                  : document.uploadedBy.name,
            },
            { title: columns.uploadedAt, dataIndex: 'uploadedAt', width: 150, render: chineseDateTime },
            {
              title: columns.counts,
              key: 'counts',
              width: 90,
              align: 'right',
              render: (_: unknown, document) => text.counts(document.targetCount, document.taskCount),
            },
            {
              title: columns.plan,
              key: 'plan',
              width: 220,
              render: (_: unknown, document) =>
                document.plan ? (
                  <Link to={`/plans/${document.plan.id}`} data-testid="library-plan-link">
                    {document.plan.name}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{text.noPlan}</Typography.Text>
                ),
            },
            {
              title: columns.actions,
              key: 'actions',
              fixed: 'right',
              width: 250,
              render: (_: unknown, document) => (
                <Space size={4} wrap={false}>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => navigate(`/plans/ingest?document=${document.id}`)}
                    data-testid="library-open"
                  >
                    {text.actions.open}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    loading={actions.reExtract.isPending && actions.reExtract.variables?.id === document.id}
                    onClick={() => reExtract(document)}
                    data-testid="library-re-extract"
                  >
                    {text.actions.reExtract}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => void policyDocumentsApi.download(document).catch((error) => notify.error(error))}
                  >
                    {text.actions.download}
                  </Button>
                  <Popconfirm
                    title={text.removeConfirm(document.fileName)}
                    onConfirm={() =>
                      actions.remove.mutate(
                        { id: document.id, version: document.version },
                        { onSuccess: () => notify.success(text.removed), onError: (error) => notify.error(error) },
                      )
                    }
                  >
                    <Button size="small" type="link" danger>
                      {text.actions.remove}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <ReExtractModal result={reExtraction} onKeep={keep} onClose={() => setReExtraction(null)} isKeeping={actions.keep.isPending} />
    </>
  );
}
