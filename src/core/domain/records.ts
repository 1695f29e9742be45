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

/**
 * 绩效考核 levels by weighted score (source 001 §八: 表现突出 → 奖金和晋升机会, 表现不佳 → 及时培训和
 * 指导), at the review's own attainment lines (docs/DOMAIN.md §4: below 80% is 高, below 95% 中),
 * best first. The template's 等级 formula is built from this list.
 */
export const PERFORMANCE_LEVELS = [
  { key: 'outstanding', min: 1.1, label: L('突出', 'Outstanding') },
  { key: 'meets', min: 0.95, label: L('达标', 'Meets target') },
  { key: 'below', min: 0.8, label: L('待提升', 'Needs improvement') },
  { key: 'coaching', min: 0, label: L('需辅导', 'Needs coaching') },
] as const;

/** 提成 tiers of the sample 提成方案 (the catalogue's example): from 0 at 2%, from 100,000 at 5%, from 500,000 at 8%. */
/** The sample plan's reward for reaching a goal tier: a rate on the whole sales (提成方案 目标档位). */
export const SAMPLE_TIER_REWARDS = [
  { tier: 'target', rate: 0.01 },
  { tier: 'stretch', rate: 0.02 },
  { tier: 'challenge', rate: 0.03 },
] as const;

export const SAMPLE_COMMISSION_TIERS = [
  { from: 0, rate: 0.02 },
  { from: 100_000, rate: 0.05 },
  { from: 500_000, rate: 0.08 },
] as const;
