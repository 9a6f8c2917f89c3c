import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type TargetReport, targetKindSpec } from '@stip/contracts';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Row, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime, formatText, isAfterToday, todayString } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useListParams } from '../../../shared/hooks/useListParams';
import { useNotify } from '../../../shared/hooks/useNotify';
import { t } from '../../../shared/i18n/zh-CN';
import { useCanWritePlan } from '../../plans/hooks/usePlanAccess';
import { usePlan } from '../../plans/hooks/usePlans';
import { CountedPlatformTable } from '../components/CountedPlatformTable';
import { CoverageRegions } from '../components/CoverageRegions';
import { TargetDefinition } from '../components/TargetDefinition';
import { TargetFormDrawer } from '../components/TargetFormDrawer';
import { TargetProgressPanel } from '../components/TargetProgressPanel';
import { TargetReportModal } from '../components/TargetReportModal';
import { TargetStatusTag } from '../components/TargetStatusTag';
import { ComputedTrajectory, ReportedTrajectory } from '../components/TargetTrajectoryChart';
import { formatFigure } from '../components/targetFormat';
import { useDeleteTarget, useTarget, useTargetPlatforms, useTargetReports } from '../hooks/useTargets';
import { useRecordName } from '../../../shared/hooks/useRecordName';

const reportLabels = t.targets.reports;

/**
 * A target as of a day: its figure, status and trajectory; for computed kinds the platforms that count
 * (and, for coverage, the regions still empty); for reported kinds the figures filed and a form to file one.
 */
