/**
 * A sheet's Excel tables, written as table parts beside ExcelJS's streaming worksheet (which has
 * none of its own), under their own names.
 */
import TableXform from 'exceljs/lib/xlsx/xform/table/table-xform';
import { rangeAddress } from '../core';
import type { SheetSnapshot, SnapshotTable } from './snapshot';
import type { SheetContext, StreamWorkbook, StreamWorksheet } from './xlsxStream';

const TABLE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

function uniqueHeaderNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() === '' ? `Column${i + 1}` : raw;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Excel table names: a letter or `_` first, then letters, digits, `_` and `.`. */
const safeTableName = (name: string): string => {
  const cleaned = name.replace(/[^\p{L}\p{N}_.]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
};

/**
 * Excel tables. The streaming writer has none of its own: the table part, its relationship and the
 * sheet's <tableParts> are added around it, as ExcelJS's in-memory writer writes them.
 */
export function writeTables(
  wb: StreamWorkbook,
  ws: StreamWorksheet,
  tables: readonly SnapshotTable[],
  cellData: SheetSnapshot['cellData'],
  ctx: SheetContext,
): void {
  const parts: string[] = [];
  for (const table of tables) {
    const { range } = table;
    const width = range.endColumn - range.startColumn + 1;
    const headers = uniqueHeaderNames(
      Array.from({ length: width }, (_, i) => String(cellData?.[range.startRow]?.[range.startColumn + i]?.v ?? '')),
    );
    // Excel tables need at least one data row.
    const endRow = Math.max(range.endRow, range.startRow + 1);
    const number = ctx.tables.length + 1;
    const target = `table${number}.xml`;
    const ref = rangeAddress(range.startRow, range.startColumn, endRow, range.endColumn);
    const model = {
      id: number,
      name: safeTableName(table.name),
      displayName: safeTableName(table.name),
      tableRef: ref,
      autoFilterRef: ref,
      headerRow: true,
      totalsRow: false,
      columns: headers.map((header) => ({ name: header, filterButton: true })),
      style: { theme: 'TableStyleLight9', showRowStripes: true },
    };
    const xform = new TableXform();
    xform.prepare(model, {});
    wb.zip.append(xform.toXml(model), { name: `xl/tables/${target}` });
    ctx.tables.push({ target });
    parts.push(ws._sheetRelsWriter.addRelationship({ Type: TABLE_RELATIONSHIP, Target: `../tables/${target}` }));
  }
  if (parts.length === 0) return;
  const writeLegacyData = ws._writeLegacyData.bind(ws);
  // <tableParts> comes after <legacyDrawing>, last before </worksheet> (ECMA-376 CT_Worksheet order).
  ws._writeLegacyData = () => {
    writeLegacyData();
    ws._write(`<tableParts count="${parts.length}">${parts.map((rId) => `<tablePart r:id="${rId}"/>`).join('')}</tableParts>`);
  };
}
