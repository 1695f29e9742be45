/**
 * Read once (issue 26): `workbook link` and the pane's 用商机明细计算 read each table at most once and
 * list the sheets once. Without 工作簿设置's unit, findDealTables reads 表2, 销售预测 and 销售漏斗 for
 * their money headers; the link uses those same reads instead of reading the tables again.
 */
import { planTemplate, serialFromDate, templateById } from '../../src/core';
import type { TableLocation } from '../../src/workbook/port';
import { linkDealRegister } from '../../src/workbook/registerLink';
import { MemoryWorkbook } from './memoryWorkbook';

/** A MemoryWorkbook that counts full-table reads per sheet, and sheet listings. */
class CountingWorkbook extends MemoryWorkbook {
  readonly reads = new Map<string, number>();
  listings = 0;
  override async readTable(location: TableLocation) {
    const table = await super.readTable(location);
    this.reads.set(table.sheetName, (this.reads.get(table.sheetName) ?? 0) + 1);
    return table;
  }
  override async listSheets() {
    this.listings++;
    return super.listSheets();
  }
}

test('linking the register reads each table at most once and lists the sheets once', async () => {
  const workbook = new CountingWorkbook();
  for (const id of ['goals', 'funnel', 'forecast', 'deals'] as const)
    await workbook.insertTemplate(planTemplate(templateById(id), { locale: 'zh-CN', samples: true, portable: true }));
  workbook.reads.clear();
  workbook.listings = 0;

  const result = await linkDealRegister(workbook, {
    today: serialFromDate(2024, 3, 31),
    locale: 'zh-CN',
    portable: true,
    replaceTyped: true,
  });

  expect(result.linked).toBe(true);
  expect([...workbook.reads].filter(([, n]) => n > 1)).toEqual([]);
  expect(workbook.listings).toBe(1);
});
