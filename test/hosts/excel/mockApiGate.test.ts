/**
 * The strict fake behaves as Office.js does across Excels: members are tagged from the typings
 * (scripts/officeApiTable.ts), and touching or loading one above the profile throws ApiNotFound at
 * once — before anything is queued or sent.
 */
import { latestExcelApi, officeApiTable } from '../../../scripts/officeApiTable';
import { EXCEL_PROFILES } from './excelProfiles';
import { MockExcel, RichApiError } from './mockExcel';

const SHEET = { name: 'S', cells: { A1: [['x']] } };

test('every member of the Excel namespace is tagged from @types/office-js, none by hand', () => {
  const table = officeApiTable();
  expect(table.size).toBeGreaterThan(1500);
  expect(table.get('Worksheet.notes')).toEqual({ set: 'ExcelApi', version: '1.18' });
  expect(table.get('Worksheet.comments')).toEqual({ set: 'ExcelApi', version: '1.10' });
  expect(table.get('Table.resize')).toEqual({ set: 'ExcelApi', version: '1.13' });
  expect(table.get('Worksheet.findAllOrNullObject')).toEqual({ set: 'ExcelApi', version: '1.9' });
  expect(Number(latestExcelApi(table).split('.')[1])).toBeGreaterThanOrEqual(20);
});

test('isSetSupported answers from the profile: Excel 2021 has ExcelApi 1.14, iPad no custom functions', () => {
  const excel2021 = new MockExcel({ profile: EXCEL_PROFILES.excel2021 });
  expect(excel2021.isSetSupported('ExcelApi', '1.14')).toBe(true);
  expect(excel2021.isSetSupported('ExcelApi', '1.15')).toBe(false);
  expect(excel2021.isSetSupported('CustomFunctionsRuntime', '1.3')).toBe(true);
  const ipad = new MockExcel({ profile: EXCEL_PROFILES.ipad });
  expect(ipad.isSetSupported('CustomFunctionsRuntime', '1.1')).toBe(false);
  expect(new MockExcel({ profile: EXCEL_PROFILES.web }).isSetSupported('ExcelApiOnline', '1.1')).toBe(true);
});

test.each([
  ['excel2021', true],
  ['excel2024', true],
  ['m365', false],
] as const)('%s: touching worksheet.notes (1.18) throws ApiNotFound synchronously: %s', async (id, throws) => {
  const excel = new MockExcel({ profile: EXCEL_PROFILES[id], sheets: [SHEET] });
  let thrown: unknown;
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    try {
      void sheet.notes;
    } catch (error) {
      thrown = error;
    }
    await context.sync();
  });
  if (throws) {
    expect(thrown).toBeInstanceOf(RichApiError);
    expect(thrown).toMatchObject({ code: 'ApiNotFound' });
  } else expect(thrown).toBeUndefined();
  expect(excel.runs[0]?.commands).toBe(0);
});

test('loading a property above the profile throws at load, not at sync', async () => {
  const excel = new MockExcel({ profile: { id: 'custom', label: 'ExcelApi 1.9', sets: { ExcelApi: '1.9' } }, sheets: [SHEET] });
  await expect(
    excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').load('hasSpill');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ApiNotFound' });
  expect(excel.runs[0]?.syncs).toBe(0);
});

test.each([
  ['SalesFunnel', true],
  ['销售漏斗', true],
  ['_t.1', true],
  ['A1', false],
  ['XFD10', false],
  ['R1C1', false],
  ['C', false],
  ['1st', false],
  ['has space', false],
])('table name %s follows Excel’s rules: %s', async (name, valid) => {
  const excel = new MockExcel({ sheets: [{ name: 'S', cells: { A1: [['h']] }, tables: [{ name: 'T', address: 'A1:A2' }] }] });
  const renamed = excel.run(async (context) => {
    context.workbook.tables.getItem('T').name = name;
    await context.sync();
  });
  if (valid) await expect(renamed).resolves.toBeUndefined();
  else await expect(renamed).rejects.toMatchObject({ code: 'InvalidArgument' });
});
