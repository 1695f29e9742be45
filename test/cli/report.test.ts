/**
 * `npm run workbook -- report`: the review's steps 1–3 on a workbook file, written as its 复盘报告
 * sheet with the charts as pictures; `--json` for automation; the same review id replaces its
 * report (pictures too), another adds one and keeps the first one's pictures; LibreOffice opens the
 * file and reads the report's numbers; a workbook without the method's sheets is left untouched.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runWorkbookCli } from '../../src/cli/workbook';
import type { ForecastCallSummary } from '../../src/core';
import { pngSize } from '../../src/files/png';
import { CHART_SIZE } from '../../src/files/reportPicture';
import { readPictures } from '../../src/files/xlsxPictures';
import { resavedByLibreOffice } from '../support/libreoffice';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-report-'));

interface Summary {
  reviewId: string;
  sheet: string;
  replaced: boolean;
  findings: { problem: string; impact: string; cause: string; severity: string; sheet: string; atStake?: number; rows?: number[] }[];
  kpis: Record<string, { label: string; target: number | null; actual: number | null; attainment: number | null }>;
  charts: number;
}

async function report(book: string, ...args: string[]): Promise<Summary> {
  const run = capture();
  expect(await runWorkbookCli(['report', book, '--json', '--as-of', '2024-04-01', ...args], run.io)).toBe(0);
  return JSON.parse(run.out.join('')) as Summary;
}

async function sheetNames(book: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  return wb.worksheets.map((w) => w.name);
}

let book: string;

beforeAll(async () => {
  book = join(dir, 'team.xlsx');
  expect(await runWorkbookCli(['new', book], capture().io)).toBe(0);
}, 60_000);

test('--json: the review id, findings with their sheet, the KPIs and four charts', async () => {
  const summary = await report(book);
  expect(summary).toMatchObject({ reviewId: 'R2024-04-01', sheet: '复盘报告 R2024-04-01', replaced: false, charts: 4 });
  expect(summary.kpis.sales).toMatchObject({ target: 180, actual: 165 });
  expect(summary.findings.length).toBeGreaterThan(0);
  for (const f of summary.findings) {
    expect(
      Object.keys(f)
        .filter((k) => k !== 'atStake' && k !== 'rows')
        .sort(),
    ).toEqual(['cause', 'impact', 'problem', 'severity', 'sheet']);
    for (const row of f.rows ?? []) expect(row).toBeGreaterThan(2);
    expect(['high', 'medium', 'low']).toContain(f.severity);
  }
  const t2 = summary.findings.find((f) => f.sheet === '表2 销售目标分解与跟踪表');
  expect(t2?.problem).toContain('91.7%');
  // The row to open to check it: 表2's first data row.
  expect(t2?.rows).toEqual([3]);
  // The report, then the table that keeps its ranking for the next report's rank changes.
  expect((await sheetNames(book)).slice(-2)).toEqual(['复盘报告 R2024-04-01', '复盘排名']);
  const pictures = await readPictures(readFileSync(book), (name) => name === summary.sheet);
  expect(pictures.map((p) => p.description)).toEqual(['销售漏斗', '目标与实际(按区域)', '月度趋势', '团队排名(达成率)']);
  for (const p of pictures) expect(pngSize(p.png)).toEqual(CHART_SIZE);
}, 120_000);

test('--json: the team’s forecast calls — latest call, adjustment, accuracy to date, missing calls', async () => {
  const calls = join(dir, 'calls.xlsx');
  copyFileSync(book, calls);
  const summary = (await report(calls)) as Summary & { forecastCalls: ForecastCallSummary };
  const { reps, missing, skippedRows } = summary.forecastCalls;
  // 组织架构's samples do not name 表2's 区域经理: named, counted in the team line only.
  const { hierarchy } = summary as unknown as { hierarchy: { unplaced: string[]; lines: { level: string; totals: { target: number } }[] } };
  expect(hierarchy.unplaced).toContain('区域经理');
  expect(hierarchy.lines.find((l) => l.level === 'team')?.totals.target).toBe(350);
  expect(skippedRows).toEqual([]);
  expect(missing).toEqual([]); // the quarter is over on 2024-04-01: no call is due
  const south = reps.find((r) => r.rep === '华南区销售');
  // The samples: 90 then 85 called against 72 — (1 − 18/72 + 1 − 13/72) / 2, too high by (18 + 13) / 72 / 2.
  expect(south).toMatchObject({ commit: 85, called: 85, systemCommit: 80, weeksScored: 2, direction: 'over', persistent: false });
  expect(south?.accuracy).toBeCloseTo((1 - 18 / 72 + 1 - 13 / 72) / 2, 12);
  expect(south?.bias).toBeCloseTo(31 / 72 / 2, 12);
  const east = reps.find((r) => r.rep === '华东区销售');
  expect(east).toMatchObject({ commit: 50, called: 50, weeksScored: 1, direction: 'under' });
  expect(east?.accuracy).toBeCloseTo(1 - 5 / 55, 12);

  // On 2024-03-20 the quarter runs: 华南区销售 last called 9 days before, 华东区销售 16, 大客户经理 (in 组织架构) never.
  const running = capture();
  expect(await runWorkbookCli(['report', calls, '--json', '--as-of', '2024-03-20'], running.io)).toBe(0);
  const during = (JSON.parse(running.out.join('')) as { forecastCalls: ForecastCallSummary }).forecastCalls;
  expect(during.missing.map((m) => [m.rep, m.daysSince])).toEqual(
    [
      ['华东区销售', 16],
      ['华南区销售', 9],
      ['大客户经理', undefined],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
});

test('the same review id replaces its report and pictures; another id adds one and keeps the first’s', async () => {
  const before = await sheetNames(book);
  const again = await report(book, '--review-id', 'R2024-04-01');
  expect(again.replaced).toBe(true);
  expect(await sheetNames(book)).toEqual(before);
  expect(await readPictures(readFileSync(book), () => true)).toHaveLength(4);

  const other = await report(book, '--review-id', 'R2024-04-02', '--lang', 'en-US');
  expect(other).toMatchObject({ sheet: 'Review Report R2024-04-02', replaced: false });
  const all = await readPictures(readFileSync(book), () => true);
  expect(all.filter((p) => p.sheetName === '复盘报告 R2024-04-01')).toHaveLength(4);
  expect(all.filter((p) => p.sheetName === 'Review Report R2024-04-02').map((p) => p.description)).toContain('Sales funnel');
}, 120_000);

test('LibreOffice opens the file and reads the report’s KPI table', async () => {
  const [resaved = ''] = resavedByLibreOffice([book]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(resaved);
  const sheet = wb.getWorksheet('复盘报告 R2024-04-01');
  expect(sheet).toBeDefined();
  // LibreOffice stores mixed Chinese and Latin text as rich text runs, one font per script.
  const text = (v: unknown): unknown =>
    typeof v === 'object' && v !== null && 'richText' in v ? (v as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('') : v;
  const rows = Array.from(sheet?.getSheetValues() ?? [], (row) => (Array.isArray(row) ? row.slice(1).map(text) : []));
  const sales = rows.find((row) => row[0] === '销售额(已报告月份)');
  expect(sales?.slice(1, 3)).toEqual([180, 165]);
  expect(rows.some((row) => row[0] === '一、关键指标')).toBe(true);
  expect(sheet?.getImages()).toHaveLength(4);
}, 180_000);

test('a workbook without the method’s sheets is refused and left byte for byte; a bad review id is a usage error', async () => {
  const blank = join(dir, 'blank.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'hello';
  await wb.xlsx.writeFile(blank);
  const bytes = readFileSync(blank);
  const run = capture();
  expect(await runWorkbookCli(['report', blank], run.io)).toBe(1);
  expect(run.err.join('\n')).toContain('no sheet of the method');
  expect(readFileSync(blank).equals(bytes)).toBe(true);
  const bad = capture();
  expect(await runWorkbookCli(['report', book, '--review-id', 'latest'], bad.io)).toBe(2);
  expect(bad.err.join('\n')).toContain('--review-id must look like R2026-12-01');
});
