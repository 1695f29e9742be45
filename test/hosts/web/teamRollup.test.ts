/**
 * 组织架构's native roll-up of 预测提报 on the shared quarter (test/support/teamQuarter.ts): the
 * team's calls and org chart written into a headless Univer workbook with portable formulas, then
 * 最新承诺 / 经理合计 / 区域合计 per row as Univer computes them and as LibreOffice recomputes the
 * file, each equal to the core oracle (the latest call of each rep, summed over the reps in force).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OrgAssignment, calledCommit, latestCalls, templateById } from '../../../src/core';
import { writeXlsx } from '../../../src/files/xlsxWrite';
import { createHeadlessUniver, type HeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import { computedSheets } from '../../support/libreoffice';
import { ORG, quarter, writeQuarter } from '../../support/teamQuarter';

const orgChart = templateById('orgChart');
const KEYS = ['latestCommit', 'managerCommit', 'regionCommit'] as const;

/** The oracle: each org row's three roll-up figures; blank for the row a move ended. */
function oracle(): (readonly [number, number, number] | null)[] {
  const latest = new Map(latestCalls(quarter()).map((c) => [c.rep, calledCommit(c) as number]));
  // Every row is open but 销售三's old one (ended 2026-02-15): "in force" today, whatever today is.
  const inForce = (a: OrgAssignment) => a.end === undefined;
  const sum = (keep: (a: OrgAssignment) => boolean) =>
    ORG.filter((a) => inForce(a) && keep(a)).reduce((s, a) => s + (latest.get(a.rep) ?? 0), 0);
  return ORG.map((a) =>
    inForce(a) ? ([latest.get(a.rep) ?? 0, sum((b) => b.manager === a.manager), sum((b) => b.region === a.region)] as const) : null,
  );
}

let host: HeadlessUniver;
let univerFigures: (readonly [unknown, unknown, unknown])[];
let file: string;

beforeAll(async () => {
  host = createHeadlessUniver('zh-CN');
  const workbook = host.api.getActiveWorkbook();
  if (!workbook) throw new Error('no workbook');
  const port = createUniverWorkbook(host.api, { workbook, locale: 'zh-CN' });
  const { org, orgSheet } = await writeQuarter(port, true);
  await host.api.getFormula().onCalculationResultApplied();

  const sheet = workbook.getSheetByName(orgSheet);
  if (!sheet) throw new Error('no 组织架构');
  const col = (key: string) =>
    org.header.findIndex((h) => h.startsWith(orgChart.columns.find((c) => c.key === key)?.label['zh-CN'] ?? '?'));
  univerFigures = ORG.map(
    (_a, i) => KEYS.map((key) => sheet.getRange(org.headerRow + 1 + i, col(key)).getRawValue()) as [unknown, unknown, unknown],
  );

  file = join(mkdtempSync(join(tmpdir(), 'team-rollup-')), 'team.xlsx');
  writeFileSync(file, (await writeXlsx(JSON.parse(JSON.stringify(workbook.save())), { portable: true })).buffer);
}, 120_000);

afterAll(() => host?.dispose());

test('Univer computes each row’s latest commit, its manager’s and its region’s totals as the oracle does', () => {
  const expected = oracle().map((figures) => figures ?? ['', '', '']);
  expect(univerFigures.map((row) => row.map((v) => (v === null || v === undefined ? '' : v)))).toEqual(expected);
});

test('LibreOffice recomputes the file to the same figures', () => {
  const sheets = computedSheets([file]).get(file);
  const rows = sheets?.get('组织架构') ?? [];
  const header = rows.findIndex((r) => r.includes('最新承诺'));
  expect(header).toBeGreaterThanOrEqual(0);
  const at = (label: string) => (rows[header] as string[]).indexOf(label);
  const shown = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const expected = oracle().map((figures) => (figures ? figures.map(shown) : ['', '', '']));
  const got = ORG.map((_a, i) => ['最新承诺', '经理合计', '区域合计'].map((label) => rows[header + 1 + i]?.[at(label)] ?? '?'));
  expect(got).toEqual(expected);
}, 120_000);
