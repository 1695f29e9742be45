/**
 * The plain-edit shortcut on Univer's formula model (src/hosts/web/plainEditShortcut.ts): whatever
 * the sheet holds (values, formulas, shared formulas and their children) and whatever an edit
 * writes, the model answers exactly as Univer's own scan does; a plain edit skips the scan, and the
 * formula data the engine reads before each calculation is the same as Univer builds it.
 */
import type { ICellData, IObjectMatrixPrimitiveType, Nullable } from '@univerjs/core';
import { FormulaDataModel } from '@univerjs/engine-formula';
import fc from 'fast-check';
import { createHeadlessUniver, type HeadlessUniver } from '../../../src/hosts/web/univerHeadless';

const ROWS = 6;
const COLUMNS = 4;

/** A cell as a workbook holds it: a value, a formula, a shared formula's master or child. */
const storedCellArb: fc.Arbitrary<ICellData> = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((v) => ({ v })),
  fc.string({ maxLength: 3 }).map((v) => ({ v })),
  fc.constantFrom('=A1+1', '=SUM(A1:B2)', '=B$1*2').map((f) => ({ f })),
  fc.constantFrom('s1', 's2').map((si) => ({ f: '=A1*3', si })),
  fc.constantFrom('s1', 's2', 's3').map((si) => ({ si })),
);
/** A cell an edit writes: any of those, or a clear. */
const editedCellArb: fc.Arbitrary<Nullable<ICellData>> = fc.oneof(fc.constant(null), storedCellArb);

/** A sparse block of cells inside the sheet. */
function cellsArb<T>(density: number, cellArb: fc.Arbitrary<T>): fc.Arbitrary<IObjectMatrixPrimitiveType<T>> {
  return fc
    .array(fc.tuple(fc.nat(ROWS - 1), fc.nat(COLUMNS - 1), cellArb), { maxLength: Math.round(ROWS * COLUMNS * density) })
    .map((entries) => {
      const cells: IObjectMatrixPrimitiveType<T> = {};
      for (const [row, column, cell] of entries) (cells[row] ??= {})[column] = cell;
      return cells;
    });
}

let headless: HeadlessUniver;
let model: FormulaDataModel;

beforeAll(() => {
  headless = createHeadlessUniver('en-US');
  model = headless.univer.__getInjector().get(FormulaDataModel);
});
afterAll(() => headless.dispose());

/** A fresh workbook holding `cells` on its one sheet; returns its ids. */
function bookWith(cells: IObjectMatrixPrimitiveType<ICellData>): { unitId: string; sheetId: string } {
  const unitId = `book-${Math.random().toString(36).slice(2)}`;
  headless.api.createWorkbook({
    id: unitId,
    sheetOrder: ['sheet1'],
    sheets: { sheet1: { id: 'sheet1', name: 'Sheet1', rowCount: ROWS, columnCount: COLUMNS, cellData: cells } },
  });
  return { unitId, sheetId: 'sheet1' };
}

function dispose(unitId: string): void {
  headless.api.disposeUnit(unitId);
}

test('every edit, and the formula data of every sheet, get the answer of Univer’s own scan', () => {
  fc.assert(
    fc.property(cellsArb(0.8, storedCellArb), cellsArb(0.4, editedCellArb), (sheet, edit) => {
      const { unitId, sheetId } = bookWith(sheet);
      try {
        const answered = model.updateFormulaData(unitId, sheetId, edit);
        const scanned = FormulaDataModel.prototype.updateFormulaData.call(model, unitId, sheetId, edit);
        expect(answered).toEqual(scanned);
        expect(model.getFormulaData()).toEqual(FormulaDataModel.prototype.getFormulaData.call(model));
      } finally {
        dispose(unitId);
      }
    }),
    { numRuns: 300 },
  );
});

test('a plain edit over plain cells does not scan the workbook; one over a formula does', () => {
  const { unitId, sheetId } = bookWith({ 0: { 0: { v: 1 }, 1: { f: '=A1+1' } }, 1: { 0: { v: 'x' } } });
  const scans = jest.spyOn(model, 'getFormulaData');
  try {
    expect(model.updateFormulaData(unitId, sheetId, { 1: { 0: { v: 'call back' } }, 2: { 3: null } })).toEqual({});
    expect(scans).not.toHaveBeenCalled();
    model.updateFormulaData(unitId, sheetId, { 0: { 1: { v: 5 } } });
    expect(scans).toHaveBeenCalled();
    scans.mockClear();
    expect(model.updateFormulaData(unitId, sheetId, { 1: { 1: { f: '=A1*2' } } })).toEqual({ 1: { 1: { f: '=A1*2' } } });
    expect(scans).toHaveBeenCalled();
  } finally {
    scans.mockRestore();
    dispose(unitId);
  }
});

test('typing over a formula through the facade clears it, as without the shortcut', async () => {
  const { unitId } = bookWith({ 0: { 0: { v: 2 }, 1: { f: '=A1*10' } } });
  try {
    const sheet = headless.api.getWorkbook(unitId)!.getActiveSheet();
    sheet.getRange('A2').setValue('plain');
    sheet.getRange('B1').setValue(7);
    expect(sheet.getRange('B1').getFormula()).toBe('');
    expect(sheet.getRange('B1').getValue()).toBe(7);
    expect(model.getFormulaData()[unitId]?.sheet1?.[0]?.[1]).toBeUndefined();
  } finally {
    dispose(unitId);
  }
});
