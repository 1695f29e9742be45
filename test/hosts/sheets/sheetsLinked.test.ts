/**
 * The Google Sheets team roll-up (src/workbook/linkedRollup.ts over sheetsLinked.ts), through the
 * sidebar's channel: three managers' spreadsheets written by the Sheets host itself (one in 元),
 * imported with IMPORTRANGE as the fake models Google (loading first, #REF! until allowed or for a
 * missing range): the team's 表2 and 商机明细 equal the sum of the sources in 万元; a source not
 * allowed yet and a link that is not a spreadsheet are named with their rows; the imports leave no
 * sheet behind; a second roll-up refuses to write over the first.
 */
import {
  type CellValue,
  type MoneyUnit,
  type TemplateId,
  type WriteCell,
  importRangeFormula,
  matchHeader,
  parseMoneyUnit,
  planTemplate,
  rollupSources,
  specLayout,
  templateById,
  workbookSettings,
  workbookSettingsWrites,
} from '../../../src/core';
import { createServerCall, createSheetsClientPort } from '../../../src/hosts/sheets/sheetsClient';
import { IMPORT_SHEET } from '../../../src/hosts/sheets/sheetsLinked';
import { createSheetsPort, createSheetsWorkbook } from '../../../src/hosts/sheets/sheetsWorkbook';
import { rollupLinked } from '../../../src/workbook/linkedRollup';
import { WorkbookError, type WorkbookPort } from '../../../src/workbook/port';
import { type FakeLinkedSpreadsheet, type FakeSheets, createFakeSheets } from './fakeSheets';
import { scriptRun } from './scriptRun';

const unit = (label: string): MoneyUnit => parseMoneyUnit(label) as MoneyUnit;
const link = (id: string) => `https://docs.google.com/spreadsheets/d/${id.padEnd(44, 'x')}/edit#gid=0`;

/** Appends rows (by column key) to a template inserted in the manager's spreadsheet. */
async function writeTable(port: WorkbookPort, id: TemplateId, records: readonly Record<string, CellValue>[], money: MoneyUnit) {
  const spec = templateById(id);
  const inserted = await port.insertTemplate(
    planTemplate(spec, { locale: 'zh-CN', samples: false, portable: false, blankRows: 1, moneyUnit: money }),
  );
  const table = await port.readTable({ sheetName: inserted.sheetName, tableName: inserted.tableName });
  const layout = specLayout(spec.columns, { ...table, rowCount: table.rows.length }, matchHeader(spec, table.header), false);
  const rows = records.map((values) =>
    layout.byPosition.map((column): WriteCell => {
      if (column === undefined) return null;
      return column.formula ? layout.formulaCell(column) : (values[column.key] ?? null);
    }),
  );
  await port.writeTables([{ location: layout.location, header: table.header, computed: layout.computed, rows }]);
}

interface Manager {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly unit: string;
  /** Monthly targets and actuals, in the manager's unit. */
  readonly months: readonly (readonly [string, number, number])[];
  readonly deals: readonly (readonly [string, number])[];
}

const MANAGERS: readonly Manager[] = [
  {
    id: 'south',
    name: '华南区',
    region: '华南',
    unit: '万元',
    months: [
      ['2026-01', 180, 165],
      ['2026-02', 170, 150],
    ],
    deals: [
      ['S-1', 60],
      ['S-2', 45.5],
    ],
  },
  {
    id: 'east',
    name: '华东区',
    region: '华东',
    unit: '元',
    months: [
      ['2026-01', 1_500_000, 1_620_000],
      ['2026-02', 1_400_000, 990_000],
    ],
    deals: [
      ['E-1', 380_000],
      ['E-2', 125_000],
      ['E-3', 70_000],
    ],
  },
  {
    id: 'north',
    name: '华北区',
    region: '华北',
    unit: '万元',
    months: [['2026-01', 90, 60]],
    deals: [['N-1', 12]],
  },
];

