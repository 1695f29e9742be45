/**
 * The team's own numbers (issue 24): 组织架构, who reports to whom and since when, so roll-ups keep
 * history when a rep moves; 预测提报, each week's forecast call per rep beside the register's own
 * figures at that moment, the manager's adjusted commit with its note, and at period end the call's
 * accuracy (src/core/team/calls.ts reads both). Samples use roles, never invented people
 * (docs/DOMAIN.md §2), in the forecast's 2024 Q1.
 */
import { L, type Locale } from '../../i18n';
import type { TemplateSpec } from '../types';
import { PILOT_GROUPS } from '../../domain/pilot';

/** 组织架构's 状态: a row in force today, one that has ended (a move or a departure), one not yet begun. */
export const ORG_ROW_STATUS = {
  current: L('当前', 'Current'),
  ended: L('已结束', 'Ended'),
  future: L('未生效', 'Not yet'),
} as const;

const orgStatus = (lang: Locale): string =>
  `IF({rep}="","",IF(AND({start}<>"",{start}>TODAY()),"${ORG_ROW_STATUS.future[lang]}",IF(AND({end}<>"",{end}<TODAY()),"${ORG_ROW_STATUS.ended[lang]}","${ORG_ROW_STATUS.current[lang]}")))`;

/** A roll-up formula for rows in force today (状态 当前), blank on the others. */
const inForce = (body: string) => ({
  native: {
    'zh-CN': `IF(OR({rep}="",{status}<>"${ORG_ROW_STATUS.current['zh-CN']}"),"",${body})`,
    'en-US': `IF(OR({rep}="",{status}<>"${ORG_ROW_STATUS.current['en-US']}"),"",${body})`,
  },
});

const SOUTH = L('华南区', 'South');
const EAST = L('华东区', 'East');
const SOUTH_MANAGER = L('华南区经理', 'South manager');
const EAST_MANAGER = L('华东区经理', 'East manager');
const SOUTH_REP = L('华南区销售', 'South sales rep');
const EAST_REP = L('华东区销售', 'East sales rep');

