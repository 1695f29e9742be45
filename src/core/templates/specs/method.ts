/** The method's own tables (source 002, docs/DOMAIN.md): 表1 diagnosis, 表2 goals, 表3 execution tracking, execution plan. */
import type { TemplateSpec } from '../types';
import { L } from '../../i18n';
import { nativeTierReached } from '../../domain/tiers';
import { SEVERITY, attainmentColours, reviewIdColumn } from './common';

export const DIMENSION_LABELS = [
  L('线索管理', 'Lead management'),
  L('客户跟进', 'Customer follow-up'),
  L('客户转化', 'Conversion'),
  L('团队协作', 'Teamwork'),
  L('目标达成', 'Goal attainment'),
  L('流程', 'Process'),
  L('工具', 'Tools'),
  L('市场', 'Market'),
  L('客户反馈', 'Customer feedback'),
  L('团队能力', 'Team capability'),
] as const;

export const QUALITY = [L('优', 'Excellent'), L('良', 'Good'), L('中', 'Fair'), L('差', 'Poor')] as const;

export const diagnosis: TemplateSpec = {
  id: 'diagnosis',
  sheetName: L('表1 销售现状诊断表', 'T1 Sales Diagnosis'),
  tableName: 'SalesDiagnosis',
  purpose: L('用“问题-影响-原因”梳理销售管理痛点。', 'Lay out sales-management pain points as problem → impact → cause.'),
  source: { document: '002', part: L('表1', 'table 1') },
  columns: [
    { key: 'dimension', label: L('问题维度', 'Dimension'), type: 'text', width: 12, list: DIMENSION_LABELS, required: true },
    { key: 'problem', label: L('具体问题描述', 'Problem'), type: 'text', width: 36, required: true },
    { key: 'impact', label: L('影响', 'Impact'), type: 'text', width: 24 },
    { key: 'severity', label: L('影响程度', 'Severity'), type: 'text', width: 10, list: SEVERITY, required: true },
    { key: 'rootCause', label: L('根本原因分析', 'Root cause'), type: 'text', width: 30 },
    { key: 'origin', label: L('来源', 'Source'), type: 'text', width: 14 },
    { key: 'recordedOn', label: L('记录日期', 'Recorded on'), type: 'date', width: 12 },
    reviewIdColumn,
  ],
  samples: [
    {
      dimension: L('线索管理', 'Lead management'),
      problem: L('线索跟进不及时,平均响应超48小时', 'Leads followed up late: average response over 48 hours'),
      severity: L('高', 'High'),
      rootCause: L('无明确责任人,缺乏提醒工具', 'No clear owner; no reminder tool'),
      origin: L('现状诊断', 'Diagnosis'),
    },
    {
      dimension: L('团队协作', 'Teamwork'),
      problem: L('销售与售后信息不同步,客户重复反映问题', 'Sales and after-sales out of sync: customers report issues repeatedly'),
      severity: L('中', 'Medium'),
      rootCause: L('客户信息未共享,沟通渠道缺失', 'Customer information not shared; no communication channel'),
      origin: L('现状诊断', 'Diagnosis'),
    },
    {
      dimension: L('客户转化', 'Conversion'),
      problem: L('大客户成交周期长,平均90天', 'Long cycle for key accounts: 90 days on average'),
      severity: L('高', 'High'),
      rootCause: L('方案定制流程繁琐,决策链不清晰', 'Cumbersome proposal customisation; unclear decision chain'),
      origin: L('现状诊断', 'Diagnosis'),
    },
  ],
  conditionalFormats: [
    { column: 'severity', rule: { kind: 'textEquals', text: L('高', 'High') }, tone: 'bad' },
    { column: 'severity', rule: { kind: 'textEquals', text: L('中', 'Medium') }, tone: 'warn' },
  ],
};

