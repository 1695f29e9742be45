/**
 * What the Google Sheets host wrote, computed by an independent engine: the fake's cells (values,
 * formulas spelled back to `SALES.X`, number formats) become a Univer snapshot that headless Univer
 * opens and calculates, and each cell's displayed text is read back. Sheets itself cannot run here;
 * this checks that what we wrote means the documents' numbers in a real formula engine.
 */
import { CellValueType, type ICellData, type IWorkbookData } from '@univerjs/core';
import { type Locale, spellSalesCalls } from '../../../src/core';
import { createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import type { FakeSheets } from './fakeSheets';

export type ShownCell = (sheet: string, row: number, column: number) => string;

function snapshotOf(fake: FakeSheets, rows: number, columns: number): IWorkbookData {
  const styles: Record<string, { n: { pattern: string } }> = {};
  const sheets: IWorkbookData['sheets'] = {};
  const sheetOrder: string[] = [];
  fake.sheetNames().forEach((name, index) => {
    const id = `sheet${index}`;
    sheetOrder.push(id);
    const cellData: Record<number, Record<number, ICellData>> = {};
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const cell = fake.cell(name, r, c);
        if (!cell || (cell.value === undefined && cell.formula === undefined)) continue;
        const data: ICellData = {};
        if (cell.formula !== undefined) data.f = spellSalesCalls(cell.formula, '.');
        else if (typeof cell.value === 'number') Object.assign(data, { v: cell.value, t: CellValueType.NUMBER });
        else if (typeof cell.value === 'boolean') Object.assign(data, { v: cell.value ? 1 : 0, t: CellValueType.BOOLEAN });
        else Object.assign(data, { v: cell.value, t: CellValueType.STRING });
        if (cell.format && cell.format !== 'General' && cell.format !== '@') {
          const style = `n${Object.keys(styles).length}`;
          styles[style] = { n: { pattern: cell.format } };
          data.s = style;
        }
        (cellData[r] ??= {})[c] = data;
      }
    }
    sheets[id] = { id, name, cellData, rowCount: Math.max(rows, 100), columnCount: Math.max(columns, 20) };
  });
  return {
    id: 'fake',
    name: 'fake',
    appVersion: '',
    locale: 'zhCN' as IWorkbookData['locale'],
    styles,
    sheetOrder,
    sheets,
  } as IWorkbookData;
}

/** Opens the fake's first `rows` × `columns` of every sheet in Univer, computes, and reads shown text. */
export async function computeInUniver(fake: FakeSheets, locale: Locale, today: number, rows = 40, columns = 26): Promise<ShownCell> {
  const host = createHeadlessUniver(locale, { today });
  try {
    const book = host.api.createWorkbook(snapshotOf(fake, rows, columns));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await host.api.getFormula().onCalculationResultApplied();
    const shown = new Map<string, string[][]>();
    for (const sheet of book.getSheets()) {
      const grid: string[][] = [];
      for (let r = 0; r < rows; r++) {
        const line: string[] = [];
        for (let c = 0; c < columns; c++) {
          const range = sheet.getRange(r, c);
          const data = range.getCellData();
          // Univer's headless display of a boolean is 1/0; a spreadsheet shows TRUE/FALSE.
          if (data?.t === CellValueType.BOOLEAN) line.push(data.v === 1 || data.v === true ? 'TRUE' : 'FALSE');
          else line.push(String(range.getDisplayValue() ?? ''));
        }
        grid.push(line);
      }
      shown.set(sheet.getSheetName(), grid);
    }
    return (sheet, row, column) => shown.get(sheet)?.[row]?.[column] ?? '';
  } finally {
    await host.dispose();
  }
}