export const forecastCalls: TemplateSpec = {
  id: 'forecastCalls',
  sheetName: L('预测提报', 'Forecast Calls'),
  tableName: 'ForecastCalls',
  purpose: L(
    '每周每人提报承诺和最可能,旁边记下当时系统(商机明细)的数;经理可调整承诺并写明原因,原提报保留。期末填实际,看每个人的预测准确率和偏差。',
    'Each week each rep calls a commit and a best case, beside what the deal register said then; the manager may adjust the commit with a note, the rep’s call stays. At period end, the actual shows how accurate each call was.',
  ),
  source: { document: '004', part: L('销售预测', 'sales forecasting') },
  columns: [
    { key: 'week', label: L('提报周', 'Week'), type: 'date', width: 12, required: true },
    { key: 'rep', label: L('负责人', 'Rep'), type: 'text', width: 14, required: true },
    { key: 'start', label: L('期间开始', 'Period start'), type: 'date', width: 12, required: true },
    { key: 'end', label: L('期间结束', 'Period end'), type: 'date', width: 12, required: true },
    { key: 'commit', label: L('提报承诺', 'Commit call'), type: 'number', money: true, width: 12, required: true },
    { key: 'bestCase', label: L('提报最可能', 'Best case call'), type: 'number', money: true, width: 12 },
    { key: 'systemCommit', label: L('系统承诺', 'Register commit'), type: 'number', money: true, width: 12 },
    { key: 'systemBestCase', label: L('系统最可能', 'Register best case'), type: 'number', money: true, width: 12 },
    { key: 'adjustedCommit', label: L('经理调整承诺', 'Manager’s commit'), type: 'number', money: true, width: 14 },
    { key: 'note', label: L('调整说明', 'Adjustment note'), type: 'text', width: 24 },
    { key: 'submittedAt', label: L('提报时间', 'Submitted at'), type: 'datetime', width: 16 },
    { key: 'submittedBy', label: L('提报人', 'Submitted by'), type: 'text', width: 12 },
    {
      key: 'called',
      label: L('采用承诺', 'Commit that counts'),
      type: 'number',
      money: true,
      width: 12,
      formula: { native: 'IF({adjustedCommit}<>"",{adjustedCommit},IF({commit}<>"",{commit},""))' },
    },
    { key: 'actual', label: L('期末实际', 'Period actual'), type: 'number', money: true, width: 12 },
    {
      key: 'accuracy',
      label: L('预测准确率', 'Accuracy'),
      type: 'percent',
      width: 12,
      formula: { call: 'FORECASTACCURACY', args: ['{actual}', '{called}'] },
    },
    {
      key: 'bias',
      label: L('偏差', 'Bias'),
      type: 'percent',
      width: 10,
      formula: { native: 'IF(OR({actual}="",{called}=""),"",({called}-{actual})/ABS({actual}))' },
    },
    {
      // 1 on each rep's newest call (latest week, then latest 提报时间): what 组织架构 rolls up.
      key: 'latest',
      label: L('最新提报', 'Latest call'),
      type: 'integer',
      width: 8,
      formula: {
        native:
          'IF({rep}="","",IF(COUNTIFS({rep#all},{rep},{week#all},">"&{week})+COUNTIFS({rep#all},{rep},{week#all},{week},{submittedAt#all},">"&N({submittedAt}))=0,1,""))',
      },
    },
  ],
  samples: [
    {
      week: '2024-03-04',
      rep: SOUTH_REP,
      start: '2024-01-01',
      end: '2024-03-31',
      commit: 90,
      bestCase: 110,
      systemCommit: 80,
      systemBestCase: 80,
      adjustedCommit: 80,
      note: L('客户A合同仍在法务审核,按系统数计', 'Customer A’s contract is still with legal: counted as the register has it'),
      submittedAt: '2024-03-04 09:30',
      submittedBy: SOUTH_REP,
      actual: 72,
    },
    {
      week: '2024-03-04',
      rep: EAST_REP,
      start: '2024-01-01',
      end: '2024-03-31',
      commit: 50,
      bestCase: 60,
      systemCommit: 0,
      systemBestCase: 0,
      submittedAt: '2024-03-04 17:10',
      submittedBy: EAST_MANAGER,
      actual: 55,
    },
    {
      week: '2024-03-11',
      rep: SOUTH_REP,
      start: '2024-01-01',
      end: '2024-03-31',
      commit: 85,
      bestCase: 100,
      systemCommit: 80,
      systemBestCase: 80,
      submittedAt: '2024-03-11 10:05',
      submittedBy: SOUTH_REP,
      actual: 72,
    },
  ],
  conditionalFormats: [
    { column: 'accuracy', rule: { kind: 'lessThan', value: 0.8 }, tone: 'bad' },
    { column: 'bias', rule: { kind: 'greaterThan', value: 0.1 }, tone: 'warn' },
    { column: 'bias', rule: { kind: 'lessThan', value: -0.1 }, tone: 'warn' },
  ],
};

