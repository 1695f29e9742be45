/**
 * Office.js errors as messages a user can act on, in the pane's language (zh-CN / en-US): what went
 * wrong and what to do. Shared by template insertion, table reads/writes and formula insertion.
 */
import type { Locale, Localized } from '../../core';
import { WorkbookError } from '../../workbook/port';

const MESSAGES = {
  cellEdit: {
    'zh-CN': 'Excel 正在编辑单元格。请按 Enter 或 Esc 退出编辑,然后重试。',
    'en-US': 'Excel is editing a cell. Press Enter or Esc to leave the cell, then try again.',
  },
  protected: {
    'zh-CN': '工作簿或工作表受保护,无法写入。请在“审阅”选项卡撤消工作簿/工作表保护后重试。',
    'en-US': 'The workbook or sheet is protected. Unprotect it (Review › Unprotect Workbook / Sheet), then try again.',
  },
  busy: {
    'zh-CN': 'Excel 正忙或连接中断。请稍候片刻再试。',
    'en-US': 'Excel is busy or the connection dropped. Wait a moment, then try again.',
  },
  conflict: {
    'zh-CN': '工作簿正在被他人或其他操作修改。请稍候再试。',
    'en-US': 'The workbook is being changed by someone else or another operation. Try again in a moment.',
  },
  nameTaken: {
    'zh-CN': '名称刚被占用(可能是其他人同时插入了同名工作表或表格)。请重试,将自动使用新名称。',
    'en-US': 'That name was just taken (someone may have inserted the same sheet or table). Try again: a new name is picked automatically.',
  },
  tooLarge: {
    'zh-CN': '一次写入的数据过多。请减少行数(或空白行数)后重试。',
    'en-US': 'Too much data for one write. Write fewer rows (or blank rows), then try again.',
  },
  unsupported: {
    'zh-CN': '此版本的 Excel 不支持所需功能。请更新 Office(需要 ExcelApi 1.9 或更高版本)。',
    'en-US': 'This version of Excel lacks a feature the add-in needs. Update Office (ExcelApi 1.9 or later is required).',
  },
  notFound: {
    'zh-CN': '找不到工作表“{sheet}”,它可能已被重命名或删除。请刷新列表后重试。',
    'en-US': 'Sheet "{sheet}" was not found: it may have been renamed or deleted. Refresh the list, then try again.',
  },
  responseTooLarge: {
    'zh-CN': 'Excel 一次返回的数据过多(某一行可能过大)。请缩短过长的单元格内容后重试。',
    'en-US': 'Excel returned too much data at once (a row may be very large). Shorten very long cells, then try again.',
  },
  tableNotFound: {
    'zh-CN': '找不到表格“{table}”(工作表“{sheet}”),它可能已被重命名或删除。请刷新后重试。',
    'en-US': 'Table "{table}" (sheet "{sheet}") was not found: it may have been renamed or deleted. Refresh, then try again.',
  },
  noTable: {
    'zh-CN': '工作表“{sheet}”中没有表格,第 2 行也没有标题。请先插入模板或恢复标题行。',
    'en-US': 'Sheet "{sheet}" has no table and no header on row 2. Insert the template first, or restore the header row.',
  },
  sheetProtected: {
    'zh-CN': '工作表“{sheet}”受保护,无法写入。请在“审阅”选项卡撤消工作表保护后重试,未写入任何内容。',
    'en-US': 'Sheet "{sheet}" is protected. Unprotect it (Review › Unprotect Sheet), then try again; nothing was written.',
  },
  notExtended: {
    'zh-CN':
      '新行已写在工作表“{sheet}”的表格下方,但表格没有自动扩展(此 Excel 低于 ExcelApi 1.13,且“自动更正 › 键入时自动套用格式 › 表中包含新行和列”已关闭)。请在“表设计 › 调整表格大小”中把这些行包含进表格。',
    'en-US':
      'The new rows were written below the table on sheet "{sheet}", but the table did not grow (this Excel is below ExcelApi 1.13 and AutoCorrect › AutoFormat As You Type › "Include new rows and columns in table" is off). Extend it with Table Design › Resize Table.',
  },
  unknown: {
    'zh-CN': 'Excel 未能完成操作({detail})。请重试;若仍失败,请保存工作簿后重新打开。',
    'en-US': 'Excel could not finish ({detail}). Try again; if it keeps failing, save the workbook and reopen it.',
  },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * A batch failed after it added a sheet of its own: Office.js applied the commands before the
 * failing one, so the sheet is half-built and is to be taken away (all or nothing) before `cause`
 * is reported.
 */
export class HalfBuiltSheet extends Error {
  constructor(
    readonly sheetName: string,
    override readonly cause: unknown,
  ) {
    super(`half-built sheet ${sheetName}`);
  }
}

const CODE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  InvalidOperationInCellEditMode: 'cellEdit',
  AccessDenied: 'protected',
  ItemAlreadyExists: 'nameTaken',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  PayloadTooLarge: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'responseTooLarge',
  ApiNotFound: 'unsupported',
  UnsupportedOperation: 'unsupported',
  Conflict: 'conflict',
  InsertDeleteConflict: 'conflict',
  ActivityLimitReached: 'busy',
  RequestAborted: 'busy',
  ServiceNotAvailable: 'busy',
  Timeout: 'busy',
  ItemNotFound: 'notFound',
};

interface OfficeLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly debugInfo?: { readonly errorLocation?: unknown };
}

export const errorCode = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null ? (error as OfficeLikeError).code : undefined;
  return typeof code === 'string' ? code : '';
};

export const errorLocation = (error: unknown): string => {
  const where = typeof error === 'object' && error !== null ? (error as OfficeLikeError).debugInfo?.errorLocation : undefined;
  return typeof where === 'string' ? where : '';
};

/** A message of the table, with `{sheet}` / `{table}` filled in. */
export function excelMessage(key: MessageKey, locale: Locale, names: { readonly sheet?: string; readonly table?: string } = {}): string {
  return MESSAGES[key][locale].replace('{sheet}', names.sheet ?? '').replace('{table}', names.table ?? '');
}

/**
 * An Office.js error as a message the user can act on, in the pane's language. With a table name,
 * "not found" names the table (a renamed table is likelier than a deleted sheet).
 */
export function toWorkbookError(error: unknown, locale: Locale, sheet?: string, table?: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  let key = CODE_MESSAGES[code] ?? 'unknown';
  if (key === 'notFound' && table !== undefined) key = 'tableNotFound';
  const raw = typeof error === 'object' && error !== null ? (error as OfficeLikeError).message : error;
  const detail = [code, typeof raw === 'string' ? raw : String(raw)].filter((part) => part !== '').join(': ');
  const message = excelMessage(key, locale, { sheet, table }).replace('{detail}', detail);
  return new WorkbookError(message, sheet);
}