/** A manager's spreadsheet as the Sheets host writes it, and what IMPORTRANGE would import from it. */
async function managerSpreadsheet(m: Manager): Promise<FakeLinkedSpreadsheet> {
  const fake = createFakeSheets();
  const port = createSheetsPort(createSheetsWorkbook(fake.services, 'zh-CN'));
  const money = unit(m.unit);
  const settings = await port.insertTemplate(
    planTemplate(workbookSettings, { locale: 'zh-CN', samples: false, portable: false, blankRows: 1 }),
  );
  await port.writeTables(workbookSettingsWrites({ moneyUnit: money }, await port.readTable({ sheetName: settings.sheetName })));
  await writeTable(
    port,
    'goals',
    m.months.map(([month, target, actual]) => ({
      quarter: '2026Q1',
      month,
      monthTarget: target,
      region: m.region,
      owner: `${m.region}经理`,
      actual,
    })),
    money,
  );
  await writeTable(
    port,
    'deals',
    m.deals.map(([dealId, amount]) => ({
      dealId,
      name: `商机${dealId}`,
      owner: `${m.region}销售`,
      stage: '商务谈判',
      amount,
      closeDate: 46100,
    })),
    money,
  );
  const ranges: Record<string, unknown[][]> = { A1: [['']] };
  for (const spec of [templateById('goals'), templateById('deals'), workbookSettings])
    ranges[spec.tableName] = fake.namedValues(spec.tableName);
  return { allowed: true, ranges };
}

const sum = (rows: readonly (readonly CellValue[])[], column: number) =>
  rows.reduce((s, r) => s + (typeof r[column] === 'number' ? (r[column] as number) : 0), 0);
const inWan = (m: Manager, v: number) => (m.unit === '元' ? v / 10_000 : v);

let team: FakeSheets;
let port: WorkbookPort;
let linked: Record<string, FakeLinkedSpreadsheet>;

beforeAll(async () => {
  linked = {};
  for (const m of MANAGERS) linked[link(m.id)] = await managerSpreadsheet(m);
  (linked[link('north')] as FakeLinkedSpreadsheet).allowed = false;
  team = createFakeSheets({ linked, importLoadingReads: 2 });
  port = createSheetsClientPort(createServerCall(scriptRun(team), 'zh-CN'));
});

test('the first roll-up inserts 汇总来源 and says what to fill in; nothing else is written', async () => {
  await expect(rollupLinked(port, 'zh-CN')).rejects.toThrow('已插入“汇总来源”');
  expect(team.sheetNames()).toEqual(['Sheet1', '汇总来源']);
});

