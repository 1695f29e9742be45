/** The pane's own words, in both languages. Core texts (function and template names) live in the catalogue and specs. */
import type { Locale } from '../core';

const STRINGS = {
  appTitle: { 'zh-CN': '销售复盘', 'en-US': 'Sales Review' },
  templatesTab: { 'zh-CN': '模板', 'en-US': 'Templates' },
  functionsTab: { 'zh-CN': '函数', 'en-US': 'Functions' },
  language: { 'zh-CN': '表格语言', 'en-US': 'Sheet language' },
  withSamples: { 'zh-CN': '包含示例数据', 'en-US': 'Include sample rows' },
  portable: { 'zh-CN': '通用公式(无需加载项也能计算)', 'en-US': 'Portable formulas (compute without the add-in)' },
  insert: { 'zh-CN': '插入', 'en-US': 'Insert' },
  inserting: { 'zh-CN': '正在插入…', 'en-US': 'Inserting…' },
  columns: { 'zh-CN': '列', 'en-US': 'Columns' },
  inserted: { 'zh-CN': '已插入工作表“{sheet}”(表格 {table})。', 'en-US': 'Inserted the sheet “{sheet}” (table {table}).' },
  insertFailed: {
    'zh-CN': '未能插入“{template}”:{reason}。请退出单元格编辑状态、确认工作簿未受保护后重试。',
    'en-US': 'Could not insert “{template}”: {reason}. Leave cell-edit mode, check the workbook is not protected, and try again.',
  },
  dismiss: { 'zh-CN': '关闭', 'en-US': 'Dismiss' },
  source: { 'zh-CN': '来源', 'en-US': 'Source' },
} as const satisfies Record<string, Record<Locale, string>>;

export type StringKey = keyof typeof STRINGS;

/** A pane string with its `{name}` slots filled in. */
export function t(locale: Locale, key: StringKey, values: Record<string, string> = {}): string {
  return STRINGS[key][locale].replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? `{${name}}`);
}
