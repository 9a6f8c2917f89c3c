import { CalendarOutlined, DownloadOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { type AnnualReport, type AnnualReportStatus, annualReportStatuses } from '@stip/contracts';
import { Alert, Button, Card, Flex, Select, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ChoosableTable } from '../../../shared/components/ChoosableTable';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { SearchInput } from '../../../shared/components/SearchInput';
import { pagination, tableScroll } from '../../../shared/components/tableDefaults';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCan, useCurrentUser } from '../../accounts/hooks/useSession';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { PlatformTypeSelect } from '../../taxonomy/components/PlatformTypeSelect';
import { AnnualReportStatusTag } from '../components/AnnualReportStatusTag';
import { OpenYearModal } from '../components/OpenYearModal';
import { AdjustYearModal } from '../components/AdjustYearModal';
import { annualReportsApi } from '../api';
import { useAnnualReports, useReportingYears } from '../hooks/useAnnualReports';
import { withoutDemoMark } from '../../../shared/format/demoName';

const text = t.annualReports;
const fields = text.fields;
type Tab = 'all' | 'mine' | 'late';

/**
 * 年度报告: hosts see their platforms' reports (待我处理: those to fill or fix), county and city staff their review
 * queue (待我处理) and the late list (逾期名单); a year selector, status filter and the year's Excel export.
 */
/** Hidden until picked in 列设置, so the default columns fit at 1280 px. */
const reportColumnsHidden = ['region', 'path', 'submittedAt'];

