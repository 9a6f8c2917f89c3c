import '../cockpit.css';
import { ReloadOutlined } from '@ant-design/icons';
import type { RecordLink, Target } from '@stip/contracts';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { LoadFailed } from '../../../shared/components/LoadFailed';
import { PageLoading } from '../../../shared/components/PageLoading';
import { isAfterToday, todayString } from '../../../shared/format/format';
import { toDateString } from '../../../shared/forms/rules';
import { useListParams } from '../../../shared/hooks/useListParams';
import { t } from '../../../shared/i18n/zh-CN';
import { PlanSelect } from '../../plans/components/PlanSelect';
import { useTasks } from '../../tasks/hooks/useTasks';
import {
  barOption,
  columnOption,
  coverageOption,
  levelColor,
  linkOfClick,
  ringOption,
  tasksOption,
  trendOption,
} from '../components/cockpitCharts';
import { type ChartClick, EChart } from '../components/EChart';
import { KpiCard } from '../components/KpiCard';
import { recordPath } from '../components/recordPath';
import { TargetProgressList } from '../components/TargetProgressList';
import { useCockpit } from '../hooks/useCockpit';

/** How many platform types the type chart shows (the largest). */
const topTypes = 12;

function ChartCard({ title, extra, children }: { title: string; extra?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }} styles={{ body: { padding: '8px 12px' } }}>
      {children}
    </Card>
  );
}

function NoData() {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.cockpit.chartEmpty} />;
}

/**
 * 领导驾驶舱: every figure of the user's scope as of a day — platforms by system, level, region,
 * industry and type, coverage of the child regions, recognitions per year, the targets with their
 * progress and the tasks of each responsible unit. Each element opens the records behind it.
 */
