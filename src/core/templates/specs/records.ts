/**
 * The team's own records the method asks a manager to keep (issue 13's first part): 活动记录 (the
 * 日均跟进客户数、电话量、拜访量 of source 002 第一步), 客户反馈 (客户投诉类型、响应时长、满意度评分,
 * source 002 第一步 and 001 §六), 一对一面谈 (source 001 §二), 销售周报 (source 003 §八's 报告制度:
 * 目标完成情况、主要工作、遇到的问题、市场信息、下周计划) and 培训评估 (source 001 §七, 004's 行为转化).
 * Samples use roles and lettered customers, never invented people (docs/DOMAIN.md §2).
 */
import {
  ACTIVITY_TYPES,
  FEEDBACK_CHANNELS,
  FEEDBACK_TYPES,
  ISSUE_CATEGORIES,
  SATISFACTION_SCALE,
  TRAINING_VERDICTS,
  YES_NO,
} from '../../domain/records';
import { L, type Localized, labelOfKey } from '../../i18n';
import type { TemplateSpec } from '../types';
import { DUE_STATUS, dueStatusFormula } from './method';

const SOUTH_REP = L('华南区销售', 'South sales rep');
const EAST_REP = L('华东区销售', 'East sales rep');
const activity = (key: (typeof ACTIVITY_TYPES)[number]['key']): Localized => labelOfKey(ACTIVITY_TYPES, key);
const feedbackType = (key: (typeof FEEDBACK_TYPES)[number]['key']): Localized => labelOfKey(FEEDBACK_TYPES, key);
const yes = labelOfKey(YES_NO, 'yes');
const no = labelOfKey(YES_NO, 'no');

export const activityLog: TemplateSpec = {
  id: 'activity',
  sheetName: L('活动记录', 'Activity Log'),
  tableName: 'ActivityLog',
  purpose: L(
    '每次电话、拜访、会议记一行:看日均跟进客户数、电话量和拜访量,以及下一步是否落实。',
    'One row per call, visit or meeting: customers followed up per day, calls and visits, and whether next steps happen.',
  ),
  source: { document: '002', part: L('第一步:销售人员工作量', 'step 1, sales workload') },
  columns: [
    { key: 'date', label: L('日期', 'Date'), type: 'date', width: 12, required: true },
    { key: 'owner', label: L('负责人', 'Owner'), type: 'text', width: 12, required: true },
    { key: 'customer', label: L('客户', 'Customer'), type: 'text', width: 18, required: true },
    { key: 'type', label: L('类型', 'Type'), type: 'text', width: 8, list: ACTIVITY_TYPES.map((t) => t.label), required: true },
    { key: 'result', label: L('结果', 'Result'), type: 'text', width: 24 },
    { key: 'nextStep', label: L('下一步', 'Next step'), type: 'text', width: 22 },
    { key: 'nextDate', label: L('下次跟进日期', 'Next follow-up'), type: 'date', width: 12 },
  ],
  samples: [
    {
      date: '2024-03-18',
      owner: SOUTH_REP,
      customer: L('客户A(连锁零售)', 'Customer A (retail chain)'),
      type: activity('visit'),
      result: L('确认合同条款,客户法务审核中', 'Contract terms agreed; customer legal reviewing'),
      nextStep: L('发送合同终稿', 'Send the final contract'),
      nextDate: '2024-03-22',
    },
    {
      date: '2024-03-18',
      owner: EAST_REP,
      customer: L('客户B(物流)', 'Customer B (logistics)'),
      type: activity('call'),
      result: L('约定方案答疑会', 'Proposal Q&A meeting booked'),
      nextStep: L('方案答疑会', 'Proposal Q&A meeting'),
      nextDate: '2024-03-21',
    },
    {
      date: '2024-03-19',
      owner: SOUTH_REP,
      customer: L('客户C(餐饮)', 'Customer C (restaurants)'),
      type: activity('meeting'),
      result: L('梳理会员营销需求', 'Loyalty needs mapped'),
      nextStep: L('提交方案', 'Send the proposal'),
      nextDate: '2024-03-26',
    },
    {
      date: '2024-03-20',
      owner: EAST_REP,
      customer: L('客户H(医疗)', 'Customer H (healthcare)'),
      type: activity('call'),
      result: L('了解工单系统现状', 'Current service desk understood'),
    },
  ],
  conditionalFormats: [],
};

