import {
  type Cockpit,
  type PlatformLevel,
  platformLevels,
  type RecordLink,
  type Target,
  targetKindSpec,
  taskStatuses,
} from '@stip/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { t } from '../../../shared/i18n/zh-CN';
import { targetFigure, targetPercent, targetStatusColor } from '../../targets/components/targetFormat';
import { taskStatusColor } from '../../tasks/components/TaskStatusTag';
import { type ChartClick, chartPalette } from './EChart';

/** A chart item that opens the records behind it. */
export interface LinkedItem {
  name: string;
  count: number;
  link: RecordLink;
}

/** The link of the clicked element: a series item carries its own; an axis label is looked up by name. */
export function linkOfClick(params: ChartClick, items: readonly Pick<LinkedItem, 'name' | 'link'>[]): RecordLink | null {
  const data = params.data as { link?: RecordLink } | undefined;
  if (data?.link) return data.link;
  if (params.componentType === 'xAxis' || params.componentType === 'yAxis') {
    return items.find((item) => item.name === params.value)?.link ?? null;
  }
  return null;
}

export const levelColor: Record<PlatformLevel, string> = {
  national: '#0e3a73',
  provincial: '#3a7bd5',
  city: '#7fb2e5',
  county: '#b8d3ee',
};

const axisLabel = { fontSize: 13, color: '#2f3b4c' };
const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' } };

/** Columns, one per item; the label and the whole column open the item's records. */
export function columnOption(items: readonly LinkedItem[], options: { color?: string; labelWidth?: number } = {}): EChartsCoreOption {
  return {
    tooltip: tooltipAxis,
    grid: { left: 8, right: 12, top: 24, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: items.map((item) => item.name),
      // Every name shows, broken over lines when the column is narrow.
      // (a quarter-width card holds three columns of ~70 px: wider labels ran into each other).
      axisLabel: { ...axisLabel, fontSize: 12, lineHeight: 14, interval: 0, width: options.labelWidth ?? 60, overflow: 'break' },
      triggerEvent: true,
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: [
      {
        type: 'bar',
        barMaxWidth: 42,
        barMinHeight: 3,
        itemStyle: { color: options.color ?? chartPalette[0], borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', fontSize: 13, color: '#1f3a5f' },
        data: items.map((item) => ({ value: item.count, link: item.link })),
      },
    ],
  };
}

/** Bars laid sideways, for long names (platform types); the largest on top. */
export function barOption(items: readonly LinkedItem[], color = chartPalette[1]): EChartsCoreOption {
  return {
    tooltip: tooltipAxis,
    grid: { left: 8, right: 36, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel },
    // Long names are cut to the axis's width; the axis tooltip shows them whole.
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.name),
      axisLabel: { ...axisLabel, interval: 0, width: 120, overflow: 'truncate' },
      triggerEvent: true,
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        labelLayout: { hideOverlap: true },
        barMinHeight: 3,
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', fontSize: 13, color: '#1f3a5f' },
        data: items.map((item) => ({ value: item.count, link: item.link })),
      },
    ],
  };
}

/** A ring of shares; each slice opens its records. */
export function ringOption(items: readonly (LinkedItem & { color?: string })[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: t.cockpit.pieTooltip },
    // The legend under the ring (beside it, it ran into the ring in a quarter-width card), names cut to their
    // column with the whole name as the legend's tooltip; slice labels that would collide are hidden.
    legend: {
      type: 'scroll',
      orient: 'horizontal',
      bottom: 0,
      left: 'center',
      textStyle: { ...axisLabel, fontSize: 12, width: 72, overflow: 'truncate' },
      tooltip: { show: true },
      itemWidth: 12,
      itemHeight: 12,
    },
    series: [
      {
        type: 'pie',
        labelLayout: { hideOverlap: true },
        radius: ['36%', '62%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { formatter: '{c}', fontSize: 13, color: '#1f3a5f' },
        labelLine: { length: 6, length2: 6 },
        data: items
          .filter((item) => item.count > 0)
          .map((item) => ({
            name: item.name,
            value: item.count,
            link: item.link,
            itemStyle: item.color ? { color: item.color } : undefined,
          })),
      },
    ],
  };
}

