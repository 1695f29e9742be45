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
      ['goals', book, '--period', '2026 Q1', '--target', '500', '--unit', '万元', '--regions', '华南,华东,华北', '--json'],
      goals.io,
    ),
  ).toBe(0);
  const split = JSON.parse(goals.out.join('')) as { rows: number; months: string[]; unit: string; cells: { target: number }[] };
  expect(split).toMatchObject({ rows: 9, months: ['2026-01', '2026-02', '2026-03'], unit: '万元' });
  expect(split.cells.reduce((a, c) => a + c.target, 0)).toBeCloseTo(500, 9);

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
