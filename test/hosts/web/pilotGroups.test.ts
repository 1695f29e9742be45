/**
 * 试点组 vs 对照组 in 效果评估 (issue 25): member rows for two metrics written through the headless
 * Univer host — =组间差异 as Univer computes it and as LibreOffice recomputes the file equals the
 * core oracle's difference in differences; the review compares each metric with its verdict and a
 * plain statement (a case too small to conclude says so), leaves the member rows out of the
 * per-metric evaluation, and a pilot that did clearly worse is a finding.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CellValue,
  type WriteCell,
  analyseWorkbook,
  comparePilot,
  diagnose,
  matchHeader,
  planTemplate,
  templateById,
  toReadTable,
} from '../../../src/core';
import { writeXlsx } from '../../../src/files/xlsxWrite';
import { createHeadlessUniver, type HeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import { computedSheets } from '../../support/libreoffice';
import { tableOf } from '../../core/review/fixtures';

const evaluation = templateById('evaluation');
const TODAY = 46000;

// 线索转化率 (%): six reps, three in the pilot; 新人上岗周期 (days, lower is better): two against two.
const MEMBERS: readonly (readonly [string, string, string, number, number])[] = [
  ['线索转化率', '销售一', '试点组', 12, 19],
  ['线索转化率', '销售二', '试点组', 11, 18],
  ['线索转化率', '销售三', '试点组', 13, 19],
  ['线索转化率', '销售四', '对照组', 12, 13],
  ['线索转化率', '销售五', '对照组', 12, 12],
  ['线索转化率', '销售六', '对照组', 14, 15],
  ['新人上岗周期', '新人一', '试点组', 60, 40],
  ['新人上岗周期', '新人二', '试点组', 58, 41],
  ['新人上岗周期', '新人三', '对照组', 61, 59],
  ['新人上岗周期', '新人四', '对照组', 60, 60],
];
const changes = (metric: string, group: string) =>
  MEMBERS.filter((m) => m[0] === metric && m[2] === group).map(([, , , before, after]) => after - before);
const conversion = comparePilot(changes('线索转化率', '试点组'), changes('线索转化率', '对照组'));
const rampUp = comparePilot(changes('新人上岗周期', '试点组'), changes('新人上岗周期', '对照组'), 'lower');

let host: HeadlessUniver;
let univerDid: unknown[];
let file: string;
let read: Awaited<ReturnType<ReturnType<typeof createUniverWorkbook>['readTable']>>;

beforeAll(async () => {
  host = createHeadlessUniver('zh-CN');
  const workbook = host.api.getActiveWorkbook();
  if (!workbook) throw new Error('no workbook');
  const port = createUniverWorkbook(host.api, { workbook, locale: 'zh-CN' });
  const inserted = await port.insertTemplate(planTemplate(evaluation, { locale: 'zh-CN', samples: true, portable: true }));
  const table = await port.readTable({ sheetName: inserted.sheetName });
  const match = matchHeader(evaluation, table.header);
  const layout = await import('../../../src/core').then((core) =>
    core.specLayout(evaluation.columns, { ...table, rowCount: table.rows.length }, match, true),
  );
  const rows = MEMBERS.map(([metric, member, group, before, after]) => {
    const values: Record<string, CellValue> = {
      metric,
      member,
      group,
      before,
      after,
      direction: metric === '新人上岗周期' ? '越低越好' : '越高越好',
    };
    return layout.byPosition.map((column): WriteCell => {
      if (column === undefined) return null;
      return column.formula ? layout.formulaCell(column) : (values[column.key] ?? null);
    });
  });
  await port.writeTables([{ location: layout.location, header: table.header, computed: layout.computed, rows }]);
  await host.api.getFormula().onCalculationResultApplied();
  read = await port.readTable({ sheetName: inserted.sheetName });
  const did = match.columns.get('did') as number;
  univerDid = read.rows.slice(2, 2 + MEMBERS.length).map((r) => r[did]);
  file = join(mkdtempSync(join(tmpdir(), 'pilot-')), 'pilot.xlsx');
  writeFileSync(file, (await writeXlsx(JSON.parse(JSON.stringify(workbook.save())), { portable: true })).buffer);
}, 120_000);

afterAll(() => host?.dispose());

const expected = MEMBERS.map(([metric]) => (metric === '线索转化率' ? conversion?.difference : rampUp?.difference));

test('Univer computes each member row’s 组间差异 as the oracle', () => {
  // Pilot 7, 7, 6 against control 1, 0, 1: 6 points; ramp-up −20, −17 against −2, 0: −17.5 days.
  expect(expected).toEqual([...Array(6).fill(6), ...Array(4).fill(-17.5)].map((x) => expect.closeTo(x as number, 9)));
  univerDid.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 9));
});

test('LibreOffice recomputes the file to the same differences', () => {
  const rows = computedSheets([file]).get(file)?.get('效果评估') ?? [];
  const header = rows.findIndex((r) => r.includes('组间差异'));
  const at = (rows[header] as string[]).indexOf('组间差异');
  const shown = rows.slice(header + 3, header + 3 + MEMBERS.length).map((r) => Number(r[at]));
  shown.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 1));
}, 120_000);

test('the review compares each metric, says when groups are too small, and leaves member rows out of the metrics', () => {
  const data = { evaluation: toReadTable('evaluation', read) };
  const analysis = analyseWorkbook(data, { today: TODAY });
  const pilots = analysis.summary.pilots ?? [];
  expect(pilots.map((p) => [p.metric, p.comparison.verdict, p.comparison.reason])).toEqual([
    ['线索转化率', conversion?.verdict, conversion?.reason],
    ['新人上岗周期', 'keepWatching', 'tooSmall'],
  ]);
  expect(conversion).toMatchObject({ arrangements: 20, method: 'exact' });
  expect(pilots[0]?.comparison.pValue).toBeCloseTo(conversion?.pValue as number, 12);
  expect(pilots[1]?.statement['zh-CN']).toContain('组太小,无法下结论');
  expect(pilots[1]?.statement['en-US']).toContain('too small to conclude');
  expect(pilots[0]?.statement['zh-CN']).toContain('精确置换检验:同样大小的 20 种分法中');
  // Only the documents' two sample metrics remain metrics of their own.
  expect(analysis.summary.evaluation?.metrics.map((m) => m.metric)).toEqual(['线索转化率', '新人平均上岗周期(天)']);
});

test('a pilot that did clearly worse is a finding with its statement; a clear gain is not', () => {
  const rows = (pilotChange: number) =>
    ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'].map((member, i) => ({
      指标: '客单价',
      方向: '越高越好',
      优化前: 100 + i,
      优化后: 100 + i + (i < 5 ? pilotChange + (i % 2) : i % 3),
      成员: member,
      分组: i < 5 ? '试点组' : '对照组',
    }));
  const findingsOf = (pilotChange: number) =>
    diagnose(analyseWorkbook({ evaluation: tableOf('evaluation', rows(pilotChange)) }, { today: TODAY }), {
      locale: 'zh-CN',
      today: TODAY,
    }).filter((f) => f.rule === 'evaluation.pilotWorse');
  const [worse] = findingsOf(-20);
  expect(worse?.problem).toMatch(
    /^客单价:试点组 5 人平均变化 -19.6,对照组 5 人 \+1,差异 -20.6。精确置换检验:同样大小的 252 种分法中,差异不小于此的占 p = 0.008,低于 0.05,试点确实更差。结论:停止$/,
  );
  expect(worse?.rows).toHaveLength(10);
  expect(findingsOf(20)).toEqual([]);
});
