/**
 * The report's four charts in the pane, drawn with @fluentui/react-charts (Fluent v9, so they
 * follow the pane's theme) — this module is its own lazy chunk, never in the initial bundle. Each
 * chart is a figure named by its caption and described by its numbers in words, for screen readers;
 * the charts' own points take keyboard focus.
 */
import { FunnelChart, GroupedVerticalBarChart, HorizontalBarChartWithAxis, LineChart, getNextColor } from '@fluentui/react-charts';
import { useEffect, useId, useRef, useState } from 'react';
import { type Locale, type ReportChart, showReportValue } from '../../core';
import { reportText } from './strings';
import { useReportStyles } from './styles';

const shown = (chart: ReportChart, v: number | null | undefined): string => showReportValue(v, chart.unit);

/** "华南区: 目标 180, 实际 165; 华东区: …" — the chart in words. */
export function chartInWords(chart: ReportChart, locale: Locale): string {
  const [sep, join] = locale === 'zh-CN' ? [',', ';'] : [', ', '; '];
  return chart.categories
    .map((category, i) => `${category}: ${chart.series.map((s) => `${s.name} ${shown(chart, s.values[i])}`).join(sep)}`)
    .join(join);
}

/** yyyy-mm → the first of that month, for the line chart's time axis. */
const monthDate = (text: string): Date | undefined => {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, 1) : undefined;
};

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(280);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function Chart({ chart, width }: { readonly chart: ReportChart; readonly width: number }) {
  const height = 240;
  const value = (series: number, i: number): number => chart.series[series]?.values[i] ?? 0;
  switch (chart.kind) {
    case 'funnel':
      return (
        <FunnelChart
          width={width}
          height={height}
          data={chart.categories.map((stage, i) => ({
            stage: `${stage} ${shown(chart, chart.series[0]?.values[i])}`,
            value: value(0, i),
            color: getNextColor(i),
          }))}
        />
      );
    case 'column':
      return (
        <GroupedVerticalBarChart
          width={width}
          height={height}
          chartTitle={chart.title}
          data={chart.categories.map((name, i) => ({
            name,
            series: chart.series.map((s, k) => ({ key: `${k}`, data: value(k, i), legend: s.name, barLabel: shown(chart, s.values[i]) })),
          }))}
        />
      );
    case 'line':
      return (
        <LineChart
          width={width}
          height={height}
          data={{
            chartTitle: chart.title,
            lineChartData: chart.series.map((s, k) => ({
              legend: s.name,
              data: chart.categories.map((category, i) => ({ x: monthDate(category) ?? i, y: value(k, i) })),
            })),
          }}
        />
      );
    case 'bar':
      return (
        <HorizontalBarChartWithAxis
          width={width}
          height={Math.max(160, 40 * chart.categories.length + 60)}
          chartTitle={chart.title}
          hideLegend
          data={chart.categories.map((owner, i) => ({
            y: owner,
            x: value(0, i),
            legend: owner,
            barLabel: shown(chart, chart.series[0]?.values[i]),
          }))}
        />
      );
  }
}

function Figure({ chart, locale, width }: { readonly chart: ReportChart; readonly locale: Locale; readonly width: number }) {
  const styles = useReportStyles();
  const captionId = useId();
  const wordsId = useId();
  return (
    <figure className={styles.figure} aria-labelledby={captionId} aria-describedby={wordsId} data-chart={chart.id}>
      <figcaption id={captionId} className={styles.caption}>
        {chart.title}
      </figcaption>
      <span id={wordsId} className={styles.srOnly}>
        {reportText(locale, 'chartData', { title: chart.title })}: {chartInWords(chart, locale)}
      </span>
      <Chart chart={chart} width={width} />
    </figure>
  );
}

export interface ReportChartsProps {
  readonly charts: readonly ReportChart[];
  readonly locale: Locale;
}

export default function ReportCharts({ charts, locale }: ReportChartsProps) {
  const styles = useReportStyles();
  const [ref, width] = useWidth();
  return (
    <div ref={ref} className={styles.charts} role="group" aria-label={reportText(locale, 'chartsLabel')}>
      {charts.map((chart) => (
        <Figure key={chart.id} chart={chart} locale={locale} width={width} />
      ))}
    </div>
  );
}
