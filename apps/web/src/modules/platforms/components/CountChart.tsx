import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useMemo, useRef } from 'react';
import { t } from '../../../shared/i18n/zh-CN';

// Only the pieces the overview uses, so the chart chunk stays small.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface CountDatum {
  /** What a click filters by (a system id, a level …). */
  key: string;
  name: string;
  value: number;
}

const palette = ['#1d4f91', '#3a7bd5', '#52a7e0', '#7fc8c1', '#f0b54a', '#e07b5f', '#9b8ad6', '#8c9bb0'];

interface CountChartProps {
  kind: 'bar' | 'pie';
  data: CountDatum[];
  onSelect: (key: string) => void;
  height?: number;
  /** Bars laid sideways, for long category names (regions). */
  horizontal?: boolean;
  'data-testid'?: string;
}

/** One clickable count chart of the overview; a click on a bar or slice opens the matching list. */
export function CountChart({ kind, data, onSelect, height = 280, horizontal = false, ...rest }: CountChartProps) {
  const option = useMemo(() => {
    if (kind === 'pie') {
      return {
        color: palette,
        tooltip: { trigger: 'item', formatter: t.home.pieTooltip },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            type: 'pie',
            radius: ['38%', '68%'],
            center: ['50%', '45%'],
            label: { formatter: '{b}\n{c}' },
            data: data.map((datum) => ({ name: datum.name, value: datum.value, key: datum.key })),
          },
        ],
      };
    }
    const categoryAxis = { type: 'category', data: data.map((datum) => datum.name), axisLabel: { interval: 0, hideOverlap: true } };
    const valueAxis = { type: 'value', minInterval: 1 };
    return {
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          label: { show: true, position: horizontal ? 'right' : 'top' },
          data: data.map((datum) => ({ value: datum.value, key: datum.key })),
        },
      ],
    };
  }, [kind, data, horizontal]);

  // Latest values for the chart's own listeners, which are bound once when the chart is created.
  const latest = useRef({ data, onSelect });
  useEffect(() => {
    latest.current = { data, onSelect };
  }, [data, onSelect]);

  // Pie slices answer their own clicks.
  const onEvents = useMemo(() => {
    const events: Record<string, (params: { data?: { key?: string } }) => void> = {};
    if (kind === 'pie') {
      events.click = (params) => {
        if (params.data?.key) latest.current.onSelect(params.data.key);
      };
    }
    return events;
  }, [kind]);

  // A bar answers a click anywhere in its column, so a short bar (a count of 1) is as easy to hit as a tall one.
  const onChartReady = (chart: EChartsType) => {
    if (kind !== 'bar') return;
    chart.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
      const point = [event.offsetX, event.offsetY];
      if (!chart.containPixel('grid', point)) return;
      const [x, y] = chart.convertFromPixel({ seriesIndex: 0 }, point) as number[];
      const index = Math.round((horizontal ? y : x) ?? -1);
      const datum = latest.current.data[index];
      if (datum) latest.current.onSelect(datum.key);
    });
  };

  return (
    <div data-testid={rest['data-testid']} style={{ cursor: 'pointer' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        onEvents={onEvents}
        onChartReady={onChartReady}
        style={{ height }}
        notMerge
        lazyUpdate
      />
    </div>
  );
}
