/**
 * The Excel host's table reads and formula insertion against the strict mock, plus the shared
 * WorkbookPort contract. Writes: `excelWrites.test.ts`.
 */
import { cellAddress, localizeFormula } from '../../../src/core';
import { textCell, utf8Bytes } from '../../../src/hosts/excel/excelCells';
import { CHUNK_TARGET_BYTES, MAX_RESPONSE_BYTES } from '../../../src/hosts/excel/excelReads';
import { keyRowsOf, toBlocks } from '../../../src/hosts/excel/excelWritePlan';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { type TableWrite, WorkbookError, type WriteCell } from '../../../src/workbook/port';
import { type CellContent, describePortContract } from '../../workbook/portContract';
import { MockExcel, type MockExcelOptions, type RunRecord } from './mockExcel';
import { existingSheet, goalsReadRow, goalsSheet, templateRow, templateSheet } from './tableFixtures';

const GOALS = templateSheet('goals');
const lastRun = (mock: MockExcel): RunRecord => {
  const run = mock.runs[mock.runs.length - 1];
  if (!run) throw new Error('no run');
  return run;
};
const port = (options: MockExcelOptions, displayLanguage = 'zh-CN') => {
  const mock = new MockExcel(options);
  return { mock, port: createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage }) };
};

describe('Excel host: readTable of a 100,000-row 表2', () => {
  const ROWS = 100_000;
  let fixture: { mock: MockExcel; rows: unknown[][]; progress: [number, number][]; run: RunRecord };

  beforeAll(async () => {
    const { mock, port: excel } = port({ sheets: [goalsSheet(ROWS)], maxSyncsPerRun: 1000 });
    const progress: [number, number][] = [];
    const snapshot = await excel.readTable({ sheetName: GOALS.sheetName, tableName: GOALS.tableName }, (read, total) =>
      progress.push([read, total]),
    );
    expect(snapshot).toMatchObject({ sheetName: GOALS.sheetName, tableName: 'GoalTracking', headerRow: 1, firstColumn: 0 });
    expect(snapshot.header).toEqual(GOALS.columns.map((c) => c.label));
    fixture = { mock, rows: snapshot.rows as unknown[][], progress, run: lastRun(mock) };
  }, 120_000);

  it('returns every row, computed values included (errors as text, blanks as null)', () => {
    expect(fixture.rows).toHaveLength(ROWS);
    for (let i = 0; i < ROWS; i++)
      if (JSON.stringify(fixture.rows[i]) !== JSON.stringify(goalsReadRow(i)))
        throw new Error(`row ${i}: ${JSON.stringify(fixture.rows[i])}`);
    expect(fixture.rows[0]).toEqual([
      '2020 Q1',
      500,
      '2020-01',
      150,
      '华南区',
      '区域经理',
      120,
      120 / 150,
      30,
      '受竞品促销影响,下周加大高端客户拜访频次',
      null,
      null,
      '未达成',
    ]);
    expect(fixture.rows[6]?.slice(6, 9)).toEqual([null, null, null]); // not reported yet: blank, and its computed cells blank
    expect(fixture.rows.filter((row) => row[7] === '#DIV/0!').length).toBeGreaterThan(0);
  });

  it('reads in chunks: one sync finds the table, then no response exceeds 4 MB', () => {
    const { run } = fixture;
    const chunks = run.syncs - 1;
    expect(run.responseBytes).toHaveLength(run.syncs);
    expect(chunks).toBeGreaterThan(2);
    expect(chunks).toBeLessThanOrEqual(10);
    expect(Math.max(...run.responseBytes)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    // after the first (small, measuring) chunk, chunks are sized near the 3 MB target
    const full = run.responseBytes.slice(2, -1);
    for (const bytes of full) expect(bytes).toBeGreaterThan(CHUNK_TARGET_BYTES * 0.8);
    expect(run.requestBytes.every((bytes) => bytes === 0)).toBe(true); // a read writes nothing
  });

  it('reports progress after each chunk, ending at the total', () => {
    expect(fixture.progress).toHaveLength(fixture.run.syncs - 1);
    expect(fixture.progress.at(-1)).toEqual([ROWS, ROWS]);
    expect(fixture.progress.every(([read, total], i) => total === ROWS && read > (fixture.progress[i - 1]?.[0] ?? 0))).toBe(true);
  });
});

describe('Excel host: readTable finds the table', () => {
  it('by the sheet’s first table when no table name is given (one more sync)', async () => {
    const { mock, port: excel } = port({ sheets: [goalsSheet(5)], maxSyncsPerRun: 3 });
    const snapshot = await excel.readTable({ sheetName: GOALS.sheetName });
    expect(snapshot.tableName).toBe('GoalTracking');
    expect(snapshot.rows).toEqual([0, 1, 2, 3, 4].map(goalsReadRow));
    expect(lastRun(mock).syncs).toBe(3);
  });

  it('by the template layout when the sheet has no table: header on row 2, trimmed, up to the first blank', async () => {
    const sheet = {
      name: 'Data',
      cells: {
        A1: [['Title']],
        A2: [[' 问题维度 ', '影响', '', 'note']],
        A3: [
          ['线索管理', 45383, null, 'x'],
          [null, true, null, null],
          ['团队协作', null],
        ],
      },
    };
    const { port: excel } = port({ sheets: [sheet], maxSyncsPerRun: 3 });
    const snapshot = await excel.readTable({ sheetName: 'Data' });
    expect(snapshot).toEqual({
      sheetName: 'Data',
      headerRow: 1,
      firstColumn: 0,
      header: ['问题维度', '影响'],
      rows: [
        ['线索管理', 45383],
        [null, true],
        ['团队协作', null],
      ],
    });
  });

  it('an empty table has no rows; progress says so', async () => {
    const { port: excel } = port({ sheets: [existingSheet(GOALS, 0, () => [])], maxSyncsPerRun: 3 });
    const progress: [number, number][] = [];
    const snapshot = await excel.readTable({ sheetName: GOALS.sheetName, tableName: GOALS.tableName }, (r, t) => progress.push([r, t]));
    expect(snapshot.rows).toEqual([Array(13).fill(null)]); // Excel keeps one (blank) body row
    expect(progress).toEqual([[1, 1]]);
  });

  it.each([
    ['a missing sheet', { sheetName: '不存在的表' }, /不存在的表/],
    ['a missing table', { sheetName: GOALS.sheetName, tableName: 'Nope' }, /表格“Nope”/],
    ['a sheet with neither table nor header', { sheetName: 'Empty' }, /第 2 行也没有标题/],
  ])('%s is a WorkbookError naming it', async (_label, location, message) => {
    const { port: excel } = port({ sheets: [goalsSheet(2), { name: 'Empty', cells: { A1: [['just a title']] } }], maxSyncsPerRun: 3 });
    const error: unknown = await excel.readTable(location).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(message);
    expect((error as WorkbookError).sheet).toBe(location.sheetName);
  });

  it('retries in smaller pieces when later rows are far longer than the first ones measured', async () => {
    const long = 'x'.repeat(20_000);
    const rows = (i: number) => [
      '2024 Q1',
      500,
      '2024-03',
      180,
      '华南区',
      '区域经理',
      165,
      null,
      null,
      i >= 30_000 && i < 30_400 ? long : '',
    ];
    const { mock, port: excel } = port({ sheets: [existingSheet(GOALS, 40_000, rows)], maxSyncsPerRun: 1000 });
    const snapshot = await excel.readTable({ sheetName: GOALS.sheetName, tableName: GOALS.tableName });
    expect(snapshot.rows).toHaveLength(40_000);
    expect(snapshot.rows[30_100]?.[9]).toBe(long);
    expect(snapshot.rows[39_999]?.[9]).toBeNull();
    const run = lastRun(mock);
    const refused = run.responseBytes.filter((bytes) => bytes > mock.maxResponseBytes);
    expect(refused.length).toBeGreaterThan(0); // Excel refused at least one, and the host recovered
  });
});

describe('Excel host: insertFormulaAtSelection', () => {
  const sheets = [{ name: '表2 销售目标分解与跟踪表', cells: { A1: [['x']] } }];

  it.each([
    ['zh-CN', 'formulasLocal', '=销售.目标差距(G3,D3)'],
    ['en-US', 'formulas', '=SALES.GAP(G3,D3)'],
  ])('writes at the active cell, localized for a %s Excel, in two syncs', async (language, property, written) => {
    const { mock, port: excel } = port({ sheets, activeCell: { sheet: sheets[0]?.name ?? '', address: 'C5' } }, language);
    await expect(excel.insertFormulaAtSelection('=SALES.GAP(G3,D3)')).resolves.toEqual({
      sheetName: '表2 销售目标分解与跟踪表',
      address: 'C5',
    });
    expect(lastRun(mock).syncs).toBe(2);
    expect(mock.sheet(sheets[0]?.name ?? '')?.cells.get('C5')).toMatchObject({ kind: 'formula', value: written, via: property });
    expect(localizeFormula('=SALES.GAP(G3,D3)', 'zh-CN')).toBe('=销售.目标差距(G3,D3)');
  });

  it('gives a text (@) cell the General format first, so the formula is a formula', async () => {
    const { mock, port: excel } = port(
      { sheets: [{ name: 'S', numberFormats: { B2: '@' } }], activeCell: { sheet: 'S', address: 'B2' } },
      'en-US',
    );
    await excel.insertFormulaAtSelection('SALES.AOV(A1,A2)');
    expect(mock.sheet('S')?.cells.get('B2')).toMatchObject({ kind: 'formula', value: '=SALES.AOV(A1,A2)', numberFormat: 'General' });
  });

  it('says how to leave cell-edit mode', async () => {
    const { port: excel } = port({ sheets, cellEditMode: true }, 'zh-CN');
    await expect(excel.insertFormulaAtSelection('=SALES.GAP(G3,D3)')).rejects.toThrow(/按 Enter 或 Esc/);
  });
});

describe('Excel host: helpers', () => {
  it('marks only text Excel might convert with the quote prefix', () => {
    expect(['华南区', '=HYPERLINK("x")', '2024-03', '+86', '-1', '@a', "'q", '#N/A', 'TRUE', 'Q1', '区域经理'].map(textCell)).toEqual([
      '华南区',
      '\'=HYPERLINK("x")',
      "'2024-03",
      "'+86",
      "'-1",
      "'@a",
      "''q",
      "'#N/A",
      "'TRUE",
      "'Q1",
      '区域经理',
    ]);
  });

  it('keeps the key matches that lie in the key column’s data rows', () => {
    // data rows start at sheet row 4 (0-based), 10 of them; the key column is I (8)
    const address = "'表3 x!y'!I3:I6, '表3 x!y'!A9,'表3 x!y'!$I$12,'表3 x!y'!H13:J14,'表3 x!y'!I30";
    expect(keyRowsOf(address, 8, 4, 10)).toEqual([0, 1, 7, 8, 9]);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Bytes('a华😀')).toBe(Buffer.byteLength('a华😀'));
  });

  it('covers exactly the defined cells with rectangles', () => {
    const rows = new Map([
      [3, [1, 2, undefined, 4]],
      [4, [1, 2, undefined, 4]],
      [5, [undefined, 2]],
      [7, [1, 2, undefined, 4]],
    ]);
    expect(toBlocks(rows).map(({ firstRow, lastRow, firstColumn, lastColumn }) => [firstRow, lastRow, firstColumn, lastColumn])).toEqual([
      [3, 4, 0, 1],
      [3, 4, 3, 3],
      [5, 5, 1, 1],
      [7, 7, 0, 1],
      [7, 7, 3, 3],
    ]);
  });
});

