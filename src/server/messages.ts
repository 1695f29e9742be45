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
  versionSetAside: (revision: number, aside: string): Bilingual => ({
    zh: `第 ${revision} 版已损坏,已改名为“${aside}”,现在打开的是最新的完好版本。`,
    en: `Version ${revision} was damaged and set aside as "${aside}"; the newest good version is open.`,
  }),
  badSnapshot: (why: string): Bilingual => ({
    zh: `保存的内容不是可打开的工作簿(${why})。`,
    en: `What was sent is not a workbook snapshot the page can open (${why}).`,
  }),
  restoredFrom: (revision: number): Bilingual => ({ zh: `恢复到第 ${revision} 版`, en: `Restored version ${revision}` }),
  restoredKept: (file: string): Bilingual => ({
    zh: `恢复到${file.startsWith('outside') ? '外部修改的版本' : '原始文件'}`,
    en: `Restored the ${file.startsWith('outside') ? 'outside change' : 'original file'}`,
  }),
  noKeptFile: (file: string): Bilingual => ({ zh: `版本历史中没有“${file}”。`, en: `The version history has no "${file}".` }),
  noVersion: (revision: number): Bilingual => ({ zh: `没有第 ${revision} 版。`, en: `There is no version ${revision}.` }),
} as const;

/** What the store tells the page about the user's file: where the work goes and why. */
export const FILE_MESSAGES = {
  lossy: (file: string, copy: string, lost: Bilingual): Bilingual => ({
    zh: `“${file}”含有网页表格无法保留的内容:${lost.zh}。为不丢失任何内容,原文件不会被改写;你的修改保存到旁边的副本“${copy}”。也可以在“文件”页选择“转换原文件”(会丢失上述内容,原文件的原样备份留在版本历史中)。`,
    en: `"${file}" holds what the web spreadsheet cannot keep: ${lost.en}. So nothing is lost, the file itself is not written; your changes are saved to the copy beside it, "${copy}". You can also choose "Convert the original" in the File tab (this loses the above; the file as it was stays in the version history).`,
  }),
  readOnly: (file: string, copy: string): Bilingual => ({
    zh: `“${file}”是只读文件,已以只读方式打开,不会被改写;你的修改保存到旁边的副本“${copy}”。`,
    en: `"${file}" is read-only: it is open read-only and is never replaced; your changes are saved to the copy beside it, "${copy}".`,
  }),
  unreadable: (file: string, copy: string, why: string): Bilingual => ({
    zh: `无法读取“${file}”:${why} 原文件保持原样(未改名、未替换)。这里打开的是空白工作簿,修改保存到“${copy}”。`,
    en: `Could not read "${file}": ${why} The file stays exactly as it is (not renamed, not replaced). A blank workbook is open here; changes are saved to "${copy}".`,
  }),
  changedUnreadable: (file: string, why: string): Bilingual => ({
    zh: `“${file}”在别处被修改过,但无法读取:${why} 已打开上次保存的版本;该文件不会被覆盖。`,
    en: `"${file}" was changed outside but cannot be read: ${why} The last saved version is open; the file will not be overwritten.`,
  }),
  outsideChange: (file: string): Bilingual => ({
    zh: `另一个程序修改了此文件“${file}”。对方的版本已保留在版本历史中;在你选择“重新加载”(打开对方的版本)或“保留我的”(用你的版本覆盖)之前,不会写入该文件。`,
    en: `Another program changed "${file}". Its version is kept in the version history; the file is not written until you choose Reload (open that version) or Keep mine (overwrite it with yours).`,
  }),
  locked: (file: string, lock: string): Bilingual => ({
    zh: `“${file}”正在其他程序中打开(锁文件 ${lock}):修改已保存在版本历史中,关闭该程序后自动写入文件。`,
    en: `"${file}" is open in another program (lock file ${lock}): changes are kept in the version history and written to the file once it is closed.`,
  }),
  exportFailed: (file: string, why: Bilingual): Bilingual => ({
    zh: `最近的修改未写入“${file}”:${why.zh}。修改保存在版本历史中,问题解决后会自动重试。`,
    en: `The last change is not saved to "${file}": ${why.en}. It is kept in the version history and retried by itself.`,
  }),
  diskFull: (): Bilingual => ({ zh: '磁盘已满,请腾出空间', en: 'the disk is full; free some space' }),
  noPermission: (): Bilingual => ({ zh: '没有写入权限', en: 'there is no permission to write it' }),
  historySymlink: (folder: string): Bilingual => ({
    zh: `拒绝使用版本历史文件夹“${folder}”:它是指向别处的符号链接。`,
    en: `Refused: the version history folder "${folder}" is a symbolic link pointing elsewhere.`,
  }),
} as const;

/** Why a write failed, in words a user can act on. */
export function writeFailure(error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return FILE_MESSAGES.diskFull();
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return FILE_MESSAGES.noPermission();
  const text = error instanceof Error ? error.message : String(error);
  return { zh: text, en: text };
}