export default function TargetDetailPage() {
  const { id } = useParams<{ id: string }>();
  const list = useListParams();
  const asOf = list.get('asOf');
  const regionId = list.get('regionId');
  const target = useTarget(id, asOf);
  useRecordName(target.data?.subject);
  const computed = target.data ? targetKindSpec(target.data.kind).isComputed : false;
  const platforms = useTargetPlatforms(
    id,
    { asOf: target.data?.progress.measuredOn, regionId, limit: list.pageSize, offset: list.offset },
    computed,
  );
  const reports = useTargetReports(id, !!target.data && !computed && !target.data.metric);
  const plan = usePlan(target.data?.planId);
  const canWrite = useCanWritePlan(plan.data);
  const remove = useDeleteTarget();
  const notify = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);

  if (target.isPending) return <PageLoading />;
  if (target.isError) return <LoadFailed error={target.error} onRetry={() => void target.refetch()} backTo="/plans" />;
  const data = target.data;

  const goBack = () => ((window.history.state as { idx?: number } | null)?.idx ? navigate(-1) : navigate(`/plans/${data.planId}`));
  const confirmDelete = () =>
    modal.confirm({
      title: t.common.deleteTitle(data.subject),
      content: t.targets.deleteHint,
      okText: t.common.delete,
      okButtonProps: { danger: true, 'data-testid': 'delete-confirm' },
      onOk: () =>
        remove.mutateAsync(
          { id: data.id, version: data.version },
          {
            onSuccess: () => {
              notify.success(t.common.deleted);
              navigate(`/plans/${data.planId}`, { replace: true });
            },
            onError: (error) => notify.error(error),
          },
        ),
    });

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={goBack} aria-label={t.common.back} />
            <span data-testid="target-detail-subject">{data.subject}</span>
            <TargetStatusTag status={data.progress.status} />
            <Tag bordered={false}>{t.targets.kind[data.kind]}</Tag>
            {data.isDemo ? <Tag color="orange">{t.common.demoTag}</Tag> : null}
          </Flex>
        }
        subtitle={
          <Typography.Text type="secondary">
            {t.common.labelled(t.targets.fields.plan)}
            <Link to={`/plans/${data.planId}`}>{data.planTitle}</Link>
          </Typography.Text>
        }
        extra={
          <>
            <Tooltip title={t.plans.asOfHint}>
              <DatePicker
                allowClear={false}
                value={dayjs(data.progress.asOf)}
                onChange={(value) => {
                  const day = toDateString(value);
                  list.update({ asOf: day === todayString() ? undefined : day });
                }}
                disabledDate={isAfterToday}
                style={{ width: 140 }}
                data-testid="target-asof"
              />
            </Tooltip>
            {data.canReport && !computed ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="target-report-create">
                {reportLabels.create}
              </Button>
            ) : null}
            {canWrite && plan.data ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="target-edit">
                  {t.common.edit}
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="target-delete">
                  {t.common.delete}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.targets.progress.title} style={{ height: '100%' }}>
            <TargetProgressPanel target={data} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.targets.progress.trajectory} style={{ height: '100%' }}>
            {computed || data.metric ? (
              <ComputedTrajectory target={data} />
            ) : (
              <ReportedTrajectory target={data} reports={reports.data?.items ?? []} />
            )}
          </Card>
        </Col>
      </Row>

      {computed ? (
        <>
          <Card size="small" title={t.targets.fields.filter} style={{ marginBottom: 12 }}>
            <TargetDefinition target={data} />
          </Card>
          {targetKindSpec(data.kind).needsCoverageRegion ? (
            <Card size="small" title={t.targets.coverage.title} style={{ marginBottom: 12 }}>
              <CoverageRegions target={data} selected={regionId} onSelect={(next) => list.update({ regionId: next })} />
            </Card>
          ) : null}
          <Card
            size="small"
            title={t.targets.platforms.title}
            extra={
              <Typography.Text type="secondary" data-testid="target-platform-total" aria-busy={platforms.isFetching}>
                {platforms.data ? t.targets.platforms.total(platforms.data.total) : t.common.loading}
              </Typography.Text>
            }
          >
            {platforms.isError ? (
              <LoadFailed error={platforms.error} onRetry={() => void platforms.refetch()} />
            ) : (
              <CountedPlatformTable
                items={platforms.data?.items}
                total={platforms.data?.total ?? 0}
                loading={platforms.isFetching}
                page={list.page}
                pageSize={list.pageSize}
                onPage={(page, pageSize) => list.update({ page, pageSize })}
                emptyText={t.targets.platforms.none}
                data-testid="target-platform-table"
              />
            )}
          </Card>
        </>
      ) : data.metric ? (
        <Alert type="info" showIcon message={t.targets.metric.noManualReport} data-testid="target-metric-note" />
      ) : (
        <Card size="small" title={reportLabels.title}>
          {reports.isError ? (
            <LoadFailed error={reports.error} onRetry={() => void reports.refetch()} />
          ) : (
            <Table<TargetReport>
              size="small"
              rowKey="id"
              bordered
              loading={reports.isFetching}
              dataSource={reports.data?.items}
              pagination={false}
              locale={{ emptyText: reportLabels.empty }}
              data-testid="target-report-table"
              columns={[
                { title: reportLabels.period, dataIndex: 'period', width: 140 },
                { title: reportLabels.periodEnd, dataIndex: 'periodEnd', width: 110 },
                {
                  title: reportLabels.value,
                  dataIndex: 'value',
                  width: 120,
                  align: 'right',
                  render: (value: number) => `${formatFigure(value)}${data.unit ? ` ${data.unit}` : ''}`,
                },
                { title: reportLabels.source, dataIndex: 'source', width: 220 },
                { title: reportLabels.note, dataIndex: 'note', width: 200, render: formatText },
                { title: reportLabels.reportedBy, dataIndex: 'reportedBy', width: 120, render: formatText },
                { title: reportLabels.reportedAt, dataIndex: 'reportedAt', width: 160, render: formatDateTime },
              ]}
            />
          )}
        </Card>
      )}

      {plan.data ? (
        <TargetFormDrawer
          plan={plan.data}
          target={editing ? data : null}
          onClose={() => setEditing(false)}
          onReload={async () => (await target.refetch()).data}
        />
      ) : null}
      <TargetReportModal target={data} open={reporting} onClose={() => setReporting(false)} />
    </>
  );
}
