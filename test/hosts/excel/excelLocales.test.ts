/**
 * Formulas typed into Excel under the display languages and regions managers have (excelProfiles.ts,
 * EXCEL_LOCALES): every template, a write-back and a formula at the selection compute — no #NAME?,
 * nothing Excel cannot parse — in Chinese, English, German (`;` and `,`) and Turkish Excel.
 */
import { TEMPLATES, localeFromLanguage, planTemplate } from '../../../src/core';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { EXCEL_LOCALES, EXCEL_PROFILES } from './excelProfiles';
import { MockExcel } from './mockExcel';
import { goalsRow, existingSheet, templateRow, templateSheet } from './tableFixtures';

const LOCALES = Object.values(EXCEL_LOCALES);

function excelIn(locale: (typeof LOCALES)[number], sheets = [{ name: 'Sheet1' }]) {
  const mock = new MockExcel({ profile: EXCEL_PROFILES.m365, locale, sheets, maxSyncsPerRun: 4 });
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: locale.displayLanguage });
  return { mock, port };
}

const formulaCells = (mock: MockExcel) =>
  mock.sheets.flatMap((sheet) =>
    [...sheet.cells.entries()].filter(([, c]) => c.kind === 'formula').map(([key, c]) => ({ sheet: sheet.name, key, ...c })),
  );

describe.each(LOCALES)('Excel in $displayLanguage', (locale) => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: every formula computes', async (_id, spec) => {
    const { mock, port } = excelIn(locale);
    const plan = planTemplate(spec, { locale: localeFromLanguage(locale.displayLanguage), samples: true, portable: false });
    await port.insertTemplate(plan);
    const cells = formulaCells(mock);
    expect(cells.filter((c) => c.nameError).map((c) => `${c.key} ${String(c.value)}`)).toEqual([]);
    if (plan.rows.some((row) => row.some((cell) => typeof cell === 'object' && cell !== null))) expect(cells.length).toBeGreaterThan(0);
  });

  it('a 表2 write-back and a formula at the selection compute', async () => {
    const goals = templateSheet('goals', localeFromLanguage(locale.displayLanguage));
    const { mock, port } = excelIn(locale, [
      existingSheet(goals, 2, (i) => goalsRow(i), undefined, localeFromLanguage(locale.displayLanguage)),
    ]);
    await port.writeTables([
      {
        location: { sheetName: goals.sheetName, tableName: goals.tableName },
        header: goals.columns.map((c) => c.label),
        computed: goals.columns.map((c) => c.computed),
        rows: [templateRow(goals, { quarter: '2024 Q2', month: '2024-07', monthTarget: 100.5 })],
      },
    ]);
    mock.activeCell = { sheet: goals.sheetName, address: 'L3' };
    await port.insertFormulaAtSelection('=SALES.ATTAINMENT(G3,D3)');
    expect(
      formulaCells(mock)
        .filter((c) => c.nameError)
        .map((c) => `${c.key} ${String(c.value)}`),
    ).toEqual([]);
  });
});

test('German Excel: SALES formulas typed locally with ; and natives invariant', async () => {
  const { mock, port } = excelIn(EXCEL_LOCALES['de-DE']);
  mock.activeCell = { sheet: 'Sheet1', address: 'A1' };
  await port.insertFormulaAtSelection('=SALES.ATTAINMENT(G3,D3)');
  expect(mock.sheet('Sheet1')?.cells.get('A1')).toMatchObject({ value: '=SALES.ATTAINMENT(G3;D3)', via: 'formulasLocal' });
});
