/**
 * The pane's own words, in both languages. Core texts (function and template names) live in the
 * catalogue and specs; each component keeps its own table beside it (`X/strings.ts`) built with
 * `translator`, and the shared words stay here.
 */
import type { Locale } from '../core';

export type StringTable = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

/** A lookup for one table: the string in a language, with its `{name}` slots filled in. */
export function translator<T extends StringTable>(table: T) {
  return (locale: Locale, key: keyof T, values: Readonly<Record<string, string | number>> = {}): string => {
    const text = table[key]![locale].replace(/\{(\w+)\}/g, (_m, name: string) => (name in values ? String(values[name]) : `{${name}}`));
    return locale === 'en-US' ? singularOne(text) : text;
  };
}

// The nouns the pane counts, and the verbs that follow them ("1 finding has", "1 chart is").
const SINGULAR: Readonly<Record<string, string>> = {
  rows: 'row',
  deals: 'deal',
  columns: 'column',
  charts: 'chart',
  tables: 'table',
  functions: 'function',
  formulas: 'formula',
  actions: 'action',
  findings: 'finding',
  days: 'day',
  leads: 'lead',
  tasks: 'task',
  months: 'month',
  sheets: 'sheet',
  regions: 'region',
  owners: 'owner',
};
const VERBS: Readonly<Record<string, string>> = { have: 'has', are: 'is', were: 'was' };
const ONE_OF = new RegExp(`(^|[^\\d.,])1 (${Object.keys(SINGULAR).join('|')})\\b( (?:have|are|were)\\b)?`, 'g');

/** English agreement for a count of one: "1 rows have" → "1 row has" (the tables are written for many). */
export function singularOne(text: string): string {
  return text.replace(ONE_OF, (_m, before: string, noun: string, verb: string | undefined) => {
    const singular = `${before}1 ${SINGULAR[noun] ?? noun}`;
    return verb === undefined ? singular : `${singular} ${VERBS[verb.trim()] ?? verb.trim()}`;
  });
}

const STRINGS = {
  appTitle: { 'zh-CN': '销售复盘', 'en-US': 'Sales Review' },
  sections: { 'zh-CN': '功能', 'en-US': 'Sections' },
  templatesTab: { 'zh-CN': '模板', 'en-US': 'Templates' },
  goalsTab: { 'zh-CN': '目标分解', 'en-US': 'Goals' },
  callsTab: { 'zh-CN': '预测提报', 'en-US': 'Calls' },
  importTab: { 'zh-CN': '导入', 'en-US': 'Import' },
  reviewTab: { 'zh-CN': '复盘', 'en-US': 'Review' },
  functionsTab: { 'zh-CN': '函数', 'en-US': 'Functions' },
  settingsTab: { 'zh-CN': '设置', 'en-US': 'Settings' },
  language: { 'zh-CN': '表格语言', 'en-US': 'Sheet language' },
  withSamples: { 'zh-CN': '包含示例数据', 'en-US': 'Include sample rows' },
  portable: { 'zh-CN': '通用公式(无需加载项也能计算)', 'en-US': 'Portable formulas (compute without the add-in)' },
  insert: { 'zh-CN': '插入', 'en-US': 'Insert' },
  inserting: { 'zh-CN': '正在插入…', 'en-US': 'Inserting…' },
  columns: { 'zh-CN': '列', 'en-US': 'Columns' },
  inserted: { 'zh-CN': '已插入工作表“{sheet}”(表格 {table})。', 'en-US': 'Inserted the sheet “{sheet}” (table {table}).' },
  insertedWithUses: {
    'zh-CN': '它的公式引用的 {sheets} 也已插入。',
    'en-US': 'Its formulas read {sheets}, inserted too.',
  },
  insertFailed: {
    'zh-CN': '未能插入“{template}”:{reason}。请退出单元格编辑状态、确认工作簿未受保护后重试。',
    'en-US': 'Could not insert “{template}”: {reason}. Leave cell-edit mode, check the workbook is not protected, and try again.',
  },
  loading: { 'zh-CN': '正在加载…', 'en-US': 'Loading…' },
  dismiss: { 'zh-CN': '关闭', 'en-US': 'Dismiss' },
  source: { 'zh-CN': '来源', 'en-US': 'Source' },
} as const satisfies StringTable;

export type StringKey = keyof typeof STRINGS;

/** A shared pane string with its `{name}` slots filled in. */
export const paneText: (locale: Locale, key: StringKey, values?: Readonly<Record<string, string | number>>) => string = translator(STRINGS);

/** An error's message for a MessageBar (a WorkbookError's text is already written for the user). */
export function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/[。.]\s*$/, '');
}
