/**
 * The WorkbookPort contract: one behaviour suite every host runs (MemoryWorkbook, the Univer web
 * host, and any later host), so "append", "upsert" and "nothing written" mean the same everywhere.
 *
 * Usage, in a host's test file:
 *
 *   describePortContract('Univer', async () => ({ port, computes: true, rawCell, select, dispose }));
 *
 * The suite talks to the host only through the WorkbookPort interface, plus three tiny hooks in
 * `PortFixture` for what the port cannot express: reading a cell's stored content (to tell a
 * formula from text that looks like one), making a cell active, and whether the host calculates.
 * Each test inserts its own 表2 (goals) template with the documents' samples, so tests are
 * independent and run in any order against one fixture. Messages are not compared (they are
 * localized); the WorkbookError's `sheet` and `column` are.
 */
import {
  type ReportSheetPlan,
  type ReviewReport,
  type TemplatePlan,
  cellAddress,
  layoutReport,
  planTemplate,
  reportSheetName,
  templateById,
} from '../../src/core';
import {
  type CellValue,
  type TableSnapshot,
  type TableWrite,
  WorkbookError,
  type WorkbookPort,
  type WriteCell,
} from '../../src/workbook/port';

/** What a cell stores: `{ formula }` for a formula cell (its en-US text), else its value (text stays text, blank is null). */
export type CellContent = { readonly formula: string } | CellValue;

export interface PortFixture {
  readonly port: WorkbookPort;
  /** True when the host calculates formulas, so readTable returns computed values in formula columns. */
  readonly computes: boolean;
  /** The stored content of a cell (0-based sheet row and column). */
  rawCell(sheetName: string, row: number, column: number): CellContent | Promise<CellContent>;
  /** Makes a cell the active cell, for insertFormulaAtSelection. */
  select(sheetName: string, row: number, column: number): void | Promise<void>;
  dispose?(): Promise<void>;
}

const goalsPlan = (): TemplatePlan => {
  const spec = templateById('goals');
  return planTemplate(spec, { locale: 'zh-CN', samples: true, portable: false });
};

/** Writes into the 表2 goals table of one inserted sheet. */
class Goals {
  constructor(
    readonly plan: TemplatePlan,
    readonly sheetName: string,
  ) {}

  col(key: string): number {
    const index = this.plan.columns.findIndex((c) => c.key === key);
    if (index < 0) throw new Error(`no column ${key}`);
    return index;
  }

  /** A full row: the given inputs, blanks elsewhere, SALES formulas in the computed columns. */
  row(values: Readonly<Record<string, CellValue>>): WriteCell[] {
    const ref = (sheetRow: number, key: string) => cellAddress(sheetRow, this.col(key));
    return this.plan.columns.map((column) => {
      if (column.key === 'attainment')
        return { formulaAt: (r: number) => `=SALES.ATTAINMENT(${ref(r, 'actual')},${ref(r, 'monthTarget')})` };
      if (column.key === 'gap') return { formulaAt: (r: number) => `=SALES.GAP(${ref(r, 'actual')},${ref(r, 'monthTarget')})` };
      return values[column.key] ?? null;
    });
  }

  write(rows: readonly WriteCell[][], extra: Partial<TableWrite> = {}): TableWrite {
    return {
      location: { sheetName: this.sheetName },
      header: this.plan.columns.map((c) => c.label),
      computed: this.plan.columns.map((c) => c.computed),
      rows,
      ...extra,
    };
  }
}

const month = (m: string, target: number, actual: CellValue = null) => ({ quarter: '2024 Q2', month: m, monthTarget: target, actual });

/** A report of `kpis` KPI rows and one finding whose text looks like a formula. */
function reportPlan(reviewId: string, kpis: number): ReportSheetPlan {
  const report: ReviewReport = {
    reviewId,
    locale: 'en-US',
    title: reportSheetName(reviewId, 'en-US'),
    period: '2024-03',
    date: 45383,
    kpis: Array.from({ length: kpis }, (_, i) => ({
      key: `k${i}`,
      label: `KPI ${i + 1}`,
      target: 100,
      actual: 101 + i,
      attainment: (101 + i) / 100,
      previous: null,
      lastYear: null,
      unit: 'number' as const,
    })),
    ranking: [],
    teamAverage: null,
    previousReviewId: null,
    process: [],
    findings: [{ problem: '=1+1', impact: 'impact', cause: 'cause', severity: 'high', sheet: '' }],
    actions: [],
    charts: [],
  };
  return layoutReport(report, reportSheetName(reviewId, 'en-US'));
}

