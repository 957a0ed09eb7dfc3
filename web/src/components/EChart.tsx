// One ECharts canvas that follows its option and the window size. Charts register only the pieces they
// use (echarts/core), which keeps the bundle small for the older Chromium the platform supports.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

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
    chart.setOption(option, true);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, [option]);
  useEffect(() => {
    const node = el.current;
    return () => {
      if (node) echarts.getInstanceByDom(node)?.dispose();
    };
  }, []);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
