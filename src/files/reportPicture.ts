/**
 * The review as pictures: each report chart drawn by ECharts' server-side SVG renderer (no DOM,
 * the same in Node and in the browser), and one shareable picture of the whole review — title,
 * KPIs with their comparisons, the top findings and the four charts — as one SVG document. PNG
 * comes from the caller: resvg in Node (src/files/png.ts), a canvas in the browser.
 *
 * ECharts is passed in, so the browser loads it lazily and Node requires it.
 */
import type { EChartsOption } from 'echarts';
import type { ReportChart, ReviewReport } from '../core';
import { L, isoFromSerial, showReportValue } from '../core';

/** The part of the ECharts module used here. */
export interface EChartsModule {
  init(
    dom: null,
    theme: null,
    options: { renderer: 'svg'; ssr: true; width: number; height: number },
  ): {
    setOption(option: EChartsOption): void;
    renderToSVGString(): string;
    dispose(): void;
  };
}

export const CHART_SIZE = { width: 560, height: 340 } as const;

/** Fonts that have the CJK glyphs on Linux, macOS and Windows, then any sans-serif. */
export const PICTURE_FONTS = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Fluent's brand blue and its neutrals (tokens.colorBrandBackground …), for pictures outside the pane's theme. */
const PALETTE = ['#0F6CBD', '#8A8886', '#107C10', '#C50F1F', '#8764B8'];
/** The brand blue from dark to light, one shade per funnel stage. */
const FUNNEL_SHADES = ['#0F548C', '#0F6CBD', '#2886DE', '#479EF5', '#62ABF5', '#96C6FA', '#B4D6FA'];

function chartOption(chart: ReportChart): EChartsOption {
  const format = (v: number) => showReportValue(v, chart.unit);
  const base: EChartsOption = {
    animation: false,
    color: PALETTE,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: PICTURE_FONTS },
    title: { text: chart.title, left: 'center', textStyle: { fontSize: 15, fontFamily: PICTURE_FONTS } },
  };
  const legend = chart.series.length > 1 ? { legend: { bottom: 0, data: chart.series.map((s) => s.name) } } : {};
  const label = { show: true, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? format(p.value) : '') };
  if (chart.kind === 'funnel')
    return {
      ...base,
      series: [
        {
          type: 'funnel',
          sort: 'none',
          top: 40,
          bottom: 10,
          left: '8%',
          width: '58%',
          // Labels beside the funnel: a narrow last stage has no room inside.
          label: {
            show: true,
            position: 'right',
            color: '#242424',
            formatter: (p: { name: string; value: unknown }) => `${p.name} ${String(p.value)}`,
          },
          labelLine: { show: true },
          data: chart.categories.map((name, i) => ({
            name,
            value: chart.series[0]?.values[i] ?? 0,
            itemStyle: { color: FUNNEL_SHADES[Math.min(i, FUNNEL_SHADES.length - 1)] },
          })),
        },
      ],
    };
  const category = { type: 'category' as const, data: [...chart.categories], axisLabel: { interval: 0, hideOverlap: true } };
  const value = { type: 'value' as const, axisLabel: { formatter: format } };
  const horizontal = chart.kind === 'bar';
  return {
    ...base,
    ...legend,
    grid: { left: horizontal ? 110 : 60, right: 30, top: 45, bottom: chart.series.length > 1 ? 50 : 30 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: chart.series.map((s) => ({
      type: chart.kind === 'line' ? ('line' as const) : ('bar' as const),
      name: s.name,
      data: [...s.values],
      label: { ...label, position: horizontal ? 'right' : 'top' },
    })),
  };
}

