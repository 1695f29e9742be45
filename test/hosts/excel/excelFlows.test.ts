/**
 * The workbook flows on the Excel port, under the Excel profile the suite runs as (jest.config.js):
 * a CRM export imported twice a week apart (register, snapshots), the register linked into 表2, the
 * funnel and the forecast, the review read back — in a Chinese Excel whose formulas must compute;
 * and the team's quarter of forecast calls with its org chart (test/support/teamQuarter.ts).
 */
import { autoMap, readForecastCalls, readOrgChart, repAccuracy, serialFromDate, templateById } from '../../../src/core';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { findDealTables, runDealImport } from '../../../src/workbook/dealImport';
import { insertTemplateWithUses } from '../../../src/workbook/insertTemplate';
import { linkDealRegister } from '../../../src/workbook/registerLink';
import { readReviewData } from '../../../src/workbook/reviewData';
import { ACTUAL, ORG, quarter, writeQuarter } from '../../support/teamQuarter';
import { EXCEL_LOCALES } from './excelProfiles';
import { MockExcel } from './mockExcel';

const headers = ['商机编号', '商机名称', '负责人', '区域', '阶段', '金额', '预计成交日期'];
const week1 = [
  ['D-1', '门店系统', '华南销售', '华南', '商务谈判', 80, '2024-03-28'],
  ['D-2', '仓储系统', '华东销售', '华东', '赢单', 50, '2024-02-15'],
  ['D-3', '会员平台', '华南销售', '华南', '需求确认', 30, '2024-03-30'],
];
const week2 = [
  ['D-1', '门店系统', '华南销售', '华南', '赢单', 80, '2024-03-12'],
  ['D-2', '仓储系统', '华东销售', '华东', '赢单', 50, '2024-02-15'],
  ['D-3', '会员平台', '华南销售', '华南', '需求确认', 30, '2024-04-20'],
  ['D-4', '数据中台', '华东销售', '华东', '初步接洽', 120, '2024-03-31'],
];

test('import twice, link, read the review: nothing duplicated, every formula computes', async () => {
  const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], locale: EXCEL_LOCALES['zh-CN'], maxSyncsPerRun: 6 });
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
  await insertTemplateWithUses(port, templateById('goals'), { locale: 'zh-CN', samples: false, portable: false });

  const importWeek = async (rows: (string | number)[][], day: number) =>
    runDealImport(port, await findDealTables(port), {
      table: { headers, rows },
      mapping: autoMap(headers),
      stages: {},
      full: false,
      takenOn: serialFromDate(2024, 3, day),
      locale: 'zh-CN',
    });
  const first = await importWeek(week1, 5);
  expect(first.baseline).toBe(true);
  const second = await importWeek(week2, 12);
  expect(second.counts).toMatchObject({ new: 1, updated: 2, unchanged: 1 });
  expect(second.changes.won.deals).toEqual(['D-1']);
  expect(second.changes.slipped.deals).toEqual(['D-3']);

  const register = await port.readTable({ sheetName: first.registerSheet });
  expect(register.rows.filter((r) => r.some((v) => typeof v === 'string' && /^D-\d$/.test(v)))).toHaveLength(4);

  const link = await linkDealRegister(port, { today: serialFromDate(2024, 3, 12), locale: 'zh-CN', portable: false, replaceTyped: true });
  expect(link.linked).toBe(true);
  expect(link.counts.forecastRows).toBeGreaterThan(0);
  const review = await readReviewData(port);
  // The review reads back what the flows wrote: the four deals, 表2 and the forecast.
  const ids = (review.data.deals?.rows ?? []).flat().filter((v) => typeof v === 'string' && /^D-\d$/.test(v));
  expect(new Set(ids)).toEqual(new Set(['D-1', 'D-2', 'D-3', 'D-4']));
  expect(review.data.goals?.rows.length).toBeGreaterThan(0);
  expect(review.data.forecast?.rows.length).toBe(link.counts.forecastRows);

  // The same export again: nothing added, nothing duplicated.
  const third = await importWeek(week2, 13);
  expect(third.counts).toMatchObject({ new: 0, updated: 0 });
  expect((await port.readTable({ sheetName: first.registerSheet })).rows.filter((r) => r.some((v) => v === 'D-4'))).toHaveLength(1);

  const unknown = mock.sheets.flatMap((s) =>
    [...s.cells.entries()].filter(([, c]) => c.nameError).map(([k, c]) => `${s.name}!${k} ${String(c.value)}`),
  );
  expect(unknown).toEqual([]);
  expect(mock.runs.flatMap((r) => r.locations).filter((l) => l.startsWith('TableRowCollection'))).toEqual([]);
});

test('the team’s quarter of forecast calls and its org chart: written in two syncs’ runs, read back, every formula valid', async () => {
  const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], locale: EXCEL_LOCALES['zh-CN'], maxSyncsPerRun: 6 });
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
  await writeQuarter(port, false);
  const { data } = await readReviewData(port);
  // Every call comes back as the pane and the review read it; the accuracy of each rep equals the core's on the source calls.
  const read = readForecastCalls(data).calls.map(({ row: _row, ...c }) => c);
  expect(read).toEqual(quarter().map(({ row: _row, ...c }) => c));
  expect(readOrgChart(data)).toEqual(ORG);
  const actualOf = (rep: string) => ACTUAL[rep];
  expect(repAccuracy(readForecastCalls(data).calls, actualOf).map((r) => [r.name, r.accuracy])).toEqual(
    repAccuracy(quarter(), actualOf).map((r) => [r.name, r.accuracy]),
  );
  const unknown = mock.sheets.flatMap((s) =>
    [...s.cells.entries()].filter(([, c]) => c.nameError).map(([k, c]) => `${s.name}!${k} ${String(c.value)}`),
  );
  expect(unknown).toEqual([]);
  expect(mock.runs.flatMap((r) => r.locations).filter((l) => l.startsWith('TableRowCollection'))).toEqual([]);
});