describePortContract('Excel (strict mock)', async () => {
  // Sheet-only locations (as the contract uses) cost a third sync to find the sheet's table, and a
  // table that ends in spaces-only rows one more to look above them (src/hosts/excel/excelWrites.ts).
  const mock = new MockExcel({ maxSyncsPerRun: 4 });
  return {
    port: createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'en-US' }),
    computes: false,
    rawCell(sheetName: string, row: number, column: number): CellContent {
      const cell = mock.sheet(sheetName)?.cells.get(cellAddress(row, column));
      if (!cell || cell.kind === 'blank') return null;
      return cell.kind === 'formula' ? { formula: String(cell.value) } : cell.value;
    },
    select(sheetName: string, row: number, column: number): void {
      mock.activeCell = { sheet: sheetName, address: cellAddress(row, column) };
    },
  };
});

describe('Excel host: trailing rows of spaces', () => {
  test('a write to a table that ends in filled rows stays at two syncs; only spaces-only tail rows cost a third', async () => {
    const { mock, port: excel } = port({ sheets: [goalsSheet(5)], maxSyncsPerRun: 3 });
    const location = { sheetName: GOALS.sheetName, tableName: GOALS.tableName };
    const write = (rows: WriteCell[][], extra: Partial<TableWrite> = {}): TableWrite => ({
      location,
      header: GOALS.columns.map((c) => c.label),
      computed: GOALS.columns.map((c) => c.computed),
      rows,
      ...extra,
    });
    const row = (monthText: string): WriteCell[] => templateRow(GOALS, { quarter: '2024 Q3', month: monthText, monthTarget: 100 });
    await excel.writeTables([write([row('2024-07')])]);
    expect(lastRun(mock).syncs).toBe(2);
    const rowsNow = (await excel.readTable(location)).rows.length;
    const column = (key: string) => GOALS.columns.findIndex((c) => c.key === key);
    const spaces = [
      ...['quarter', 'month'].map((key) => ({ column: column(key), value: '  ' })),
      { column: column('monthTarget'), value: null },
    ];
    await excel.writeTables([write([], { updates: [{ row: rowsNow - 1, expect: [], cells: spaces }] })]);
    await excel.writeTables([write([row('2024-08')])]);
    expect(lastRun(mock).syncs).toBe(3);
    const after = (await excel.readTable(location)).rows;
    expect(after).toHaveLength(rowsNow); // the spaces-only row was filled, the table did not grow
    expect(after.at(-1)?.[GOALS.columns.findIndex((c) => c.key === 'month')]).toBe('2024-08');
  });
});
