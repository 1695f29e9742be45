/**
 * The messages every port gives for the same situations, in both languages, so a user reads the
 * same sentence whichever host the pane runs in (host-specific failures stay with their host).
 */
import type { Locale } from '../core';

export const PORT_MESSAGES = {
  noSheet: { 'zh-CN': (s: string) => `找不到工作表“${s}”。`, 'en-US': (s: string) => `Sheet "${s}" was not found.` },
  noTable: {
    'zh-CN': (s: string, t: string) => `工作表“${s}”上没有表格“${t}”。`,
    'en-US': (s: string, t: string) => `Sheet "${s}" has no table "${t}".`,
  },
  noHeader: {
    'zh-CN': (s: string) => `工作表“${s}”的第 2 行没有标题。请插入模板或恢复标题行。`,
    'en-US': (s: string) => `Sheet "${s}" has no header on row 2. Insert the template or restore its header row.`,
  },
  belowInUse: {
    'zh-CN': (s: string, a: string) => `工作表“${s}”表格下方的单元格 ${a} 已有内容,无法追加行。请移走这些内容后重试,未写入任何内容。`,
    'en-US': (s: string, a: string) =>
      `Cell ${a} below the table on sheet "${s}" is in use, so rows cannot be added. Move that content and try again; nothing was written.`,
  },
  noSelection: { 'zh-CN': () => '请先选择一个单元格。', 'en-US': () => 'Select a cell first.' },
  reportSheetTaken: {
    'zh-CN': (s: string) => `工作表“${s}”里有表格,不是复盘报告,不会被替换。请重命名该工作表后重试,未写入任何内容。`,
    'en-US': (s: string) =>
      `Sheet "${s}" holds a table, so it is no review report and is not replaced. Rename it and try again; nothing was written.`,
  },
} as const satisfies Record<string, Record<Locale, (...args: string[]) => string>>;
