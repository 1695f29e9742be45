/**
 * The in-memory reference port against the shared WorkbookPort contract. MemoryWorkbook does not
 * calculate: formula cells hold (and read back as) their text.
 */
import { cellAddress } from '../../src/core';
import { MemoryWorkbook } from './memoryWorkbook';
import { type CellContent, describePortContract } from './portContract';

describePortContract('MemoryWorkbook', async () => {
  const workbook = new MemoryWorkbook();
  return {
    port: workbook,
    computes: false,
    rawCell(sheetName: string, row: number, column: number): CellContent {
      const sheet = workbook.sheet(sheetName);
      const dataRow = row - sheet.headerRow - 1;
      const value = sheet.rows[dataRow]?.[column] ?? null;
      return sheet.formulas.has(`${dataRow}:${column}`) ? { formula: String(value) } : value;
    },
    select(sheetName: string, row: number, column: number): void {
      workbook.selection = { sheet: sheetName, row, col: column };
    },
  };
});

test('MemoryWorkbook records formulas inserted at the selection', async () => {
  const workbook = new MemoryWorkbook();
  workbook.selection = { sheet: 'Sheet1', row: 4, col: 1 };
  await workbook.insertFormulaAtSelection('=SALES.GAP(A1,B1)');
  expect(workbook.insertedFormulas).toEqual([{ sheetName: 'Sheet1', address: cellAddress(4, 1), formula: '=SALES.GAP(A1,B1)' }]);
});
