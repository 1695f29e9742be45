/** The report view's words, in both languages (typed like ../strings.ts). */
import type { Locale } from '../../core';
import { translator } from '../strings';

const STRINGS = {
  title: { 'zh-CN': '复盘报告', 'en-US': 'Review report' },
  intro: {
    'zh-CN': '关键指标与环比、同比,团队排名、问题、措施和四张图表,写入工作表“{sheet}”。',
    'en-US': 'Key figures with their comparisons, the team ranking, findings, actions and four charts, written to the sheet “{sheet}”.',
  },
  writeReport: { 'zh-CN': '写入复盘报告', 'en-US': 'Write the report' },
  writingReport: { 'zh-CN': '正在写入报告…', 'en-US': 'Writing the report…' },
  written: { 'zh-CN': '已写入工作表“{sheet}”。', 'en-US': 'Wrote the sheet “{sheet}”.' },
  replaced: {
    'zh-CN': '已更新工作表“{sheet}”(同一复盘编号的报告被替换)。',
    'en-US': 'Updated the sheet “{sheet}” (the report of this review was replaced).',
  },
  nativeCharts: { 'zh-CN': '图表 {count} 张已画在工作表上。', 'en-US': '{count} charts are drawn on the sheet.' },
  pictureCharts: { 'zh-CN': '图表 {count} 张已作为图片放在工作表上。', 'en-US': '{count} charts are placed on the sheet as pictures.' },
  noSheetCharts: {
    'zh-CN': '此宿主的工作表不能放图表:图表数据在工作表上,图表见下方,可导出图片。',
    'en-US': 'This host cannot place charts on the sheet: their data is on it, the charts are below, and you can export a picture.',
  },
  writeFailed: { 'zh-CN': '未能写入报告:{reason}', 'en-US': 'Could not write the report: {reason}' },
  exportPicture: { 'zh-CN': '导出图片', 'en-US': 'Export picture' },
  exportPdf: { 'zh-CN': '导出 PDF', 'en-US': 'Export PDF' },
  exporting: { 'zh-CN': '正在生成图片…', 'en-US': 'Drawing the picture…' },
  exported: { 'zh-CN': '已生成图片 {file}({width}×{height})。', 'en-US': 'Saved the picture {file} ({width}×{height}).' },
  exportFailed: { 'zh-CN': '未能生成图片:{reason}', 'en-US': 'Could not draw the picture: {reason}' },
  kpiCaption: { 'zh-CN': '关键指标', 'en-US': 'Key figures' },
  kpi: { 'zh-CN': '指标', 'en-US': 'KPI' },
  actual: { 'zh-CN': '实际', 'en-US': 'Actual' },
  attainment: { 'zh-CN': '达成率', 'en-US': 'Attainment' },
  previous: { 'zh-CN': '环比', 'en-US': 'vs prev.' },
  lastYear: { 'zh-CN': '同比', 'en-US': 'vs last yr' },
  rankingCaption: { 'zh-CN': '排名与变化', 'en-US': 'Ranking and changes' },
  owner: { 'zh-CN': '销售人员', 'en-US': 'Sales rep' },
  rank: { 'zh-CN': '排名', 'en-US': 'Rank' },
  rankChange: { 'zh-CN': '较上次', 'en-US': 'vs last review' },
  rankSame: { 'zh-CN': '持平', 'en-US': 'same' },
  noKpis: { 'zh-CN': '工作簿中没有可计算的指标。', 'en-US': 'The workbook has no figures to compute.' },
  chartsLabel: { 'zh-CN': '报告图表', 'en-US': 'Report charts' },
  loadingCharts: { 'zh-CN': '正在加载图表…', 'en-US': 'Loading the charts…' },
  noCharts: { 'zh-CN': '数据不足,没有可画的图表。', 'en-US': 'Not enough data to draw a chart.' },
  chartData: { 'zh-CN': '{title}的数据', 'en-US': 'Data of {title}' },
} as const;

export type ReportStringKey = keyof typeof STRINGS;
export const reportText: (locale: Locale, key: ReportStringKey, vars?: Readonly<Record<string, string | number>>) => string =
  translator(STRINGS);
