// One ECharts canvas that follows its option and the window size. Charts register only the pieces they
// use (echarts/core), which keeps the bundle small for the older Chromium the platform supports.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** ECharts 6 puts legends at the bottom, over the axis labels; ours sit above the plot unless told otherwise. */
function withLegendOnTop(option: Record<string, unknown>): Record<string, unknown> {
  const legend = option.legend as Record<string, unknown> | undefined;
  if (!legend || 'top' in legend || 'bottom' in legend) return option;
  const grid = (option.grid as Record<string, unknown> | undefined) ?? {};
  return { ...option, legend: { ...legend, top: 0 }, grid: { ...grid, top: Math.max(Number(grid.top ?? 0), 40) } };
}

export interface EChartProps {
  option: Record<string, unknown>;
  height?: number;
  testId?: string;
}

export function EChart({ option, height = 300, testId }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.getInstanceByDom(el.current) ?? echarts.init(el.current);
    chart.setOption(withLegendOnTop(option), true);
    // The container's width settles after layout (cards, grid columns, lazy routes): follow it, not the window.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => observer.disconnect();
  }, [option]);
  useEffect(() => {
    const node = el.current;
    return () => {
      if (node) echarts.getInstanceByDom(node)?.dispose();
    };
  }, []);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
