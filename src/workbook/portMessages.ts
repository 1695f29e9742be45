/**
 * The messages every port gives for the same situations, in both languages, so a user reads the
 * same sentence whichever host the pane runs in (host-specific failures stay with their host).
 * Each is core's `L()` pair (src/workbook/messages.ts's idiom): `PORT_MESSAGES.noSheet(name)[locale]`.
 */
import { L, type Localized } from '../core';

export const PORT_MESSAGES = {
  noSheet: (s: string) => L(`找不到工作表“${s}”。`, `Sheet "${s}" was not found.`),
  noTable: (s: string, t: string) => L(`工作表“${s}”上没有表格“${t}”。`, `Sheet "${s}" has no table "${t}".`),
  noHeader: (s: string) =>
    L(
      `工作表“${s}”的第 2 行没有标题。请插入模板或恢复标题行。`,
      `Sheet "${s}" has no header on row 2. Insert the template or restore its header row.`,
    ),
  belowInUse: (s: string, a: string) =>
    L(
      `工作表“${s}”表格下方的单元格 ${a} 已有内容,无法追加行。请移走这些内容后重试,未写入任何内容。`,
      `Cell ${a} below the table on sheet "${s}" is in use, so rows cannot be added. Move that content and try again; nothing was written.`,
    ),
  noSelection: () => L('请先选择一个单元格。', 'Select a cell first.'),
  reportSheetTaken: (s: string) =>
    L(
      `工作表“${s}”里有表格,不是复盘报告,不会被替换。请重命名该工作表后重试,未写入任何内容。`,
      `Sheet "${s}" holds a table, so it is no review report and is not replaced. Rename it and try again; nothing was written.`,
    ),
} as const satisfies Record<string, (...args: string[]) => Localized>;
