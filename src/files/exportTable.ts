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
};

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
