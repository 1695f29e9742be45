/**
 * A reload opens on the sheet last used (src/hosts/web/lastSheet.ts): remembered per workbook file
 * in the browser's storage; without one, an empty first sheet gives way to the first with data.
 */
import { createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { followLastSheet } from '../../../src/hosts/web/lastSheet';

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
}

function openBook(storage: MemoryStorage, fileName: string) {
  const host = createHeadlessUniver('zh-CN');
  const workbook = host.api.getActiveWorkbook()!;
  workbook.getActiveSheet().setName('Sheet1');
  const register = workbook.insertSheet('商机明细');
  register.getRange(0, 0).setValue('商机编号');
  workbook.insertSheet('销售预测').getRange(0, 0).setValue('负责人');
  workbook.setActiveSheet(workbook.getSheetByName('Sheet1')!);
  const follower = followLastSheet(host.api, storage as unknown as Storage, fileName);
  return { host, workbook, follower, active: () => workbook.getActiveSheet().getSheetName() };
}

test('an empty Sheet1 gives way to the first sheet with data; the sheet the user goes to is the one a reload opens', () => {
  const storage = new MemoryStorage();
  const first = openBook(storage, 'team.xlsx');
  expect(first.active()).toBe('商机明细');
  first.workbook.setActiveSheet(first.workbook.getSheetByName('销售预测')!);
  expect(storage.getItem('salesReview.lastSheet.team.xlsx')).toBe('销售预测');
  first.follower.dispose();
  first.host.dispose();

  const reloaded = openBook(storage, 'team.xlsx');
  expect(reloaded.active()).toBe('销售预测');
  reloaded.host.dispose();
  // Another workbook has its own memory.
  const other = openBook(storage, 'other.xlsx');
  expect(other.active()).toBe('商机明细');
  other.host.dispose();
});

test('a remembered sheet that was deleted since is ignored', () => {
  const storage = new MemoryStorage();
  storage.setItem('salesReview.lastSheet.team.xlsx', '已删除的表');
  const book = openBook(storage, 'team.xlsx');
  expect(book.active()).toBe('商机明细');
  book.host.dispose();
});
