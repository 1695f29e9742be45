/**
 * The shared case table (test/cases/functions.json) run THROUGH UNIVER: each case's arguments are
 * written into cells (blank cells left empty, ranges as blocks, error arguments as formulas that
 * produce them), `=SALES.<FN>(refs…)` is written beside them, Univer calculates, and the cell (or
 * its spill) is read back and compared. One headless Univer for the file; one sheet and one
 * calculation per distinct `today`.
 */

import { IDescriptionService } from '@univerjs/sheets-formula';
import { CellValueType, type ICellData, type IObjectMatrixPrimitiveType } from '@univerjs/core';
import { type ErrorValueObject, FormulaDataModel, IFunctionService } from '@univerjs/engine-formula';
import type { FWorksheet } from '@univerjs/sheets/facade';
import { FUNCTIONS, FUNCTION_MESSAGES, type Locale, evaluate, rangeAddress } from '../../../src/core';
import { argFromUniver, resultToUniver, salesFunctionName } from '../../../src/hosts/web/univerFunctions';
import { type HeadlessUniver, createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import {
  type Expected,
  type FunctionCase,
  type JsonArg,
  type JsonCell,
  caseName,
  expectMatches,
  loadFunctionCases,
  todayOf,
} from '../../cases/cases';

const cases = loadFunctionCases();

/** Formulas that produce each error value in a cell. */
const ERROR_FORMULAS: Readonly<Record<string, string>> = {
  '#DIV/0!': '=1/0',
  '#N/A': '=NA()',
  '#VALUE!': '=VALUE("x")',
  '#NUM!': '=SQRT(-1)',
};

/** Cases that cannot be expressed through Univer cells, with the reason (none so far). */
const SKIPPED: ReadonlyMap<string, string> = new Map();

const asMatrix = (arg: JsonArg): JsonCell[][] => (Array.isArray(arg) ? arg : [[arg]]);

function cellOf(value: JsonCell): ICellData | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string')
    return ERROR_FORMULAS[value] !== undefined ? { f: ERROR_FORMULAS[value] } : { v: value, t: CellValueType.STRING };
  if (typeof value === 'boolean') return { v: value, t: CellValueType.BOOLEAN };
  return { v: value, t: CellValueType.NUMBER };
}

