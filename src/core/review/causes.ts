/**
 * 表1 dimensions and the root causes the documents name for each (sources 002 表1 and steps 1–4, 001 and 003,
 * as docs/DOMAIN.md lists them), offered in step 3 as suggestions. Labels come from the 表1 list itself
 * (specs/method.ts DIMENSION_LABELS), so a renamed dimension changes in one place.
 */
import { L, type Locale, type Localized } from '../i18n';
import { DIMENSION_LABELS } from '../templates/specs/method';
import type { Dimension } from './types';

/** Dimension keys in the order of the 表1 drop-down (DIMENSION_LABELS). */
export const DIMENSION_KEYS: readonly Dimension[] = [
  'leads',
  'followUp',
  'conversion',
  'teamwork',
  'goals',
  'process',
  'tools',
  'market',
  'feedback',
  'capability',
];

export function dimensionLabel(dimension: Dimension, locale: Locale): string {
  const label = DIMENSION_LABELS[DIMENSION_KEYS.indexOf(dimension)];
  return label === undefined ? dimension : label[locale];
}

const CAUSES: Readonly<Record<Dimension, readonly Localized[]>> = {
  leads: [
    L('无明确责任人', 'No clear owner'),
    L('缺乏提醒工具', 'No reminder tool'),
    L('线索分级标准不清,跟进无重点', 'No lead-grading criteria; follow-up without focus'),
    L('线索分配不及时', 'Leads assigned late'),
    L('线索质量与市场推广活动不匹配', 'Lead quality does not match the marketing campaigns'),
  ],
  followUp: [
    L('跟进话术与动作未标准化', 'Follow-up scripts and steps not standardised'),
    L('客户信息录入不及时', 'Customer information entered late'),
    L('缺乏跟进节点提醒', 'No reminders for follow-up milestones'),
    L('跟进记录未按时提交', 'Follow-up records not submitted on time'),
  ],
  conversion: [
    L('方案定制流程繁琐', 'Cumbersome proposal customisation'),
    L('决策链不清晰', 'Unclear decision chain'),
    L('新人缺乏客户分级技巧,跟进无重点', 'New reps lack customer-grading skills; follow-up without focus'),
    L('客户需求挖掘不足', 'Customer needs not explored enough'),
    L('关键里程碑缺少负责人与输出物', 'Key milestones lack an owner and a deliverable'),
  ],
  teamwork: [
    L('客户信息未共享', 'Customer information not shared'),
    L('沟通渠道缺失', 'No communication channel'),
    L('跨部门协作不畅', 'Poor cross-department collaboration'),
    L('小组分工与职责不明确', 'Unclear team roles and responsibilities'),
  ],
  goals: [
    L('受竞品促销影响', "Hit by a competitor's promotion"),
    L('目标分解未结合历史数据与市场趋势', 'Targets not broken down from history and market trends'),
    L('过程指标缺少跟踪', 'Process metrics not tracked'),
    L('激励机制与目标脱节', 'Incentives not tied to the targets'),
    L('高端客户拜访频次不足', 'Too few visits to high-end customers'),
  ],
  process: [
    L('审批流程繁琐', 'Cumbersome approval process'),
    L('流程卡点未梳理', 'Process bottlenecks not mapped'),
    L('关键节点无明确负责人与输出物', 'Key steps lack an owner and a deliverable'),
    L('例会行动项未跟踪落实', 'Meeting action items not followed up'),
    L('部分人员出差,执行延期', 'People travelling; execution delayed'),
  ],
  tools: [
    L('缺乏提醒工具', 'No reminder tool'),
    L('CRM系统功能缺失', 'CRM system lacks the needed features'),
    L('数据采集依赖手工,不及时不准确', 'Manual data collection, late and inaccurate'),
    L('缺少实时销售漏斗与业绩预测报表', 'No real-time funnel or forecast reports'),
  ],
  market: [
    L('竞品促销冲击', 'Competitor promotions'),
    L('市场需求变化', 'Market demand changed'),
    L('竞争对手分析不足', 'Too little competitor analysis'),
    L('线索质量与市场推广活动不匹配', 'Lead quality does not match the marketing campaigns'),
  ],
  feedback: [
    L('客户反馈未系统收集', 'Customer feedback not collected systematically'),
    L('销售与售后信息不同步', 'Sales and after-sales out of sync'),
    L('客户问题无人闭环跟进', 'Nobody closes the loop on customer issues'),
    L('缺少满意度评估', 'No satisfaction survey'),
  ],
  capability: [
    L('新人缺乏客户分级技巧', 'New reps lack customer-grading skills'),
    L('岗前培训不足', 'Not enough onboarding training'),
    L('缺少一对一跟岗辅导', 'No one-to-one coaching on the job'),
    L('产品知识与谈判技巧不足', 'Weak product knowledge and negotiation skills'),
    L('人员流动率高,新人成长缓慢', 'High turnover; new reps ramp up slowly'),
  ],
};

export function causeSuggestions(dimension: Dimension): readonly Localized[] {
  return CAUSES[dimension] ?? [];
}

/** Keywords that place a metric (效果评估 / KPI) in a 表1 dimension; the first match wins. */
const METRIC_KEYWORDS: readonly (readonly [Dimension, RegExp])[] = [
  ['capability', /新人|上岗|培训|onboard|ramp|new[- ]hire|training/i],
  ['feedback', /投诉|满意|反馈|complain|satisf|feedback|nps/i],
  ['leads', /线索|lead/i],
  ['followUp', /跟进|拜访|响应|follow|visit|response/i],
  ['conversion', /转化|赢单|成交|周期|conversion|win|cycle|close/i],
  ['teamwork', /协作|协同|collab|teamwork/i],
  ['market', /市场|份额|竞品|market|share|competit/i],
  ['tools', /系统|工具|crm|tool|system/i],
  ['goals', /销售额|业绩|回款|利润|收入|revenue|sales|profit|income/i],
];

export function dimensionOfMetric(metric: string): Dimension {
  return METRIC_KEYWORDS.find(([, pattern]) => pattern.test(metric))?.[0] ?? 'goals';
}