export const feedback: TemplateSpec = {
  id: 'feedback',
  sheetName: L('客户反馈', 'Customer Feedback'),
  tableName: 'CustomerFeedback',
  purpose: L(
    '记录投诉、建议、表扬和咨询:看满意度、投诉类型、响应时长和未解决事项。',
    'Complaints, suggestions, praise and questions: satisfaction, complaint types, response time and what is unresolved.',
  ),
  source: { document: '001', part: L('六、客户反馈的评估', '6, evaluating customer feedback') },
  columns: [
    { key: 'date', label: L('日期', 'Date'), type: 'date', width: 12, required: true },
    { key: 'customer', label: L('客户', 'Customer'), type: 'text', width: 18, required: true },
    { key: 'channel', label: L('渠道', 'Channel'), type: 'text', width: 8, list: FEEDBACK_CHANNELS },
    { key: 'type', label: L('类型', 'Type'), type: 'text', width: 8, list: FEEDBACK_TYPES.map((t) => t.label), required: true },
    { key: 'category', label: L('问题类别', 'Issue category'), type: 'text', width: 10, list: ISSUE_CATEGORIES },
    { key: 'satisfaction', label: L('满意度', 'Satisfaction'), type: 'integer', width: 8, list: SATISFACTION_SCALE },
    { key: 'responseHours', label: L('响应时长(小时)', 'Response (hours)'), type: 'number', width: 12 },
    { key: 'resolved', label: L('是否解决', 'Resolved'), type: 'text', width: 8, list: [yes, no] },
    { key: 'handler', label: L('处理人', 'Handled by'), type: 'text', width: 12 },
  ],
  samples: [
    {
      date: '2024-03-05',
      customer: L('客户A(连锁零售)', 'Customer A (retail chain)'),
      channel: L('电话', 'Phone'),
      type: feedbackType('complaint'),
      category: L('交付', 'Delivery'),
      satisfaction: 2,
      responseHours: 20,
      resolved: yes,
      handler: L('售后专员', 'After-sales specialist'),
    },
    {
      date: '2024-03-12',
      customer: L('客户C(餐饮)', 'Customer C (restaurants)'),
      channel: L('问卷', 'Survey'),
      type: feedbackType('suggestion'),
      category: L('服务', 'Service'),
      satisfaction: 4,
      responseHours: 8,
      resolved: yes,
      handler: L('销售经理', 'Sales manager'),
    },
    {
      date: '2024-03-20',
      customer: L('客户B(物流)', 'Customer B (logistics)'),
      channel: L('邮件', 'Email'),
      type: feedbackType('complaint'),
      category: L('产品质量', 'Product quality'),
      satisfaction: 3,
      responseHours: 4,
      resolved: no,
      handler: L('售后专员', 'After-sales specialist'),
    },
  ],
  conditionalFormats: [
    { column: 'type', rule: { kind: 'textEquals', text: feedbackType('complaint') }, tone: 'warn' },
    { column: 'resolved', rule: { kind: 'textEquals', text: no }, tone: 'bad' },
  ],
};

