/** 目标分解 pane strings. Validation messages come from the core (`validateGoalInput`). */
import { translator } from '../strings';

export const goalText = translator({
  intro: {
    'zh-CN': '把期间目标按月份(季节性)和区域(权重)分解,合计与目标完全相等,然后写入表2。',
    'en-US':
      'Split a period target over months (seasonality) and regions (weights) so the cells add up exactly to it, then write the rows into T2.',
  },
  period: { 'zh-CN': '周期', 'en-US': 'Period' },
  periodHint: { 'zh-CN': '写入“季度”列,例如 2024 Q1', 'en-US': 'Goes in the Quarter column, e.g. 2024 Q1' },
  target: { 'zh-CN': '期间目标', 'en-US': 'Period target' },
  targetHint: { 'zh-CN': '例如 500,按下面的金额单位', 'en-US': 'e.g. 500, in the money unit below' },
  stretch: { 'zh-CN': '冲刺目标(可选)', 'en-US': 'Stretch target (optional)' },
  challenge: { 'zh-CN': '挑战目标(可选)', 'en-US': 'Challenge target (optional)' },
  tierHint: {
    'zh-CN': '按同样方式分解,写入表2 的冲刺目标、挑战目标列',
    'en-US': 'Split the same way into T2’s stretch and challenge columns',
  },
  moneyUnit: { 'zh-CN': '金额单位', 'en-US': 'Money unit' },
  moneyUnitHint: {
    'zh-CN': '保存在“工作簿设置”中;导入商机时按它换算金额',
    'en-US': 'Kept in Workbook Settings; imported deal amounts are converted into it',
  },
  moneyUnitKeep: { 'zh-CN': '沿用工作簿的设置', 'en-US': "Keep the workbook's" },
  unit: { 'zh-CN': '取整单位', 'en-US': 'Rounding unit' },
  unitHint: { 'zh-CN': '每格都是它的整数倍;表2 显示一位小数', 'en-US': 'Cells are whole multiples; T2 shows one decimal' },
  months: { 'zh-CN': '月份', 'en-US': 'Months' },
  monthLabel: { 'zh-CN': '月份 {n}', 'en-US': 'Month {n}' },
  monthWeight: { 'zh-CN': '月份 {n} 季节性权重', 'en-US': 'Month {n} seasonality weight' },
  removeMonth: { 'zh-CN': '删除月份 {n}', 'en-US': 'Remove month {n}' },
  addMonth: { 'zh-CN': '添加月份', 'en-US': 'Add month' },
  seasonal: { 'zh-CN': '按季节性权重分配月份', 'en-US': 'Weight months by seasonality' },
  weight: { 'zh-CN': '权重', 'en-US': 'Weight' },
  regions: { 'zh-CN': '区域与负责人', 'en-US': 'Regions and owners' },
  region: { 'zh-CN': '区域', 'en-US': 'Region' },
  owner: { 'zh-CN': '负责人', 'en-US': 'Owner' },
  regionName: { 'zh-CN': '区域 {n} 名称', 'en-US': 'Region {n} name' },
  regionOwner: { 'zh-CN': '区域 {n} 负责人', 'en-US': 'Region {n} owner' },
  regionWeight: { 'zh-CN': '区域 {n} 权重', 'en-US': 'Region {n} weight' },
  removeRegion: { 'zh-CN': '删除区域 {n}', 'en-US': 'Remove region {n}' },
  addRegion: { 'zh-CN': '添加区域', 'en-US': 'Add region' },
  equalSplit: { 'zh-CN': '各区域平均分配', 'en-US': 'Equal split across regions' },
  weightsHint: {
    'zh-CN': '权重按比例换算,不必加总为 1(如 0.6 / 0.4 或 60 / 40)。',
    'en-US': 'Weights are relative and need not add up to 1 (0.6 / 0.4 or 60 / 40).',
  },
  preview: { 'zh-CN': '分解结果', 'en-US': 'Breakdown' },
  previewRegion: { 'zh-CN': '分解结果(可横向滚动)', 'en-US': 'Breakdown (scrolls sideways)' },
  previewEmpty: {
    'zh-CN': '填写有效的目标、月份和区域后,这里显示分解结果。',
    'en-US': 'The breakdown shows here once the target, months and regions are valid.',
  },
  month: { 'zh-CN': '月份', 'en-US': 'Month' },
  total: { 'zh-CN': '合计', 'en-US': 'Total' },
  roundingNote: {
    'zh-CN':
      '合计恰好等于目标 {target}。取整余数按最大余数分配,每个单元格、月合计和区域合计与精确值相差不超过一个取整单位;并列时给金额较大的单元格、较早的月份。目标为 0 的单元格不写入。',
    'en-US':
      'The cells add up exactly to {target}. Rounding leftovers go to the largest remainders, so every cell and every month and region total is within one unit of its exact share; ties go to the larger cell, then the earlier month. Cells of 0 are not written.',
  },
  write: { 'zh-CN': '写入表2', 'en-US': 'Write to T2' },
  writing: { 'zh-CN': '正在写入…', 'en-US': 'Writing…' },
  fixFields: {
    'zh-CN': '有 {n} 处输入需要修改,请查看标红的字段;未写入任何内容。',
    'en-US': '{n} input(s) need fixing — see the fields marked in red; nothing was written.',
  },
  written: {
    'zh-CN': '已在工作表“{sheet}”末尾追加 {rows} 行({period})。',
    'en-US': 'Appended {rows} rows ({period}) to the sheet “{sheet}”.',
  },
  writtenNew: {
    'zh-CN': '工作簿中没有表2,已新建工作表“{sheet}”并写入 {rows} 行({period})。',
    'en-US': 'The workbook had no T2: created the sheet “{sheet}” and wrote {rows} rows ({period}).',
  },
  writeFailed: {
    'zh-CN': '未能写入“{sheet}”:{reason}。请退出单元格编辑状态、确认工作表未受保护后重试;表中已有的行未被改动。',
    'en-US':
      'Could not write to “{sheet}”: {reason}. Leave cell-edit mode, check the sheet is not protected, and try again; existing rows were not changed.',
  },
});