/** Child regions × systems, coloured by count; a cell with no platform is pink and says so. */
export function coverageOption(coverage: Cockpit['coverage']): EChartsCoreOption {
  const systemIndex = new Map(coverage.systems.map((system, index) => [system.id, index]));
  const regionIndex = new Map(coverage.regions.map((region, index) => [region.id, index]));
  const regionName = new Map(coverage.regions.map((region) => [region.id, region.name]));
  const systemName = new Map(coverage.systems.map((system) => [system.id, system.name]));
  return {
    tooltip: {
      formatter: (params: { data: { regionId: string; systemId: string; value: number[] } }) =>
        t.cockpit.heatTooltip(
          regionName.get(params.data.regionId) ?? '',
          systemName.get(params.data.systemId) ?? '',
          params.data.value[2] ?? 0,
        ),
    },
    grid: { left: 8, right: 8, top: 8, bottom: 44, containLabel: true },
    xAxis: {
      type: 'category',
      data: coverage.systems.map((system) => system.name),
      axisLabel: { ...axisLabel, interval: 0, width: 112, overflow: 'break' },
      splitArea: { show: true },
    },
    yAxis: { type: 'category', inverse: true, data: coverage.regions.map((region) => region.name), axisLabel, splitArea: { show: true } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 14,
      itemHeight: 12,
      textStyle: { fontSize: 12 },
      pieces: [
        { value: 0, label: t.cockpit.coverageEmpty, color: '#fbdedb' },
        { min: 1, max: 2, label: '1–2', color: '#d6e6f7' },
        { min: 3, max: 5, label: '3–5', color: '#9cc3ea' },
        { min: 6, max: 9, label: '6–9', color: '#4f8fd6' },
        { min: 10, label: '≥10', color: '#1d4f91' },
      ],
    },
    series: [
      {
        type: 'heatmap',
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: '#0e3a73', borderWidth: 2 } },
        data: coverage.cells.map((cell) => ({
          value: [systemIndex.get(cell.systemId), regionIndex.get(cell.regionId), cell.count],
          regionId: cell.regionId,
          systemId: cell.systemId,
          link: cell.link,
          label: {
            show: true,
            fontSize: 14,
            fontWeight: cell.count === 0 ? 'bold' : 'normal',
            color: cell.count === 0 ? '#c0392b' : cell.count >= 6 ? '#fff' : '#1f3a5f',
            formatter: cell.count === 0 ? t.cockpit.coverageEmpty : String(cell.count),
          },
          itemStyle: cell.count === 0 ? { borderColor: '#e8877c', borderWidth: 2 } : undefined,
        })),
      },
    ],
  };
}

/** Recognitions per year, stacked by level, with the year's total as a line. */
export function trendOption(trend: Cockpit['trend']): EChartsCoreOption {
  const years = [...new Set(trend.map((row) => row.year))].sort((a, b) => a - b);
  const levels = platformLevels.filter((level) => trend.some((row) => row.level === level && row.count > 0));
  const cell = (year: number, level: PlatformLevel) => trend.find((row) => row.year === year && row.level === level);
  return {
    tooltip: tooltipAxis,
    legend: { top: 0, textStyle: axisLabel, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 12, top: 32, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), axisLabel },
    yAxis: { type: 'value', minInterval: 1, axisLabel },
    series: [
      ...levels.map((level) => ({
        name: t.labels.platformLevel[level],
        type: 'bar',
        stack: 'level',
        barMaxWidth: 28,
        itemStyle: { color: levelColor[level] },
        data: years.map((year) => {
          const row = cell(year, level);
          return { value: row?.count ?? 0, link: row?.link };
        }),
      })),
      {
        name: t.cockpit.trendTotal,
        type: 'line',
        smooth: false,
        symbolSize: 6,
        itemStyle: { color: '#e07b5f' },
        lineStyle: { width: 2 },
        data: years.map((year) => trend.filter((row) => row.year === year).reduce((sum, row) => sum + row.count, 0)),
      },
    ],
  };
}

