/**
 * A CRM export as the import reads it: a CSV (any encoding and separator src/files/csv.ts knows) or
 * one sheet of an .xlsx, as header + rows of values. Shared by the command line and the pane's
 * import tab; the .xlsx reader (ExcelJS) is loaded only when an .xlsx comes, so the pane's chunk
 * for CSV stays small.
 */
import type { CellValue, Locale, RawTable } from '../core';
import { parseCsv } from './csv';
import { WorkbookFileError } from './xlsxGuard';

export interface ExportTable {
  readonly table: RawTable;
  /** The .xlsx's sheets (the chosen one first is not implied), empty for a CSV. */
  readonly sheets: readonly string[];
  readonly sheet?: string;
  /** The CSV's encoding, for the preview. */
  readonly encoding?: string;
}

const MESSAGES = {
  kind: (name: string) => ({
    'zh-CN': `只能导入 .csv 或 .xlsx 文件:${name}`,
    'en-US': `The export must be a .csv or .xlsx file: ${name}`,
  }),
  noSheet: (name: string, sheet: string, sheets: readonly string[]) => ({
    'zh-CN': `${name} 中没有工作表“${sheet}”。其中的工作表:${sheets.join('、')}。`,
    'en-US': `${name} has no sheet "${sheet}". Its sheets: ${sheets.join(', ')}.`,
  }),
  noHeader: (name: string) => ({ 'zh-CN': `${name} 没有表头行。`, 'en-US': `${name} has no header row.` }),
  notText: (name: string, kind: string) => ({
    'zh-CN': `${name} 不是 CSV 文本文件,而是${kind}:请把它另存为 CSV,或${kind.startsWith('.xlsx') ? '把文件名改回 .xlsx 后' : ''}重新选择。没有导入任何内容。`,
    'en-US': `${name} is not a CSV text file but ${kind}: save it as CSV${kind.startsWith('.xlsx') ? ', or give it back its .xlsx name,' : ''} and choose it again. Nothing was imported.`,
  }),
};

/** What a file's first bytes say it is when it is not text, or undefined for text (any encoding). */
export function binaryKindOf(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    // An .xlsx is a zip whose entries include xl/…; any other zip is still not a CSV.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65_536)));
    return head.includes('xl/') || head.includes('[Content_Types].xml') ? '.xlsx (Excel workbook)' : '.zip';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return '.xls (Excel 97-2003 workbook)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return '.pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46)) return 'an image';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return undefined;
  // Text in UTF-8 or GB18030 never holds a NUL byte; a BOM-less UTF-16 export holds one in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let nuls = 0;
  for (const b of sample) if (b === 0) nuls++;
  if (nuls === 0 || nuls * 3 > sample.length) return undefined;
  return 'binary data';
}

/** Whether a file name is one the import reads. */
export const isExportFile = (name: string): boolean => /\.(csv|txt|tsv|xlsx)$/i.test(name);

/** The export's table: a CSV, or the sheet `sheet` (else the first) of an .xlsx. */
export async function readExportTable(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly sheet?: string; readonly locale: Locale },
): Promise<ExportTable> {
  const { locale } = options;
  if (!isExportFile(fileName)) throw new WorkbookFileError(MESSAGES.kind(fileName)[locale]);
  let grid: CellValue[][];
  let sheets: string[] = [];
  let chosenName: string | undefined;
  let encoding: string | undefined;
  if (!/\.xlsx$/i.test(fileName)) {
    const binary = binaryKindOf(bytes);
    if (binary !== undefined) throw new WorkbookFileError(MESSAGES.notText(fileName, binary)[locale]);
    const parsed = parseCsv(bytes);
    encoding = parsed.encoding;
    grid = parsed.rows.map((row) => Array.from({ length: parsed.columnCount }, (_v, c) => row[c]?.v ?? null));
  } else {
    const { readXlsx } = await import('./xlsxRead');
    const { snapshot } = await readXlsx(bytes, fileName, locale);
    const all = snapshot.sheetOrder.map((id) => snapshot.sheets[id]).filter((s) => s !== undefined);
    sheets = all.map((s) => s?.name ?? '');
    const chosen = options.sheet === undefined ? all[0] : all.find((s) => s?.name === options.sheet);
    if (!chosen) throw new WorkbookFileError(MESSAGES.noSheet(fileName, options.sheet ?? '', sheets)[locale]);
    chosenName = chosen.name;
    const cells = chosen.cellData ?? {};
    const rowCount = Math.max(-1, ...Object.keys(cells).map(Number)) + 1;
    const width = Math.max(0, ...Object.values(cells).flatMap((row) => Object.keys(row ?? {}).map((c) => Number(c) + 1)));
    grid = Array.from({ length: rowCount }, (_r, r) =>
      Array.from({ length: width }, (_c, c) => {
        const value = cells[r]?.[c]?.v;
        return value === undefined || value === null ? null : (value as CellValue);
      }),
    );
  }
  const [header = [], ...rows] = grid;
  if (header.every((h) => h === null)) throw new WorkbookFileError(MESSAGES.noHeader(fileName)[locale]);
  return {
    table: { headers: header.map((h) => (h === null ? '' : String(h))), rows },
    sheets,
    ...(chosenName !== undefined ? { sheet: chosenName } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  };
}
