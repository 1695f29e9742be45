/**
 * .xlsx both ways: every template in both languages (samples on) rendered by the web port, saved
 * as a snapshot, written as .xlsx, read back and opened in a second Univer shows the same values,
 * number formats, tables, drop-downs, conditional formats, frozen rows and widths; text that looks
 * like a formula stays text; dates stay dates; the reader refuses what is not a safe workbook.
 */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { ICellData } from '@univerjs/core';
import { type Locale, TEMPLATES, planTemplate } from '../../src/core';
import {
  type WorkbookSnapshot,
  conditionalFormatsOf,
  notesOf,
  orderedSheets,
  styleOf,
  tablesOf,
  validationsOf,
} from '../../src/files/snapshot';
import { WorkbookFileError, inspectXlsx } from '../../src/files/xlsxGuard';
import { readXlsx } from '../../src/files/xlsxRead';
import { argbOf } from '../../src/files/units';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../src/hosts/web/univerWorkbook';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

async function templateSnapshot(locale: Locale): Promise<WorkbookSnapshot> {
  const host = createHeadlessUniver(locale, { today: 45376 });
  try {
    const port = createUniverWorkbook(host.api, { locale });
    for (const spec of TEMPLATES) await port.insertTemplate(planTemplate(spec, { locale, samples: true, portable: false }));
    return JSON.parse(JSON.stringify(host.api.getActiveWorkbook()?.save()));
  } finally {
    await host.dispose();
  }
}

/** Opens a snapshot in a fresh Univer, lets it compute, and returns what it holds then. */
async function reopened(snapshot: WorkbookSnapshot, locale: Locale): Promise<{ shown: Map<string, string[][]>; saved: WorkbookSnapshot }> {
  const host = createHeadlessUniver(locale, { today: 45376 });
  try {
    const book = host.api.createWorkbook(snapshot);
    await new Promise((r) => setTimeout(r, 300));
    await host.api.getFormula().onCalculationResultApplied();
    const shown = new Map<string, string[][]>();
    for (const sheet of book.getSheets()) {
      const rows: string[][] = [];
      for (let r = 0; r < 16; r++) {
        const row: string[] = [];
        for (let c = 0; c < 14; c++) row.push(String(sheet.getRange(r, c).getDisplayValue() ?? ''));
        rows.push(row);
      }
      shown.set(sheet.getSheetName(), rows);
    }
    return { shown, saved: JSON.parse(JSON.stringify(book.save())) };
  } finally {
    await host.dispose();
  }
}

/** What the round trip must keep, per sheet, independent of ids. */
function features(snapshot: WorkbookSnapshot) {
  const tables = tablesOf(snapshot);
  const validations = validationsOf(snapshot);
  const formats = conditionalFormatsOf(snapshot);
  const notes = notesOf(snapshot);
  const range = (r: { startRow: number; endRow: number; startColumn: number; endColumn: number }) =>
    `${r.startRow}:${r.startColumn}-${r.endRow}:${r.endColumn}`;
  return orderedSheets(snapshot).map((sheet) => {
    const id = sheet.id ?? '';
    const numberFormats: string[] = [];
    for (const [r, row] of Object.entries(sheet.cellData ?? {})) {
      for (const [c, cell] of Object.entries(row ?? {})) {
        const pattern = styleOf(snapshot, cell as ICellData)?.n?.pattern;
        if (pattern) numberFormats.push(`${r},${c}=${pattern}`);
      }
    }
    return {
      name: sheet.name,
      frozenRows: sheet.freeze?.ySplit ?? 0,
      widths: Object.fromEntries(Object.entries(sheet.columnData ?? {}).map(([c, d]) => [c, d?.w])),
      numberFormats: numberFormats.sort(),
      tables: (tables[id]?.tables ?? []).map((t) => `${t.name}@${range(t.range)}`),
      validations: (validations[id] ?? []).map((v) => `${v.type}:${v.formula1}@${v.ranges.map(range).join(' ')}`).sort(),
      // Colours compare as ARGB: Univer writes rgb(…), the file and its reader #RRGGBB.
      conditionalFormats: (formats[id] ?? [])
        .map(
          (f) =>
            `${JSON.stringify(f.rule).replace(/"rgb":"([^"]+)"/g, (_m, color: string) => `"rgb":"${argbOf(color)}"`)}@${f.ranges.map(range).join(' ')}`,
        )
        .sort(),
      notes: Object.values(notes[id] ?? {})
        .flatMap((row) => Object.values(row))
        .map((n) => `${n.row},${n.col}=${n.note}`)
        .sort(),
    };
  });
}