interface Placed {
  readonly c: FunctionCase;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** Lays the cases out top to bottom: arguments side by side, the formula after them, a gap row below. */
function layout(group: readonly FunctionCase[]): {
  placed: Placed[];
  cells: IObjectMatrixPrimitiveType<ICellData>;
  rows: number;
  cols: number;
} {
  const cells: IObjectMatrixPrimitiveType<ICellData> = {};
  const placed: Placed[] = [];
  let top = 0;
  let maxCols = 0;
  for (const c of group) {
    let left = 0;
    let height = 1;
    const refs: string[] = [];
    for (const arg of c.args) {
      const m = asMatrix(arg);
      m.forEach((row, r) =>
        row.forEach((value, k) => {
          const data = cellOf(value);
          if (data !== undefined) (cells[top + r] ??= {})[left + k] = data;
        }),
      );
      const rows = m.length;
      const cols = m[0]?.length ?? 1;
      refs.push(
        rows === 1 && cols === 1
          ? (rangeAddress(top, left, top, left).split(':')[0] ?? '')
          : rangeAddress(top, left, top + rows - 1, left + cols - 1),
      );
      left += cols + 1;
      height = Math.max(height, rows);
    }
    const formula = `=${`SALES.${c.fn}`}(${refs.join(',')})`;
    (cells[top] ??= {})[left] = { f: formula };
    const expected = Array.isArray(c.expected) ? c.expected : [[c.expected]];
    height = Math.max(height, expected.length);
    maxCols = Math.max(maxCols, left + (expected[0]?.length ?? 1) + 1);
    placed.push({ c, row: top, col: left, formula });
    top += height + 1;
  }
  return { placed, cells, rows: top, cols: maxCols };
}

let host: HeadlessUniver;
let currentToday = 0;
const results = new Map<string, { readonly actual: unknown; readonly formula: string }>();

/** The value of a result cell as a JSON cell (errors arrive as their spelling, booleans as 1/0 with t=3). */
function jsonOf(cell: ICellData | null | undefined | void): JsonCell {
  if (!cell || cell.v === null || cell.v === undefined) return null;
  if (cell.t === CellValueType.BOOLEAN) return cell.v === true || cell.v === 1 || cell.v === '1' || cell.v === 'TRUE';
  if (typeof cell.v === 'number' || typeof cell.v === 'string' || typeof cell.v === 'boolean') return cell.v;
  return null;
}

/** The formula cell's result: its spill as a matrix when it spilled, else the one value. */
function readResult(sheet: FWorksheet, unitId: string, row: number, col: number): Expected {
  const model = host.univer.__getInjector().get(FormulaDataModel);
  const spill = model.getArrayFormulaRange()[unitId]?.[sheet.getSheetId()]?.[row]?.[col];
  if (spill) {
    const data = model.getArrayFormulaCellData()[unitId]?.[sheet.getSheetId()];
    const out: JsonCell[][] = [];
    for (let r = spill.startRow; r <= spill.endRow; r++) {
      const line: JsonCell[] = [];
      for (let c = spill.startColumn; c <= spill.endColumn; c++) line.push(jsonOf(data?.[r]?.[c]));
      out.push(line);
    }
    return out;
  }
  return jsonOf(sheet.getRange(row, col).getCellData());
}

beforeAll(async () => {
  host = createHeadlessUniver('en-US', { today: () => currentToday });
  const workbook = host.api.getActiveWorkbook();
  if (!workbook) throw new Error('no workbook');
  const groups = new Map<number, FunctionCase[]>();
  for (const c of cases) if (!SKIPPED.has(caseName(c))) (groups.get(todayOf(c)) ?? groups.set(todayOf(c), []).get(todayOf(c)))?.push(c);

  for (const [today, group] of groups) {
    currentToday = today;
    const { placed, cells, rows, cols } = layout(group);
    const sheet = workbook.insertSheet(`Cases ${today}`);
    if (sheet.getMaxRows() < rows) sheet.setRowCount(rows);
    if (sheet.getMaxColumns() < cols) sheet.setColumnCount(cols);
    sheet.getRange(0, 0, rows, cols).setValues(cells);
    await host.api.getFormula().onCalculationResultApplied();
    for (const p of placed) results.set(caseName(p.c), { actual: readResult(sheet, workbook.getId(), p.row, p.col), formula: p.formula });
  }
}, 120_000);

afterAll(async () => {
  await host?.dispose();
});

describe('case table functions.json through Univer (SALES.* registered from the catalogue)', () => {
  test.each(cases.filter((c) => !SKIPPED.has(caseName(c))).map((c) => [caseName(c), c] as const))('%s', (name, c) => {
    const result = results.get(name);
    expect(result).toBeDefined();
    try {
      expectMatches(result?.actual, c.expected, c.precision);
    } catch (error) {
      throw new Error(`${result?.formula}: ${(error as Error).message}`);
    }
  });

  test('no case is skipped', () => {
    expect([...SKIPPED.entries()]).toEqual([]);
  });
});

describe('registration', () => {
  test('every catalogue function is registered as SALES.<ID>, with a description in the UI language', () => {
    const injector = host.univer.__getInjector();
    // The description service is made when first asked for (the browser's formula UI asks at start).
    injector.get(IDescriptionService);
    const functionService = injector.get(IFunctionService);
    for (const spec of FUNCTIONS) {
      expect(functionService.hasExecutor(salesFunctionName(spec))).toBe(true);
      const description = functionService.getDescription(salesFunctionName(spec));
      expect(description?.description).toBe(spec.description['en-US']);
      expect(description?.functionParameter.map((p) => p.name)).toEqual(spec.params.map((p) => p.name['en-US']));
    }
  });

  test('a blank cell argument stays blank (not 0), and the result cell is blank', async () => {
    const workbook = host.api.getActiveWorkbook();
    const sheet = workbook?.insertSheet('Blank');
    if (!sheet) throw new Error('no sheet');
    sheet.getRange('B1').setValue(180);
    sheet.getRange('C1').setValue({ f: '=SALES.ATTAINMENT(A1,B1)' });
    sheet.getRange('D1').setValue({ f: '=SALES.GAP(A1,B1)' });
    sheet.getRange('E1').setValue({ f: '=SALES.ATTAINMENT(165,B1)' });
    sheet.getRange('F1').setValue({ f: '=SALES.ATTAINMENT(165)' });
    await host.api.getFormula().onCalculationResultApplied();
    expect(sheet.getRange('C1').getRawValue()).toBeNull();
    expect(sheet.getRange('D1').getRawValue()).toBeNull();
    expect(sheet.getRange('C1').getDisplayValue()).toBe('');
    expect(sheet.getRange('E1').getRawValue()).toBeCloseTo(165 / 180, 12);
    expect(sheet.getRange('F1').getRawValue()).toBe('#N/A'); // too few arguments (Univer's own answer)
  });

  test('value objects convert both ways: omitted argument → undefined, 1×1 result → its cell', () => {
    expect(argFromUniver(undefined)).toBeUndefined();
    expect(resultToUniver([[0.5]]).getValue()).toBe(0.5);
    expect(resultToUniver(null).isNull()).toBe(true);
  });

  test('an error carries its message in the language the host was set up with', () => {
    const error = evaluate('ATTAINMENT', [1, 1, 'sideways'], { today: 45376 });
    const shown = (locale: Locale) => (resultToUniver(error, locale) as ErrorValueObject).getErrorContent();
    expect(shown('zh-CN')).toBe(FUNCTION_MESSAGES.polarity['zh-CN']);
    expect(shown('en-US')).toBe(FUNCTION_MESSAGES.polarity['en-US']);
  });
});
