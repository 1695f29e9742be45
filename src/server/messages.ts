/**
 * What the server tells the page, in both languages (the page shows the one it runs in). The page
 * and the command line show these texts as they are.
 */
import type { Bilingual } from '../workbook/files';

export type { Bilingual };

export const STORE_MESSAGES = {
  outsideEdit: (file: string): Bilingual => ({
    zh: `“${file}”在别处被修改过,已打开修改后的文件;之前的版本保留在版本历史中。`,
    en: `"${file}" was changed outside; the changed file is open, and the earlier version is kept in the version history.`,
  }),
  notImported: (file: string, parts: readonly string[], kept: string): Bilingual => ({
    zh: `“${file}”中的以下内容无法在网页表格中显示,未导入:${parts.join('、')}。原文件已原样保存为 ${kept}。`,
    en: `"${file}" holds what the web spreadsheet cannot show, so it was not brought in: ${parts.join(', ')}. The file as it was is kept as ${kept}.`,
  }),
  xlsxSetAside: (file: string, aside: string, why: string): Bilingual => ({
    zh: `无法打开“${file}”,已将其改名为“${aside}”保留。${why}`,
    en: `"${file}" could not be opened and was set aside as "${aside}". ${why}`,
  }),
  versionSetAside: (revision: number, aside: string): Bilingual => ({
    zh: `第 ${revision} 版已损坏,已改名为“${aside}”,现在打开的是最新的完好版本。`,
    en: `Version ${revision} was damaged and set aside as "${aside}"; the newest good version is open.`,
  }),
  badSnapshot: (): Bilingual => ({ zh: '保存的内容不是工作簿。', en: 'What was sent is not a workbook snapshot.' }),
  noVersion: (revision: number): Bilingual => ({ zh: `没有第 ${revision} 版。`, en: `There is no version ${revision}.` }),
} as const;
