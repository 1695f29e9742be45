/**
 * Exports in the shape each named CRM writes them (test/fixtures/crm: headers as those products
 * name them, English and Chinese, UTF-8 with and without BOM, GBK, comma and tab), each with bad
 * rows: every value is normalised or reported (row, column, value, why), the stages map to the
 * funnel out of the box, and through the command line a re-import adds no duplicate.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type CellValue, autoMap, previewImport, serialFromDate, unmappedRequired } from '../../../src/core';
import { runWorkbookCli } from '../../../src/cli/workbook';
import { parseCsv } from '../../../src/files/csv';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'crm');

interface Expectation {
  readonly file: string;
  readonly encoding: string;
  readonly bom: boolean;
  /** Deal id → [stage, status, amount, close date, category] as the zh-CN register writes them. */
  readonly deals: Readonly<Record<string, readonly [string | undefined, string, number, string, string | null | undefined]>>;
  /** Problems as [file row, column]. */
  readonly problems: readonly (readonly [number, string])[];
  readonly unknownStages?: readonly string[];
}

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return serialFromDate(y, m, d);
};

const EXPORTS: readonly Expectation[] = [
  {
    file: 'salesforce-opportunities.csv',
    encoding: 'utf-8',
    bom: true,
    deals: {
      '0065g00000A1': ['商务谈判', '进行中', 1_200_000, '2024-03-28', '承诺'],
      '0065g00000A2': ['方案提交', '进行中', 500_000, '2024-04-15', '最可能'],
      '0065g00000A3': ['成交签约', '赢单', 355_000, '2024-03-12', null],
      '0065g00000A4': [undefined, '输单', 350_000, '2024-03-15', '排除'],
    },
    problems: [
      [6, 'Amount'],
      [6, 'Close Date'],
    ],
  },
  {
    file: 'hubspot-deals.csv',
    encoding: 'utf-8',
    bom: false,
    deals: {
      '14231001': ['商务谈判', '进行中', 1_200_000, '2024-03-28', '承诺'],
      '14231002': ['方案提交', '进行中', 500_000, '2024-04-15', '最可能'],
      '14231003': ['成交签约', '赢单', 355_000, '2024-03-12', '承诺'],
      '14231004': ['初步接洽', '进行中', 120_000, '2024-06-30', '渠道'],
    },
    problems: [
      [6, 'Amount'],
      [6, 'Deal probability'],
      [6, 'Close Date'],
    ],
  },
  {
    file: 'zoho-deals.csv',
    encoding: 'utf-8',
    bom: true,
    deals: {
      zcrm_4150868000001: ['商务谈判', '进行中', 1_200_000, '2024-03-28', undefined],
      zcrm_4150868000002: ['需求确认', '进行中', 500_000, '2024-04-15', undefined],
      zcrm_4150868000003: [undefined, '输单', 350_000, '2024-03-15', undefined],
    },
    problems: [
      [5, 'Amount'],
      [5, 'Closing Date'],
    ],
  },
  {
    file: 'pipedrive-deals.csv',
    encoding: 'utf-8',
    bom: false,
    deals: {
      '101': ['商务谈判', '进行中', 1_200_000, '2024-03-28', undefined],
      '102': ['方案提交', '进行中', 500_000, '2024-04-15', undefined],
      '103': ['成交签约', '赢单', 355_000, '2024-03-12', undefined],
      '104': ['方案提交', '输单', 350_000, '2024-03-15', undefined],
    },
    problems: [[6, 'Deal - ID']],
  },
  {
    file: 'fxiaoke-opportunities.csv',
    encoding: 'gb18030',
    bom: false,
    deals: {
      'FX-0001': ['商务谈判', '进行中', 1_200_000, '2024-03-28', '承诺'],
      'FX-0002': ['方案提交', '进行中', 500_000, '2024-04-15', '最可能'],
      'FX-0003': ['成交签约', '赢单', 355_000, '2024-03-12', '承诺'],
      'FX-0004': [undefined, '输单', 350_000, '2024-03-15', '排除'],
    },
    problems: [
      [6, '商机金额'],
      [6, '预计成交日期'],
    ],
  },
  {
    file: 'xiaoshouyi-opportunities.csv',
    encoding: 'gb18030',
    bom: false,
    deals: {
      'XSY-01': ['需求确认', '进行中', 200_000, '2024-06-30', undefined],
      'XSY-02': ['商务谈判', '进行中', 1_500_000, '2024-05-31', undefined],
      'XSY-03': [undefined, '输单', 250_000, '2024-04-30', undefined],
    },
    problems: [[5, '销售阶段']],
    unknownStages: ['初步沟通'],
  },
];

