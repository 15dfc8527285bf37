import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use as registerEcharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

registerEcharts([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export interface ChartProps {
  /** The ECharts option (series, axes…). */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the figure's accessible name). */
  label: string;
  height?: number;
}

/**
 * An ECharts chart (SVG, tree-shaken: bar, line and pie), resized with its box. The figure is
 * labelled for screen readers, and ECharts' aria description is on.
 */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const chart = init(element, undefined, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true }, animation: false, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  // ECharts writes its own aria-label (a generated description) on the box it draws in: the
  // figure's name is on a wrapper, so `label` stays the accessible name.
  return (
    <div role="img" aria-label={label}>
      <div ref={box} style={{ width: '100%', height }} />
    </div>
  );
}
