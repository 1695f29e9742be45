/**
 * The month of issue 21 through the command line: `goals` in 万元, a GBK 纷享销客-style export in 元
 * with departments for regions, `import`, then `link`: the register holds 万元, every region is
 * matched, and 表2's actuals, as LibreOffice computes them from the file, equal a plain JavaScript oracle.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../src/files/xlsxRead';
import iconv from 'iconv-lite';
import { runWorkbookCli } from '../../src/cli/workbook';
import { resavedByLibreOffice } from '../support/libreoffice';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-month-'));
const REGIONS = ['华南', '华东', '华北'];
const DEALS = Array.from({ length: 45 }, (_v, i) => ({
  id: `FX-${i + 1}`,
  region: REGIONS[i % 3] as string,
  won: i % 3 !== 1 || i % 2 === 0,
  yuan: 120_000 + ((i * 51_713) % 800_000) + 0.5,
  close: `2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`,
}));
const csv = [
  '商机编号,商机名称,负责人,所属部门,商机阶段,商机金额(元),结单日期,输单原因',
  ...DEALS.map(
    (d) =>
      `${d.id},商机${d.id},${d.region}销售,${d.region}销售部,${d.won ? '赢单' : '商务谈判'},"${d.yuan.toLocaleString('en-US', { minimumFractionDigits: 2 })}",${d.close},`,
  ),
].join('\r\n');
const oracle = (month: string, region: string) =>
  DEALS.filter((d) => d.won && d.region === region && d.close.startsWith(month)).reduce((a, d) => a + d.yuan, 0) / 10_000;

test('goals in 万元, a 元 export with departments, link: 表2 actuals equal the oracle', async () => {
  const book = join(dir, 'team.xlsx');
  expect(await runWorkbookCli(['new', book, '--templates', 'deals', '--no-samples'], capture().io)).toBe(0);
  const goals = capture();
  expect(
    await runWorkbookCli(
      ['goals', book, '--period', '2026 Q1', '--target', '3000', '--unit', '万元', '--regions', '华南,华东,华北', '--json'],
      goals.io,
    ),
  ).toBe(0);
  const split = JSON.parse(goals.out.join('')) as { rows: number; months: string[]; unit: string; cells: { target: number }[] };
  expect(split).toMatchObject({ rows: 9, months: ['2026-01', '2026-02', '2026-03'], unit: '万元' });
  expect(split.cells.reduce((a, c) => a + c.target, 0)).toBeCloseTo(3000, 9);

  const file = join(dir, '商机_20260331.csv');
  writeFileSync(file, iconv.encode(csv, 'gb18030'));
  const imported = capture();
  expect(await runWorkbookCli(['import', book, file, '--json'], imported.io)).toBe(0);
  expect(JSON.parse(imported.out.join(''))).toMatchObject({
    new: 45,
    invalid: 0,
    baseline: true,
    unit: { export: '元', workbook: '万元' },
  });

  const linked = capture();
  expect(await runWorkbookCli(['link', book, '--as-of', '2026-04-02', '--json'], linked.io)).toBe(0);
  const link = JSON.parse(linked.out.join('')) as { goals: { wonDeals: number; countedDeals: number } };
  expect(link.goals.countedDeals).toBe(link.goals.wonDeals);

  // LibreOffice opens the file, recalculates every formula and saves what it computed.
  const [resaved = ''] = resavedByLibreOffice([book]);
  const { snapshot } = await readXlsx(readFileSync(resaved), 'team.xlsx', 'zh-CN');
  const sheet = Object.values(snapshot.sheets).find((s) => s?.name?.startsWith('表2'));
  const cells = sheet?.cellData ?? {};
  const value = (r: number, c: number) => cells[r]?.[c]?.v;
  const header: string[] = [];
  for (let c = 0; value(1, c) !== undefined && value(1, c) !== null; c++) header.push(String(value(1, c)));
  // The money headers say the workbook's unit.
  expect(header).toEqual(expect.arrayContaining(['季度目标(万元)', '月度分解目标(万元)', '月度实际完成(万元)', '差距(万元)']));
  const [monthAt, regionAt, actualAt] = ['月份', '负责区域', '月度实际完成(万元)'].map((label) => header.indexOf(label)) as [
    number,
    number,
    number,
  ];
  let checked = 0;
  for (let r = 2; r < 2 + 20; r++) {
    const [month, region] = [value(r, monthAt), value(r, regionAt)];
    if (typeof month !== 'string' || typeof region !== 'string') continue;
    expect(value(r, actualAt)).toBeCloseTo(oracle(month, region), 6);
    checked++;
  }
  expect(checked).toBe(9);
}, 120_000);

/** A week later: FX-2 won, FX-8 lost without a reason, FX-14 lost to price, FX-20 slipped into April, FX-26 grew, FX-46 new. */
const WEEK2 = [
  ...DEALS.map((d) => {
    if (d.id === 'FX-2') return { ...d, won: true };
    if (d.id === 'FX-20') return { ...d, close: '2026-04-20' };
    if (d.id === 'FX-26') return { ...d, yuan: d.yuan + 50_000 };
    return d;
  }),
  { id: 'FX-46', region: '华南', won: false, yuan: 260_000, close: '2026-03-30' },
];
const LOST: Readonly<Record<string, string>> = { 'FX-8': '', 'FX-14': '价格' };
const csv2 = [
  '商机编号,商机名称,负责人,所属部门,商机阶段,商机金额(元),结单日期,输单原因',
  ...WEEK2.map(
    (d) =>
      `${d.id},商机${d.id},${d.region}销售,${d.region}销售部,${d.id in LOST ? '输单' : d.won ? '赢单' : '商务谈判'},"${d.yuan.toLocaleString('en-US', { minimumFractionDigits: 2 })}",${d.close},${LOST[d.id] ?? ''}`,
  ),
].join('\r\n');

