import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useMemo, useRef } from 'react';

// Only the pieces the cockpit and the target pages draw, so the chart chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

/** What ECharts reports about a clicked element: a series item, or an axis label (`triggerEvent`). */
export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  dataIndex?: number;
  name?: string;
  value?: unknown;
  data?: unknown;
}

/** The calm palette of the cockpit: navy and blues first, warm colours for the few that must stand out. */
export const chartPalette = ['#1d4f91', '#3a7bd5', '#5fa8e0', '#7fc8c1', '#f0b54a', '#e07b5f', '#9b8ad6', '#8c9bb0', '#4c9f70', '#c9a26b'];

/** Text sizes that stay readable on a projector. */
export const chartText = { fontSize: 13, color: '#2f3b4c' } as const;

interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** Called for a click on any element; the chart shows a pointer when given. */
  onClick?: (params: ChartClick) => void;
  'data-testid'?: string;
}

/** One ECharts chart; clicks are passed on with the clicked item, so each chart opens the records behind it. */
export function EChart({ option, height, onClick, ...rest }: EChartProps) {
  // The chart binds its listeners once; they read the latest handler from here.
  const latest = useRef(onClick);
  useEffect(() => {
    latest.current = onClick;
  }, [onClick]);
  const onEvents = useMemo(() => ({ click: (params: ChartClick) => latest.current?.(params) }), []);
  const themed = useMemo(() => ({ textStyle: chartText, color: chartPalette, ...option }), [option]);

  return (
    <div data-testid={rest['data-testid']} style={{ cursor: onClick ? 'pointer' : undefined }}>
      <ReactEChartsCore echarts={echarts} option={themed} onEvents={onEvents} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}
