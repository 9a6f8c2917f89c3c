import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type ImportRun, importKinds, importRunStatuses } from '@stip/contracts';
import { Button, Card, DatePicker, Flex, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { importsApi } from '../api';
import { useImportHistory } from '../hooks/useImportHistory';
import { formatFileSize, historyQuery, runTagColor } from '../importHistory';

const text = t.importHistory;
const columns = text.columns;

/** Hidden until picked in 列设置, so the default columns fit at 1280 px. */
const hiddenByDefault = ['rows', 'unchanged', 'size', 'message'];

/** 导入记录: who imported which file when, with its outcome, the file itself and the error report of a refusal. */
export default function ImportHistoryPage() {
  const list = useListParams();
  const query = historyQuery(list.get, { limit: list.pageSize, offset: list.offset });
  const runs = useImportHistory(query);
  const notify = useNotify();
  const navigate = useNavigate();
  const [downloading, setDownloading] = useState<string | null>(null);
  const isFiltered = !!(query.kind || query.status || query.from || query.to || query.uploader);

  const download = async (key: string, work: () => Promise<unknown>) => {
    setDownloading(key);
    try {
      await work();
    } catch (error) {
      notify.error(error);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <>
      <PageHeader
        title={text.title}
        subtitle={
          <Typography.Text type="secondary" data-testid="import-history-total">
            {runs.data ? text.total(runs.data.total) : t.common.loading}
          </Typography.Text>
        }
        extra={
          <Button icon={<UploadOutlined />} onClick={() => navigate('/imports')}>
            {text.back}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{text.intro}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={text.kindFilter}
            value={query.kind}
            onChange={(kind?: string) => list.update({ kind })}
            options={importKinds.map((value) => ({ value, label: t.imports.kinds[value] }))}
            data-testid="import-history-kind"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={text.statusFilter}
            value={query.status}
            onChange={(status?: string) => list.update({ status })}
            options={importRunStatuses.map((value) => ({ value, label: text.status[value] }))}
            data-testid="import-history-status"
          />
          <DatePicker.RangePicker
            placeholder={text.dateRange}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              list.update({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })
            }
          />
          <SearchInput
            value={list.get('uploader')}
            onSearch={(uploader) => list.update({ uploader })}
            placeholder={text.uploaderPlaceholder}
            data-testid="import-history-uploader"
          />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
      </Card>
      {runs.isError ? (
        <LoadFailed error={runs.error} onRetry={() => void runs.refetch()} />
      ) : (
        <ChoosableTable<ImportRun>
          tableKey="import-history"
          defaultHidden={hiddenByDefault}
          isFiltered={isFiltered}
          onClearFilters={list.clear}
          emptyText={text.empty}
          size="small"
          rowKey="id"
          bordered
          loading={runs.isFetching}
          dataSource={runs.data?.items}
          scroll={{ y: tableScroll.y }}
          pagination={pagination(list.page, list.pageSize, runs.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="import-history-table"
          columns={[
            {
              title: columns.fileName,
              key: 'fileName',
              fixed: 'left',
              width: 240,
              ellipsis: { showTitle: false },
              render: (_: unknown, run) => (
                <Tooltip title={run.fileName}>
                  <span data-testid="import-history-file">{run.fileName}</span>
                </Tooltip>
              ),
            },
            { title: columns.kind, key: 'kind', width: 70, render: (_: unknown, run) => t.imports.kinds[run.kind] },
            { title: columns.uploader, dataIndex: 'uploader', width: 200 },
            { title: columns.createdAt, dataIndex: 'createdAt', width: 140, render: formatDateTime },
            {
              title: columns.status,
              key: 'status',
              width: 70,
              render: (_: unknown, run) => (
                <Tag color={runTagColor(run)} data-testid="import-history-status-tag">
                  {text.status[run.status]}
                </Tag>
              ),
            },
            { title: columns.rows, dataIndex: 'rows', width: 70, align: 'right' },
            { title: columns.created, dataIndex: 'created', width: 60, align: 'right' },
            { title: columns.updated, dataIndex: 'updated', width: 60, align: 'right' },
            { title: columns.unchanged, dataIndex: 'unchanged', width: 60, align: 'right' },
            { title: columns.rejected, dataIndex: 'rejected', width: 60, align: 'right' },
            { title: columns.size, key: 'size', width: 80, align: 'right', render: (_: unknown, run) => formatFileSize(run.size) },
            { title: columns.message, dataIndex: 'message', width: 260, ellipsis: true },
            {
              title: columns.actions,
              key: 'actions',
              fixed: 'right',
              width: 210,
              render: (_: unknown, run) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    loading={downloading === `file:${run.id}`}
                    onClick={() => void download(`file:${run.id}`, () => importsApi.downloadFile(run.id, run.fileName))}
                    data-testid="import-history-download"
                  >
                    {text.downloadFile}
                  </Button>
                  {run.hasErrorReport ? (
                    <Button
                      type="link"
                      size="small"
                      danger
                      loading={downloading === `errors:${run.id}`}
                      onClick={() => void download(`errors:${run.id}`, () => importsApi.downloadErrors(run.id, run.fileName))}
                      data-testid="import-history-errors"
                    >
                      {text.downloadErrors}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
