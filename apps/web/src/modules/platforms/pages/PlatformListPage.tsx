import { DownloadOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { platformsApi } from '../api';
import { PlatformFilterBar } from '../components/PlatformFilterBar';
import { PlatformFormDrawer } from '../components/PlatformFormDrawer';
import { PlatformTable } from '../components/PlatformTable';
import { usePlatformFilters } from '../hooks/usePlatformFilters';
import { usePlatforms } from '../hooks/usePlatforms';

export default function PlatformListPage() {
  const { filters, query, page, pageSize, update, clear } = usePlatformFilters();
  const platforms = usePlatforms(query);
  const canWrite = useCan('platform:write');
  const notify = useNotify();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const isFiltered = Object.entries(filters).some(
    ([key, value]) => key !== 'sort' && key !== 'order' && (Array.isArray(value) ? value.length > 0 : value !== undefined),
  );

  // The export sends the list's own filters and sort, so the file holds exactly what the list shows.
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await platformsApi.exportXlsx(filters);
      notify.success(t.platforms.exported);
    } catch (error) {
      notify.error(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t.platforms.title}
        subtitle={
          // While a new filter loads, the previous count stays (marked busy) rather than flashing to 0.
          <Typography.Text type="secondary" data-testid="platform-total" aria-busy={platforms.isFetching}>
            {platforms.data ? t.platforms.total(platforms.data.total) : t.common.loading}
          </Typography.Text>
        }
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} data-testid="platform-export">
              {t.platforms.export}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="platform-create">
                {t.platforms.create}
              </Button>
            ) : null}
          </>
        }
      />
      <PlatformFilterBar filters={filters} onChange={update} onReset={clear} />
      {filters.asOf ? (
        <Alert
          type="info"
          showIcon
          icon={<HistoryOutlined />}
          style={{ marginBottom: 12 }}
          message={t.platforms.asOfActive(filters.asOf)}
          data-testid="platform-asof-notice"
        />
      ) : null}
      {platforms.isError ? (
        <LoadFailed error={platforms.error} onRetry={() => void platforms.refetch()} />
      ) : (
        <PlatformTable
          items={platforms.data?.items}
          total={platforms.data?.total ?? 0}
          loading={platforms.isFetching}
          page={page}
          pageSize={pageSize}
          sort={filters.sort}
          order={filters.order}
          onPage={(nextPage, nextPageSize) => update({ page: nextPage, pageSize: nextPageSize })}
          onSort={(sort, order) => update({ sort, order })}
          isFiltered={isFiltered}
          onClearFilters={clear}
        />
      )}
      <PlatformFormDrawer
        target={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(platform) => navigate(`/platforms/${platform.id}`)}
      />
    </>
  );
}