function rawTable(bytes: Uint8Array) {
  const parsed = parseCsv(bytes);
  const cells = (row: readonly ({ v: string | number | boolean } | null)[]): CellValue[] =>
    Array.from({ length: parsed.columnCount }, (_v, c) => row[c]?.v ?? null);
  const [header = [], ...rows] = parsed.rows;
  return { headers: cells(header).map((h) => String(h ?? '')), rows: rows.map(cells), encoding: parsed.encoding };
}

describe.each(EXPORTS.map((e) => [e.file, e] as const))('%s', (file, expected) => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
  const table = rawTable(bytes);
  const mapping = autoMap(table.headers);
  const preview = previewImport(table, mapping, { locale: 'zh-CN' });

  test('is the encoding the product writes, and every required field maps from its headers', () => {
    expect([table.encoding, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf]).toEqual([expected.encoding, expected.bom]);
    expect(unmappedRequired(mapping)).toEqual([]);
  });

  test('every good row is normalised: stage and status through the CRM’s pipeline, amounts, whole-day dates, categories', () => {
    const got = Object.fromEntries(
      preview.deals.map((d) => [
        d.id,
        [d.values.stage ?? undefined, d.values.status, d.values.amount, d.values.closeDate, d.values.category] as const,
      ]),
    );
    const want = Object.fromEntries(
      Object.entries(expected.deals).map(([id, [stage, status, amount, close, category]]) => [
        id,
        [stage, status, amount, day(close), category],
      ]),
    );
    expect(got).toEqual(want);
  });

  test('every bad row is reported with its row, column, value and why in both languages, and left out', () => {
    expect(preview.problems.map((p) => [p.fileRow, p.column])).toEqual(expected.problems);
    expect(preview.problems.every((p) => p.why['zh-CN'].length > 0 && p.why['en-US'].length > 0)).toBe(true);
    const bad = new Set(preview.problems.map((p) => p.fileRow));
    expect(preview.deals.some((d) => bad.has(d.fileRow))).toBe(false);
    expect([...preview.unknownStages.keys()]).toEqual(expected.unknownStages ?? []);
  });
});

describe('through the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-'));
  const quiet = { out: () => undefined, err: () => undefined };
  const json = () => {
    const out: string[] = [];
    return {
      io: { out: (l: string) => out.push(l), err: () => undefined },
      result: () => JSON.parse(out.join('')) as Record<string, unknown>,
    };
  };

  test.each(EXPORTS.map((e) => [e.file, e] as const))('%s: imported once, and a re-import duplicates nothing', async (file, expected) => {
    const book = join(dir, `${file}.xlsx`);
    expect(await runWorkbookCli(['new', book, '--templates', 'funnel', '--no-samples'], quiet)).toBe(0);
    const first = json();
    expect(await runWorkbookCli(['import', book, join(FIXTURES, file), '--json'], first.io)).toBe(0);
    const count = Object.keys(expected.deals).length;
    expect(first.result()).toMatchObject({ new: count, invalid: new Set(expected.problems.map(([row]) => row)).size });
    const again = json();
    expect(await runWorkbookCli(['import', book, join(FIXTURES, file), '--json'], again.io)).toBe(0);
    expect(again.result()).toMatchObject({ new: 0, updated: 0, unchanged: count });
  });

  test('a Pipedrive .xlsx export: its sheet chosen by name, real dates and numbers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Summary').addRow(['Exported from Pipedrive']);
    const sheet = wb.addWorksheet('Deals');
    sheet.addRow([
      'Deal - ID',
      'Deal - Title',
      'Deal - Owner',
      'Deal - Stage',
      'Deal - Value',
      'Deal - Expected close date',
      'Deal - Status',
    ]);
    sheet.addRow([201, 'POS upgrade', 'South rep', 'Negotiations Started', 1_200_000, new Date(Date.UTC(2024, 2, 28)), 'open']);
    sheet.addRow([202, 'Warehouse', 'East rep', 'Proposal Made', 500_000, new Date(Date.UTC(2024, 3, 15)), 'won']);
    const file = join(dir, 'pipedrive.xlsx');
    await wb.xlsx.writeFile(file);
    const book = join(dir, 'from-xlsx.xlsx');
    expect(await runWorkbookCli(['new', book, '--templates', 'funnel', '--no-samples'], quiet)).toBe(0);
    const run = json();
    expect(await runWorkbookCli(['import', book, file, '--sheet', 'Deals', '--json'], run.io)).toBe(0);
    expect(run.result()).toMatchObject({ new: 2, invalid: 0 });
    expect(await runWorkbookCli(['import', book, file, '--sheet', 'Nope'], quiet)).toBe(1);
  });
});