export default function AnnualReportListPage() {
  const list = useListParams();
  const user = useCurrentUser();
  const isStaff = useCan('annual-report:review');
  const isCity = user.role === 'city_staff';
  const tab = (['all', 'mine', 'late'].includes(list.get('tab') ?? '') ? list.get('tab') : 'all') as Tab;
  const year = list.get('year') ? Number(list.get('year')) : undefined;
  const status = list.getList('status') as AnnualReportStatus[];
  const reports = useAnnualReports({
    limit: list.pageSize,
    offset: list.offset,
    year,
    status: status.length ? status : undefined,
    late: tab === 'late' || undefined,
    mine: tab === 'mine' || undefined,
    q: list.get('q'),
    regionId: list.get('regionId'),
    typeId: list.get('typeId'),
  });
  const years = useReportingYears();
  const notify = useNotify();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const yearInfo = years.data?.items.find((item) => item.year === year);

  const exportYear = async () => {
    if (!year) return;
    setExporting(true);
    try {
      await annualReportsApi.exportYear(year);
    } catch (error) {
      notify.error(error);
    } finally {
      setExporting(false);
    }
  };

  const tabs = [
    { key: 'all', label: text.tabs.all },
    { key: 'mine', label: text.tabs.mine },
    ...(isStaff ? [{ key: 'late', label: text.tabs.late }] : []),
  ];

  return (
    <>
      <PageHeader
        title={text.title}
        subtitle={
          <Typography.Text type="secondary" data-testid="annual-report-total">
            {reports.data ? text.total(reports.data.total) : t.common.loading}
          </Typography.Text>
        }
        extra={
          <>
            {isStaff ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                disabled={!year}
                title={year ? undefined : text.exportNeedsYear}
                onClick={() => void exportYear()}
                data-testid="annual-export"
              >
                {text.export}
              </Button>
            ) : null}
            {isStaff ? (
              <Button icon={<FormOutlined />} onClick={() => navigate('/annual-reports/forms')} data-testid="annual-forms">
                {text.forms}
              </Button>
            ) : null}
            {isCity && yearInfo ? (
              <Button icon={<CalendarOutlined />} onClick={() => setAdjusting(true)} data-testid="annual-adjust-year">
                {text.adjust.button}
              </Button>
            ) : null}
            {isCity ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="annual-open-year">
                {text.open.button}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs activeKey={tab} items={tabs} onChange={(key) => list.update({ tab: key === 'all' ? null : key })} data-testid="annual-tabs" />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select<number | 'all'>
            style={{ width: 200 }}
            value={year ?? 'all'}
            onChange={(value) => list.update({ year: value === 'all' ? null : value })}
            options={[
              { value: 'all', label: text.allYears },
              ...(years.data?.items ?? []).map((item) => ({ value: item.year, label: text.yearDue(item.year, item.dueOn) })),
            ]}
            data-testid="annual-filter-year"
          />
          <Select<AnnualReportStatus[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            placeholder={text.statusFilter}
            value={status}
            onChange={(value) => list.update({ status: value })}
            options={annualReportStatuses.map((value) => ({ value, label: text.status[value] }))}
            data-testid="annual-filter-status"
          />
          {isStaff ? (
            <>
              <RegionTreeSelect
                style={{ width: 180 }}
                placeholder={text.fields.region}
                value={list.get('regionId')}
                onChange={(regionId) => list.update({ regionId })}
                data-testid="annual-filter-region"
              />
              <PlatformTypeSelect
                style={{ width: 220 }}
                placeholder={text.fields.type}
                value={list.get('typeId')}
                onChange={(typeId) => list.update({ typeId })}
              />
            </>
          ) : null}
          <SearchInput value={list.get('q')} onSearch={(q) => list.update({ q })} placeholder={text.keywordPlaceholder} />
          <Button onClick={list.clear}>{t.common.reset}</Button>
        </Flex>
        {yearInfo && isStaff ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {text.yearSummary(yearInfo.reports, yearInfo.submitted, yearInfo.accepted, yearInfo.late)}
          </Typography.Text>
        ) : null}
      </Card>
      {tab === 'late' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={text.lateHint} /> : null}
      {reports.isError ? (
        <LoadFailed error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <ChoosableTable<AnnualReport>
          tableKey="annual-reports"
          defaultHidden={reportColumnsHidden}
          isFiltered={!!(year || status.length || list.get('q') || list.get('regionId') || list.get('typeId'))}
          onClearFilters={list.clear}
          emptyText={tab === 'late' ? text.emptyLate : text.empty}
          size="small"
          rowKey="id"
          bordered
          loading={reports.isFetching}
          dataSource={reports.data?.items}
          scroll={{ y: tableScroll.y }}
          pagination={pagination(list.page, list.pageSize, reports.data?.total ?? 0, (page, pageSize) => list.update({ page, pageSize }))}
          data-testid="annual-report-table"
          columns={[
            {
              title: fields.platform,
              key: 'platform',
              fixed: 'left',
              width: 280,
              render: (_: unknown, report) => (
                <Flex gap={6} align="center">
                  <Link to={`/annual-reports/${report.id}`} data-testid="annual-report-link">
                    {report.isDemo ? withoutDemoMark(report.platform.name) : report.platform.name}
                  </Link>
                  {report.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
                </Flex>
              ),
            },
            { title: fields.year, dataIndex: 'year', width: 70 },
            {
              title: fields.status,
              key: 'status',
              width: 160,
              render: (_: unknown, report) => (
                <AnnualReportStatusTag status={report.status} isLate={report.isLate} submittedLate={report.submittedLate} />
              ),
            },
            { title: fields.host, key: 'host', width: 220, render: (_: unknown, report) => report.hostOrganization.name },
            { title: fields.type, key: 'type', width: 180, render: (_: unknown, report) => report.type.name },
            { title: fields.region, key: 'region', width: 100, render: (_: unknown, report) => report.region.name },
            {
              title: fields.reviewPath,
              key: 'path',
              width: 100,
              render: (_: unknown, report) => (report.hasCountyReview ? text.countyStep : text.cityStep),
            },
            { title: fields.dueOn, dataIndex: 'dueOn', width: 100, render: formatDate },
            {
              title: fields.submittedAt,
              dataIndex: 'submittedAt',
              width: 110,
              render: formatDateTime,
            },
          ]}
        />
      )}
      <AdjustYearModal year={adjusting && yearInfo ? yearInfo : null} onClose={() => setAdjusting(false)} />
      <OpenYearModal open={opening} onClose={() => setOpening(false)} onOpened={(opened) => list.update({ year: opened, tab: null })} />
    </>
  );
}
