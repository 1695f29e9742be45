/**
 * The link measures from the data's day, not the clock's: without an asOf it takes the register's
 * latest snapshot, so a March export linked in December builds the forecast for March's quarter.
 */
import { autoMap, isoFromSerial, matchHeader, serialFromDate, templateById } from '../../src/core';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../src/hosts/web/univerWorkbook';
import { findDealTables, runDealImport } from '../../src/workbook/dealImport';
import { linkDealRegister } from '../../src/workbook/registerLink';

const headers = ['商机编号', '商机名称', '负责人', '区域', '阶段', '金额', '预计成交日期'];
const rows = [
  ['D-1', '门店系统', '华南销售', '华南', '商务谈判', 80, '2024-03-28'],
  ['D-2', '仓储系统', '华东销售', '华东', '赢单', 50, '2024-02-15'],
];

test('no asOf: the forecast is built for the quarter of the latest snapshot, not of today', async () => {
  const host = createHeadlessUniver('zh-CN');
  try {
    const port = createUniverWorkbook(host.api, { locale: 'zh-CN' });
    await runDealImport(port, await findDealTables(port), {
      table: { headers, rows },
      mapping: autoMap(headers),
      stages: {},
      full: false,
      takenOn: serialFromDate(2024, 3, 20),
      locale: 'zh-CN',
    });
    const result = await linkDealRegister(port, { today: serialFromDate(2026, 12, 6), locale: 'zh-CN', portable: true });
    const forecast = await port.readTable({ sheetName: result.sheets.forecast ?? '销售预测' });
    const { columns } = matchHeader(templateById('forecast'), forecast.header);
    const starts = forecast.rows
      .map((r) => r[columns.get('start') as number])
      .filter((v): v is number => typeof v === 'number')
      .map(isoFromSerial);
    expect(starts.length).toBeGreaterThan(0);
    expect(new Set(starts)).toEqual(new Set(['2024-01-01']));
  } finally {
    host.dispose();
  }
});