export default function CockpitPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const asOf = list.get('asOf');
  const planId = list.get('planId');
  const includeEnded = list.get('includeEnded');
  const filters = useMemo(() => ({ asOf, planId, includeEnded }), [asOf, planId, includeEnded]);
  const cockpit = useCockpit(filters);
  const day = cockpit.data?.asOf ?? asOf ?? todayString();
  const lateTasks = useTasks({ limit: 1, offset: 0, lateOn: day, planId });

  const open = useCallback((link: RecordLink | null | undefined) => link && navigate(recordPath(link)), [navigate]);
  const openTarget = useCallback(
    (target: Target) => navigate(target.link ? recordPath(target.link) : `/targets/${target.id}?${new URLSearchParams({ asOf: day })}`),
    [navigate, day],
  );

  const data = cockpit.data;
  const charts = useMemo(() => {
    if (!data) return null;
    const types = [...data.byType].sort((a, b) => b.count - a.count).slice(0, topTypes);
    const levels = data.byLevel.map((item) => ({ ...item, name: t.labels.platformLevel[item.level], color: levelColor[item.level] }));
    return {
      system: { items: data.bySystem, option: columnOption(data.bySystem) },
      level: { items: levels, option: ringOption(levels) },
      region: { items: data.byRegion, option: barOption(data.byRegion, '#3a7bd5') },
      industry: { items: data.byIndustry, option: ringOption(data.byIndustry) },
      type: { items: types, option: barOption(types) },
      coverage: { option: coverageOption(data.coverage) },
      trend: { option: trendOption(data.trend) },
      tasks: { items: data.tasksByUnit, option: tasksOption(data.tasksByUnit) },
    };
  }, [data]);

  if (cockpit.isPending) return <PageLoading />;
  if (cockpit.isError || !data || !charts) return <LoadFailed error={cockpit.error} onRetry={() => void cockpit.refetch()} />;

  const clickThrough = (items: Parameters<typeof linkOfClick>[1]) => (params: ChartClick) => open(linkOfClick(params, items));
  const levelCount = (level: string) => data.byLevel.find((item) => item.level === level);
  const coveredRegions = data.coverage.regions.filter((region) =>
    data.coverage.cells.some((cell) => cell.regionId === region.id && cell.count > 0),
  );
  const emptyRegions = data.coverage.regions.filter((region) => !coveredRegions.includes(region));
  const emptyCells = data.coverage.cells.filter((cell) => cell.count === 0).length;
  const achieved = data.targets.filter((target) => target.progress.status === 'achieved').length;
  const behind = data.targets.filter((target) => target.progress.status === 'at_risk' || target.progress.status === 'missed').length;
  const isPast = day !== todayString();

  return (
    <div className="stip-cockpit" data-testid="cockpit">
      <Flex className="stip-cockpit-banner" justify="space-between" align="center" gap={12} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0, letterSpacing: 2 }}>
            {t.cockpit.title}
          </Typography.Title>
          <Typography.Text style={{ opacity: 0.9 }} data-testid="cockpit-scope">
            {t.cockpit.scope(data.scope.name)}
          </Typography.Text>
          <Typography.Text style={{ opacity: 0.7, marginLeft: 12, fontSize: 12 }}>{t.cockpit.clickHint}</Typography.Text>
        </div>
        <Flex gap={8} align="center" wrap>
          {cockpit.isFetching ? <Spin size="small" /> : null}
          {isPast ? (
            <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="cockpit-past">
              {t.cockpit.asOfPast(day)}
            </Tag>
          ) : null}
          {!planId && (data.endedPlanCount > 0 || includeEnded) ? (
            <Tooltip title={t.cockpit.showEndedHint}>
              <Flex gap={6} align="center">
                <Switch
                  size="small"
                  checked={Boolean(includeEnded)}
                  onChange={(checked) => list.update({ includeEnded: checked ? 'true' : undefined })}
                  data-testid="cockpit-show-ended"
                />
                <Typography.Text style={{ fontSize: 13 }}>{t.cockpit.showEnded(data.endedPlanCount)}</Typography.Text>
              </Flex>
            </Tooltip>
          ) : null}
          <PlanSelect
            value={planId}
            onChange={(next) => list.update({ planId: next })}
            placeholder={t.cockpit.allPlans}
            data-testid="cockpit-plan"
          />
          <Tooltip title={t.cockpit.asOfHint}>
            <DatePicker
              allowClear={false}
              value={dayjs(day)}
              onChange={(value) => list.update({ asOf: toDateString(value) === todayString() ? undefined : toDateString(value) })}
              disabledDate={isAfterToday}
              style={{ width: 140 }}
              data-testid="cockpit-asof"
            />
          </Tooltip>
          {isPast ? <Button onClick={() => list.update({ asOf: undefined })}>{t.cockpit.today}</Button> : null}
          <Button icon={<ReloadOutlined />} onClick={() => void cockpit.refetch()} aria-label={t.common.reload} />
        </Flex>
      </Flex>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={8} xl={4}>
          <KpiCard
            label={t.cockpit.kpi.total}
            value={data.total.count}
            unit={t.cockpit.unitPlatform}
            note={t.cockpit.totalNote}
            onOpen={() => open(data.total.link)}
            data-testid="cockpit-kpi-total"
          />
        </Col>
        {(['national', 'provincial', 'city'] as const).map((level) => (
          <Col xs={12} md={8} xl={3} key={level}>
            <KpiCard
              label={t.cockpit.kpi[level]}
              value={levelCount(level)?.count ?? 0}
              unit={t.cockpit.unitPlatform}
              accent={levelColor[level]}
              onOpen={() => open(levelCount(level)?.link)}
              data-testid={`cockpit-kpi-${level}`}
            />
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <KpiCard
            label={t.cockpit.kpi.covered}
            value={`${coveredRegions.length}`}
            unit={t.cockpit.ofTotal(data.coverage.regions.length)}
            accent={emptyRegions.length ? '#cf1322' : emptyCells ? '#d48806' : '#389e0d'}
            note={
              emptyRegions.length
                ? t.targets.coverage.emptyList(t.common.list(emptyRegions.map((region) => region.name)))
                : t.cockpit.emptyCells(emptyCells)
            }
            data-testid="cockpit-kpi-covered"
          />
        </Col>
        <Col xs={12} md={8} xl={3}>
          <KpiCard
            label={t.cockpit.kpi.targets}
            value={achieved}
            unit={t.cockpit.ofTotal(data.targets.length)}
            accent={behind ? '#d48806' : '#389e0d'}
            onOpen={() => navigate(planId ? `/plans/${planId}` : '/plans')}
            data-testid="cockpit-kpi-targets"
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <KpiCard
            label={t.cockpit.kpi.lateTasks}
            value={lateTasks.data?.total ?? t.common.none}
            unit={t.cockpit.unitItem}
            accent={lateTasks.data?.total ? '#cf1322' : '#389e0d'}
            note={t.cockpit.lateTasksLink}
            onOpen={() => navigate(`/supervision?${new URLSearchParams({ asOf: day, late: '1', ...(planId ? { planId } : {}) })}`)}
            data-testid="cockpit-kpi-late"
          />
        </Col>
      </Row>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24}>
          <ChartCard title={t.cockpit.sections.targets}>
            <TargetProgressList targets={data.targets} onOpen={openTarget} />
          </ChartCard>
        </Col>
      </Row>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          { title: t.cockpit.sections.bySystem, chart: charts.system, testId: 'cockpit-chart-system', hasData: data.total.count > 0 },
          { title: t.cockpit.sections.byLevel, chart: charts.level, testId: 'cockpit-chart-level', hasData: data.total.count > 0 },
          { title: t.cockpit.sections.byRegion, chart: charts.region, testId: 'cockpit-chart-region', hasData: true },
          {
            title: t.cockpit.sections.byIndustry,
            chart: charts.industry,
            testId: 'cockpit-chart-industry',
            hasData: data.byIndustry.length > 0,
          },
        ].map(({ title, chart, testId, hasData }) => (
          <Col key={testId} xs={24} md={12} xl={6}>
            <ChartCard title={title}>
              {hasData ? (
                <EChart option={chart.option} height={260} onClick={clickThrough(chart.items)} data-testid={testId} />
              ) : (
                <NoData />
              )}
            </ChartCard>
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={10}>
          <ChartCard
            title={t.cockpit.sections.coverage}
            extra={<Typography.Text type="secondary">{t.cockpit.coverageHint}</Typography.Text>}
          >
            <EChart
              option={charts.coverage.option}
              height={Math.max(260, data.coverage.regions.length * 34 + 80)}
              onClick={(params) => open(linkOfClick(params, []))}
              data-testid="cockpit-chart-coverage"
            />
          </ChartCard>
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard title={t.cockpit.sections.trend}>
            {data.trend.length ? (
              <EChart
                option={charts.trend.option}
                height={Math.max(260, data.coverage.regions.length * 34 + 80)}
                onClick={(params) => open(linkOfClick(params, []))}
                data-testid="cockpit-chart-trend"
              />
            ) : (
              <NoData />
            )}
          </ChartCard>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <ChartCard title={t.cockpit.sections.byType(topTypes)}>
            {charts.type.items.length ? (
              <EChart
                option={charts.type.option}
                height={Math.max(240, charts.type.items.length * 30 + 20)}
                onClick={clickThrough(charts.type.items)}
                data-testid="cockpit-chart-type"
              />
            ) : (
              <NoData />
            )}
          </ChartCard>
        </Col>
        <Col xs={24} xl={14}>
          <ChartCard title={t.cockpit.sections.tasks}>
            {data.tasksByUnit.length ? (
              <EChart
                option={charts.tasks.option}
                height={Math.max(240, data.tasksByUnit.length * 28 + 50)}
                onClick={clickThrough(charts.tasks.items)}
                data-testid="cockpit-chart-tasks"
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.cockpit.tasksEmpty} />
            )}
          </ChartCard>
        </Col>
      </Row>
    </div>
  );
}
