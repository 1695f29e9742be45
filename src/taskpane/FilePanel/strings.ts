/** 文件 File tab and save-state strings. */
import type { Locale } from '../../core';
import type { Bilingual } from '../../workbook/files';
import { translator } from '../strings';

export const fileText = translator({
  fileTab: { 'zh-CN': '文件', 'en-US': 'File' },
  current: { 'zh-CN': '当前工作簿', 'en-US': 'Current workbook' },
  folder: { 'zh-CN': '工作簿文件夹:{folder}', 'en-US': 'Workbooks folder: {folder}' },
  saved: { 'zh-CN': '已保存 {time}', 'en-US': 'Saved {time}' },
  saving: { 'zh-CN': '正在保存…', 'en-US': 'Saving…' },
  writingFile: { 'zh-CN': '已存入版本历史 {time},正在写入文件…', 'en-US': 'In the version history {time}; writing the file…' },
  unwritten: { 'zh-CN': '尚未写入:第一次修改时写入此副本', 'en-US': 'Not written yet: your first change creates this copy' },
  pending: { 'zh-CN': '有改动,稍后自动保存', 'en-US': 'Changed; saving shortly' },
  unsaved: { 'zh-CN': '未保存:{reason}', 'en-US': 'Not saved: {reason}' },
  conflict: {
    'zh-CN': '未保存:另一个窗口已保存了此工作簿。请重新加载以继续(本窗口的改动不会覆盖它)。',
    'en-US': 'Not saved: another tab saved this workbook. Reload to go on (this tab will not overwrite it).',
  },
  reload: { 'zh-CN': '重新加载', 'en-US': 'Reload' },
  notSaving: { 'zh-CN': '未保存:{reason}', 'en-US': 'Not saved: {reason}' },
  open: { 'zh-CN': '打开工作簿', 'en-US': 'Open a workbook' },
  pick: { 'zh-CN': '工作簿文件夹中的文件', 'en-US': 'Files in the workbooks folder' },
  openButton: { 'zh-CN': '打开', 'en-US': 'Open' },
  upload: { 'zh-CN': '上传 .xlsx 并打开…', 'en-US': 'Upload an .xlsx and open it…' },
  uploadHint: {
    'zh-CN': '会复制到工作簿文件夹,原文件不会被修改。',
    'en-US': 'A copy goes into the workbooks folder; the original file is never changed.',
  },
  download: { 'zh-CN': '下载', 'en-US': 'Download' },
  downloadXlsx: { 'zh-CN': '下载 .xlsx', 'en-US': 'Download .xlsx' },
  downloadAddin: {
    'zh-CN': '下载 .xlsx(SALES 函数,供装有加载项的 Excel)',
    'en-US': 'Download .xlsx with SALES functions (for Excel with the add-in)',
  },
  portableHint: {
    'zh-CN': '“下载 .xlsx”中的 SALES 公式换成 Excel、LibreOffice 和 Google 表格自带的公式,无需加载项即可计算;第二个按钮保留 SALES.* 公式。',
    'en-US':
      '"Download .xlsx" turns SALES formulas into native ones that Excel, LibreOffice and Google Sheets compute without the add-in; the second button keeps the SALES.* formulas.',
  },
  downloaded: { 'zh-CN': '已下载“{file}”。', 'en-US': 'Downloaded "{file}".' },
  frozen: {
    'zh-CN': '{count} 个公式没有通用写法,已保存为计算结果。',
    'en-US': '{count} formulas have no native form and were saved as their values.',
  },
  import: { 'zh-CN': '导入为新工作表', 'en-US': 'Import as a new sheet' },
  importButton: { 'zh-CN': '选择 CSV 或 .xlsx 文件…', 'en-US': 'Choose a CSV or .xlsx file…' },
  importHint: {
    'zh-CN': 'CSV 支持 UTF-8(含 BOM)与 GB18030/GBK,逗号、分号或制表符分隔;日期和数字按类型导入,带前导零的编号保留为文本。',
    'en-US':
      'CSV in UTF-8 (with or without BOM) or GB18030/GBK, comma, semicolon or tab separated; dates and numbers come in typed, ids with leading zeros stay text.',
  },
  chooseSheet: { 'zh-CN': '“{file}”有多个工作表,请选择要导入的一个', 'en-US': '"{file}" has several sheets: choose one to import' },
  importSheet: { 'zh-CN': '导入此工作表', 'en-US': 'Import this sheet' },
  imported: { 'zh-CN': '已导入为工作表“{sheet}”({rows} 行)。', 'en-US': 'Imported as the sheet "{sheet}" ({rows} rows).' },
  notImported: { 'zh-CN': '未导入:{parts}。', 'en-US': 'Not brought in: {parts}.' },
  versions: { 'zh-CN': '版本历史', 'en-US': 'Version history' },
  refresh: { 'zh-CN': '刷新', 'en-US': 'Refresh' },
  restore: { 'zh-CN': '恢复', 'en-US': 'Restore' },
  restoreLabel: { 'zh-CN': '恢复第 {revision} 版({time})', 'en-US': 'Restore version {revision} ({time})' },
  currentVersion: { 'zh-CN': '{line}（当前）', 'en-US': '{line} (current)' },
  versionLine: { 'zh-CN': '第 {revision} 版 · {time} · {source}', 'en-US': 'Version {revision} · {time} · {source}' },
  keptLine: { 'zh-CN': '{time} · {source}(原样保存的文件)', 'en-US': '{time} · {source} (the file as it was)' },
  restoreKeptLabel: { 'zh-CN': '恢复{source}({time})', 'en-US': 'Restore {source} ({time})' },
  pinned: { 'zh-CN': ' · 长期保留', 'en-US': ' · kept' },
  versionsKept: {
    'zh-CN': '保留最近 20 个版本、每天最后一个版本,以及每次导入、链接、复盘写回和恢复之前的版本。恢复不会删除任何版本。',
    'en-US':
      'The last 20 versions, the last of every day and the one before every import, link, write-back and restore are kept. Restoring deletes nothing.',
  },
  held: { 'zh-CN': '已存入版本历史,未写入文件:{reason}', 'en-US': 'In the version history, not in the file: {reason}' },
  keepMine: { 'zh-CN': '保留我的', 'en-US': 'Keep mine' },
  reloadTheirs: { 'zh-CN': '重新加载(打开对方的版本)', 'en-US': 'Reload (open their version)' },
  savingTo: { 'zh-CN': '保存到“{file}”', 'en-US': 'Saved to "{file}"' },
  target: { 'zh-CN': '保存位置', 'en-US': 'Where changes are saved' },
  targetCopy: {
    'zh-CN': '原文件“{file}”不会被改写;修改保存到副本“{copy}”。',
    'en-US': 'The file "{file}" is never written; changes are saved to the copy "{copy}".',
  },
  targetLost: { 'zh-CN': '原文件含有副本无法保留的内容:{lost}。', 'en-US': 'The file holds what the copy cannot keep: {lost}.' },
  convert: { 'zh-CN': '转换原文件(丢失上述内容)', 'en-US': 'Convert the original (loses the above)' },
  convertConfirm: {
    'zh-CN': '确认用网页表格的版本覆盖“{file}”?将丢失:{lost}。原文件的原样备份留在版本历史中。',
    'en-US': 'Overwrite "{file}" with the web spreadsheet\'s version? This loses: {lost}. The file as it was stays in the version history.',
  },
  convertYes: { 'zh-CN': '确认转换', 'en-US': 'Convert' },
  keepCopy: { 'zh-CN': '继续使用副本', 'en-US': 'Keep working on the copy' },
  backToCopy: { 'zh-CN': '改为保存到副本', 'en-US': 'Save to a copy instead' },
  targetOriginal: { 'zh-CN': '修改保存到“{file}”。', 'en-US': 'Changes are saved to "{file}".' },
  failed: { 'zh-CN': '操作失败:{reason}', 'en-US': 'That did not work: {reason}' },
  busy: { 'zh-CN': '请稍候…', 'en-US': 'Working…' },
  dismiss: { 'zh-CN': '知道了', 'en-US': 'Dismiss' },
});

/** A server text in the pane's language. */
export const inLocale = (text: Bilingual, locale: Locale): string => (locale === 'zh-CN' ? text.zh : text.en);

/** `14:02` today, `12-01 14:02` on another day, in local time. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay ? time : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}