export const goals: TemplateSpec = {
  id: 'goals',
  sheetName: L('表2 销售目标分解与跟踪表', 'T2 Goal Breakdown & Tracking'),
  tableName: 'GoalTracking',
  purpose: L(
    '把季度目标分解到月份、区域和负责人,并跟踪达成率与差距。',
    'Break the period target down by month, region and owner; track attainment and gap.',
  ),
  source: { document: '002', part: L('表2', 'table 2') },
  columns: [
    { key: 'quarter', label: L('季度', 'Quarter'), type: 'text', width: 10 },
    { key: 'quarterTarget', label: L('季度目标', 'Quarter target'), type: 'number', money: true, width: 12 },
    { key: 'month', label: L('月份', 'Month'), type: 'text', width: 10, required: true },
    { key: 'monthTarget', label: L('月度分解目标', 'Monthly target'), type: 'number', money: true, width: 14, required: true },
    { key: 'region', label: L('负责区域', 'Region'), type: 'text', width: 12 },
    { key: 'owner', label: L('负责人', 'Owner'), type: 'text', width: 12 },
    { key: 'actual', label: L('月度实际完成', 'Monthly actual'), type: 'number', money: true, width: 14 },
    {
      key: 'attainment',
      label: L('达成率', 'Attainment'),
      type: 'percent',
      width: 10,
      formula: { call: 'ATTAINMENT', args: ['{actual}', '{monthTarget}'] },
    },
    {
      key: 'gap',
      label: L('差距', 'Gap'),
      type: 'number',
      money: true,
      width: 10,
      formula: { call: 'GAP', args: ['{actual}', '{monthTarget}'] },
    },
    { key: 'analysis', label: L('差异分析及改进措施', 'Variance analysis & actions'), type: 'text', width: 40 },
    // Goal tiers (core/domain/tiers.ts), after the document's columns so 表2's own letters stay put.
    { key: 'stretchTarget', label: L('冲刺目标', 'Stretch target'), type: 'number', money: true, width: 12 },
    { key: 'challengeTarget', label: L('挑战目标', 'Challenge target'), type: 'number', money: true, width: 12 },
    {
      key: 'tier',
      label: L('达成档位', 'Tier reached'),
      type: 'text',
      width: 10,
      formula: {
        native: {
          'zh-CN': nativeTierReached('{actual}', '{monthTarget}', '{stretchTarget}', '{challengeTarget}', 'zh-CN'),
          'en-US': nativeTierReached('{actual}', '{monthTarget}', '{stretchTarget}', '{challengeTarget}', 'en-US'),
        },
      },
    },
  ],
  samples: [
    {
      quarter: '2024 Q1',
      quarterTarget: 500,
      month: '2024-03',
      monthTarget: 180,
      region: L('华南区', 'South China'),
      owner: L('区域经理', 'Regional manager'),
      actual: 165,
      analysis: L(
        '受竞品促销影响,下周加大高端客户拜访频次',
        "Hit by a competitor's promotion; more visits to high-end customers next week",
      ),
      stretchTarget: 200,
      challengeTarget: 220,
    },
    {
      quarter: '2024 Q2',
      quarterTarget: 500,
      month: '2024-04',
      monthTarget: 170,
      region: L('华东区', 'East China'),
      owner: L('区域经理', 'Regional manager'),
    },
  ],
  conditionalFormats: attainmentColours('attainment'),
  chart: {
    kind: 'columnClustered',
    title: L('月度目标与实际', 'Monthly target vs actual'),
    category: 'month',
    series: ['monthTarget', 'actual'],
  },
};

/** Where a dated commitment stands: done on time or late, overdue, or still open (表3, and the one-on-ones' commitments). */
export const DUE_STATUS = {
  lateDone: L('延期完成', 'Done late'),
  onTime: L('按时完成', 'Done on time'),
  overdue: L('已逾期', 'Overdue'),
  open: L('进行中', 'In progress'),
};
const STATUS = DUE_STATUS;

/** The status formula over a due-date column and a done-date column, in both languages. */
export const dueStatusFormula = (planned = 'planned', actual = 'actual') => {
  const text = (lang: 'zh-CN' | 'en-US'): string =>
    `IF({${planned}}="","",IF({${actual}}<>"",IF({${actual}}>{${planned}},"${STATUS.lateDone[lang]}","${STATUS.onTime[lang]}"),IF(TODAY()>{${planned}},"${STATUS.overdue[lang]}","${STATUS.open[lang]}")))`;
  return { 'zh-CN': text('zh-CN'), 'en-US': text('en-US') };
};