interface Changed {
  id: string;
  name: string;
  owner: string;
  from: string | number | null;
  to: string | number | null;
  row?: number;
}

test('a week later: the changes named deal by deal, both snapshots kept, and a review that ranks and names the blank reason', async () => {
  const book = join(dir, 'team.xlsx');
  const file = join(dir, '商机_20260407.csv');
  writeFileSync(file, iconv.encode(csv2, 'gb18030'));
  const imported = capture();
  expect(await runWorkbookCli(['import', book, file, '--json'], imported.io)).toBe(0);
  const summary = JSON.parse(imported.out.join('')) as {
    new: number;
    updated: number;
    baseline: boolean;
    takenOn: string;
    changes: Record<string, { count: number; details: Changed[] }>;
  };
  expect(summary).toMatchObject({ new: 1, updated: 5, baseline: false, takenOn: '2026-04-07' });
  const ids = (type: string) => summary.changes[type]?.details.map((d) => d.id);
  expect([ids('new'), ids('won'), ids('lost'), ids('slipped'), ids('amountUp')]).toEqual([
    ['FX-46'],
    ['FX-2'],
    ['FX-8', 'FX-14'],
    ['FX-20'],
    ['FX-26'],
  ]);
  expect(summary.changes.won?.details[0]).toMatchObject({ name: '商机FX-2', owner: '华东销售', from: '商务谈判', to: '赢单' });
  expect(summary.changes.slipped?.details[0]).toMatchObject({ from: '2026-02-20', to: '2026-04-20' });
  const grown = DEALS.find((d) => d.id === 'FX-26')!.yuan / 10_000;
  expect(summary.changes.amountUp?.details[0]?.from).toBeCloseTo(grown, 9);
  expect(summary.changes.amountUp?.details[0]?.to).toBeCloseTo(grown + 5, 9);
  for (const details of Object.values(summary.changes).map((c) => c.details)) for (const d of details) expect(d.row).toBeGreaterThan(2);

  // Both exports are kept, each under its own day.
  const { snapshot } = await readXlsx(readFileSync(book), 'team.xlsx', 'zh-CN');
  const kept = Object.values(snapshot.sheets).find((s) => s?.name === '商机快照');
  const snapshotIds = new Set(Object.values(kept?.cellData ?? {}).map((row) => row?.[0]?.v));
  expect([...snapshotIds].filter((v) => typeof v === 'string' && v.startsWith('S-'))).toEqual(['S-2026-03-31', 'S-2026-04-07']);

  // The forecast's win rate per region: won / (won + lost), the department names counted as their region.
  const forecast = Object.values(snapshot.sheets).find((s) => s?.name === '销售预测');
  const fc = forecast?.cellData ?? {};
  const head = Object.values(fc[1] ?? {}).map((c) => c?.v);
  const [regionAt, rateAt] = [head.indexOf('区域'), head.indexOf('赢单率')];
  const rates = Object.fromEntries(
    Object.values(fc)
      .slice(2)
      .filter((row) => typeof row?.[regionAt]?.v === 'string')
      .map((row) => [row?.[regionAt]?.v, row?.[rateAt]?.v]),
  );
  for (const region of ['华南', '华东', '华北']) {
    const closed = WEEK2.filter((d) => d.region === region && (d.won || d.id in LOST));
    const wonCount = closed.filter((d) => !(d.id in LOST)).length;
    expect([region, rates[region]]).toEqual([region, expect.closeTo(wonCount / closed.length, 9)]);
  }

  // The review: the sales KPI equals the oracle, 表2 gaps are one finding per region, ranked, and the blank reason is a data check.
  const reported = capture();
  expect(await runWorkbookCli(['report', book, '--as-of', '2026-04-07', '--json'], reported.io)).toBe(0);
  const report = JSON.parse(reported.out.join('')) as {
    dataChecks: { kind: string; count: number; examples: { row: number; value: string }[] }[];
    findings: { problem: string; severity: string; sheet: string; atStake?: number }[];
    kpis: Record<string, { target: number | null; actual: number | null; attainment: number | null }>;
  };
  const won = WEEK2.filter((d) => d.won && !(d.id in LOST) && d.close < '2026-04').reduce((a, d) => a + d.yuan, 0) / 10_000;
  expect(report.kpis.sales?.target).toBeCloseTo(3000, 9);
  expect(report.kpis.sales?.actual).toBeCloseTo(won, 6);
  expect(report.kpis.sales?.attainment).toBeCloseTo(won / 3000, 9);
  // Coverage: the open pipeline closing in the quarter over the gap still to close, both in 万元.
  const open = WEEK2.filter((d) => !d.won && !(d.id in LOST) && d.close < '2026-04').reduce((a, d) => a + d.yuan, 0) / 10_000;
  expect(report.kpis.coverage?.actual).toBeCloseTo(open / (3000 - won), 9);
  const blank = report.dataChecks.find((c) => c.kind === 'blankLostReasons');
  expect(blank).toMatchObject({ count: 1, examples: [{ value: 'FX-8' }] });
  expect(report.dataChecks.some((c) => c.kind === 'unitMismatch' || c.kind === 'unmatchedRegions')).toBe(false);
  const t2 = report.findings.filter((f) => f.sheet.startsWith('表2'));
  for (const region of ['华南', '华东', '华北']) expect(t2.filter((f) => f.problem.startsWith(region)).length).toBeLessThanOrEqual(1);
  const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
  const order = report.findings.map((f) => [rank[f.severity] ?? 3, -(f.atStake ?? -1)] as const);
  expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  expect(report.findings.every((f) => !f.problem.includes('未填写'))).toBe(true);
}, 180_000);