describe.each(LOCALES)('every template (%s) survives .xlsx out and back in', (locale) => {
  let original: WorkbookSnapshot;
  let back: WorkbookSnapshot;
  beforeAll(async () => {
    original = await templateSnapshot(locale);
    const { buffer } = await writeXlsx(original);
    back = (await readXlsx(buffer, 'book.xlsx', locale)).snapshot;
  }, 120_000);

  test('same sheets in the same order, same values as shown, same formulas', async () => {
    const before = await reopened(original, locale);
    const after = await reopened(back, locale);
    expect([...after.shown.keys()]).toEqual([...before.shown.keys()]);
    expect(after.shown).toEqual(before.shown);
    const formulas = (s: WorkbookSnapshot) =>
      orderedSheets(s).flatMap((sheet) =>
        Object.entries(sheet.cellData ?? {}).flatMap(([r, row]) =>
          Object.entries(row ?? {})
            .filter(([, c]) => (c as ICellData).f)
            .map(([c, cell]) => `${sheet.name}!${r},${c}=${(cell as ICellData).f}`),
        ),
      );
    expect(formulas(back)).toEqual(formulas(original));
    expect(formulas(back).length).toBeGreaterThan(50);
  }, 120_000);

  test('same number formats, widths, frozen rows, tables, drop-downs, conditional formats and header notes', () => {
    expect(features(back)).toEqual(features(original));
    // 一对一面谈's four prompt questions, 销售例会's agenda, 行动项's link and 方案反馈's two (anonymous number,
    // the score's scale) are notes on header cells, in the file too.
    expect(features(back).flatMap((sheet) => sheet.notes)).toHaveLength(8);
  });

  test('the file holds real Excel tables, list validation and formulas with cached values', async () => {
    const { buffer } = await writeXlsx(original);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const goals = wb.worksheets.find(
      (ws) =>
        ws.name.startsWith(locale === 'zh-CN' ? '表2' : 'Table 2') ||
        Object.keys((ws as unknown as { tables: object }).tables).includes('GoalTracking'),
    );
    expect(goals).toBeDefined();
    expect(Object.keys((goals as unknown as { tables: object }).tables)).toEqual(['GoalTracking']);
    const h3 = goals?.getCell('H3').value as ExcelJS.CellFormulaValue;
    expect(h3.formula).toBe('SALES.ATTAINMENT(G3,D3)');
    expect(h3.result).toBeCloseTo(165 / 180, 10);
    expect(goals?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const zip = await JSZip.loadAsync(buffer);
    const tableXml = await zip.file('xl/tables/table2.xml')?.async('string');
    expect(tableXml).toContain('name="GoalTracking"');
  });

  test('every drop-down errorStyle is one ECMA-376 allows (stop, warning, information)', async () => {
    const { buffer } = await writeXlsx(original);
    const zip = await JSZip.loadAsync(buffer);
    const styles: string[] = [];
    for (const part of Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) {
      const xml = (await zip.file(part)?.async('string')) ?? '';
      for (const m of xml.matchAll(/<dataValidation\b[^>]*?\serrorStyle="([^"]*)"/g)) styles.push(m[1] as string);
    }
    expect(styles.length).toBeGreaterThan(5);
    expect(styles.filter((s) => !['stop', 'warning', 'information'].includes(s))).toEqual([]);
  });
});

describe('cell contents', () => {
  const snapshotWith = (cells: Record<number, ICellData>): WorkbookSnapshot => ({
    id: 'w',
    name: 'cells',
    appVersion: '0.25.1',
    locale: 'zhCN' as WorkbookSnapshot['locale'],
    styles: { d: { n: { pattern: 'yyyy-mm-dd' } } },
    sheetOrder: ['s'],
    sheets: { s: { id: 's', name: '客户', rowCount: 10, columnCount: 10, cellData: { 0: cells } } },
    resources: [],
  });

  test('text that looks like a formula stays text, in the file and back', async () => {
    const snapshot = snapshotWith({
      0: { v: '=HYPERLINK("http://x","y")', t: 1 },
      1: { v: '+1', t: 1 },
      2: { v: '00123', t: 1 },
      3: { v: '@sum', t: 1 },
    });
    const { buffer } = await writeXlsx(snapshot);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const row = wb.worksheets[0]?.getRow(1);
    expect([1, 2, 3, 4].map((c) => row?.getCell(c).type)).toEqual(Array(4).fill(ExcelJS.ValueType.String));
    const back = (await readXlsx(buffer, 'x.xlsx', 'zh-CN')).snapshot;
    const cells = orderedSheets(back)[0]?.cellData?.[0] ?? {};
    expect(Object.values(cells).map((c) => [c?.v, c?.f, c?.t])).toEqual([
      ['=HYPERLINK("http://x","y")', undefined, 1],
      ['+1', undefined, 1],
      ['00123', undefined, 1],
      ['@sum', undefined, 1],
    ]);
  });

  test('dates stay day serials with their format; booleans stay booleans', async () => {
    const snapshot = snapshotWith({ 0: { v: 45376, t: 2, s: 'd' }, 1: { v: true, t: 3 }, 2: { v: 0.5, t: 2 } });
    const back = (await readXlsx((await writeXlsx(snapshot)).buffer, 'x.xlsx', 'zh-CN')).snapshot;
    const cells = orderedSheets(back)[0]?.cellData?.[0] ?? {};
    expect(cells[0]?.v).toBeCloseTo(45376, 9);
    expect(styleOf(back, cells[0] as ICellData)?.n?.pattern).toBe('yyyy-mm-dd');
    expect(cells[1]).toMatchObject({ v: true, t: 3 });
    expect(cells[2]).toMatchObject({ v: 0.5, t: 2 });
  });

  test('a formula whose cached result is 0 opens as 0, not blank', async () => {
    // ExcelJS leaves `result` off a formula value whose cached <v> is 0 (the cell's own `result` keeps it).
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('S');
    sheet.getCell('A1').value = { formula: '1-1', result: 0 } as ExcelJS.CellFormulaValue;
    sheet.getCell('A2').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const back = (await readXlsx(bytes, 'x.xlsx', 'zh-CN')).snapshot;
    const cells = orderedSheets(back)[0]?.cellData ?? {};
    expect([cells[0]?.[0]?.v, cells[1]?.[0]?.v]).toEqual([0, 2]);
  });

  test('portable: SALES calls become native formulas, a call without one keeps its value', async () => {
    const snapshot = snapshotWith({
      0: { v: 165, t: 2 },
      1: { v: 180, t: 2 },
      2: { f: '=SALES.ATTAINMENT(A1,B1)', v: 0.9167, t: 2 },
      3: { f: '=SALES.FUNNEL(A1:B1)', v: 1, t: 2 },
    });
    const { buffer, report } = await writeXlsx(snapshot, { portable: true });
    expect(report.frozenToValues).toEqual(['客户!D1']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const row = wb.worksheets[0]?.getRow(1);
    expect((row?.getCell(3).value as ExcelJS.CellFormulaValue).formula).not.toMatch(/SALES/);
    expect(row?.getCell(4).value).toBe(1);
  });
});

describe('files that are not safe workbooks are refused with a message naming the file', () => {
  const refused = async (bytes: Uint8Array): Promise<string> => {
    try {
      await inspectXlsx(bytes, 'team.xlsx', 'en-US');
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookFileError);
      return (error as Error).message;
    }
    throw new Error('not refused');
  };

  test('0-byte file', async () => expect(await refused(new Uint8Array())).toMatch(/"team\.xlsx" is empty/));
  test('a .txt renamed .xlsx', async () =>
    expect(await refused(new TextEncoder().encode('季度,目标\n2024 Q1,500\n'))).toMatch(/"team\.xlsx" is not an \.xlsx/));
  test('a truncated .xlsx', async () => {
    const { buffer } = await writeXlsx(await templateSnapshot('en-US'));
    expect(await refused(buffer.subarray(0, Math.floor(buffer.length / 2)))).toMatch(/"team\.xlsx" is damaged or incomplete/);
  }, 60_000);
  test('a zip that is not a spreadsheet', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(await refused(await zip.generateAsync({ type: 'uint8array' }))).toMatch(/not an Excel workbook/);
  });
  test('a zip bomb (an entry that inflates absurdly)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(200 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await refused(bytes)).toMatch(/absurd/);
  }, 60_000);
  test('charts, pivot tables, macros and images other than PNG are named, not dropped silently', async () => {
    const { buffer } = await writeXlsx(await templateSnapshot('en-US'));
    const zip = await JSZip.loadAsync(buffer);
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/vbaProject.bin', 'x');
    zip.file('xl/media/image1.jpeg', 'x');
    // PNG pictures come in (src/files/xlsxPictures.ts): they are not named.
    zip.file('xl/media/image2.png', 'x');
    const { notImported } = await readXlsx(await zip.generateAsync({ type: 'uint8array' }), 'team.xlsx', 'en-US');
    expect(notImported).toEqual(expect.arrayContaining(['charts', 'pivot tables', 'macros (VBA)', 'images other than PNG']));
    expect(notImported).toHaveLength(4);
  }, 60_000);
});
