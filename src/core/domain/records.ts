/**
 * The lists of the team's own records (活动记录, 客户反馈, 一对一面谈, 销售周报, 培训评估): one home
 * for the templates' drop-downs and, later, the review's reading of them.
 */
import { L, type Localized } from '../i18n';

/** 电话量、拜访量 (source 002 第一步): what a follow-up was. */
export const ACTIVITY_TYPES = [
  { key: 'call', label: L('电话', 'Call') },
  { key: 'visit', label: L('拜访', 'Visit') },
  { key: 'meeting', label: L('会议', 'Meeting') },
  { key: 'proposal', label: L('方案', 'Proposal') },
  { key: 'other', label: L('其他', 'Other') },
] as const;

export const FEEDBACK_CHANNELS: readonly Localized[] = [
  L('电话', 'Phone'),
  L('邮件', 'Email'),
  L('问卷', 'Survey'),
  L('拜访', 'Visit'),
  L('在线', 'Online'),
];

/** 客户投诉类型 (source 002 第一步) among the kinds of feedback (source 001 §六). */
export const FEEDBACK_TYPES = [
  { key: 'complaint', label: L('投诉', 'Complaint') },
  { key: 'suggestion', label: L('建议', 'Suggestion') },
  { key: 'praise', label: L('表扬', 'Praise') },
  { key: 'inquiry', label: L('咨询', 'Inquiry') },
] as const;

export const ISSUE_CATEGORIES: readonly Localized[] = [
  L('产品质量', 'Product quality'),
  L('交付', 'Delivery'),
  L('服务', 'Service'),
  L('价格', 'Price'),
  L('其他', 'Other'),
];

/** 满意度评分 1–5. */
export const SATISFACTION_SCALE: readonly Localized[] = ['1', '2', '3', '4', '5'].map((n) => L(n, n));

export const YES_NO = [
  { key: 'yes', label: L('是', 'Yes') },
  { key: 'no', label: L('否', 'No') },
] as const;

/** 培训的评估 (source 001 §七, 004 行为转化): did the training change behaviour. */
export const TRAINING_VERDICTS: readonly Localized[] = [
  L('有效', 'Effective'),
  L('部分有效', 'Partly effective'),
  L('无效', 'Not effective'),
];
