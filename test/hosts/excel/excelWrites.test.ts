/**
 * The Excel host's writeTables against the strict mock: placement (blank rows, growth, upsert),
 * all-or-nothing checks, text that stays text, localized formulas, and the two-sync budget.
 */
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { MAX_RESPONSE_BYTES } from '../../../src/hosts/excel/excelReads';
import { MAX_REQUEST_BYTES } from '../../../src/hosts/excel/excelRequests';
import { EXCEL_PROFILES } from './excelProfiles';
import { type CellValue, type TableWrite, WorkbookError, type WriteCell } from '../../../src/workbook/port';
import { type ExistingSheet, MockExcel, type MockExcelOptions, type RunRecord, type SheetModel } from './mockExcel';
import {
  REVIEW_ID,
  dataCell,
  existingSheet,
  goalsRow,
  keyedWrite,
  reviewSheet,
  reviewSheets,
  reviewWrites,
  templateRow,
  templateSheet,
} from './tableFixtures';

const GOALS = templateSheet('goals');
const EXEC = templateSheet('execution');
const DIAG = templateSheet('diagnosis');

const lastRun = (mock: MockExcel): RunRecord => {
  const run = mock.runs[mock.runs.length - 1];
  if (!run) throw new Error('no run');
  return run;
};
function setup(sheets: ExistingSheet[], displayLanguage = 'zh-CN', options: MockExcelOptions = {}) {
  const mock = new MockExcel({ sheets, ...options });
  return { mock, port: createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage }) };
}
const sheetOf = (mock: MockExcel, name: string): SheetModel => {
  const sheet = mock.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};
const cell = (mock: MockExcel, sheet: string, address: string) => sheetOf(mock, sheet).cells.get(address);
const tableAddress = (mock: MockExcel, name: string) => mock.tables.find((t) => t.name === name)?.address;
const noFlags = (sheet: SheetModel) => [...sheet.cells.entries()].filter(([, c]) => c.formulaAsText || c.converted).map(([key]) => key);

const goalsWrite = (rows: readonly (readonly WriteCell[])[], extra: Partial<TableWrite> = {}): TableWrite => ({
  location: { sheetName: GOALS.sheetName, tableName: GOALS.tableName },
  header: GOALS.columns.map((c) => c.label),
  computed: GOALS.columns.map((c) => c.computed),
  rows,
  ...extra,
});
const month = (m: string, target: number, actual: CellValue = null) =>
  templateRow(GOALS, { quarter: '2024 Q2', month: m, monthTarget: target, actual });
/** 表2 with two filled rows and three blank ones (formulas in the computed columns), and a note two rows below. */
const goalsWithBlanks = (): ExistingSheet => {
  const sheet = existingSheet(GOALS, 5, (i) => (i < 2 ? goalsRow(i) : []));
  return { ...sheet, cells: { ...sheet.cells, A9: [['备注:此行以下为说明']] } };
};