export const oneOnOne: TemplateSpec = {
  id: 'oneOnOne',
  sheetName: L('一对一面谈', 'One-on-Ones'),
  tableName: 'OneOnOnes',
  purpose: L(
    '每月与每位销售面谈:进展、困难、需要的支持、对策略的建议和承诺事项,下次复盘跟进承诺是否兑现。',
    'A monthly talk with each rep: progress, difficulties, support needed, ideas on the strategy and commitments, followed up at the next review.',
  ),
  source: { document: '001', part: L('二、与销售团队进行一对一的面谈', '2, one-on-one talks with the team') },
  columns: [
    { key: 'date', label: L('日期', 'Date'), type: 'date', width: 12, required: true },
    { key: 'rep', label: L('销售人员', 'Sales rep'), type: 'text', width: 12, required: true },
    // The header notes are the manager's prompts: source 001 二's own two questions (困难, 对策略的建议)
    // and what it says to learn (工作进展, 需要的支持和帮助).
    {
      key: 'progress',
      label: L('进展', 'Progress'),
      type: 'text',
      width: 24,
      note: L('问:最近的工作进展如何?重点客户推进到哪一步?', 'Ask: how has your work gone lately? How far are your key accounts?'),
    },
    {
      key: 'difficulties',
      label: L('困难', 'Difficulties'),
      type: 'text',
      width: 24,
      note: L('问:“你在工作中遇到了哪些困难?”', 'Ask: “What difficulties have you met in your work?”'),
    },
    {
      key: 'support',
      label: L('需要的支持', 'Support needed'),
      type: 'text',
      width: 20,
      note: L('问:需要我或公司提供哪些支持和帮助?', 'Ask: what support or help do you need from me or the company?'),
    },
    {
      key: 'suggestions',
      label: L('对策略的建议', 'Ideas on the strategy'),
      type: 'text',
      width: 24,
      note: L('问:“你认为最近的销售策略有哪些需要改进的地方?”', 'Ask: “What in our recent sales strategy needs improving?”'),
    },
    { key: 'commitment', label: L('承诺事项', 'Commitment'), type: 'text', width: 22 },
    { key: 'due', label: L('承诺完成日期', 'Commitment due'), type: 'date', width: 12 },
    { key: 'done', label: L('实际完成日期', 'Done on'), type: 'date', width: 12 },
    {
      key: 'status',
      label: L('承诺状态', 'Commitment status'),
      type: 'text',
      width: 10,
      formula: { native: dueStatusFormula('due', 'done') },
    },
  ],
  samples: [
    {
      date: '2024-03-01',
      rep: SOUTH_REP,
      progress: L('客户A进入商务谈判', 'Customer A in negotiation'),
      difficulties: L('合同审批流程长', 'Long contract approval'),
      support: L('法务提前介入', 'Legal to join early'),
      suggestions: L('大客户方案模板化', 'Templates for key-account proposals'),
      commitment: L('3月底前签下客户A', 'Sign Customer A by the end of March'),
      due: '2024-03-31',
      done: '2024-03-28',
    },
    {
      date: '2024-03-01',
      rep: EAST_REP,
      progress: L('新增两条A级线索', 'Two new grade-A leads'),
      difficulties: L('线索响应不及时', 'Slow response to leads'),
      support: L('CRM跟进提醒', 'CRM follow-up reminders'),
      suggestions: L('A级线索2小时内响应', 'Answer grade-A leads within 2 hours'),
      commitment: L('每周五提交跟进记录', 'Submit follow-up notes every Friday'),
      due: '2024-03-15',
      done: '2024-03-18',
    },
  ],
  conditionalFormats: [
    { column: 'status', rule: { kind: 'textEquals', text: DUE_STATUS.overdue }, tone: 'bad' },
    { column: 'status', rule: { kind: 'textEquals', text: DUE_STATUS.lateDone }, tone: 'warn' },
  ],
};

