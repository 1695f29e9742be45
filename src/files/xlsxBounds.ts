/**
 * Bounds a workbook must keep before any reader builds it: a file can be small and still unpack
 * into more than a browser tab can hold. Two real cases: apache/poi's poc-shared-strings.xlsx
 * (109 KB) repeats one 1 MB shared string in ~30,000 cells — 30 GB of cell text once each cell
 * holds its own copy — and a sheet whose only cell is XFD1048576 makes a grid of 17 billion cells
 * for every reader that fills it. Both are refused here in well under a second, naming the part.
 *
 * Counts from the XML text (see src/files/xlsxInventory.ts for why patterns, not a tree).
 */
import JSZip from 'jszip';
import { type Locale, columnIndex, columnLetter } from '../core';
import { fileError } from './xlsxGuard';

export const XLSX_BOUNDS = {
  /** Cells holding something, all sheets together. */
  cells: 5_000_000,
  /** Last row × last column of one sheet (a 1,000,000-row × 20-column sheet fits). */
  gridCells: 25_000_000,
  /** Characters of text in cells once shared strings are expanded (a snapshot over 256 MB is refused anyway). */
  textChars: 200_000_000,
} as const;

/** Lengths of the shared strings, by index (text of every <t> in each <si>). */
function sharedStringLengths(xml: string): number[] {
  const lengths: number[] = [];
  for (const si of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    let n = 0;
    for (const t of (si[1] ?? '').matchAll(/<(?:\w+:)?t\b[^>]*>([^<]*)</g)) n += (t[1] ?? '').length;
    lengths.push(n);
  }
  return lengths;
}

/** Throws a WorkbookFileError naming the file and the part when the workbook is past XLSX_BOUNDS. */
export async function checkXlsxBounds(bytes: Uint8Array, fileName: string, locale: Locale): Promise<void> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const sst = zip.file('xl/sharedStrings.xml');
  const lengths = sst ? sharedStringLengths(await sst.async('string')) : [];
  let cells = 0;
  let text = 0;
  const refuse = (detail: string) => fileError('tooLarge', locale, fileName, detail);
  const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n));
  for (const part of parts) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    let lastRow = 0;
    let lastColumn = 0;
    let farthest = '';
    for (const row of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(\/?)>/g)) {
      const r = Number(/\sr="(\d+)"/.exec(row[1] ?? '')?.[1] ?? 0);
      if (r > lastRow) lastRow = r;
    }
    for (const cell of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const open = cell[1] ?? '';
      const ref = /\sr="([A-Z]{1,3})(\d+)"/i.exec(open);
      if (ref) {
        const column = columnIndex(ref[1] as string) + 1;
        const row = Number(ref[2]);
        if (column > lastColumn) lastColumn = column;
        if (row > lastRow) lastRow = row;
        if (column * row >= lastColumn * lastRow) farthest = `${(ref[1] as string).toUpperCase()}${row}`;
      }
      const body = cell[2] ?? '';
      if (body === '') continue;
      cells++;
      if (/\st="s"/.test(open)) text += lengths[Number(/<(?:\w+:)?v>(\d+)</.exec(body)?.[1] ?? -1)] ?? 0;
      else text += body.length;
    }
    if (lastRow * Math.max(lastColumn, 1) > XLSX_BOUNDS.gridCells)
      throw refuse(
        locale === 'zh-CN'
          ? `${part} 延伸到 ${farthest || `${columnLetter(lastColumn - 1)}${lastRow}`},共 ${lastRow.toLocaleString('en-US')} 行 × ${lastColumn.toLocaleString('en-US')} 列`
          : `${part} reaches ${farthest || `${columnLetter(lastColumn - 1)}${lastRow}`}, ${lastRow.toLocaleString('en-US')} rows × ${lastColumn.toLocaleString('en-US')} columns`,
      );
    if (cells > XLSX_BOUNDS.cells)
      throw refuse(
        locale === 'zh-CN'
          ? `${part}:超过 ${XLSX_BOUNDS.cells.toLocaleString('en-US')} 个单元格`
          : `${part}: more than ${XLSX_BOUNDS.cells.toLocaleString('en-US')} cells`,
      );
    if (text > XLSX_BOUNDS.textChars) {
      const megabytes = Math.round(text / 1024 / 1024);
      throw refuse(
        locale === 'zh-CN'
          ? `${part} 的单元格重复引用 xl/sharedStrings.xml 中的长文本,展开后超过 ${megabytes} MB`
          : `${part}'s cells repeat long texts of xl/sharedStrings.xml: over ${megabytes} MB once expanded`,
      );
    }
  }
}
