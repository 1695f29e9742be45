/**
 * The Google Sheets host over the strict fake of SpreadsheetApp (fakeSheets.ts): the port contract
 * first, then what is particular to Sheets — formats before values, named ranges for tables,
 * validations and conditional formats, dates in the spreadsheet's time zone, a fixed number of
 * service calls per operation whatever the row count.
 */
import { SAMPLE_MONEY_UNIT, planTemplate, serialFromDate, templateById } from '../../../src/core';
import { createSheetsPort, createSheetsWorkbook } from '../../../src/hosts/sheets/sheetsWorkbook';
import { describePortContract } from '../../workbook/portContract';
import { contractHooks, createFakeSheets } from './fakeSheets';

describePortContract('Google Sheets (fake SpreadsheetApp)', async () => {
  const fake = createFakeSheets();
  return {
    port: createSheetsPort(createSheetsWorkbook(fake.services, 'zh-CN')),
    computes: false,
    ...contractHooks(fake),
  };
});

describe('Google Sheets host', () => {
  test('a template is written with formats first: text cells are plain text, formulas spelled SALES_X', () => {
    const fake = createFakeSheets();
    const workbook = createSheetsWorkbook(fake.services, 'zh-CN');
    const plan = planTemplate(templateById('goals'), { locale: 'zh-CN', samples: true, portable: false });
    const inserted = workbook.insertTemplate(plan);
    expect(inserted.sheetName).toBe(plan.sheetName);
    expect(
      fake.cell(
        inserted.sheetName,
        2,
        plan.columns.findIndex((c) => c.key === 'attainment'),
      )?.formula,
    ).toBe('=SALES_ATTAINMENT(G3,D3)');
    const month = plan.columns.findIndex((c) => c.key === 'month');
    expect(fake.cell(inserted.sheetName, 2, month)).toMatchObject({ value: '2024-03', format: '@' });
    expect(fake.namedRanges()).toEqual([{ name: plan.tableName, sheet: inserted.sheetName, a1: inserted.tableAddress }]);
    expect(fake.sheet(inserted.sheetName).frozenRows).toBe(plan.headerRow + 1);
    expect(fake.sheet(inserted.sheetName).rules.length).toBe(plan.conditionalFormats.length);
  });

  test('一对一面谈’s prompt questions are notes on its header cells', () => {
    const fake = createFakeSheets();
    const workbook = createSheetsWorkbook(fake.services, 'zh-CN');
    const plan = planTemplate(templateById('oneOnOne'), { locale: 'zh-CN', samples: true, portable: false });
    const inserted = workbook.insertTemplate(plan);
    const notes = plan.columns.map((_c, c) => fake.cell(inserted.sheetName, plan.headerRow, c)?.note ?? null);
    expect(notes).toEqual(plan.columns.map((c) => c.note ?? null));
    expect(notes.filter(Boolean)).toHaveLength(4);
  });

  test('表2’s typed number columns take numbers only, with help text naming the column; its money headers show the unit', () => {
    const fake = createFakeSheets();
    const workbook = createSheetsWorkbook(fake.services, 'zh-CN');
    const plan = planTemplate(templateById('goals'), { locale: 'zh-CN', samples: true, portable: false, moneyUnit: SAMPLE_MONEY_UNIT });
    const inserted = workbook.insertTemplate(plan);
    const column = (key: string) => plan.columns.findIndex((c) => c.key === key);
    const rule = (key: string) => fake.cell(inserted.sheetName, plan.headerRow + 1, column(key))?.validation;
    expect(rule('actual')).toMatchObject({
      numberBetween: [-1e15, 1e15],
      allowInvalid: false,
      helpText: '“月度实际完成(万元)”只能填数字。',
    });
    expect(rule('monthTarget')?.numberBetween).toEqual([-1e15, 1e15]);
    expect(rule('attainment')).toBeUndefined();
    expect(rule('owner')).toBeUndefined();
    expect(fake.cell(inserted.sheetName, plan.headerRow, column('actual'))?.value).toBe('月度实际完成(万元)');
  });

  test('a name clash gets "(2)" and a table name of its own', () => {
    const fake = createFakeSheets();
    const workbook = createSheetsWorkbook(fake.services, 'en-US');
    const plan = planTemplate(templateById('goals'), { locale: 'en-US', samples: false, portable: true });
    const first = workbook.insertTemplate(plan);
    const second = workbook.insertTemplate(plan);
    expect(second.sheetName).toMatch(/ \(2\)$/);
    expect(second.sheetName).not.toBe(first.sheetName);
    expect(second.tableName).not.toBe(first.tableName);
    expect(workbook.listSheets().map((s) => s.tables)).toEqual([[], [first.tableName], [second.tableName]]);
  });

  test('dates read back as day serials of the spreadsheet time zone', () => {
    for (const timeZone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
      const fake = createFakeSheets({ timeZone });
      const workbook = createSheetsWorkbook(fake.services, 'zh-CN');
      const inserted = workbook.insertTemplate(planTemplate(templateById('execution'), { locale: 'zh-CN', samples: true, portable: true }));
      const snapshot = workbook.readTable({ sheetName: inserted.sheetName });
      const serials = snapshot.rows.flat().filter((v): v is number => typeof v === 'number' && v > serialFromDate(2020, 1, 1));
      expect([timeZone, serials.length > 0, serials.every(Number.isInteger)]).toEqual([timeZone, true, true]);
    }
  });

  test('service calls per template insertion and per appending write do not grow with the rows', () => {
    const counts = [5, 5000].map((rows) => {
      const fake = createFakeSheets();
      const workbook = createSheetsWorkbook(fake.services, 'zh-CN');
      const plan = planTemplate(templateById('goals'), { locale: 'zh-CN', samples: true, portable: false, blankRows: rows });
      fake.resetCalls();
      const inserted = workbook.insertTemplate(plan);
      const insert = fake.calls().total;
      const table = workbook.readTable({ sheetName: inserted.sheetName });
      fake.resetCalls();
      // Every row lands past the table's end: the write grows the table, its validations and rules.
      const appended = table.rows.length + 10;
      const [result] = workbook.writeTables([
        {
          location: { sheetName: inserted.sheetName },
          header: plan.columns.map((c) => c.label),
          computed: plan.columns.map((c) => c.computed),
          rows: Array.from({ length: appended }, (_v, i) => plan.columns.map((c) => (c.key === 'quarter' ? `Q${i}` : null))),
        },
      ]);
      expect(result?.appended).toBe(appended);
      return { insert, write: fake.calls().total };
    });
    expect(counts[1]?.insert).toBe(counts[0]?.insert);
    // A write's calls depend on the table's rules and whether the sheet must grow, never on its rows.
    for (const { write } of counts) expect(write).toBeLessThanOrEqual(80);
  });
});
