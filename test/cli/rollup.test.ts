/**
 * `npm run workbook -- rollup`: three managers' workbooks made by `new`, `goals`, `import` and `link`
 * (one kept in 元, two in 万元), combined into a team workbook whose review's totals equal the sum
 * of the three reviews; a damaged file and a workbook without the method's sheets in the folder are
 * named, not skipped silently; the sources are left byte for byte.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { runWorkbookCli } from '../../src/cli/workbook';
import { computedSheets } from '../support/libreoffice';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function run(...args: string[]): Promise<string> {
  const c = capture();
  const code = await runWorkbookCli(args, c.io);
  if (code !== 0) throw new Error(`${args.join(' ')} → ${code}: ${c.err.join('\n')}`);
  return c.out.join('');
}

const dir = mkdtempSync(join(tmpdir(), 'cli-rollup-'));
const managers = join(dir, 'managers');
mkdirSync(managers);

interface Manager {
  readonly file: string;
  readonly region: string;
  readonly target: number;
  readonly unit: '万元' | '元';
}
const MANAGERS: readonly Manager[] = [
  { file: '华南区.xlsx', region: '华南', target: 900, unit: '万元' },
  { file: '华东区.xlsx', region: '华东', target: 6_000_000, unit: '元' },
  { file: '华北区.xlsx', region: '华北', target: 450, unit: '万元' },
];

/** A manager's CRM export in 元 (GBK, as 纷享销客 writes it): won and open deals over the quarter. */
function exportOf(m: Manager, index: number): Buffer {
  const rows = Array.from({ length: 12 }, (_v, i) => {
    const yuan = 150_000 + ((i * 73_421 + index * 9_973) % 600_000);
    const close = `2026-0${1 + (i % 3)}-${String(3 + i).padStart(2, '0')}`;
    return `${m.region}-${i + 1},商机${i + 1},${m.region}销售,${m.region}销售部,${i % 3 === 2 ? '商务谈判' : '赢单'},${yuan},${close},`;
  });
  return iconv.encode(['商机编号,商机名称,负责人,所属部门,商机阶段,商机金额(元),结单日期,输单原因', ...rows].join('\r\n'), 'gb18030');
}

interface Kpi {
  target: number | null;
  actual: number | null;
}

const salesOf = async (book: string, reviewId: string): Promise<Kpi> => {
  const copy = join(dir, `review-${reviewId}.xlsx`);
  copyFileSync(book, copy);
  const summary = JSON.parse(await run('report', copy, '--json', '--as-of', '2026-03-31', '--review-id', reviewId)) as {
    kpis: Record<string, Kpi>;
  };
  return summary.kpis.sales as Kpi;
};

beforeAll(async () => {
  for (const [i, m] of MANAGERS.entries()) {
    const book = join(managers, m.file);
    await run('new', book, '--templates', 'deals', '--no-samples');
    await run('goals', book, '--period', '2026 Q1', '--target', String(m.target), '--unit', m.unit, '--regions', m.region);
    const csv = join(dir, `商机_${i}_20260331.csv`);
    writeFileSync(csv, exportOf(m, i));
    await run('import', book, csv);
    await run('link', book, '--as-of', '2026-03-31');
  }
  writeFileSync(join(managers, '损坏.xlsx'), 'PK\u0003\u0004 not a workbook');
  await run('new', join(managers, '空白.xlsx'), '--templates', 'leads', '--no-samples');
  // A manager who keeps 组织架构 and 预测提报 (the templates' samples).
  await run('new', join(managers, '组织.xlsx'), '--templates', 'orgChart');
}, 300_000);

test('the team review’s totals equal the sum of the three managers’ reviews, 元 converted to 万元', async () => {
  const before = MANAGERS.map((m) => readFileSync(join(managers, m.file)));
  const team = join(dir, 'team.xlsx');
  const summary = JSON.parse(await run('rollup', managers, team, '--unit', '万元', '--json')) as {
    unit: string;
    sheets: string[];
    sources: { file: string; combined: boolean; reason?: string; rows?: Record<string, number> }[];
    notes: { source: string; message: string }[];
  };
  expect(summary.unit).toBe('万元');
  const byFile = new Map(summary.sources.map((s) => [s.file, s]));
  for (const m of MANAGERS) expect(byFile.get(m.file)).toMatchObject({ combined: true, rows: { deals: 12, goals: 3 } });
  expect(byFile.get('损坏.xlsx')).toMatchObject({ combined: false });
  expect(byFile.get('损坏.xlsx')?.reason).toBeTruthy();
  expect(byFile.get('空白.xlsx')).toMatchObject({ combined: false, reason: expect.stringContaining('no sheet of the method') });
  expect(byFile.get('组织.xlsx')).toMatchObject({ combined: true, rows: { orgChart: 4, forecastCalls: 3 } });
  expect(summary.notes).toEqual([
    { source: '华东区.xlsx', message: '金额从 元 换算为 万元' },
    { source: '组织.xlsx', message: '未注明金额单位,按 万元 汇总' },
  ]);
  MANAGERS.forEach((m, i) => expect(readFileSync(join(managers, m.file)).equals(before[i] as Buffer)).toBe(true));

  const each = await Promise.all(MANAGERS.map((m, i) => salesOf(join(managers, m.file), `R2026-03-31-${i + 1}`)));
  const inWan = (kpi: Kpi, m: Manager) => ({
    target: (kpi.target ?? NaN) / (m.unit === '元' ? 10_000 : 1),
    actual: (kpi.actual ?? NaN) / (m.unit === '元' ? 10_000 : 1),
  });
  const sum = each
    .map((k, i) => inWan(k, MANAGERS[i] as Manager))
    .reduce((a, k) => ({ target: a.target + k.target, actual: a.actual + k.actual }));
  expect(sum.actual).toBeGreaterThan(0);
  const teamSales = await salesOf(team, 'R2026-03-31');
  expect(teamSales.target).toBeCloseTo(sum.target, 6);
  expect(teamSales.actual).toBeCloseTo(sum.actual, 6);

  // LibreOffice computes the team workbook without an error value; 组织架构 still rolls up 预测提报.
  const sheets = computedSheets([team]).get(team) ?? new Map<string, string[][]>();
  const errors = [...sheets].flatMap(([name, rows]) =>
    rows
      .flat()
      .filter((v) => /^#(REF|NAME|VALUE|N\/A|DIV)/.test(v))
      .map((v) => `${name}: ${v}`),
  );
  expect(errors).toEqual([]);
  const org = sheets.get('组织架构') ?? [];
  // Money headers carry the team's unit: 经理合计(万元).
  const header = org.findIndex((r) => r.some((v) => v.startsWith('经理合计')));
  expect(org[header + 1]?.[(org[header] ?? []).findIndex((v) => v.startsWith('经理合计'))]).toBe('85.0');
}, 300_000);

test('no source that can be combined: nothing is written, each is named; an existing team workbook needs --force', async () => {
  const team = join(dir, 'none.xlsx');
  const c = capture();
  expect(await runWorkbookCli(['rollup', join(managers, '损坏.xlsx'), join(managers, '空白.xlsx'), team], c.io)).toBe(1);
  expect(c.err.join('\n')).toMatch(/损坏\.xlsx: .*; 空白\.xlsx: no sheet of the method/);
  const again = capture();
  const existing = join(dir, 'team.xlsx');
  expect(await runWorkbookCli(['rollup', managers, existing], again.io)).toBe(2);
  expect(again.err.join('\n')).toContain('--force');
});