export const weeklyReport: TemplateSpec = {
  id: 'weeklyReport',
  sheetName: L('销售周报', 'Weekly Report'),
  tableName: 'WeeklyReport',
  purpose: L(
    '每位销售每周一行:目标→完成情况→主要工作→问题→市场信息→下周计划,看提交率和反复出现的问题。',
    'One row per rep and week: target → result → main work → problems → market news → next week, for submission rates and recurring problems.',
  ),
  source: { document: '003', part: L('八、销售人员自我管理与报告制度', '8, self-management and reports') },
  columns: [
    { key: 'week', label: L('周', 'Week'), type: 'text', width: 10, required: true },
    { key: 'rep', label: L('销售人员', 'Sales rep'), type: 'text', width: 12, required: true },
    { key: 'target', label: L('本周目标', 'This week’s target'), type: 'text', width: 20 },
    { key: 'result', label: L('完成情况', 'Result'), type: 'text', width: 20 },
    { key: 'work', label: L('主要工作', 'Main work'), type: 'text', width: 22 },
    { key: 'problems', label: L('问题', 'Problems'), type: 'text', width: 22 },
    { key: 'market', label: L('市场信息', 'Market news'), type: 'text', width: 22 },
    { key: 'nextWeek', label: L('下周计划', 'Next week'), type: 'text', width: 22 },
    { key: 'submitted', label: L('提交日期', 'Submitted on'), type: 'date', width: 12 },
  ],
  samples: [
    {
      week: '2024-W11',
      rep: SOUTH_REP,
      target: L('客户A合同进入审批', 'Customer A contract into approval'),
      result: L('已提交审批', 'Submitted for approval'),
      work: L('拜访客户A、客户C', 'Visited Customers A and C'),
      problems: L('审批慢', 'Slow approval'),
      market: L('竞品在华南促销', 'A competitor is discounting in the South'),
      nextWeek: L('推动签约;提交客户C方案', 'Push the signing; send Customer C a proposal'),
      submitted: '2024-03-15',
    },
    {
      week: '2024-W11',
      rep: EAST_REP,
      target: L('客户B方案答疑', 'Customer B proposal Q&A'),
      result: L('已约下周', 'Booked for next week'),
      work: L('电话跟进客户B、客户H', 'Called Customers B and H'),
      problems: L('线索响应慢', 'Slow lead response'),
      nextWeek: L('方案答疑会', 'Proposal Q&A meeting'),
      submitted: '2024-03-16',
    },
  ],
  conditionalFormats: [],
};

export const training: TemplateSpec = {
  id: 'training',
  sheetName: L('培训评估', 'Training Evaluation'),
  tableName: 'TrainingEvaluation',
  purpose: L(
    '每次培训的考核成绩和行为转化:知识是否变成了行动。',
    'Each training’s test scores and the behaviour change it brought: did knowledge turn into action.',
  ),
  source: { document: '004', part: L('销售培训与辅导:行为转化', 'training and coaching: behaviour change') },
  columns: [
    { key: 'training', label: L('培训', 'Training'), type: 'text', width: 22, required: true },
    { key: 'date', label: L('日期', 'Date'), type: 'date', width: 12, required: true },
    { key: 'audience', label: L('对象', 'Audience'), type: 'text', width: 14 },
    { key: 'score', label: L('考核成绩', 'Test score'), type: 'number', width: 10 },
    { key: 'behaviour', label: L('行为转化观察', 'Behaviour change seen'), type: 'text', width: 28 },
    { key: 'verdict', label: L('结论', 'Verdict'), type: 'text', width: 10, list: TRAINING_VERDICTS },
  ],
  samples: [
    {
      training: L('新人岗前培训第一期', 'First onboarding training'),
      date: '2024-03-19',
      audience: L('新入职销售', 'New sales reps'),
      score: 86,
      behaviour: L('首次沟通能记录客户3个核心需求', 'First calls now record the customer’s three core needs'),
      verdict: L('有效', 'Effective'),
    },
    {
      training: L('CRM系统数据录入规范培训', 'CRM data-entry training'),
      date: '2024-03-28',
      audience: L('全体销售', 'All sales reps'),
      score: 78,
      behaviour: L('跟进记录按时提交率仍不足', 'Follow-up notes still not on time often enough'),
      verdict: L('部分有效', 'Partly effective'),
    },
  ],
  conditionalFormats: [{ column: 'verdict', rule: { kind: 'textEquals', text: L('无效', 'Not effective') }, tone: 'bad' }],
};
