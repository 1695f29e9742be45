/**
 * The web host's table reads and writes in headless Univer: the shared WorkbookPort contract, then
 * what only a calculating, table-aware host can show — computed values and errors as read, the
 * table range growing with appended rows (formulas computing there, formats, drop-downs and
 * conditional formats carried over), a renamed header cell, content below a table, sheets
 * without a table, chunked reads, and formulas at the selection.
 */
import { CellValueType } from '@univerjs/core';
import type { FWorkbook, FWorksheet } from '@univerjs/sheets/facade';
import { type TemplateId, type TemplatePlan, cellAddress, planTemplate, serialFromDate, templateById } from '../../../src/core';
import { type HeadlessUniver, createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { READ_CHUNK_ROWS, cellValueOf } from '../../../src/hosts/web/univerTables';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import type { TableWrite, WorkbookPort, WriteCell } from '../../../src/workbook/port';
import { describePortContract } from '../../workbook/portContract';

const TODAY = serialFromDate(2024, 3, 25);

function sheetOf(workbook: FWorkbook, name: string): FWorksheet {
  const sheet = workbook.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describePortContract('Univer (web host)', async () => {
  const host = createHeadlessUniver('zh-CN', { today: TODAY });
  const workbook = host.api.getActiveWorkbook();
  if (!workbook) throw new Error('no workbook');
  return {
    port: createUniverWorkbook(host.api, { workbook }),
    computes: true,
    rawCell(sheetName: string, row: number, column: number) {
      const data = sheetOf(workbook, sheetName).getRange(row, column).getCellData();
      return data?.f ? { formula: data.f } : cellValueOf(data);
    },
    select(sheetName: string, row: number, column: number) {
      workbook.setActiveRange(sheetOf(workbook, sheetName).getRange(row, column));
    },
    dispose: () => host.dispose(),
  };
});

describe('Univer tables', () => {
  let host: HeadlessUniver;
  let workbook: FWorkbook;
  let port: WorkbookPort;

  beforeAll(() => {
    host = createHeadlessUniver('zh-CN', { today: TODAY });
    const active = host.api.getActiveWorkbook();
    if (!active) throw new Error('no workbook');
    workbook = active;
    port = createUniverWorkbook(host.api, { workbook });
  });
  afterAll(async () => {
    await host?.dispose();
  });

  const planOf = (id: string, blankRows?: number): TemplatePlan => {
    const spec = templateById(id as TemplateId);
    return planTemplate(spec, { locale: 'zh-CN', samples: true, portable: false, ...(blankRows === undefined ? {} : { blankRows }) });
  };
  const col = (plan: TemplatePlan, key: string) => plan.columns.findIndex((c) => c.key === key);
  /** A goals row: inputs by key, SALES formulas in 达成率 and 差距. */
  const goalRow = (plan: TemplatePlan, values: Record<string, string | number | null>): WriteCell[] =>
    plan.columns.map((c) => {
      if (c.key === 'attainment') return { formulaAt: (r: number) => `=SALES.ATTAINMENT(G${r + 1},D${r + 1})` };
      if (c.key === 'gap') return { formulaAt: (r: number) => `=SALES.GAP(G${r + 1},D${r + 1})` };
      return values[c.key] ?? null;
    });
  const goalWrite = (plan: TemplatePlan, sheetName: string, rows: WriteCell[][], extra: Partial<TableWrite> = {}): TableWrite => ({
    location: { sheetName },
    header: plan.columns.map((c) => c.label),
    computed: plan.columns.map((c) => c.computed),
    rows,
    ...extra,
  });

  test('readTable of 表2: header, 达成率 0.9166…, April blank, the table name', async () => {
    const plan = planOf('goals');
    const { sheetName, tableName } = await port.insertTemplate(plan);
    const snapshot = await port.readTable({ sheetName });
    expect(snapshot.tableName).toBe(tableName);
    expect(snapshot.header).toEqual(plan.columns.map((c) => c.label));
    expect(snapshot.rows[0]?.[col(plan, 'attainment')]).toBeCloseTo(0.9166666, 6);
    expect(snapshot.rows[0]?.[col(plan, 'gap')]).toBe(15);
    expect(snapshot.rows[1]?.[col(plan, 'actual')]).toBeNull();
    expect(snapshot.rows[1]?.[col(plan, 'attainment')]).toBeNull();
    await expect(port.readTable({ sheetName, tableName: 'NoSuchTable' })).rejects.toMatchObject({
      name: 'WorkbookError',
      sheet: sheetName,
    });
  });

  test('computed booleans read as booleans, datetimes as serials, formula errors as their text', async () => {
    const leads = planOf('leads');
    const { sheetName } = await port.insertTemplate(leads);
    const snapshot = await port.readTable({ sheetName });
    expect(snapshot.rows.slice(0, 3).map((row) => row[col(leads, 'met')])).toEqual([true, false, true]);
    expect(snapshot.rows.slice(0, 3).map((row) => row[col(leads, 'grade')])).toEqual(['A', 'B', 'C']);
    expect(snapshot.rows[0]?.[col(leads, 'received')]).toBeCloseTo(serialFromDate(2024, 3, 1) + 9 / 24, 6);

    const goals = planOf('goals');
    const inserted = await port.insertTemplate(goals);
    await port.writeTables([goalWrite(goals, inserted.sheetName, [goalRow(goals, { month: '2024-05', monthTarget: 0, actual: 5 })])]);
    const read = await port.readTable({ sheetName: inserted.sheetName });
    expect(read.rows[2]?.[col(goals, 'attainment')]).toBe('#DIV/0!');
    expect(read.rows[2]?.[col(goals, 'gap')]).toBe(-5);
  });

  test('appending past the table end grows the table; the new rows compute and keep the column formats', async () => {
    const plan = planOf('goals');
    const { sheetName, tableName } = await port.insertTemplate(plan);
    const sheet = sheetOf(workbook, sheetName);
    const rows = Array.from({ length: 8 }, (_v, i) =>
      goalRow(plan, { quarter: '2024 Q3', month: `M${i}`, monthTarget: 200, actual: 150 + i }),
    );
    const [result] = await port.writeTables([goalWrite(plan, sheetName, rows)]);
    expect(result).toEqual({ sheetName, updated: 0, appended: 8, cleared: 0 });

    const lastDataRow = plan.headerRow + 2 + 8; // two samples, then the eight rows
    expect(workbook.getTableInfoByName(tableName)?.range).toEqual({
      startRow: plan.headerRow,
      startColumn: 0,
      endRow: lastDataRow,
      endColumn: plan.columns.length - 1,
    });
    const last = sheet.getRange(lastDataRow, col(plan, 'attainment'));
    expect(last.getFormula()).toBe(`=SALES.ATTAINMENT(G${lastDataRow + 1},D${lastDataRow + 1})`);
    expect(last.getRawValue()).toBeCloseTo(157 / 200, 12);
    expect(last.getDisplayValue()).toBe('78.5%');
    expect(sheet.getRange(lastDataRow, col(plan, 'month')).getCellStyleData()?.n?.pattern).toBe('@');
    expect((await port.listSheets()).find((s) => s.name === sheetName)?.tables).toEqual([tableName]);
  });

  test('appended rows get the drop-downs and conditional formats of the rows above; rules stopping short are left alone', async () => {
    // 表2 without blank rows, so every written row is appended: the 达成率 colours follow the table down.
    const goals = planOf('goals', 0);
    const inserted = await port.insertTemplate(goals);
    const goalSheet = sheetOf(workbook, inserted.sheetName);
    const attainment = col(goals, 'attainment');
    const goalFirst = goals.headerRow + 1;
    const goalLast = goals.headerRow + goals.rows.length + 8;
    expect(goals.rows).toHaveLength(2);
    expect(goalSheet.getRange(goalLast, attainment).getConditionalFormattingRules()).toHaveLength(0);
    const rows = Array.from({ length: 8 }, (_v, i) => goalRow(goals, { month: `M${i}`, monthTarget: 200, actual: 150 + i }));
    await expect(port.writeTables([goalWrite(goals, inserted.sheetName, rows)])).resolves.toMatchObject([{ appended: 8 }]);
    const colours = goalSheet.getConditionalFormattingRules().filter((rule) => rule.ranges.some((r) => r.startColumn === attainment));
    expect(colours).toHaveLength(3);
    for (const rule of colours)
      expect(rule.ranges).toEqual([
        expect.objectContaining({ startRow: goalFirst, endRow: goalLast, startColumn: attainment, endColumn: attainment }),
      ]);
    expect(goalSheet.getRange(goalLast, attainment).getConditionalFormattingRules()).toHaveLength(3);

    // 表1: the 问题维度 and 影响程度 drop-downs follow the table down; a rule above the table's end does not.
    const diagnosis = planOf('diagnosis', 0);
    const { sheetName } = await port.insertTemplate(diagnosis);
    const sheet = sheetOf(workbook, sheetName);
    const first = diagnosis.headerRow + 1;
    const last = diagnosis.headerRow + diagnosis.rows.length;
    const origin = col(diagnosis, 'origin');
    const shortList = host.api.newDataValidation().requireValueInList(['甲', '乙'], false, true).build();
    sheet.getRange(first, origin, 1, 1).setDataValidation(shortList);
    sheet.addConditionalFormattingRule(
      sheet
        .newConditionalFormattingRule()
        .whenTextEqualTo('甲')
        .setBackground('#ffeeee')
        .setRanges([sheet.getRange(first, origin, last - first, 1).getRange()])
        .build(),
    );
    const before = { validations: sheet.getDataValidations().length, formats: sheet.getConditionalFormattingRules().length };

    const header = diagnosis.columns.map((c) => c.label);
    const computed = diagnosis.columns.map((c) => c.computed);
    const added = [
      ['流程', '审批慢', null, '高'],
      ['工具', '没有CRM', null, '低'],
    ];
    await expect(port.writeTables([{ location: { sheetName }, header, computed, rows: added }])).resolves.toMatchObject([{ appended: 2 }]);
    const newLast = last + 2;
    expect(sheet.getDataValidations()).toHaveLength(before.validations);
    expect(sheet.getConditionalFormattingRules()).toHaveLength(before.formats);
    for (const key of ['dimension', 'severity']) {
      const c = col(diagnosis, key);
      for (const row of [last + 1, newLast]) {
        const validation = sheet.getRange(row, c).getDataValidation();
        expect(validation?.getCriteriaType()).toBe('list');
        expect(validation?.getRanges().map((r) => r.getA1Notation())).toEqual([`${cellAddress(first, c)}:${cellAddress(newLast, c)}`]);
      }
      expect(sheet.getRange(newLast + 1, c).getDataValidation()).toBeFalsy();
    }
    const severity = sheet.getRange(newLast, col(diagnosis, 'severity')).getConditionalFormattingRules();
    expect(severity.map((rule) => rule.rule)).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '高' }), expect.objectContaining({ value: '中' })]),
    );
    for (const rule of severity) expect(rule.ranges).toEqual([expect.objectContaining({ startRow: first, endRow: newLast })]);
    // The rules on 来源 stop above the table's last row: untouched.
    expect(
      sheet
        .getRange(first, origin)
        .getDataValidation()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual([cellAddress(first, origin)]);
    expect(sheet.getRange(last, origin).getDataValidation()).toBeFalsy();
    expect(sheet.getRange(first, origin).getConditionalFormattingRules()[0]?.ranges).toEqual([
      expect.objectContaining({ startRow: first, endRow: last - 1 }),
    ]);
  });

  test('a header cell renamed in the sheet: WorkbookError naming sheet and column, nothing written', async () => {
    const plan = planOf('goals');
    const { sheetName, tableName } = await port.insertTemplate(plan);
    const sheet = sheetOf(workbook, sheetName);
    sheet.getRange(plan.headerRow, col(plan, 'owner')).setValue({ v: '责任人', t: CellValueType.STRING });
    const before = JSON.stringify(sheet.getRange(0, 0, 20, plan.columns.length).getCellDatas());
    const rows = Array.from({ length: 7 }, () => goalRow(plan, { month: '2024-05', monthTarget: 1 }));
    const write = port.writeTables([goalWrite(plan, sheetName, rows)]);
    await expect(write).rejects.toMatchObject({ name: 'WorkbookError', sheet: sheetName, column: '负责人' });
    await expect(write).rejects.toThrow(`工作表“${sheetName}”缺少列“负责人”`);
    expect(JSON.stringify(sheet.getRange(0, 0, 20, plan.columns.length).getCellDatas())).toBe(before);
    expect(workbook.getTableInfoByName(tableName)?.range.endRow).toBe(plan.headerRow + plan.rows.length);

    const english = createUniverWorkbook(host.api, { workbook, locale: 'en-US' });
    await expect(english.writeTables([goalWrite(plan, sheetName, rows)])).rejects.toThrow(`Sheet "${sheetName}" has no column "负责人"`);
  });

  test('content right below the table is never overwritten: a WorkbookError naming the cell, nothing written', async () => {
    const plan = planOf('goals');
    const { sheetName } = await port.insertTemplate(plan);
    const sheet = sheetOf(workbook, sheetName);
    const noteRow = plan.headerRow + plan.rows.length + 2;
    sheet.getRange(noteRow, 3).setValue({ v: '备注', t: CellValueType.STRING });
    const before = JSON.stringify(sheet.getRange(0, 0, noteRow + 2, plan.columns.length).getCellDatas());
    const rows = Array.from({ length: 8 }, () => goalRow(plan, { month: '2024-05', monthTarget: 1 }));
    await expect(port.writeTables([goalWrite(plan, sheetName, rows)])).rejects.toMatchObject({ name: 'WorkbookError', sheet: sheetName });
    await expect(port.writeTables([goalWrite(plan, sheetName, rows)])).rejects.toThrow(cellAddress(noteRow, 3));
    expect(JSON.stringify(sheet.getRange(0, 0, noteRow + 2, plan.columns.length).getCellDatas())).toBe(before);
    // Rows that fit in the table (and in the free row below it) are fine.
    await expect(port.writeTables([goalWrite(plan, sheetName, rows.slice(0, 6))])).resolves.toMatchObject([{ appended: 6 }]);
  });

  test('=HYPERLINK typed by a user round-trips as text', async () => {
    const plan = planOf('goals');
    const { sheetName } = await port.insertTemplate(plan);
    const text = '=HYPERLINK("http://x","y")';
    await port.writeTables([goalWrite(plan, sheetName, [goalRow(plan, { analysis: text, monthTarget: 1 })])]);
    const data = sheetOf(workbook, sheetName)
      .getRange(plan.headerRow + 3, col(plan, 'analysis'))
      .getCellData();
    expect(data?.f ?? null).toBeNull();
    expect(data).toMatchObject({ v: text, t: CellValueType.STRING });
    expect((await port.readTable({ sheetName })).rows[2]?.[col(plan, 'analysis')]).toBe(text);
  });

  test('a sheet without a table: header on row 2 up to the first blank cell; typed dates read as serials; appends grow the sheet', async () => {
    const sheet = workbook.insertSheet('手工表');
    sheet.setRowCount(5);
    // Plain values, as a user types them: '2024-01-15' becomes a date.
    sheet.getRange(0, 0, 4, 5).setValues({
      0: { 0: '手工录入' },
      1: { 0: '日期', 1: '目标', 2: '实际', 4: '汇总' },
      2: { 0: '2024-01-15', 1: 10, 2: 8, 4: 99 },
      3: { 0: '2024-02-15', 1: 10 },
    });
    const jan = serialFromDate(2024, 1, 15);
    const feb = serialFromDate(2024, 2, 15);
    const snapshot = await port.readTable({ sheetName: '手工表' });
    expect(snapshot).toMatchObject({ headerRow: 1, firstColumn: 0, header: ['日期', '目标', '实际'] });
    expect(snapshot.tableName).toBeUndefined();
    expect(snapshot.rows).toEqual([
      [jan, 10, 8],
      [feb, 10, null],
    ]);
    const dates = [3, 4, 5].map((m) => serialFromDate(2024, m, 15));
    const write: TableWrite = {
      location: { sheetName: '手工表' },
      header: ['日期', '目标'],
      computed: [false, false],
      rows: dates.map((d) => [d, 12]),
    };
    await expect(port.writeTables([write])).resolves.toEqual([{ sheetName: '手工表', updated: 0, appended: 3, cleared: 0 }]);
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(7);
    expect((await port.readTable({ sheetName: '手工表' })).rows.map((row) => row[0])).toEqual([jan, feb, ...dates]);
    expect(sheet.getRange(2, 4).getRawValue()).toBe(99);
  });

  test('a big table is read in chunks with progress; appends past the last sheet row grow the sheet', async () => {
    const plan = planOf('reviewLog', READ_CHUNK_ROWS + 500);
    const { sheetName, tableName } = await port.insertTemplate(plan);
    const sheet = sheetOf(workbook, sheetName);
    const total = plan.rows.length;
    const progress: number[][] = [];
    const snapshot = await port.readTable({ sheetName }, (read, all) => progress.push([read, all]));
    expect(snapshot.rows).toHaveLength(total);
    expect(progress).toEqual([
      [0, total],
      [READ_CHUNK_ROWS, total],
      [total, total],
    ]);

    // A user fills the last table row; new rows must go below it, past the sheet's last row.
    const lastRow = plan.headerRow + total;
    expect(sheet.getMaxRows()).toBe(lastRow + 1);
    sheet.getRange(lastRow, 0).setValue({ v: 'R-last', t: CellValueType.STRING });
    const header = plan.columns.map((c) => c.label);
    const computed = plan.columns.map((c) => c.computed);
    const [result] = await port.writeTables([{ location: { sheetName, tableName }, header, computed, rows: [['R-1'], ['R-2']] }]);
    expect(result).toMatchObject({ appended: 2 });
    expect(sheet.getMaxRows()).toBe(lastRow + 3);
    expect(workbook.getTableInfoByName(tableName)?.range.endRow).toBe(lastRow + 2);
    expect(sheet.getRange(lastRow + 2, 0).getRawValue()).toBe('R-2');
  }, 60_000);

  test('insertFormulaAtSelection writes into the active cell and computes', async () => {
    const plan = planOf('goals');
    const { sheetName } = await port.insertTemplate(plan);
    const sheet = sheetOf(workbook, sheetName);
    workbook.setActiveRange(sheet.getRange(11, 2, 3, 2)); // C12:D14: the top-left cell is active
    const where = await port.insertFormulaAtSelection('=SALES.ATTAINMENT(G3,D3)');
    expect(where).toEqual({ sheetName, address: 'C12' });
    const cell = sheet.getRange(11, 2).getCellData();
    expect(cell?.f).toBe('=SALES.ATTAINMENT(G3,D3)');
    expect(Number(cell?.v)).toBeCloseTo(165 / 180, 12);
  });
});