export const execution: TemplateSpec = {
  id: 'execution',
  sheetName: L('表3 优化方案执行跟踪表', 'T3 Execution Tracking'),
  tableName: 'ExecutionTracking',
  purpose: L('跟踪每项优化措施的责任人、完成时间、质量和延期。', 'Track each improvement action: owner, dates, quality and delay.'),
  source: { document: '002', part: L('表3', 'table 3') },
  columns: [
    { key: 'action', label: L('优化措施', 'Action'), type: 'text', width: 28, required: true },
    { key: 'owner', label: L('责任人', 'Owner'), type: 'text', width: 12, required: true },
    { key: 'planned', label: L('计划完成时间', 'Planned date'), type: 'date', width: 14, required: true },
    { key: 'actual', label: L('实际完成时间', 'Actual date'), type: 'date', width: 14 },
    { key: 'quality', label: L('完成质量', 'Quality'), type: 'text', width: 10, list: QUALITY },
    { key: 'reason', label: L('未完成原因说明', 'Reason if late'), type: 'text', width: 28 },
    {
      key: 'delay',
      label: L('延期天数', 'Days late'),
      type: 'days',
      width: 10,
      formula: { call: 'DELAY', args: ['{planned}', '{actual}'] },
    },
    {
      key: 'status',
      label: L('状态', 'Status'),
      type: 'text',
      width: 10,
      formula: { native: dueStatusFormula() },
    },
    reviewIdColumn,
  ],
  samples: [
    {
      action: L('客户跟进话术标准化', 'Standardise follow-up scripts'),
      owner: L('销售经理', 'Sales manager'),
      planned: '2024-03-20',
      actual: '2024-03-20',
      quality: L('优', 'Excellent'),
    },
    {
      action: L('CRM系统数据录入规范培训', 'CRM data-entry training'),
      owner: L('培训专员', 'Training specialist'),
      planned: '2024-03-25',
      actual: '2024-03-28',
      quality: L('良', 'Good'),
      reason: L('部分销售人员出差,延期3天', 'Some reps were travelling; 3 days late'),
    },
  ],
  conditionalFormats: [
    { column: 'delay', rule: { kind: 'greaterThan', value: 0 }, tone: 'bad' },
    { column: 'status', rule: { kind: 'textEquals', text: STATUS.overdue }, tone: 'bad' },
    { column: 'status', rule: { kind: 'textEquals', text: STATUS.lateDone }, tone: 'warn' },
  ],
};

export const plan: TemplateSpec = {
  id: 'plan',
  sheetName: L('执行计划表', 'Execution Plan'),
  tableName: 'ExecutionPlan',
  purpose: L(
    '把优化方案拆成任务:负责人、起止时间、输出成果和所需资源。',
    'Split the plan into tasks with owner, dates, output and resources.',
  ),
  source: { document: '002', part: L('第三步', 'step 3') },
  columns: [
    { key: 'task', label: L('任务内容', 'Task'), type: 'text', width: 28, required: true },
    { key: 'owner', label: L('负责人', 'Owner'), type: 'text', width: 12, required: true },
    { key: 'start', label: L('开始时间', 'Start'), type: 'date', width: 12, required: true },
    { key: 'end', label: L('完成时间', 'Due'), type: 'date', width: 12, required: true },
    { key: 'output', label: L('输出成果', 'Output'), type: 'text', width: 24 },
    { key: 'resources', label: L('所需资源', 'Resources'), type: 'text', width: 20 },
    {
      key: 'duration',
      label: L('工期(天)', 'Duration (days)'),
      type: 'days',
      width: 10,
      formula: { native: 'IF(OR({start}="",{end}=""),"",{end}-{start}+1)' },
    },
    reviewIdColumn,
  ],
  samples: [
    {
      task: L('线索分级标准制定', 'Define lead-grading criteria'),
      owner: L('销售经理', 'Sales manager'),
      start: '2024-03-01',
      end: '2024-03-05',
      output: L('《线索分级操作手册》', 'Lead-grading handbook'),
      resources: L('销售部、市场部', 'Sales and marketing teams'),
    },
    {
      task: L('CRM系统跟进功能配置', 'Configure CRM follow-up features'),
      owner: L('IT部工程师', 'IT engineer'),
      start: '2024-03-06',
      end: '2024-03-10',
      output: L('系统配置完成报告', 'Configuration report'),
      resources: L('IT部预算', 'IT budget'),
    },
    {
      task: L('新人岗前培训第一期开展', 'Run the first onboarding training'),
      owner: L('培训专员', 'Training specialist'),
      start: '2024-03-15',
      end: '2024-03-19',
      output: L('培训签到表、考核成绩', 'Attendance sheet and test scores'),
      resources: L('培训教材、会议室', 'Training material, meeting room'),
    },
  ],
  conditionalFormats: [],
};