describe('Excel host: appends fill trailing blank rows, then grow the table', () => {
  it('places rows in the blank rows, then writes the new rows below the table and resizes it: no rows.add', async () => {
    const { mock, port } = setup([goalsWithBlanks()]);
    await expect(port.writeTables([goalsWrite([month('2024-05', 160, 150), month('2024-06', 170)])])).resolves.toEqual([
      { sheetName: GOALS.sheetName, updated: 0, appended: 2, cleared: 0 },
    ]);
    expect(lastRun(mock).syncs).toBe(2);
    expect(tableAddress(mock, 'GoalTracking')).toBe('A2:M7'); // no growth: two of three blank rows used
    expect(cell(mock, GOALS.sheetName, 'C5')).toMatchObject({ kind: 'text', value: '2024-05', numberFormat: '@' });
    expect(cell(mock, GOALS.sheetName, 'H5')).toMatchObject({ kind: 'formula', value: '=销售.达成率(G5,D5)', via: 'formulasLocal' });

    const months = ['2024-07', '2024-08', '2024-09'];
    const second = await port.writeTables([goalsWrite(months.map((m, i) => month(m, 100, 90 + i)))]);
    expect(second[0]).toMatchObject({ appended: 3, updated: 0, cleared: 0 });
    expect(lastRun(mock).syncs).toBe(2);
    expect(tableAddress(mock, 'GoalTracking')).toBe('A2:M9'); // the table really covers the new rows
    const sheet = sheetOf(mock, GOALS.sheetName);
    // The blank row left, then the new rows as one block directly below the table (co-authoring).
    expect(sheet.writes.slice(-2)).toMatchObject([
      { property: 'formulasLocal', address: 'A7:M7' },
      { property: 'formulasLocal', address: 'A8:M9' },
    ]);
    expect(lastRun(mock).locations).toEqual(expect.arrayContaining(['Range.insert', 'Table.resize']));
    expect(mock.runs.flatMap((r) => r.locations).filter((l) => l.startsWith('TableRowCollection'))).toEqual([]);
    expect(cell(mock, GOALS.sheetName, 'A11')).toMatchObject({ value: '备注:此行以下为说明' }); // moved down, not overwritten
    expect(cell(mock, GOALS.sheetName, 'A9')).toMatchObject({ value: '2024 Q2' });
    expect(cell(mock, GOALS.sheetName, 'C9')).toMatchObject({ kind: 'text', value: '2024-09', numberFormat: '@' }); // format of the row above
    expect(cell(mock, GOALS.sheetName, 'I9')).toMatchObject({ kind: 'formula', value: '=销售.目标差距(G9,D9)', numberFormat: '#,##0.0' });
    expect(cell(mock, GOALS.sheetName, 'E3')?.value).toBe('华南区'); // untouched
    expect(noFlags(sheet)).toEqual([]);
  });

  it('with nothing below the table, inserts nothing: the rows are written below it and it is resized', async () => {
    const { mock, port } = setup([existingSheet(GOALS, 2, (i) => goalsRow(i))]);
    await port.writeTables([goalsWrite([month('2024-07', 100), month('2024-08', 110)])]);
    expect(tableAddress(mock, 'GoalTracking')).toBe('A2:M6');
    expect(lastRun(mock).locations).not.toContain('Range.insert');
    expect(lastRun(mock).locations).toContain('Table.resize');
    expect(cell(mock, GOALS.sheetName, 'C6')).toMatchObject({ value: '2024-08', numberFormat: '@' });
  });

  // Table.resize is ExcelApi 1.13: below it the table grows by Excel's auto-expansion, which a user can turn off.
  const excelApi19 = { profile: { id: 'custom', label: 'ExcelApi 1.9', sets: { ExcelApi: '1.9' } } } as const;
  it('below ExcelApi 1.13 the table grows by auto-expansion over the rows written below it', async () => {
    const { mock, port } = setup([goalsWithBlanks()], 'zh-CN', excelApi19);
    await port.writeTables([goalsWrite(['2024-05', '2024-06', '2024-07', '2024-08', '2024-09'].map((m) => month(m, 100)))]);
    expect(tableAddress(mock, 'GoalTracking')).toBe('A2:M9');
    expect(lastRun(mock).locations).not.toContain('Table.resize');
    expect(cell(mock, GOALS.sheetName, 'A11')).toMatchObject({ value: '备注:此行以下为说明' });
  });

  it('below ExcelApi 1.13 with auto-expansion off, says the rows are below the table and how to include them', async () => {
    const { mock, port } = setup([goalsWithBlanks()], 'en-US', { ...excelApi19, tableAutoExpand: false });
    const error: unknown = await port
      .writeTables([goalsWrite(['2024-05', '2024-06', '2024-07', '2024-08'].map((m) => month(m, 100)))])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/below the table.*Resize Table/);
    expect(cell(mock, GOALS.sheetName, 'C8')).toMatchObject({ value: '2024-08' }); // written, not lost
  });

  it('refuses a second write to the same table in one batch before any sync writes', async () => {
    const { mock, port } = setup([goalsWithBlanks()]);
    const result = port.writeTables([goalsWrite([month('2024-05', 1)]), goalsWrite([month('2024-07', 3)])]);
    await expect(result).rejects.toMatchObject({ name: 'WorkbookError', sheet: GOALS.sheetName });
    expect(sheetOf(mock, GOALS.sheetName).writes).toEqual([]);
  });

  it('writes only defined cells: an update of one cell leaves its row’s formulas alone', async () => {
    const { mock, port } = setup([goalsWithBlanks()]);
    const actual = 6;
    await port.writeTables([
      goalsWrite([], { updates: [{ row: 1, expect: [{ column: 3, value: 151 }], cells: [{ column: actual, value: 140 }] }] }),
    ]);
    const sheet = sheetOf(mock, GOALS.sheetName);
    expect(sheet.writes.map((w) => [w.address, w.data])).toEqual([['G4', [[140]]]]);
    expect(cell(mock, GOALS.sheetName, 'H4')).toMatchObject({ kind: 'formula', value: '=SALES.ATTAINMENT(G4,D4)' });
  });
});

