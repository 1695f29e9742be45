/**
 * Goal tiers through the command line: `goals --stretch --challenge` splits each tier into 表2's
 * columns exactly; a quarter of deals imported and linked; `report --json` names the tier reached
 * (an oracle over the export); LibreOffice computes 表2's 达成档位 month by month.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/cli';
import { resavedByLibreOffice } from '../support/libreoffice';

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), 'cli-tiers-'));
// Won in 元: 1,200,000 + 1,100,000 + 1,150,000 = 345 万元 over the quarter, above the stretch (330), below the challenge (360).
const DEALS = [
  ['T-1', 1_200_000, '2026-01-20'],
  ['T-2', 1_100_000, '2026-02-14'],
  ['T-3', 1_150_000, '2026-03-09'],
] as const;

test('the tiers split into 表2, and the report names the tier reached', async () => {
  const book = join(dir, 'team.xlsx');
  await run('new', book, '--templates', 'deals', '--no-samples');
  const split = JSON.parse(
    await run(
      'goals',
      book,
      '--period',
      '2026 Q1',
      '--target',
      '300',
      '--stretch',
      '330',
      '--challenge',
      '360',
      '--unit',
      '万元',
      '--regions',
      '华南',
      '--rounding',
      '1',
      '--json',
    ),
  ) as { cells: { month: string; target: number; stretch: number; challenge: number }[] };
  expect(split.cells.map((c) => [c.target, c.stretch, c.challenge])).toEqual([
    [100, 110, 120],
    [100, 110, 120],
    [100, 110, 120],
  ]);
  const csv = join(dir, '商机_20260331.csv');
  writeFileSync(
    csv,
    [
      '商机编号,商机名称,负责人,所属部门,商机阶段,商机金额(元),结单日期',
      ...DEALS.map(([id, yuan, close]) => `${id},${id},华南销售,华南,赢单,${yuan},${close}`),
    ].join('\n'),
  );
  await run('import', book, csv);
  await run('link', book, '--as-of', '2026-03-31');

  const reviewed = join(dir, 'reviewed.xlsx');
  copyFileSync(book, reviewed);
  const summary = JSON.parse(await run('report', reviewed, '--json', '--as-of', '2026-03-31')) as {
    tiers: { target: number; stretch: number; challenge: number; actual: number; reached: string };
  };
  const actual = DEALS.reduce((a, [, yuan]) => a + yuan, 0) / 10_000;
  expect(summary.tiers).toEqual({ target: 300, stretch: 330, challenge: 360, actual, reached: 'stretch' });

  // 表2's 达成档位 per month, as LibreOffice recomputes the file: January 120 reaches the challenge (120),
  // February 110 the stretch, March 115 the stretch.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(resavedByLibreOffice([book])[0] as string);
  const sheet = wb.worksheets.find((w) => w.name.startsWith('表2'));
  if (!sheet) throw new Error('no 表2');
  let at: { row: number; col: number } | undefined;
  sheet.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.value === '达成档位' && !at) at = { row: r, col: c };
    }),
  );
  if (!at) throw new Error('no 达成档位 header');
  const { row, col } = at;
  const tiers = [1, 2, 3].map((i) => String(sheet.getRow(row + i).getCell(col).result ?? ''));
  expect(tiers).toEqual(['挑战', '冲刺', '冲刺']);
}, 120_000);

test('report --json names each 销售预测 row’s forecast tier and pace tier (PACE by tier)', async () => {
  const book = join(dir, 'forecast.xlsx');
  await run('new', book, '--templates', 'deals,forecast');
  const summary = JSON.parse(await run('report', book, '--json', '--as-of', '2024-02-15')) as {
    paceTiers?: {
      owner: string;
      target: number;
      stretch?: number;
      challenge?: number;
      won: number;
      commit: number;
      forecastTier: string;
      paceTier: string | null;
    }[];
  };
  // The samples: 华南区销售 has 100 / 120 / 150 and, from the sample register, won 0 and commit 80 by mid-February.
  expect(summary.paceTiers).toEqual([
    expect.objectContaining({ owner: '华南区销售', target: 100, stretch: 120, challenge: 150, forecastTier: 'below', paceTier: 'below' }),
  ]);
  const [line] = summary.paceTiers ?? [];
  expect(line?.forecastTier).toBe((line?.won ?? 0) + (line?.commit ?? 0) >= 100 ? 'target' : 'below');
}, 120_000);
