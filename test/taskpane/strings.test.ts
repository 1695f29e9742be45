/** The pane's English agrees with a count of one: "1 row", "1 finding has" — never "1 rows". */
import { singularOne, translator } from '../../src/taskpane/strings';

test.each([
  ['1 rows, 1 columns', '1 row, 1 column'],
  ['Read 1 tables.', 'Read 1 table.'],
  ['1 findings have no description.', '1 finding has no description.'],
  ['1 charts are drawn on the sheet.', '1 chart is drawn on the sheet.'],
  ['11 rows', '11 rows'],
  ['1,001 rows', '1,001 rows'],
  ['2.1 rows', '2.1 rows'],
  ['0 deals', '0 deals'],
])('%s → %s', (text, expected) => expect(singularOne(text)).toBe(expected));

test('the translator applies it to English only', () => {
  const t = translator({ read: { 'zh-CN': '已读取 {count} 张表。', 'en-US': 'Read {count} tables.' } });
  expect(t('en-US', 'read', { count: 1 })).toBe('Read 1 table.');
  expect(t('en-US', 'read', { count: 3 })).toBe('Read 3 tables.');
  expect(t('zh-CN', 'read', { count: 1 })).toBe('已读取 1 张表。');
});
