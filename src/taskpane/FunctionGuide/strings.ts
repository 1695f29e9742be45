/** 函数 Function guide strings. Function names, descriptions and parameters come from the catalogue. */
import { translator } from '../strings';

export const guideText = translator({
  search: { 'zh-CN': '搜索函数', 'en-US': 'Search functions' },
  searchHint: { 'zh-CN': '按名称、说明或参数查找,中英文均可', 'en-US': 'By name, description or parameter, in English or Chinese' },
  count: { 'zh-CN': '显示 {shown} / {total} 个函数', 'en-US': 'Showing {shown} of {total} functions' },
  none: { 'zh-CN': '没有匹配“{query}”的函数。', 'en-US': 'No function matches “{query}”.' },
  alsoKnownAs: { 'zh-CN': '英文 Excel 中:{name}', 'en-US': 'In a Chinese Excel: {name}' },
  parameters: { 'zh-CN': '参数', 'en-US': 'Parameters' },
  optional: { 'zh-CN': '(可选)', 'en-US': ' (optional)' },
  example: { 'zh-CN': '示例', 'en-US': 'Example' },
  shows: { 'zh-CN': '结果:{value}', 'en-US': 'Shows: {value}' },
  insert: { 'zh-CN': '插入到所选单元格', 'en-US': 'Insert into selected cell' },
  insertLabel: { 'zh-CN': '把 {formula} 插入到所选单元格', 'en-US': 'Insert {formula} into the selected cell' },
  inserting: { 'zh-CN': '正在插入…', 'en-US': 'Inserting…' },
  inserted: {
    'zh-CN': '已在“{sheet}”的 {address} 插入 {formula}。把示例数值换成你的单元格即可,例如 G3、D3。',
    'en-US': 'Inserted {formula} in {address} on “{sheet}”. Replace the example values with your own cells, e.g. G3 and D3.',
  },
  insertFailed: {
    'zh-CN': '未能插入公式:{reason}。请先在工作表中选中一个单元格并退出编辑状态,然后重试。',
    'en-US': 'Could not insert the formula: {reason}. Select a cell in the sheet, leave cell-edit mode, and try again.',
  },
});
