/**
 * The one "insert this template if it is missing" (issue 26): a template the workbook has is found
 * by its name and nothing is inserted; a missing one is inserted empty with the unit the caller
 * names, none when told none, else the unit 工作簿设置 says.
 */
import { parseMoneyUnit, planTemplate, templateById, workbookSettings, workbookSettingsWrites } from '../../src/core';
import { ensureTemplate, ensureTemplates } from '../../src/workbook/ensureTemplate';
import { MemoryWorkbook } from './memoryWorkbook';

const goals = templateById('goals');
const header = (workbook: MemoryWorkbook, sheet: string) => workbook.sheets.find((s) => s.name === sheet)?.header ?? [];

test('a template the workbook has is found, not inserted again', async () => {
  const workbook = new MemoryWorkbook();
  await workbook.insertTemplate(planTemplate(goals, { locale: 'zh-CN', samples: true, portable: true }));
  const ensured = await ensureTemplate(workbook, goals, { locale: 'zh-CN' });
  expect(ensured).toEqual({ location: { sheetName: '表2 销售目标分解与跟踪表', tableName: 'GoalTracking' } });
  expect(workbook.sheets).toHaveLength(1);
});

test('a missing template is inserted empty, in the unit named, none, or the workbook’s', async () => {
  const wan = parseMoneyUnit('万元');
  const yuan = parseMoneyUnit('元');
  if (!wan || !yuan) throw new Error('units');
  const named = new MemoryWorkbook();
  const inserted = await ensureTemplate(named, goals, { locale: 'zh-CN', moneyUnit: yuan });
  expect(inserted.inserted).toBe('表2 销售目标分解与跟踪表');
  expect(header(named, inserted.location.sheetName)).toContain('季度目标(元)');
  expect(named.sheets[0]?.rows.every((row) => row.every((cell) => cell === null || String(cell).startsWith('=')))).toBe(true);

  const none = new MemoryWorkbook();
  const plain = await ensureTemplate(none, goals, { locale: 'zh-CN', moneyUnit: null });
  expect(header(none, plain.location.sheetName)).toContain('季度目标');

  const said = new MemoryWorkbook();
  await said.insertTemplate(planTemplate(workbookSettings, { locale: 'zh-CN', samples: false, portable: false, blankRows: 1 }));
  await said.writeTables(workbookSettingsWrites({ moneyUnit: wan }, await said.readTable({ sheetName: '工作簿设置' })));
  const { locations, inserted: sheets } = await ensureTemplates(said, ['goals', 'workbookSettings'], { locale: 'zh-CN' });
  expect(sheets).toEqual(['表2 销售目标分解与跟踪表']);
  expect(locations.get('workbookSettings')?.sheetName).toBe('工作簿设置');
  expect(header(said, '表2 销售目标分解与跟踪表')).toContain('季度目标(万元)');
});