/** One chart as an SVG document of CHART_SIZE. */
export function chartSvg(echarts: EChartsModule, chart: ReportChart): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    instance.setOption(chartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const PAD = 24;
const LINE = 24;
const MAX_FINDINGS = 5;
const MAX_ACTIONS = 5;
const MAX_KPIS = 8;

/** Width and height of the review picture, in pixels (the PNG's size). */
export function reviewPictureSize(report: ReviewReport): { readonly width: number; readonly height: number } {
  const kpis = Math.min(MAX_KPIS, report.kpis.length);
  const findings = Math.min(MAX_FINDINGS, report.findings.length);
  const actions = Math.min(MAX_ACTIONS, report.actions.length);
  const actionLines = actions > 0 ? PAD + (actions + 1) * LINE : 0;
  const chartRows = Math.ceil(report.charts.length / 2);
  const width = PAD * 3 + CHART_SIZE.width * 2;
  const height =
    PAD + 70 + (kpis + 1) * LINE + PAD + (findings + 1) * LINE + actionLines + PAD + chartRows * (CHART_SIZE.height + PAD) + PAD;
  return { width, height };
}

/** The whole review as one SVG: what a manager posts in the team chat. */
export function reviewPictureSvg(report: ReviewReport, chartSvgs: readonly string[]): string {
  const { width, height } = reviewPictureSize(report);
  const t = (zh: string, en: string) => L(zh, en)[report.locale];
  const show = showReportValue;
  const signed = (v: number | null) => showReportValue(v, 'percent', { signed: true });
  const parts: string[] = [];
  const text = (x: number, y: number, body: string, attrs = '') =>
    parts.push(`<text x="${x}" y="${y}" font-family="${escapeXml(PICTURE_FONTS)}" ${attrs}>${escapeXml(body)}</text>`);
  let y = PAD + 28;
  text(PAD, y, report.title, 'font-size="26" font-weight="bold" fill="#242424"');
  y += 30;
  const unit = report.moneyUnit ? `    ${t('金额单位', 'Money unit')}: ${report.moneyUnit}` : '';
  text(PAD, y, `${t('复盘期间', 'Period')}: ${report.period}${unit}`, 'font-size="15" fill="#616161"');
  y += 12 + LINE;
  const columns = [PAD, PAD + 420, PAD + 580, PAD + 740, PAD + 880, PAD + 1020];
  const header = [
    t('指标', 'KPI'),
    t('目标', 'Target'),
    t('实际', 'Actual'),
    t('达成率', 'Attainment'),
    t('环比', 'vs prev.'),
    t('同比', 'vs last yr'),
  ];
  header.forEach((h, i) => text(columns[i] ?? PAD, y, h, 'font-size="15" font-weight="bold" fill="#242424"'));
  for (const k of report.kpis.slice(0, MAX_KPIS)) {
    y += LINE;
    const cells = [
      clip(k.label, 30),
      show(k.target, k.unit),
      show(k.actual, k.unit),
      show(k.attainment, 'percent'),
      signed(k.previous),
      signed(k.lastYear),
    ];
    cells.forEach((c, i) => text(columns[i] ?? PAD, y, c, 'font-size="15" fill="#242424"'));
  }
  y += PAD + LINE;
  text(PAD, y, t('主要问题', 'Main findings'), 'font-size="17" font-weight="bold" fill="#242424"');
  const severity = { high: t('高', 'High'), medium: t('中', 'Medium'), low: t('低', 'Low') };
  const tone = { high: '#C50F1F', medium: '#BC4B09', low: '#616161' };
  for (const f of report.findings.slice(0, MAX_FINDINGS)) {
    y += LINE;
    text(PAD, y, `[${severity[f.severity]}] ${clip(f.problem, 70)}`, `font-size="15" fill="${tone[f.severity]}"`);
  }
  // The actions written in step 4: what the team will do about the findings above.
  if (report.actions.length > 0) {
    y += PAD + LINE;
    text(PAD, y, t('改进措施', 'Actions'), 'font-size="17" font-weight="bold" fill="#242424"');
    for (const a of report.actions.slice(0, MAX_ACTIONS)) {
      y += LINE;
      const due = a.due === null ? '' : ` · ${isoFromSerial(Math.floor(a.due))}`;
      const who = a.owner === '' ? '' : ` · ${a.owner}`;
      text(PAD, y, `${clip(a.task, 60)}${who}${due}`, 'font-size="15" fill="#242424"');
    }
  }
  y += PAD;
  chartSvgs.forEach((svg, i) => {
    const x = PAD + (i % 2) * (CHART_SIZE.width + PAD);
    const top = y + Math.floor(i / 2) * (CHART_SIZE.height + PAD);
    parts.push(svg.replace(/^(\s*<\?xml[^>]*>)?\s*<svg\b/, `<svg x="${x}" y="${top}"`));
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