describe('Excel host: upsert by review id', () => {
  const row = (action: string) => ({ action, owner: '销售经理', planned: 45400 });

  it('replaces the same rows on a second write, never duplicates, and clears leftovers', async () => {
    const { mock, port } = setup(reviewSheets(3));
    const keyColumn = EXEC.columns.findIndex((c) => c.key === 'reviewId');
    const count = async () =>
      (await port.readTable({ sheetName: EXEC.sheetName, tableName: EXEC.tableName })).rows.filter((r) => r[keyColumn] === REVIEW_ID);

    expect((await port.writeTables([keyedWrite(EXEC, [row('a'), row('b'), row('c')])]))[0]).toMatchObject({
      appended: 3,
      updated: 0,
      cleared: 0,
    });
    expect(tableAddress(mock, 'ExecutionTracking')).toBe('A2:I8');
    expect((await port.writeTables([keyedWrite(EXEC, [row('A'), row('B'), row('C')])]))[0]).toMatchObject({
      appended: 0,
      updated: 3,
      cleared: 0,
    });
    expect(lastRun(mock).syncs).toBe(2);
    expect(tableAddress(mock, 'ExecutionTracking')).toBe('A2:I8');
    expect((await count()).map((r) => r[0])).toEqual(['A', 'B', 'C']);

    expect((await port.writeTables([keyedWrite(EXEC, [row('only')])]))[0]).toMatchObject({ appended: 0, updated: 1, cleared: 2 });
    expect((await count()).map((r) => r[0])).toEqual(['only']);
    // leftover rows: input cells cleared, computed cells (延期天数, 状态) keep their formulas
    expect([dataCell(4, 0), dataCell(4, 8), dataCell(5, 1)].map((a) => cell(mock, EXEC.sheetName, a)?.kind)).toEqual([
      'blank',
      'blank',
      'blank',
    ]);
    expect(cell(mock, EXEC.sheetName, dataCell(4, 6))).toMatchObject({ kind: 'formula', value: '=销售.延期天数(C7,D7)' });
    expect(cell(mock, EXEC.sheetName, dataCell(0, 0))?.value).toBe('客户跟进话术标准化'); // other reviews' rows untouched
    expect(cell(mock, EXEC.sheetName, dataCell(0, 8))?.value).toBe('R-0');
  });

  it('matches a review id literally, wildcards and all', async () => {
    const { mock, port } = setup(reviewSheets(3));
    const id = 'R*?~1';
    expect((await port.writeTables([keyedWrite(EXEC, [row('a')], id)]))[0]).toMatchObject({ appended: 1 });
    expect((await port.writeTables([keyedWrite(EXEC, [row('b')], id)]))[0]).toMatchObject({ appended: 0, updated: 1 });
    expect(cell(mock, EXEC.sheetName, dataCell(3, 0))?.value).toBe('b');
  });
});

