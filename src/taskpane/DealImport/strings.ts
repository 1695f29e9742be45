/** 导入 Import tab strings: a CRM export into the deal register. */
import { translator } from '../strings';

export const importText = translator({
  intro: {
    'zh-CN': '把 CRM 导出的商机(CSV 或 .xlsx)导入“商机明细”:按商机编号更新或新增,每次导入保存快照并列出本周变动。',
    'en-US':
      'Bring a CRM export (CSV or .xlsx) into the deal register: updated or added by deal ID, with a snapshot and what changed each time.',
  },
  pickFile: { 'zh-CN': '选择导出文件…', 'en-US': 'Choose an export file…' },
  reading: { 'zh-CN': '正在读取…', 'en-US': 'Reading…' },
  fileLine: { 'zh-CN': '{file}:{rows} 行,{columns} 列{encoding}', 'en-US': '{file}: {rows} rows, {columns} columns{encoding}' },
  sheet: { 'zh-CN': '工作表', 'en-US': 'Sheet' },
  savedMapping: { 'zh-CN': '映射', 'en-US': 'Mapping' },
  autoMapping: { 'zh-CN': '自动识别表头', 'en-US': 'Recognise the headers' },
  mappingTitle: { 'zh-CN': '列映射(请确认或修改)', 'en-US': 'Column mapping (confirm or change)' },
  notImported: { 'zh-CN': '(不导入)', 'en-US': '(not imported)' },
  requiredMark: { 'zh-CN': '{label}(必填)', 'en-US': '{label} (required)' },
  missingRequired: { 'zh-CN': '请为这些字段选择列:{fields}', 'en-US': 'Choose a column for: {fields}' },
  stagesTitle: { 'zh-CN': '不认识的阶段:它们对应漏斗的哪个阶段?', 'en-US': 'Stages no map knows: which funnel stage is each?' },
  stageQuestion: { 'zh-CN': '“{stage}”({count} 行)', 'en-US': '"{stage}" ({count} rows)' },
  stageUnanswered: { 'zh-CN': '请选择', 'en-US': 'Choose one' },
  lostStage: { 'zh-CN': '输单', 'en-US': 'Lost' },
  previewTitle: { 'zh-CN': '预览', 'en-US': 'Preview' },
  unitField: { 'zh-CN': '导出文件的金额单位', 'en-US': "The export's money unit" },
  unitFromHeader: {
    'zh-CN': '表头“{header}”写明单位是 {unit}',
    'en-US': 'The header "{header}" says the unit is {unit}',
  },
  unitChoose: { 'zh-CN': '请选择单位', 'en-US': 'Choose a unit' },
  unitUnknown: {
    'zh-CN': '表头没有写单位:请选择导出文件的金额是什么单位',
    'en-US': 'The header does not say a unit: choose the unit of its amounts',
  },
  unitConverted: {
    'zh-CN': '金额将从 {from} 换算为工作簿的单位 {to}',
    'en-US': "Amounts will be converted from {from} to the workbook's {to}",
  },
  unitKept: { 'zh-CN': '金额按 {unit} 保存(工作簿的单位)', 'en-US': "Amounts are kept in {unit} (the workbook's unit)" },
  unitNew: {
    'zh-CN': '工作簿还没有设定金额单位:将设为 {unit}(可在“工作簿设置”中修改)',
    'en-US': 'The workbook has no money unit yet: it will be {unit} (change it in Workbook Settings)',
  },
  sampleCaption: {
    'zh-CN': '前 {count} 行将这样保存',
    'en-US': 'The first {count} rows as they will be stored',
  },
  blockedLine: {
    'zh-CN': '还不能导入:{fields} 没有对应的列',
    'en-US': 'Cannot import yet: no column for {fields}',
  },
  previewLine: {
    'zh-CN': '{deals} 个商机可以导入;{bad} 行有问题,将不导入',
    'en-US': '{deals} deals ready; {bad} rows have problems and will be left out',
  },
  previewLineOne: {
    'zh-CN': '{deals} 个商机可以导入;{bad} 行有问题,将不导入',
    'en-US': '{deals} deals ready; 1 row has a problem and will be left out',
  },
  problemsCaption: { 'zh-CN': '有问题的行(行、列、值、原因)', 'en-US': 'Rows with problems (row, column, value, why)' },
  row: { 'zh-CN': '行', 'en-US': 'Row' },
  column: { 'zh-CN': '列', 'en-US': 'Column' },
  value: { 'zh-CN': '值', 'en-US': 'Value' },
  why: { 'zh-CN': '原因', 'en-US': 'Why' },
  blank: { 'zh-CN': '(空)', 'en-US': '(blank)' },
  moreProblems: { 'zh-CN': '另有 {count} 个问题未列出', 'en-US': '{count} more problems not listed' },
  fullExport: {
    'zh-CN': '这是完整导出(文件中没有的商机标记为“已移除”)',
    'en-US': 'This is a full export (deals it lacks are marked Removed)',
  },
  saveAs: { 'zh-CN': '保存映射为(下次自动沿用)', 'en-US': 'Save the mapping as (reused next time)' },
  importButton: { 'zh-CN': '导入', 'en-US': 'Import' },
  importing: { 'zh-CN': '正在导入…', 'en-US': 'Importing…' },
  importedTitle: { 'zh-CN': '已导入“{sheet}”', 'en-US': 'Imported into "{sheet}"' },
  importedLine: {
    'zh-CN': '新增 {new},更新 {updated},未变 {unchanged},标记移除 {removed},未导入 {invalid} 行',
    'en-US': '{new} new, {updated} updated, {unchanged} unchanged, {removed} marked removed, {invalid} rows left out',
  },
  insertedSheets: { 'zh-CN': '新建工作表:{sheets}', 'en-US': 'New sheets: {sheets}' },
  changesTitle: { 'zh-CN': '本周变动(与 {from} 相比)', 'en-US': 'What changed (since {from})' },
  changesSinceRegister: { 'zh-CN': '本次变动(与导入前的商机明细相比)', 'en-US': 'What changed (since the register before this import)' },
  changeType: { 'zh-CN': '变动', 'en-US': 'Change' },
  changedDeals: { 'zh-CN': '涉及的商机', 'en-US': 'The deals' },
  changedDeal: { 'zh-CN': '{deal}:{from} → {to}', 'en-US': '{deal}: {from} → {to}' },
  goToRow: { 'zh-CN': '转到第 {row} 行', 'en-US': 'Go to row {row}' },
  exportDate: { 'zh-CN': '导出日期(快照日期)', 'en-US': 'Export date (the snapshot’s day)' },
  exportDateHint: {
    'zh-CN': '取自文件名,否则为今天;同一天的快照会被替换,不同日期的都会保留。',
    'en-US': 'From the file name, else today; a snapshot of the same day is replaced, other days are kept.',
  },
  exportDateBad: { 'zh-CN': '请填写日期,如 2026-03-05', 'en-US': 'Write a date such as 2026-03-05' },
  deals: { 'zh-CN': '个数', 'en-US': 'Deals' },
  amount: { 'zh-CN': '金额', 'en-US': 'Amount' },
  baselineLine: {
    'zh-CN': '首次导入:这份快照是基线,之后每次导入都与它比较,列出本周变动。',
    'en-US': 'First import: this snapshot is the baseline; each later import lists what changed since it.',
  },
  noChanges: { 'zh-CN': '没有变动', 'en-US': 'Nothing changed' },
  repeated: { 'zh-CN': '推迟 3 次及以上:{deals}', 'en-US': 'Slipped 3 or more times: {deals}' },
  registerTitle: { 'zh-CN': '商机明细', 'en-US': 'Deal register' },
  snapshotButton: { 'zh-CN': '保存快照', 'en-US': 'Save snapshot' },
  snapshotDone: { 'zh-CN': '已保存 {count} 个商机的快照到“{sheet}”', 'en-US': 'Saved a snapshot of {count} deals in "{sheet}"' },
  linkButton: { 'zh-CN': '用商机明细计算漏斗、表2 和预测', 'en-US': 'Compute the funnel, T2 and forecast from the register' },
  linkHint: {
    'zh-CN':
      '写入 SUMIFS/COUNTIFS 公式:以后每次导入,漏斗的数量和金额、表2 的月度实际完成和销售预测都会自动更新(会替换这些单元格中手工填写的值)。',
    'en-US':
      "Writes SUMIFS/COUNTIFS formulas: after every import the funnel's counts and amounts, T2's monthly actuals and the forecast update by themselves (typed values in those cells are replaced).",
  },
  linkDone: {
    'zh-CN': '已链接:漏斗 {funnel} 行、表2 {goals} 行、预测 {forecast} 行(新增 {added} 行)',
    'en-US': 'Linked: {funnel} funnel rows, {goals} T2 rows, {forecast} forecast rows ({added} added)',
  },
  linkConfirm: {
    'zh-CN': '链接会用商机明细的数字替换表2 中 {count} 个手工填写的月度实际完成(合计 {sum}):',
    'en-US': "Linking replaces {count} typed monthly actuals in T2 (sum {sum}) with the register's figures:",
  },
  linkReplace: { 'zh-CN': '替换并链接', 'en-US': 'Replace and link' },
  linkCancel: { 'zh-CN': '取消', 'en-US': 'Cancel' },
  linkCancelled: { 'zh-CN': '未链接:工作簿没有任何改动。', 'en-US': 'Not linked: nothing in the workbook changed.' },
  linkUndo: { 'zh-CN': '撤销链接', 'en-US': 'Undo the link' },
  unlinked: {
    'zh-CN': '已撤销:恢复了表2 中 {count} 个手工填写的值。',
    'en-US': 'Undone: {count} typed values in T2 are back.',
  },
  linkMissed: {
    'zh-CN': '注意:{missed} 个赢单(共 {amount})没有计入表2 的任何一行——月份、区域或负责人与表2 不一致。',
    'en-US': "Note: {missed} won deals ({amount}) count in no T2 row — their month, region or owner is not one of T2's.",
  },
  nameMatched: { 'zh-CN': '{name} → {target}', 'en-US': '{name} → {target}' },
  nameUnmatched: {
    'zh-CN': '{name}:{deals} 个商机、{amount} 未匹配到表2 或预测中的名称',
    'en-US': '{name}: {deals} deals, {amount} match no name in T2 or the forecast',
  },
  failed: { 'zh-CN': '未完成', 'en-US': 'Not done' },
  busy: { 'zh-CN': '请稍候…', 'en-US': 'Please wait…' },
});

export type ImportStringKey = Parameters<typeof importText>[1];
