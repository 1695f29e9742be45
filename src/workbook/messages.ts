/**
 * What the workbook layer's flows say (the port's shared host messages are ./portMessages.ts), in
 * the one bilingual idiom of core: a Localized text, or a function of the facts returning one.
 */
import { L } from '../core';

export const WORKBOOK_MESSAGES = {
  noRegister: L(
    '工作簿中没有商机明细:先插入“商机明细”模板或导入一个 CRM 导出文件。',
    'The workbook has no deal register: insert the Deal Register template or import a CRM export first.',
  ),
  secondWrite: (sheet: string) =>
    L(
      `同一批写入中对工作表“${sheet}”的表格写了两次。请合并为一次写入;未写入任何内容。`,
      `One batch writes the table of sheet "${sheet}" twice. Merge them into one write; nothing was written.`,
    ),
  changed: (sheet: string, row: number, column: string) =>
    L(
      `工作表“${sheet}”第 ${row} 行的“${column}”在读取后被修改。请重新读取工作簿后再写入,未写入任何内容。`,
      `Row ${row} of sheet "${sheet}" changed in column "${column}" since it was read. Read the workbook again and retry; nothing was written.`,
    ),
} as const;

/** The Google Sheets roll-up over chosen spreadsheets (./linkedRollup.ts). */
export const ROLLUP_MESSAGES = {
  noLinks: L(
    '本表格无法读取其他表格(只有 Google 表格里的加载项可以)。',
    'This host cannot read other spreadsheets (only the Google Sheets add-on can).',
  ),
  listed: L(
    '已插入“汇总来源”:每行填一个经理的表格名称和链接,再点“汇总”。',
    'Roll-up Sources inserted: one row per manager’s spreadsheet (a name and its link), then Roll up again.',
  ),
  empty: L('“汇总来源”里还没有表格链接:每行填一个经理的表格链接。', 'Roll-up Sources lists no spreadsheet yet: one link per row.'),
  already: (sheets: string) =>
    L(
      `本表格已有上次的汇总(${sheets})。为不覆盖其中的内容,请删除这些工作表后再汇总,或在新的空白表格中汇总。`,
      `This spreadsheet already holds a roll-up (${sheets}). So as not to write over it, delete those sheets and roll up again, or roll up in a new blank spreadsheet.`,
    ),
  nothing: L('没有可以汇总的来源,未写入任何内容。', 'No source could be combined; nothing was written.'),
  notAllowed: (row: number) =>
    L(
      `尚未允许访问:在“汇总来源”第 ${row} 行的 连接检查 单元格上点“允许访问”,再汇总`,
      `not allowed yet: click “Allow access” on the Connection cell of Roll-up Sources row ${row}, then roll up again`,
    ),
  loading: L('Google 仍在加载该表格,请稍后再汇总', 'Google is still loading it; roll up again in a moment'),
} as const;
