import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type AchievementListItem,
  type AchievementMaturity,
  type OwnerType,
  type PublicationStatus,
  publicationStatuses,
} from '@stip/contracts';
import { Button, Card, Flex, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { DemoTag } from '../../../shared/components/DemoTag';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatChineseDate } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan } from '../../accounts/hooks/useSession';
import { achievementsApi } from '../api';
import { FacetFilters } from '../components/FacetFilters';
import { Highlighted } from '../components/Highlighted';
import { PublicationImportModal } from '../components/PublicationImportModal';
import { PublicationStatusTag } from '../components/PublicationStatusTag';
import { useAchievements } from '../hooks/useAchievements';

const text = t.sharing;
const fields = text.achievement.fields;
const facetNames = ['technicalField', 'industry', 'maturity', 'region', 'ownerType'] as const;
/** Less important columns, hidden until picked in 列设置. */
const defaultHidden = ['industry', 'publishedAt'];

/** 科技成果库: search (whole sentences too), facets with counts, status tabs; owners register, staff import and review. */
export default function AchievementsPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const canWrite = useCan('achievement:write');
  const canImport = useCan('import:write');
  const canReview = useCan('achievement:review');
  const [importing, setImporting] = useState(false);
  const status = list.get('status') as PublicationStatus | undefined;
  const selected = {
    technicalField: list.getList('technicalField'),
    industry: list.getList('industry'),
    maturity: list.getList('maturity'),
    region: list.getList('regionId'),
    ownerType: list.getList('ownerType'),
  };
  const filters = {
    q: list.get('q'),
    status,
    technicalField: selected.technicalField.join(',') || undefined,
    industry: selected.industry.join(',') || undefined,
    maturity: (selected.maturity as AchievementMaturity[]).join(',') || undefined,
    regionId: selected.region.join(',') || undefined,
    ownerType: (selected.ownerType as OwnerType[]).join(',') || undefined,
  };
  const achievements = useAchievements({ ...filters, limit: list.pageSize, offset: list.offset });
  const isFiltered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={text.achievement.title}
        subtitle={<Typography.Text type="secondary">{text.total(achievements.data?.total ?? 0)}</Typography.Text>}
        extra={
          <Space wrap>
            {canImport ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="achievement-import">
                {text.import}
              </Button>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => achievementsApi.exportList(filters).catch((error: unknown) => notify.error(error))}
              data-testid="achievement-export"
            >
              {text.export}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/achievements/new')} data-testid="achievement-create">
                {text.achievement.create}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex vertical gap={8}>
          <SearchInput
            value={list.get('q')}
            onSearch={(q) => list.update({ q })}
            placeholder={text.searchPlaceholder}
            width={520}
            data-testid="achievement-search"
          />
          <FacetFilters
            facets={achievements.data?.facets}
            names={facetNames}
            selected={selected}
            onChange={(name, values) => list.update({ [name === 'region' ? 'regionId' : name]: values })}
          />
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          size="small"
          activeKey={status ?? 'all'}
          onChange={(key) => list.update({ status: key === 'all' ? undefined : key })}
          items={[{ key: 'all', label: text.statusTabs.all }, ...publicationStatuses.map((s) => ({ key: s, label: text.status[s] }))]}
          data-testid="achievement-status-tabs"
        />
        {achievements.isError ? (
          <LoadFailed error={achievements.error} onRetry={() => void achievements.refetch()} />
        ) : (
          <ChoosableTable<AchievementListItem>
            tableKey="achievements"
            defaultHidden={defaultHidden}
            isFiltered={isFiltered}
            onClearFilters={list.clear}
            emptyText={text.empty}
            rowKey="id"
            size="small"
            loading={achievements.isFetching}
            dataSource={achievements.data?.items ?? []}
            scroll={{ y: tableScroll.y }}
            pagination={pagination(list.page, list.pageSize, achievements.data?.total ?? 0, (page, pageSize) =>
              list.update({ page, pageSize }),
            )}
            data-testid="achievement-table"
            columns={[
              {
                title: fields.title,
                dataIndex: 'title',
                fixed: 'left',
                render: (title: string, row) => (
                  <Flex vertical gap={2}>
                    <span>
                      <Link to={`/achievements/${row.id}`}>{title}</Link> {row.isDemo ? <DemoTag /> : null}
                    </span>
                    {row.highlighted ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <Highlighted html={row.highlighted} data-testid="achievement-snippet" />
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              { title: fields.technicalField, dataIndex: 'technicalField', width: 100, render: (v: string | null) => v ?? text.none },
              { title: fields.industry, dataIndex: 'industry', width: 100, render: (v: string | null) => v ?? text.none },
              {
                title: fields.maturity,
                dataIndex: 'maturity',
                width: 80,
                render: (v: AchievementMaturity | null) => (v ? text.maturity[v] : text.none),
              },
              { title: fields.owner, dataIndex: 'ownerName', width: 180, render: (v: string | null) => v ?? text.none },
              { title: fields.region, dataIndex: ['region', 'name'], width: 90, render: (v?: string) => v ?? text.none },
              {
                title: fields.status,
                dataIndex: 'status',
                width: 80,
                render: (s: PublicationStatus) => <PublicationStatusTag status={s} />,
              },
              { title: fields.publishedAt, dataIndex: 'publishedAt', width: 120, render: (v: string | null) => formatChineseDate(v) },
            ]}
          />
        )}
      </Card>
      <PublicationImportModal kind="achievements" open={importing} canPublish={canReview} onClose={() => setImporting(false)} />
    </>
  );
}