export function describePortContract(hostName: string, makeFixture: () => Promise<PortFixture>): void {
  describe(`WorkbookPort contract: ${hostName}`, () => {
    let fixture: PortFixture;
    beforeAll(async () => {
      fixture = await makeFixture();
    }, 60_000);
    afterAll(async () => {
      await fixture?.dispose?.();
    });

    async function insertGoals(): Promise<Goals> {
      const plan = goalsPlan();
      const inserted = await fixture.port.insertTemplate(plan);
      return new Goals(plan, inserted.sheetName);
    }
    const read = (goals: Goals): Promise<TableSnapshot> => fixture.port.readTable({ sheetName: goals.sheetName });
    const at = (snapshot: TableSnapshot, row: number, goals: Goals, key: string) => snapshot.rows[row]?.[goals.col(key)];

    test('readTable returns the header as labels and the sample rows as values', async () => {
      const goals = await insertGoals();
      const progress: [number, number][] = [];
      const snapshot = await fixture.port.readTable({ sheetName: goals.sheetName }, (read, total) => progress.push([read, total]));
      expect(snapshot).toMatchObject({ sheetName: goals.sheetName, headerRow: goals.plan.headerRow, firstColumn: 0 });
      expect(snapshot.header).toEqual(goals.plan.columns.map((c) => c.label));
      expect(snapshot.rows).toHaveLength(goals.plan.rows.length);
      expect(snapshot.rows.every((row) => row.length === goals.plan.columns.length)).toBe(true);
      expect(progress.at(-1)).toEqual([goals.plan.rows.length, goals.plan.rows.length]);

      expect(['quarter', 'quarterTarget', 'month', 'monthTarget', 'region', 'actual'].map((k) => at(snapshot, 0, goals, k))).toEqual([
        '2024 Q1',
        500,
        '2024-03',
        180,
        '华南区',
        165,
      ]);
      expect(at(snapshot, 1, goals, 'actual')).toBeNull(); // April not yet reported
      expect(at(snapshot, 2, goals, 'month')).toBeNull();
      if (fixture.computes) {
        expect(at(snapshot, 0, goals, 'attainment')).toBeCloseTo(165 / 180, 10);
        expect(at(snapshot, 0, goals, 'gap')).toBe(15);
        expect(at(snapshot, 1, goals, 'attainment')).toBeNull();
      }
      expect(await fixture.rawCell(goals.sheetName, 2, goals.col('attainment'))).toEqual({ formula: '=SALES.ATTAINMENT(G3,D3)' });

      const byName = await fixture.port.readTable({ sheetName: goals.sheetName, tableName: snapshot.tableName ?? goals.plan.tableName });
      expect(byName.rows).toEqual(snapshot.rows);
    });

    test('readTable of a missing sheet is a WorkbookError naming it', async () => {
      await expect(fixture.port.readTable({ sheetName: '不存在的表' })).rejects.toMatchObject({
        name: 'WorkbookError',
        sheet: '不存在的表',
      });
    });

    test('append fills the trailing blank rows first, then extends the table; formulas follow their row', async () => {
      const goals = await insertGoals();
      const first = await fixture.port.writeTables([
        goals.write([goals.row(month('2024-05', 160, 150)), goals.row(month('2024-06', 170))]),
      ]);
      expect(first).toEqual([{ sheetName: goals.sheetName, updated: 0, appended: 2, cleared: 0 }]);
      let snapshot = await read(goals);
      expect(snapshot.rows).toHaveLength(goals.plan.rows.length); // two samples + five blank rows: no growth yet
      expect([at(snapshot, 2, goals, 'month'), at(snapshot, 3, goals, 'month'), at(snapshot, 4, goals, 'month')]).toEqual([
        '2024-05',
        '2024-06',
        null,
      ]);
      expect(await fixture.rawCell(goals.sheetName, 4, goals.col('attainment'))).toEqual({ formula: '=SALES.ATTAINMENT(G5,D5)' });
      if (fixture.computes) {
        expect(at(snapshot, 2, goals, 'attainment')).toBeCloseTo(150 / 160, 10);
        expect(at(snapshot, 3, goals, 'attainment')).toBeNull();
      }

      const months = ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11'];
      const second = await fixture.port.writeTables([goals.write(months.map((m, i) => goals.row(month(m, 100, 90 + i))))]);
      expect(second[0]).toMatchObject({ appended: 5, updated: 0, cleared: 0 });
      snapshot = await read(goals);
      expect(snapshot.rows).toHaveLength(goals.plan.rows.length + 2);
      expect(snapshot.rows.slice(4).map((row) => row[goals.col('month')])).toEqual(months);
      expect(at(snapshot, 0, goals, 'region')).toBe('华南区'); // untouched
      const lastSheetRow = goals.plan.headerRow + snapshot.rows.length;
      expect(await fixture.rawCell(goals.sheetName, lastSheetRow, goals.col('gap'))).toEqual({
        formula: `=SALES.GAP(G${lastSheetRow + 1},D${lastSheetRow + 1})`,
      });
      if (fixture.computes) expect(at(snapshot, snapshot.rows.length - 1, goals, 'attainment')).toBeCloseTo(94 / 100, 10);
    });

    test('upsert by key replaces the same rows, clears leftovers, never duplicates', async () => {
      const goals = await insertGoals();
      const key = { column: goals.col('quarter'), value: '2025 Q1' }; // no sample row has this quarter
      const rows = (targets: number[]) => targets.map((t, i) => goals.row({ ...month(`2025-0${1 + i}`, t), quarter: key.value }));
      const count = (s: TableSnapshot) => s.rows.filter((row) => row[key.column] === key.value).length;

      expect((await fixture.port.writeTables([goals.write(rows([100, 110, 120]), { key })]))[0]).toMatchObject({ appended: 3, updated: 0 });
      const before = await read(goals);
      expect((await fixture.port.writeTables([goals.write(rows([200, 210, 220]), { key })]))[0]).toMatchObject({
        appended: 0,
        updated: 3,
        cleared: 0,
      });
      const after = await read(goals);
      expect(count(after)).toBe(3);
      expect(after.rows).toHaveLength(before.rows.length);
      expect(after.rows.filter((row) => row[key.column] === key.value).map((row) => row[goals.col('monthTarget')])).toEqual([
        200, 210, 220,
      ]);

      expect((await fixture.port.writeTables([goals.write(rows([300, 310]), { key })]))[0]).toMatchObject({
        appended: 0,
        updated: 2,
        cleared: 1,
      });
      const shrunk = await read(goals);
      expect(count(shrunk)).toBe(2);
      expect(shrunk.rows).toHaveLength(before.rows.length);
      expect(at(shrunk, 0, goals, 'quarter')).toBe('2024 Q1'); // other rows untouched
    });

    test('a guarded update applies while the row is unchanged, else nothing is written', async () => {
      const goals = await insertGoals();
      const actual = goals.col('actual');
      const update = { row: 1, expect: [{ column: actual, value: null }], cells: [{ column: actual, value: 160 }] };
      expect((await fixture.port.writeTables([goals.write([], { updates: [update] })]))[0]).toMatchObject({ updated: 1, appended: 0 });
      const snapshot = await read(goals);
      expect(at(snapshot, 1, goals, 'actual')).toBe(160);
      expect(at(snapshot, 1, goals, 'region')).toBe('华东区');

      const again = fixture.port.writeTables([
        goals.write([goals.row(month('2024-05', 1))], { updates: [{ ...update, cells: [{ column: actual, value: 1 }] }] }),
      ]);
      await expect(again).rejects.toMatchObject({ name: 'WorkbookError', sheet: goals.sheetName, column: '月度实际完成' });
      expect(await read(goals)).toEqual(snapshot);

      // A row the table no longer has: refused even without a guard (it would land outside the table).
      const gone = fixture.port.writeTables([
        goals.write([], { updates: [{ row: 999, expect: [], cells: [{ column: actual, value: 1 }] }] }),
      ]);
      await expect(gone).rejects.toMatchObject({ name: 'WorkbookError', sheet: goals.sheetName, column: '月度实际完成' });
      expect(await read(goals)).toEqual(snapshot);
    });

    test('a guarded update may put a formula into an input cell, built for its row, and it computes', async () => {
      // The register link (core/deals/links.ts) turns typed actuals into formulas this way.
      const goals = await insertGoals();
      const [actual, target] = [goals.col('actual'), goals.col('monthTarget')];
      const before = await read(goals);
      const update = {
        row: 1,
        expect: [{ column: goals.col('month'), value: at(before, 1, goals, 'month') ?? null }],
        cells: [{ column: actual, value: { formulaAt: (r: number) => `=${cellAddress(r, target)}/2` } }],
      };
      expect((await fixture.port.writeTables([goals.write([], { updates: [update] })]))[0]).toMatchObject({ updated: 1, appended: 0 });
      const sheetRow = goals.plan.headerRow + 2;
      expect(await fixture.rawCell(goals.sheetName, sheetRow, actual)).toEqual({ formula: `=${cellAddress(sheetRow, target)}/2` });
      if (fixture.computes) expect(at(await read(goals), 1, goals, 'actual')).toBe((at(before, 1, goals, 'monthTarget') as number) / 2);
    });

    test('a second write to the same table in one batch is a WorkbookError naming the sheet, and nothing is written', async () => {
      const goals = await insertGoals();
      const other = await insertGoals();
      const before = [await read(goals), await read(other)];
      const batch = [
        other.write([other.row(month('2024-05', 1))]),
        goals.write([goals.row(month('2024-05', 1))]),
        goals.write([goals.row(month('2024-06', 2))]),
      ];
      const result = fixture.port.writeTables(batch);
      await expect(result).rejects.toBeInstanceOf(WorkbookError);
      await expect(result).rejects.toMatchObject({ sheet: goals.sheetName });
      expect([await read(goals), await read(other)]).toEqual(before);
    });

    test('an append never lands on a trailing blank row that the same write updates', async () => {
      const goals = await insertGoals();
      const actual = goals.col('actual');
      const last = goals.plan.rows.length - 1; // the last blank row of the table
      const update = {
        row: last,
        expect: [],
        cells: [
          { column: goals.col('monthTarget'), value: 77 },
          { column: actual, value: 70 },
        ],
      };
      const result = await fixture.port.writeTables([goals.write([goals.row(month('2024-05', 160, 150))], { updates: [update] })]);
      expect(result[0]).toMatchObject({ updated: 1, appended: 1 });
      const snapshot = await read(goals);
      expect([at(snapshot, last, goals, 'monthTarget'), at(snapshot, last, goals, 'actual'), at(snapshot, last, goals, 'month')]).toEqual([
        77,
        70,
        null,
      ]);
      // Behind the updated row, so the table grows by one; the blank rows before it stay blank.
      expect(snapshot.rows).toHaveLength(goals.plan.rows.length + 1);
      expect(at(snapshot, last + 1, goals, 'month')).toBe('2024-05');
      expect(at(snapshot, 2, goals, 'month')).toBeNull();
    });

    test('a trailing row whose input cells hold only spaces is blank: an append fills it', async () => {
      const goals = await insertGoals();
      const last = goals.plan.rows.length - 1;
      const spaces = ['quarter', 'month', 'region', 'analysis'].map((key) => ({ column: goals.col(key), value: '   ' }));
      await fixture.port.writeTables([goals.write([], { updates: [{ row: last, expect: [], cells: spaces }] })]);
      const months = ['2024-05', '2024-06', '2024-07', '2024-08', '2024-09'];
      const result = await fixture.port.writeTables([goals.write(months.map((m) => goals.row(month(m, 100))))]);
      expect(result[0]).toMatchObject({ appended: 5, updated: 0 });
      const snapshot = await read(goals);
      expect(snapshot.rows).toHaveLength(goals.plan.rows.length); // five blank rows filled, the spaces-only one too
      expect(snapshot.rows.slice(2).map((row) => row[goals.col('month')])).toEqual(months);
    });

    test('a header that does not match fails naming sheet and column, and nothing in the batch is written', async () => {
      const good = await insertGoals();
      const renamed = await insertGoals();
      const before = [await read(good), await read(renamed)];
      const header = renamed.plan.columns.map((c) => (c.key === 'owner' ? '责任人' : c.label));
      const batch = [good.write([good.row(month('2024-05', 1))]), { ...renamed.write([renamed.row(month('2024-05', 1))]), header }];
      const result = fixture.port.writeTables(batch);
      await expect(result).rejects.toBeInstanceOf(WorkbookError);
      await expect(result).rejects.toMatchObject({ sheet: renamed.sheetName, column: '责任人' });
      expect([await read(good), await read(renamed)]).toEqual(before);
    });

    test('text that looks like a formula is written and read back as text', async () => {
      const goals = await insertGoals();
      const texts = { quarter: '=HYPERLINK("http://x","y")', month: '+86 123', region: '-1', owner: '@SUM(A1)', analysis: '=1+1' };
      await fixture.port.writeTables([goals.write([goals.row({ ...texts, monthTarget: 10 })])]);
      const snapshot = await read(goals);
      for (const [key, text] of Object.entries(texts)) {
        expect(at(snapshot, 2, goals, key)).toBe(text);
        expect(await fixture.rawCell(goals.sheetName, 4, goals.col(key))).toBe(text);
      }
    });

    test('writeReportSheet writes a new sheet without tables; numbers stay numbers and formula-like text stays text', async () => {
      const plan = reportPlan('R2026-01-05', 3);
      const result = await fixture.port.writeReportSheet(plan);
      expect(result).toMatchObject({ sheetName: plan.sheetName, replaced: false });
      expect((await fixture.port.listSheets()).find((s) => s.name === plan.sheetName)).toEqual({ name: plan.sheetName, tables: [] });
      expect(await fixture.rawCell(plan.sheetName, 0, 0)).toBe(plan.cells[0]?.[0]);
      const kpiRow = plan.cells.findIndex((row) => row[0] === 'KPI 1');
      expect(await fixture.rawCell(plan.sheetName, kpiRow, 2)).toBe(101);
      const findingRow = plan.cells.findIndex((row) => row[0] === '=1+1');
      expect(await fixture.rawCell(plan.sheetName, findingRow, 0)).toBe('=1+1');
    });

    test('writeReportSheet of the same review replaces that sheet whole, leaving no old rows', async () => {
      const long = reportPlan('R2026-01-06', 6);
      await fixture.port.writeReportSheet(long);
      const sheets = (await fixture.port.listSheets()).length;
      const short = reportPlan('R2026-01-06', 1);
      const result = await fixture.port.writeReportSheet(short);
      expect(result).toMatchObject({ sheetName: short.sheetName, replaced: true });
      expect((await fixture.port.listSheets()).length).toBe(sheets);
      const kpiRow = short.cells.findIndex((row) => row[0] === 'KPI 1');
      expect(await fixture.rawCell(short.sheetName, kpiRow + 1, 0)).not.toBe('KPI 2');
      for (let r = short.cells.length; r < long.cells.length; r++) expect(await fixture.rawCell(short.sheetName, r, 0)).toBeNull();
    });

    test('writeReportSheet refuses a same-named sheet that holds a table, and writes nothing', async () => {
      const goals = await insertGoals();
      const before = await read(goals);
      const plan = { ...reportPlan('R2026-01-07', 2), sheetName: goals.sheetName };
      const result = fixture.port.writeReportSheet(plan);
      await expect(result).rejects.toBeInstanceOf(WorkbookError);
      await expect(result).rejects.toMatchObject({ sheet: goals.sheetName });
      expect(await read(goals)).toEqual(before);
    });

    test('insertFormulaAtSelection writes at the active cell and returns its address', async () => {
      const goals = await insertGoals();
      await fixture.select(goals.sheetName, 11, 2);
      const where = await fixture.port.insertFormulaAtSelection('=SALES.GAP(G3,D3)');
      expect(where).toEqual({ sheetName: goals.sheetName, address: 'C12' });
    });

    test('activateSheet with a cell makes that sheet active and selects the cell (the pane’s “go to row”)', async () => {
      const first = await insertGoals();
      const second = await insertGoals();
      await fixture.select(second.sheetName, 0, 0);
      await fixture.port.activateSheet(first.sheetName, { row: 6, column: 3 });
      const where = await fixture.port.insertFormulaAtSelection('=SALES.GAP(G3,D3)');
      expect(where).toEqual({ sheetName: first.sheetName, address: 'D7' });
      await expect(fixture.port.activateSheet('没有这张表', { row: 0, column: 0 })).rejects.toBeInstanceOf(WorkbookError);
    });
  });
}
