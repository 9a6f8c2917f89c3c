import type { Target, TargetReport } from '@stip/contracts';
import { Empty, Spin } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { t } from '../../../shared/i18n/zh-CN';
import { EChart } from '../../cockpit/components/EChart';
import { useTargetTrajectory } from '../hooks/useTargets';
import { targetStatusColor } from './targetFormat';

/** The days the trajectory is drawn on: the start, each year's end in between, and the day asked for (at most 8 points). */
export function trajectoryDays(start: string, asOf: string): string[] {
  if (asOf <= start) return [asOf];
  const yearEnds: string[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(asOf.slice(0, 4)); year++) {
    const day = `${year}-12-31`;
    if (day > start && day < asOf) yearEnds.push(day);
  }
  return [start, ...yearEnds.slice(-6), asOf];
}

function trajectoryOption(target: Target, actual: [string, number][]): EChartsCoreOption {
  const { start, required } = target.progress;
  const color = targetStatusColor[target.progress.status];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 4, containLabel: true },
    // From the start to whichever comes later, the deadline or the last figure, so no point falls off the edge.
    xAxis: {
      type: 'time',
      min: [start.date, ...actual.map(([day]) => day)].sort()[0],
      max: [target.deadline, ...actual.map(([day]) => day)].sort().at(-1),
    },
    // The planned-pace line ends at the required figure, so the axis always reaches it.
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        name: t.targets.progress.actual,
        type: 'line',
        data: actual,
        symbolSize: 8,
        itemStyle: { color },
        lineStyle: { width: 3, color },
        label: { show: true, position: 'top' },
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#8c9bb0', type: 'solid' },
          label: { formatter: `${t.targets.progress.requiredLine} {c}`, position: 'insideEndTop' },
          data: [{ yAxis: required }],
        },
      },
      {
        name: t.targets.progress.plannedPace,
        type: 'line',
        data: [
          [start.date, start.value],
          [target.deadline, required],
        ],
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#8c9bb0' },
        itemStyle: { color: '#8c9bb0' },
      },
    ],
  };
}

/** Computed targets: the figure on several days up to the day it is taken, each computed from the registry as it stood then. */
export function ComputedTrajectory({ target }: { target: Target }) {
  const days = useMemo(
    () => trajectoryDays(target.progress.start.date, target.progress.measuredOn),
    [target.progress.start.date, target.progress.measuredOn],
  );
  const results = useTargetTrajectory(target.id, days);
  const loading = results.some((result) => result.isPending);
  const actual = results.flatMap((result, index) => {
    const current = result.data?.progress.current;
    return current === null || current === undefined ? [] : [[days[index]!, current] as [string, number]];
  });
  if (loading) return <Spin style={{ display: 'block', padding: 40 }} />;
  return <EChart option={trajectoryOption(target, actual)} height={260} data-testid="target-trajectory" />;
}

/** Reported targets: the figures people filed, period by period. */
export function ReportedTrajectory({ target, reports }: { target: Target; reports: TargetReport[] }) {
  if (!reports.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.targets.reports.empty} />;
  const actual = [...reports]
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
    .map((report) => [report.periodEnd, report.value] as [string, number]);
  return <EChart option={trajectoryOption(target, actual)} height={260} data-testid="target-trajectory" />;
}