/** Each responsible unit's tasks stacked by status; the unit's late count stands in red beside its name. */
export function tasksOption(units: Cockpit['tasksByUnit']): EChartsCoreOption {
  return {
    tooltip: tooltipAxis,
    legend: { top: 0, textStyle: axisLabel, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((unit) => unit.name),
      triggerEvent: true,
      axisLabel: {
        ...axisLabel,
        formatter: (name: string) => {
          const late = units.find((unit) => unit.name === name)?.late ?? 0;
          return late ? `${name} {late|${t.tasks.late} ${late}}` : name;
        },
        rich: { late: { color: '#cf1322', fontWeight: 'bold', fontSize: 12 } },
      },
    },
    series: taskStatuses.map((status) => ({
      name: t.tasks.status[status],
      type: 'bar',
      stack: 'status',
      barMaxWidth: 16,
      itemStyle: { color: taskStatusColor[status] },
      data: units.map((unit) => ({ value: unit.counts[status], link: unit.link })),
    })),
  };
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text typed by users, made safe for the HTML tooltip. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => htmlEscapes[char]!);

/** Whether a first (零的突破) target's breakthrough had already been made on its baseline. */
export const isBrokenBeforeBaseline = (target: Target) =>
  targetKindSpec(target.kind).baseline === 'reportedBeside' && (target.progress.baselineCount ?? 0) > 0;

/**
 * Each target as a bar of its figure's share of what it requires (0–100 %), coloured by its status and
 * labelled current / required. The category of each bar is the target's id (subjects may repeat across
 * plans), shown as its subject; the bar and its name both open the target (`targetOfClick`).
 */
export function targetsOption(targets: readonly Target[]): EChartsCoreOption {
  const subjects = new Map(targets.map((target) => [target.id, target.subject]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { data: { targetId: string; figure: string; status: string; note: string } }) =>
        t.cockpit.targetTooltip(escapeHtml(subjects.get(params.data.targetId) ?? ''), params.data.figure, params.data.status) +
        (params.data.note ? `<br/>${params.data.note}` : ''),
    },
    grid: { left: 8, right: 96, top: 24, bottom: 4, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      position: 'top',
      axisLabel: { ...axisLabel, fontSize: 12, formatter: '{value}%' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: targets.map((target) => target.id),
      triggerEvent: true,
      // A long subject breaks over two lines rather than being cut (the rows are tall enough for two).
      axisLabel: {
        ...axisLabel,
        fontSize: 12,
        lineHeight: 14,
        interval: 0,
        width: 220,
        overflow: 'break',
        formatter: (id: string) => subjects.get(id) ?? '',
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        barMinHeight: 3,
        label: {
          show: true,
          position: 'right',
          fontSize: 13,
          color: '#1f3a5f',
          formatter: (params: { data: { figure: string } }) => params.data.figure,
        },
        data: targets.map((target) => ({
          value: targetPercent(target),
          targetId: target.id,
          figure: targetFigure(target),
          status: t.targets.status[target.progress.status],
          note: isBrokenBeforeBaseline(target) ? t.cockpit.brokenBeforeBaseline : '',
          itemStyle: { color: targetStatusColor[target.progress.status], borderRadius: [0, 3, 3, 0] },
        })),
      },
    ],
  };
}

/** The target of a click on the targets chart: a bar carries its id; a name on the axis is the id itself. */
export function targetOfClick(params: ChartClick, targets: readonly Target[]): Target | null {
  const data = params.data as { targetId?: string } | undefined;
  const id = data?.targetId ?? (params.componentType === 'yAxis' ? String(params.value) : undefined);
  return targets.find((target) => target.id === id) ?? null;
}