export const orgChart: TemplateSpec = {
  id: 'orgChart',
  sheetName: L('组织架构', 'Org Chart'),
  tableName: 'OrgStructure',
  purpose: L(
    '区域 → 经理 → 销售,每行带起止日期:人员调动时结束旧行、新增一行,汇总按当时的归属计算,历史不丢。',
    'Region → manager → rep, each row with start and end dates: when someone moves, end the old row and add one, so roll-ups follow who reported where at the time.',
  ),
  source: { document: '003', part: L('团队业绩对比', 'comparing the team') },
  columns: [
    { key: 'region', label: L('区域', 'Region'), type: 'text', width: 10, required: true },
    { key: 'manager', label: L('经理', 'Manager'), type: 'text', width: 14, required: true },
    { key: 'rep', label: L('销售', 'Rep'), type: 'text', width: 14, required: true },
    { key: 'start', label: L('开始日期', 'Start'), type: 'date', width: 12 },
    { key: 'end', label: L('结束日期', 'End'), type: 'date', width: 12 },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'text',
      width: 8,
      formula: { native: { 'zh-CN': orgStatus('zh-CN'), 'en-US': orgStatus('en-US') } },
    },
    // The roll-up of the latest calls (预测提报), by rep, manager and region: rows in force only, so a
    // move counts once, with the new manager.
    {
      key: 'latestCommit',
      label: L('最新承诺', 'Latest commit'),
      type: 'number',
      money: true,
      width: 12,
      formula: inForce('SUMIFS({@forecastCalls.called#all},{@forecastCalls.rep#all},{rep},{@forecastCalls.latest#all},1)'),
    },
    {
      key: 'managerCommit',
      label: L('经理合计', 'Manager total'),
      type: 'number',
      money: true,
      width: 12,
      formula: inForce('SUMIFS({latestCommit#all},{manager#all},{manager})'),
    },
    {
      key: 'regionCommit',
      label: L('区域合计', 'Region total'),
      type: 'number',
      money: true,
      width: 12,
      formula: inForce('SUMIFS({latestCommit#all},{region#all},{region})'),
    },
    // 试点组 / 对照组 for a pilot judged on the register (效果评估's 试点开始, core/review/summaryPilotMeasures.ts).
    { key: 'pilotGroup', label: L('试点分组', 'Pilot group'), type: 'text', width: 10, list: PILOT_GROUPS.map((g) => g.label) },
  ],
  summary: [
    {
      key: 'teamCommit',
      label: L('团队最新承诺合计', 'Team latest commit'),
      type: 'number',
      formula: { native: 'SUM({latestCommit#all})' },
    },
  ],
  uses: [forecastCalls],
  samples: [
    { region: SOUTH, manager: SOUTH_MANAGER, rep: SOUTH_REP, start: '2024-01-01' },
    { region: SOUTH, manager: SOUTH_MANAGER, rep: L('大客户经理', 'Key account manager'), start: '2024-01-01' },
    { region: EAST, manager: EAST_MANAGER, rep: EAST_REP, start: '2024-01-01' },
    // 华东区销售 came from 华南区 at the new year: their 2023 numbers stay with 华南区.
    { region: SOUTH, manager: SOUTH_MANAGER, rep: EAST_REP, start: '2023-07-01', end: '2023-12-31' },
  ],
  conditionalFormats: [{ column: 'status', rule: { kind: 'textEquals', text: ORG_ROW_STATUS.ended }, tone: 'warn' }],
};

/**
 * 汇总来源: the managers' Google spreadsheets a team spreadsheet rolls up (the Sheets add-on's
 * roll-up, src/workbook/linkedRollup.ts). 连接检查 holds an IMPORTRANGE the add-on writes: Google
 * asks the user there, once per source, to allow the import — the add-on's own grant stays
 * spreadsheets.currentonly.
 */
export const rollupSources: TemplateSpec = {
  id: 'rollupSources',
  sheetName: L('汇总来源', 'Roll-up Sources'),
  tableName: 'RollupSources',
  purpose: L(
    '每行一个经理的 Google 表格:名称和链接。第一次汇总时,把鼠标移到 连接检查 列的 #REF! 上,点“允许访问”,每个来源一次。',
    'One row per manager’s Google spreadsheet: a name and its link. At the first roll-up, hover over #REF! in Connection and click “Allow access”, once per source.',
  ),
  source: { document: '003', part: L('团队管理', 'team management') },
  columns: [
    { key: 'name', label: L('来源名称', 'Source name'), type: 'text', width: 16 },
    { key: 'url', label: L('表格链接', 'Spreadsheet link'), type: 'text', width: 56, required: true },
    // General, not text: a formula typed or set in a text-formatted cell would stay text.
    { key: 'connection', label: L('连接检查', 'Connection'), type: 'general', width: 24 },
  ],
  samples: [],
  conditionalFormats: [],
};