test('the listed spreadsheets roll up: totals equal the sources’ in 万元, the source not yet allowed and a bad link named', async () => {
  const sources = await port.readTable({ sheetName: '汇总来源' });
  const match = matchHeader(rollupSources, sources.header);
  const at = (key: string) => match.columns.get(key) as number;
  const listed: [string, string][] = [
    ...MANAGERS.map((m): [string, string] => [m.name, link(m.id)]),
    ['市场部', 'https://example.com/sheet'],
  ];
  await port.writeTables([
    {
      location: { sheetName: sources.sheetName, ...(sources.tableName ? { tableName: sources.tableName } : {}) },
      header: sources.header,
      computed: [],
      rows: listed.map(([name, url]) => sources.header.map((_h, c) => (c === at('name') ? name : c === at('url') ? url : null))),
    },
  ]);
  const progress: string[] = [];
  const result = await rollupLinked(port, 'zh-CN', (done, total, source) => progress.push(`${done}/${total} ${source}`));

  expect(result.listed).toBe(3);
  expect(progress).toEqual(['0/3 华南区', '1/3 华东区', '2/3 华北区', '3/3 ']);
  expect(result.rollup.failed).toEqual([{ name: '华北区', reason: expect.stringContaining('“汇总来源”第 5 行') }]);
  expect(result.problems.map((p) => p['zh-CN'])).toEqual([
    expect.stringMatching(/^第 6 行:“https:\/\/example.com\/sheet”不是 Google 表格的链接/),
  ]);
  expect(result.rollup.unit).toEqual(unit('万元'));
  expect(result.rollup.notes.map((n) => `${n.source}: ${n.message['zh-CN']}`)).toEqual(['华东区: 金额从 元 换算为 万元']);

  // Each connection check is the raw IMPORTRANGE (Google's "Allow access" shows on it).
  expect(team.cell('汇总来源', 2, at('connection'))?.formula).toBe(importRangeFormula(link('south'), 'A1'));
  expect(team.cell('汇总来源', 4, at('connection'))?.formula).toBe(importRangeFormula(link('north'), 'A1'));
  expect(team.cell('汇总来源', 5, at('connection'))?.formula).toBeUndefined();
  expect(team.cell('汇总来源', 2, at('connection'))?.format).not.toBe('@');

  const combined = MANAGERS.slice(0, 2);
  const goals = await port.readTable({ sheetName: '表2 销售目标分解与跟踪表' });
  const g = matchHeader(templateById('goals'), goals.header).columns;
  expect(goals.rows).toHaveLength(4);
  expect(sum(goals.rows, g.get('monthTarget') as number)).toBeCloseTo(
    combined.reduce((s, m) => s + m.months.reduce((t, [, target]) => t + inWan(m, target), 0), 0),
    9,
  );
  expect(sum(goals.rows, g.get('actual') as number)).toBeCloseTo(
    combined.reduce((s, m) => s + m.months.reduce((t, [, , actual]) => t + inWan(m, actual), 0), 0),
    9,
  );
  expect(goals.header[goals.header.length - 1]).toBe('来源工作簿');
  expect(new Set(goals.rows.map((r) => r[r.length - 1]))).toEqual(new Set(['华南区', '华东区']));

  const deals = await port.readTable({ sheetName: '商机明细' });
  const d = matchHeader(templateById('deals'), deals.header).columns;
  expect(deals.rows.map((r) => r[d.get('dealId') as number])).toEqual(['S-1', 'S-2', 'E-1', 'E-2', 'E-3']);
  expect(sum(deals.rows, d.get('amount') as number)).toBeCloseTo(60 + 45.5 + 38 + 12.5 + 7, 9);

  // The imports waited for Google (loading, then the result) and left no sheet behind.
  expect(team.sleeps()).toBeGreaterThan(0);
  expect(team.sheetNames()).not.toContain(IMPORT_SHEET);
  expect(team.hiddenSheets()).toEqual([]);
});

test('a second roll-up refuses to write over the first, naming its sheets', async () => {
  const before = team.sheetNames();
  const error = await rollupLinked(port, 'zh-CN').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookError);
  expect((error as Error).message).toContain('表2 销售目标分解与跟踪表');
  expect(team.sheetNames()).toEqual(before);
});

test('when no source can be read, nothing is written and each is named', async () => {
  const lonely = createFakeSheets({ linked: { [link('north')]: { allowed: false, ranges: {} } } });
  const lonelyPort = createSheetsPort(createSheetsWorkbook(lonely.services, 'en-US'));
  await expect(rollupLinked(lonelyPort, 'en-US')).rejects.toThrow('Roll-up Sources inserted');
  const sources = await lonelyPort.readTable({ sheetName: 'Roll-up Sources' });
  await lonelyPort.writeTables([
    {
      location: { sheetName: sources.sheetName, ...(sources.tableName ? { tableName: sources.tableName } : {}) },
      header: sources.header,
      computed: [],
      rows: [['North', link('north'), null]],
    },
  ]);
  const before = lonely.sheetNames();
  await expect(rollupLinked(lonelyPort, 'en-US')).rejects.toThrow(
    /No source could be combined[\s\S]*North: not allowed yet: click “Allow access”/,
  );
  expect(lonely.sheetNames()).toEqual(before);
});

test('a host that cannot read other spreadsheets says so', async () => {
  const { linked: _none, ...withoutLinks } = createSheetsPort(createSheetsWorkbook(createFakeSheets().services, 'zh-CN'));
  await expect(rollupLinked(withoutLinks, 'zh-CN')).rejects.toThrow('无法读取其他表格');
});