// Find sees neither a hidden sheet nor filtered-out rows: the key column is read there instead.
describe('Excel host: hidden sheets and filtered tables', () => {
  const row = (action: string) => ({ action, owner: '销售经理', planned: 45400 });
  const hide = (mock: MockExcel) => {
    sheetOf(mock, EXEC.sheetName).visibility = 'Hidden';
  };
  const filter = (mock: MockExcel) => {
    const table = mock.tables.find((t) => t.name === EXEC.tableName);
    if (!table) throw new Error('no table');
    table.filtered = true;
    for (const r of [5, 6, 7]) sheetOf(mock, EXEC.sheetName).filteredRows.add(r); // the review's rows (sheet rows 6–8)
  };

  it.each([
    ['a hidden sheet', hide],
    ['a filtered table', filter],
  ])('on %s a second write-back replaces the same rows and changes nothing else', async (_label, conceal) => {
    const { mock, port } = setup(reviewSheets(3), 'zh-CN', { maxSyncsPerRun: 4 });
    const write = keyedWrite(EXEC, [row('a'), row('b'), row('c')]);
    expect((await port.writeTables([write]))[0]).toMatchObject({ appended: 3 });
    conceal(mock);
    const cells = () => [...sheetOf(mock, EXEC.sheetName).cells.entries()];
    const before = cells();
    expect((await port.writeTables([write]))[0]).toMatchObject({ appended: 0, updated: 3, cleared: 0 });
    expect(tableAddress(mock, EXEC.tableName)).toBe('A2:I8');
    expect(cells()).toEqual(before);
  });

  it('a visible, unfiltered table still takes two syncs: Find is trusted there', async () => {
    const { mock, port } = setup(reviewSheets(3));
    const write = keyedWrite(EXEC, [row('a')]);
    await port.writeTables([write]);
    await port.writeTables([write]);
    expect(lastRun(mock).syncs).toBe(2);
    expect(tableAddress(mock, EXEC.tableName)).toBe('A2:I6');
  });
});

