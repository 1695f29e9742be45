/**
 * Files we write, opened by a real spreadsheet application: every template of
 * `npm run workbook -- new --templates all --portable`, in zh-CN and en-US, recalculated by
 * LibreOffice on load, shows the documents' numbers; and a template workbook that LibreOffice
 * saved opens back with its table, drop-downs and conditional formats.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Locale, type TemplateId } from '../../src/core';
import { runWorkbookCli } from '../../src/cli/workbook';
import { orderedSheets, tablesOf, validationsOf, conditionalFormatsOf } from '../../src/files/snapshot';
import { readXlsx } from '../../src/files/xlsxRead';
import { BOTTLENECK_STAGE, documentNumbers, layoutOf } from '../support/documentNumbers';
import { computedSheets, resavedByLibreOffice } from '../support/libreoffice';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const dir = mkdtempSync(join(tmpdir(), 'lo-test-'));
const files: Record<Locale, string> = { 'zh-CN': join(dir, 'book-zh.xlsx'), 'en-US': join(dir, 'book-en.xlsx') };
let sheets: Map<string, Map<string, string[][]>>;

const silent = { out: () => undefined, err: (line: string) => console.error(line) };

beforeAll(async () => {
  for (const locale of LOCALES) {
    expect(await runWorkbookCli(['new', files[locale], '--templates', 'all', '--portable', '--lang', locale], silent)).toBe(0);
  }
  sheets = computedSheets(Object.values(files));
}, 300_000);

describe.each(LOCALES)('LibreOffice recalculates the portable workbook (%s)', (locale) => {
  const read = (template: TemplateId, dataRow: number, column: string): string => {
    const { plan, firstDataRow, column: col } = layoutOf(template, locale);
    const rows = sheets.get(files[locale])?.get(plan.sheetName);
    if (!rows) throw new Error(`LibreOffice wrote no sheet ${plan.sheetName}`);
    return rows[firstDataRow + dataRow]?.[col(column)] ?? '';
  };

  test("every template shows the documents' numbers", () => {
    const { expected, actual } = documentNumbers(locale, read);
    expect(actual).toEqual(expected);
  });

  test('the funnel names its bottleneck stage', () => {
    const { plan } = layoutOf('funnel', locale);
    const rows = sheets.get(files[locale])?.get(plan.sheetName) ?? [];
    const summary = plan.summary[0];
    if (!summary) throw new Error('funnel has no bottleneck cell');
    expect(rows[summary.valueCell.row]?.[summary.valueCell.col]).toBe(BOTTLENECK_STAGE[locale]);
  });

  test('no cell of the portable workbook is an error (no SALES call is left)', () => {
    const all = [...(sheets.get(files[locale])?.values() ?? [])].flat(2);
    expect(all.filter((text) => /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A)$/.test(text))).toEqual([]);
  });
});

test('a workbook LibreOffice saved opens back with its tables, drop-downs and conditional formats', async () => {
  const [resaved] = resavedByLibreOffice([files['zh-CN']]);
  const { snapshot } = await readXlsx(readFileSync(resaved as string), 'book-zh.xlsx', 'zh-CN');
  const ordered = orderedSheets(snapshot);
  const byName = (name: string) => ordered.find((s) => s.name === name);
  const goals = byName(layoutOf('goals', 'zh-CN').plan.sheetName);
  const diagnosis = byName(layoutOf('diagnosis', 'zh-CN').plan.sheetName);
  expect(goals && diagnosis).toBeTruthy();
  const tables = tablesOf(snapshot);
  expect(tables[goals?.id ?? '']?.tables?.map((t) => t.name)).toEqual(['GoalTracking']);
  const lists = validationsOf(snapshot)[diagnosis?.id ?? ''] ?? [];
  expect(lists.map((v) => v.type)).toEqual(['list', 'list']);
  expect(JSON.parse(lists.find((v) => v.ranges[0]?.startColumn === 3)?.formula1 ?? '[]')).toEqual(['高', '中', '低']);
  const formats = conditionalFormatsOf(snapshot)[goals?.id ?? ''] ?? [];
  expect(formats.length).toBe(3);
  // LibreOffice kept the computed 91.7%: the attainment cell holds 165/180.
  const { column } = layoutOf('goals', 'zh-CN');
  expect(Number(goals?.cellData?.[2]?.[column('attainment')]?.v)).toBeCloseTo(165 / 180, 6);
}, 120_000);

test('LibreOffice recalculates on load rather than trusting cached values', async () => {
  const { writeXlsx } = await import('../../src/files/xlsxWrite');
  const { blankSnapshot } = await import('../../src/files/snapshot');
  const snapshot = blankSnapshot('stale', 'en-US');
  const sheet = snapshot.sheets[snapshot.sheetOrder[0] as string];
  if (!sheet) throw new Error('no sheet');
  sheet.cellData = { 0: { 0: { v: 2, t: 2 }, 1: { f: '=A1*21', v: 5, t: 2 } } };
  const path = join(dir, 'stale.xlsx');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, (await writeXlsx(snapshot)).buffer);
  const computed = computedSheets([path]).get(path);
  const rows = computed?.get('Sheet1') ?? computed?.get('');
  expect(rows?.[0]?.slice(0, 2)).toEqual(['2', '42']);
}, 120_000);
