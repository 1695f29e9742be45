/**
 * `npm run workbook -- import`: a HubSpot-shaped deal export into a workbook's register, by deal ID,
 * with --json counts and changes; a re-import duplicates nothing; a bad file, an unmapped required
 * column or a --strict refusal exits non-zero and leaves the workbook byte for byte as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runWorkbookCli } from '../../src/cli/workbook';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-import-'));
const HUBSPOT = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Associated Company,Deal probability',
  '9001,POS upgrade,Contract Sent,"$120,000",2024-03-28,South rep,Customer A,0.8',
  '9002,Warehouse,Presentation Scheduled,50000,2024-04-15,East rep,Customer B,0.4',
  '9003,Loyalty,Closed Won,35500,2024-03-12,South rep,Customer C,1',
].join('\n');

async function newBook(name: string): Promise<string> {
  const path = join(dir, name);
  expect(await runWorkbookCli(['new', path, '--templates', 'goals', '--no-samples'], capture().io)).toBe(0);
  return path;
}

test('import --json: counts and changes; a re-import is unchanged; the register lands in the file', async () => {
  const book = await newBook('team.xlsx');
  const csv = join(dir, 'hubspot.csv');
  writeFileSync(csv, HUBSPOT);
  const first = capture();
  expect(await runWorkbookCli(['import', book, csv, '--json', '--as-of', '2024-03-20'], first.io)).toBe(0);
  const summary = JSON.parse(first.out.join('')) as {
    new: number;
    updated: number;
    unchanged: number;
    invalid: number;
    changes: Record<string, { count: number }>;
  };
  expect(summary).toMatchObject({ new: 3, updated: 0, unchanged: 0, invalid: 0, baseline: true, takenOn: '2024-03-20' });
  // The first import is the baseline: a deal won long ago is not this week's win.
  expect(summary.changes.new?.count).toBe(0);
  expect(summary.changes.won?.count).toBe(0);

  const again = capture();
  expect(await runWorkbookCli(['import', book, csv, '--json'], again.io)).toBe(0);
  expect(JSON.parse(again.out.join(''))).toMatchObject({ new: 0, updated: 0, unchanged: 3 });

  const moved = HUBSPOT.replace('2024-03-28', '2024-04-28').replace('"$120,000"', '"$150,000"');
  writeFileSync(csv, moved);
  const third = capture();
  expect(await runWorkbookCli(['import', book, csv, '--json'], third.io)).toBe(0);
  const report = JSON.parse(third.out.join('')) as { updated: number; changes: Record<string, { deals: string[] }> };
  expect(report.updated).toBe(1);
  expect(report.changes.slipped?.deals).toEqual(['9001']);
  expect(report.changes.amountUp?.deals).toEqual(['9001']);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
  // Three imports without --as-of after one with it: two snapshot days kept (the same day's replaced).
  const snapshots = wb.worksheets.find((ws) => ws.name === '商机快照');
  const days = new Set<string>();
  snapshots?.eachRow((row, n) => {
    if (n > 2 && row.getCell(1).value) days.add(String(row.getCell(1).value));
  });
  expect(days.size).toBe(2);
  const register = wb.worksheets.find((ws) => ws.name === '商机明细');
  expect(register).toBeDefined();
  const ids: unknown[] = [];
  register?.eachRow((row, n) => {
    if (n > 2) ids.push(row.getCell(1).value);
  });
  expect(ids.filter((id) => id !== null && id !== '')).toEqual(['9001', '9002', '9003']);
});

test.each([
  ['a file that is not there', (csv: string) => csv.replace(/\.csv$/, '-missing.csv'), [] as string[]],
  ['an unmapped required column', (csv: string) => (writeFileSync(csv, 'Name,Value\nx,1'), csv), []],
  [
    '--strict with a bad row',
    (csv: string) => (writeFileSync(csv, HUBSPOT + '\n9004,Bad,Closed Won,lots,2024-03-01,x,y,1'), csv),
    ['--strict'],
  ],
])('%s exits 1 and leaves the workbook as it was', async (_name, prepare, flags) => {
  const book = await newBook(`untouched-${flags.length}-${Math.random()}.xlsx`);
  const before = readFileSync(book);
  const run = capture();
  const csv = prepare(join(dir, `export-${Math.random()}.csv`));
  expect(await runWorkbookCli(['import', book, csv, ...flags], run.io)).toBe(1);
  expect(run.err.join('\n')).toMatch(/nothing was written|Cannot read|no column/);
  expect(readFileSync(book).equals(before)).toBe(true);
});

test('a wrong command line exits 2', async () => {
  expect(await runWorkbookCli(['import', join(dir, 'x.xlsx')], capture().io)).toBe(2);
  expect(await runWorkbookCli(['import', join(dir, 'x.xlsx'), 'deals.pdf'], capture().io)).toBe(2);
  expect(await runWorkbookCli(['import', join(dir, 'x.xlsx'), 'deals.csv', '--slip', 'week'], capture().io)).toBe(2);
});

const OWN_CRM = [
  'Opp Ref,Title,Phase,Value,Expected,Rep,Region',
  'X-1,Store POS,Demo Done,120万,2024/3/28,South rep,华南区',
  'X-2,Warehouse,Lost to rival,50000,2024/4/15,East rep,华东区',
  'X-3,Loyalty,Signed,35.5万,2024/3/12,South rep,华南区',
].join('\n');

test('a mapping saved with --save-mapping (columns and stage answers) maps next week’s export by itself', async () => {
  const book = await newBook('mapping.xlsx');
  const csv = join(dir, 'own-crm.csv');
  writeFileSync(csv, OWN_CRM);
  const flags = [
    '--column',
    '商机编号=Opp Ref',
    '--column',
    'Deal name=Title',
    '--column',
    'stage=Phase',
    '--column',
    '金额=Value',
    '--column',
    '预计成交日期=Expected',
    '--column',
    'owner=Rep',
  ];
  const answers = ['--stage', 'Demo Done=方案提交', '--stage', 'Lost to rival=输单', '--stage', 'Signed=赢单'];
  const first = capture();
  expect(
    await runWorkbookCli(
      ['import', book, csv, ...flags, ...answers, '--save-mapping', 'Own CRM', '--json', '--as-of', '2024-03-20'],
      first.io,
    ),
  ).toBe(0);
  expect(JSON.parse(first.out.join(''))).toMatchObject({ new: 3, invalid: 0 });
  expect(first.err.join('\n')).toMatch(/导入映射/);

  // Next week: only --mapping; the same columns and stages, and the amounts changed in the export.
  writeFileSync(csv, OWN_CRM.replace('120万', '130万'));
  const second = capture();
  expect(await runWorkbookCli(['import', book, csv, '--mapping', 'Own CRM', '--json', '--as-of', '2024-03-27'], second.io)).toBe(0);
  const report = JSON.parse(second.out.join('')) as { updated: number; invalid: number; changes: Record<string, { deals: string[] }> };
  expect(report).toMatchObject({ updated: 1, invalid: 0 });
  expect(report.changes.amountUp?.deals).toEqual(['X-1']);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
  const register = wb.worksheets.find((ws) => ws.name === '商机明细');
  const statusOf = new Map<string, unknown>();
  register?.eachRow((row, n) => {
    if (n > 2 && row.getCell(1).value) statusOf.set(String(row.getCell(1).value), row.getCell(11).value);
  });
  expect(Object.fromEntries(statusOf)).toEqual({ 'X-1': '进行中', 'X-2': '输单', 'X-3': '赢单' });

  // Without the saved mapping the same file cannot be mapped; an unknown name is refused, file untouched.
  const before = readFileSync(book);
  const unknown = capture();
  expect(await runWorkbookCli(['import', book, csv, '--mapping', 'Nope'], unknown.io)).toBe(1);
  expect(unknown.err.join('\n')).toMatch(/no saved mapping "Nope" \(saved: Own CRM\)/);
  expect(readFileSync(book).equals(before)).toBe(true);
});

test('an unknown stage is asked for: its rows are left out and named, and --stage answers it', async () => {
  const book = await newBook('stages.xlsx');
  const csv = join(dir, 'stages.csv');
  writeFileSync(csv, HUBSPOT.replace('Contract Sent', 'Legal Review'));
  const run = capture();
  expect(await runWorkbookCli(['import', book, csv, '--json'], run.io)).toBe(0);
  expect(JSON.parse(run.out.join(''))).toMatchObject({ new: 2, invalid: 1 });
  expect(run.err.join('\n')).toMatch(/"Legal Review".*--stage/s);
  const answered = capture();
  expect(await runWorkbookCli(['import', book, csv, '--stage', 'Legal Review=商务谈判', '--json'], answered.io)).toBe(0);
  expect(JSON.parse(answered.out.join(''))).toMatchObject({ new: 1, invalid: 0 });
  expect(await runWorkbookCli(['import', book, csv, '--stage', 'Legal Review=somewhere'], capture().io)).toBe(2);
});

test('link: the funnel, 表2 and a new forecast compute from the register as SUMIFS/COUNTIFS', async () => {
  const book = join(dir, 'linked.xlsx');
  expect(await runWorkbookCli(['new', book, '--templates', 'goals,funnel', '--no-samples'], capture().io)).toBe(0);
  const csv = join(dir, 'hubspot-link.csv');
  writeFileSync(csv, HUBSPOT);
  expect(await runWorkbookCli(['import', book, csv], capture().io)).toBe(0);
  const run = capture();
  expect(await runWorkbookCli(['link', book, '--as-of', '2024-03-20', '--json'], run.io)).toBe(0);
  const result = JSON.parse(run.out.join('')) as { funnelRows: number; forecastAdded: number; sheets: { forecast: string } };
  expect(result).toMatchObject({ funnelRows: 6, forecastAdded: 2, sheets: { forecast: '销售预测' } });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
  const forecast = wb.worksheets.find((ws) => ws.name === '销售预测');
  const owners: unknown[] = [];
  const formulas: string[] = [];
  forecast?.eachRow((row, n) => {
    if (n <= 2 || !row.getCell(1).value) return;
    owners.push(row.getCell(1).value);
    formulas.push((row.getCell(6).value as ExcelJS.CellFormulaValue).formula);
  });
  expect(owners).toEqual(['South rep', 'East rep']);
  // The funnel had no rows: it gets the method's six stages, counting the deals that reached each.
  const funnel = wb.worksheets.find((ws) => ws.name === '销售漏斗');
  const counts: unknown[] = [];
  funnel?.eachRow((row, n) => {
    if (n > 2 && row.getCell(1).value) counts.push([row.getCell(1).value, (row.getCell(2).value as ExcelJS.CellFormulaValue).result]);
  });
  expect(counts).toEqual([
    ['线索获取', 3],
    ['初步接洽', 3],
    ['需求确认', 3],
    ['方案提交', 3],
    ['商务谈判', 2],
    ['成交签约', 1],
  ]);
  expect(formulas.every((f) => /^IF\(.*SUMIFS\('?商机明细'?!\$G:\$G/.test(f))).toBe(true);
  expect(await runWorkbookCli(['link', join(dir, 'no-such.xlsx')], capture().io)).toBe(1);
});

test('exports of two days are kept as two snapshots under the dates in their names; the second names the week’s win', async () => {
  const book = await newBook('weeks.xlsx');
  const first = join(dir, '商机_20260305.csv');
  const second = join(dir, '商机_20260312.csv');
  writeFileSync(first, HUBSPOT.replace('Contract Sent', 'Contract Sent'));
  writeFileSync(second, HUBSPOT.replace('9001,POS upgrade,Contract Sent', '9001,POS upgrade,Closed Won'));
  const a = capture();
  expect(await runWorkbookCli(['import', book, first, '--json'], a.io)).toBe(0);
  expect(JSON.parse(a.out.join(''))).toMatchObject({ baseline: true, takenOn: '2026-03-05' });
  const b = capture();
  expect(await runWorkbookCli(['import', book, second, '--json'], b.io)).toBe(0);
  const week = JSON.parse(b.out.join('')) as { baseline: boolean; takenOn: string; changes: Record<string, { deals: string[] }> };
  expect(week).toMatchObject({ baseline: false, takenOn: '2026-03-12' });
  expect(week.changes.won?.deals).toEqual(['9001']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
  const snapshots = wb.worksheets.find((s) => s.name === '商机快照');
  const days = new Set<string>();
  snapshots?.eachRow((row, n) => {
    // 快照日期 is the second column (after 快照编号), below the title and header rows.
    const v = row.getCell(2).value;
    if (n > 2 && v instanceof Date) days.add(v.toISOString().slice(0, 10));
  });
  expect([...days].sort()).toEqual(['2026-03-05', '2026-03-12']);
});