describe('Excel host: all or nothing', () => {
  const renamedDiagnosis = (): ExistingSheet => {
    const sheet = existingSheet(DIAG, 2, () => ['线索管理', '线索跟进不及时', '', '高']);
    return { ...sheet, cells: { ...sheet.cells, B2: [['问题描述']] } };
  };

  it('a renamed column fails naming sheet and column; no table of the batch is touched', async () => {
    const { mock, port } = setup([goalsWithBlanks(), renamedDiagnosis()]);
    const before = [mock.snapshot(GOALS.sheetName), mock.snapshot(DIAG.sheetName)];
    const batch = [goalsWrite([month('2024-05', 1)]), keyedWrite(DIAG, [{ dimension: '流程', problem: 'x', severity: '低' }])];
    const error: unknown = await port.writeTables(batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ sheet: DIAG.sheetName, column: '具体问题描述' });
    expect((error as Error).message).toMatch(/表1 销售现状诊断表.*具体问题描述.*未写入任何内容/);
    expect([mock.snapshot(GOALS.sheetName), mock.snapshot(DIAG.sheetName)]).toEqual(before);
    expect(lastRun(mock).syncs).toBe(1); // stopped after loading: nothing was queued
  });

  it('a guarded update whose row changed writes nothing, appends included', async () => {
    const { mock, port } = setup([goalsWithBlanks()], 'en-US');
    const before = mock.snapshot(GOALS.sheetName);
    const stale = { row: 0, expect: [{ column: 6, value: 999 }], cells: [{ column: 6, value: 1 }] };
    await expect(port.writeTables([goalsWrite([month('2024-05', 1)], { updates: [stale] })])).rejects.toMatchObject({
      name: 'WorkbookError',
      column: '月度实际完成',
    });
    expect(mock.snapshot(GOALS.sheetName)).toEqual(before);
  });

  it('a protected sheet anywhere in the batch fails before anything is written', async () => {
    const sheets = reviewSheets(2).map((s) => (s.name === EXEC.sheetName ? { ...s, protected: true } : s));
    const { mock, port } = setup(sheets);
    const before = sheets.map((s) => mock.snapshot(s.name));
    await expect(port.writeTables(reviewWrites())).rejects.toThrow(/表3 优化方案执行跟踪表.*受保护/);
    expect(sheets.map((s) => mock.snapshot(s.name))).toEqual(before);
  });

  it.each([
    ['cell-edit mode', { cellEditMode: true }, /按 Enter 或 Esc/],
    ['a missing table', { failAt: {} }, /找不到表格“Nope”/],
    ['a conflict while inserting rows', { failAt: { 'Range.insert': 'InsertDeleteConflict' } }, /正在被他人或其他操作修改/],
  ])('%s becomes an actionable WorkbookError', async (label, options, message) => {
    const { port } = setup([goalsWithBlanks()], 'zh-CN', options);
    const write =
      label === 'a missing table'
        ? { ...goalsWrite([]), location: { sheetName: GOALS.sheetName, tableName: 'Nope' } }
        : goalsWrite([1, 2, 3, 4].map((m) => month(`2024-0${m}`, m)));
    const error: unknown = await port.writeTables([write]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('Excel host: text stays text, formulas are localized', () => {
  const tricky = ['=HYPERLINK("http://x","y")', '2024-03', '+86 123', '-1', '@SUM(A1)', 'TRUE', '#N/A', "'quoted", '3月5日'];

  it('stores user text literally in text, number and General cells, in and beyond the table', async () => {
    const { mock, port } = setup([goalsWithBlanks()]);
    const rows = tricky.map((text) => templateRow(GOALS, { quarter: text, quarterTarget: text, analysis: text }));
    await port.writeTables([goalsWrite(rows)]);
    const sheet = sheetOf(mock, GOALS.sheetName);
    tricky.forEach((text, i) => {
      for (const column of [0, 1, 9]) expect(sheet.cells.get(dataCell(2 + i, column))).toMatchObject({ kind: 'text', value: text });
    });
    expect(noFlags(sheet)).toEqual([]);
    const read = await port.readTable({ sheetName: GOALS.sheetName, tableName: GOALS.tableName });
    expect(read.rows.slice(2).map((r) => r[9])).toEqual(tricky);
  });

  it.each([
    ['zh-CN', 'formulasLocal', '=销售.达成率(G5,D5)'],
    ['zh-TW', 'formulasLocal', '=SALES.ATTAINMENT(G5,D5)'],
    ['en-US', 'formulas', '=SALES.ATTAINMENT(G5,D5)'],
  ])('writes SALES formulas for a %s Excel as insertTemplate does', async (language, property, formula) => {
    const { mock, port } = setup([goalsWithBlanks()], language);
    await port.writeTables([goalsWrite([month('2024-05', 160, 150)])]);
    expect(cell(mock, GOALS.sheetName, 'H5')).toMatchObject({ kind: 'formula', value: formula, via: property });
  });

  it('writes under the header of a sheet without a table (template layout), in one more sync', async () => {
    const sheet = { name: 'Plain', cells: { A1: [['标题']], A2: [GOALS.columns.map((c) => c.label)], A3: [goalsRow(0)] } };
    const { mock, port } = setup([sheet], 'zh-CN', { maxSyncsPerRun: 3 });
    const [result] = await port.writeTables([{ ...goalsWrite([month('2024-05', 160)]), location: { sheetName: 'Plain' } }]);
    expect(result).toEqual({ sheetName: 'Plain', updated: 0, appended: 1, cleared: 0 });
    expect(lastRun(mock).syncs).toBe(3);
    expect(cell(mock, 'Plain', 'C4')).toMatchObject({ kind: 'text', value: '2024-05' });
    expect(cell(mock, 'Plain', 'H4')).toMatchObject({ kind: 'formula', value: '=销售.达成率(G4,D4)' });
    expect(noFlags(sheetOf(mock, 'Plain'))).toEqual([]);
  });
});

describe('Excel host: two syncs whatever the row count', () => {
  // Excel on the web refuses a request over 5 MB: a big write-back goes in several, each under 4 MB.
  it('a write-back of 10,000 rows over 5 MB is split into requests under 4 MB on the web, with the same result', async () => {
    const problem = (i: number) => `第${i}行:${'客户跟进不及时,商机阶段停留过久,需要复盘并制定改进措施。'.repeat(8)}`;
    const rows = Array.from({ length: 10_000 }, (_v, i) => ({ dimension: '过程', problem: problem(i), impact: '高', severity: '严重' }));
    const runOn = async (profile: MockExcelOptions['profile']) => {
      const { mock, port } = setup([existingSheet(DIAG, 2, () => [])], 'zh-CN', { profile, maxSyncsPerRun: 20 });
      const [result] = await port.writeTables([keyedWrite(DIAG, rows)]);
      return { mock, result };
    };
    const web = await runOn(EXCEL_PROFILES.web);
    const run = lastRun(web.mock);
    expect(run.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(run.syncs).toBeGreaterThanOrEqual(3); // sync 1 loads, then two requests or more
    expect(Math.max(...run.requestBytes)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(web.result).toMatchObject({ appended: 10_000 });
    expect(tableAddress(web.mock, DIAG.tableName)).toBe('A2:H10002');
    const desktop = await runOn({ ...EXCEL_PROFILES.m365, payloadLimit: undefined });
    const cells = (mock: MockExcel) => [...sheetOf(mock, DIAG.sheetName).cells.entries()];
    expect(cells(web.mock)).toEqual(cells(desktop.mock));
    expect(tableAddress(desktop.mock, DIAG.tableName)).toBe('A2:H10002');
  }, 60_000);

  it('the web profile refuses one request over 5 MB, as Excel on the web does', async () => {
    const mock = new MockExcel({ profile: EXCEL_PROFILES.web, sheets: [{ name: 'S' }] });
    const big = [['x'.repeat(6 * 1024 * 1024)]];
    await expect(
      mock.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(mock.sheet('S')?.cells.size).toBe(0);
  });

  it('writes the review batch into 4 tables, one of them 100,000 rows long, in 2 syncs under 4 MB', async () => {
    const sheets = reviewSheets(10).map((s) => (s.name === EXEC.sheetName ? reviewSheet('execution', 100_000) : s));
    const { mock, port } = setup(sheets);
    const results = await port.writeTables(reviewWrites());
    expect(results.map((r) => [r.sheetName, r.appended, r.updated])).toEqual([
      [DIAG.sheetName, 2, 0],
      ['执行计划表', 2, 0],
      [EXEC.sheetName, 2, 0],
      ['复盘记录', 1, 0],
    ]);
    let run = lastRun(mock);
    expect(run.syncs).toBe(2);
    expect(Math.max(...run.responseBytes)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(tableAddress(mock, 'ExecutionTracking')).toBe('A2:I100004');
    expect(cell(mock, EXEC.sheetName, dataCell(100_001, 0))).toMatchObject({
      kind: 'text',
      value: '=HYPERLINK("http://example.invalid","CRM系统数据录入规范培训")',
    });
    expect(cell(mock, EXEC.sheetName, dataCell(100_001, 6))).toMatchObject({ kind: 'formula', value: '=销售.延期天数(C100004,D100004)' });

    // The same review again: the same rows are updated in place, the tables do not grow.
    expect((await port.writeTables(reviewWrites())).map((r) => [r.appended, r.updated])).toEqual([
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 1],
    ]);
    run = lastRun(mock);
    expect(run.syncs).toBe(2);
    expect(tableAddress(mock, 'ExecutionTracking')).toBe('A2:I100004');
  }, 60_000);
});

describe('the Excel mock: tables, loads and limits', () => {
  it('fails a response over 5 MB and records every sync’s bytes', async () => {
    const mock = new MockExcel({ sheets: [{ name: 'S', cells: { A1: [['x'.repeat(1000)]] } }], maxResponseBytes: 500 });
    await expect(
      mock.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(lastRun(mock).responseBytes[0]).toBeGreaterThan(1000);
  });

  it('refuses reads of a null object and writes to a protected sheet', async () => {
    const mock = new MockExcel({ sheets: [{ name: 'S', protected: true }] });
    await expect(
      mock.run(async (context) => {
        const used = context.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true).load('rowIndex');
        await context.sync();
        expect(used.isNullObject).toBe(true);
        return used.rowIndex;
      }),
    ).rejects.toThrow(/null object/);
    await expect(
      mock.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
