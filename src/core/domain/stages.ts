/**
 * The sales funnel's stages (the method's 精细化的销售漏斗管理, docs/DOMAIN.md §2), one home for the
 * funnel sheet, the deal register's stage list and the import's stage map. Each stage carries the
 * win probability a deal in it gets by default (overridable per deal in the register).
 */
import { L, type Localized } from '../i18n';

export interface FunnelStage {
  readonly key: 'lead' | 'contact' | 'needs' | 'proposal' | 'negotiation' | 'won';
  readonly label: Localized;
  /** Default win probability of a deal in this stage (0–1). */
  readonly probability: number;
  /**
   * Days without a follow-up after which an open deal in this stage is stale (the review's default,
   * editable): the closer to signing, the shorter — the method's 客户跟进不及时 is a top cause of loss.
   */
  readonly followUpDays?: number;
  /**
   * 阶段标准 (source 003 §2: 为每个阶段设定明确的进入与退出标准、平均停留时间; issue 25): what lets a deal
   * into the stage and what it must show before it moves on — 002's own milestones where it names them
   * (首次沟通需记录客户3个核心需求; 方案提交、合同评审、签约). The funnel sheet holds them, editable.
   */
  readonly entry: Localized;
  readonly exit: Localized;
}

export const FUNNEL_STAGES: readonly FunnelStage[] = [
  {
    key: 'lead',
    label: L('线索获取', 'Lead capture'),
    probability: 0.1,
    followUpDays: 14,
    entry: L('有联系人和需求线索', 'A contact and a hint of need'),
    exit: L('完成首次联系并完成线索分级', 'First contact made and the lead graded'),
  },
  {
    key: 'contact',
    label: L('初步接洽', 'First contact'),
    probability: 0.2,
    followUpDays: 14,
    entry: L('线索已分级', 'The lead is graded'),
    exit: L('约定需求沟通并找到决策人', 'A needs meeting set and the decision maker found'),
  },
  {
    key: 'needs',
    label: L('需求确认', 'Needs confirmed'),
    probability: 0.4,
    followUpDays: 14,
    entry: L('已与决策人沟通', 'The decision maker has been met'),
    exit: L('记录客户3个核心需求并经客户确认', 'The customer’s 3 core needs recorded and confirmed'),
  },
  {
    key: 'proposal',
    label: L('方案提交', 'Proposal sent'),
    probability: 0.6,
    followUpDays: 10,
    entry: L('核心需求已确认', 'The core needs are confirmed'),
    exit: L('方案已提交并获客户反馈', 'Proposal sent and the customer has replied'),
  },
  {
    key: 'negotiation',
    label: L('商务谈判', 'Negotiation'),
    probability: 0.8,
    followUpDays: 7,
    entry: L('客户认可方案', 'The customer accepts the proposal'),
    exit: L('合同评审通过', 'The contract review passed'),
  },
  {
    key: 'won',
    label: L('成交签约', 'Closed won'),
    probability: 1,
    entry: L('合同评审通过', 'The contract review passed'),
    exit: L('合同签订', 'The contract is signed'),
  },
];

export const FUNNEL_STAGE_LABELS: readonly Localized[] = FUNNEL_STAGES.map((stage) => stage.label);

export type StageKey = FunnelStage['key'];

/** The stage of a label in either language (case and spaces ignored), or undefined. */
export function stageOfLabel(text: string): FunnelStage | undefined {
  const wanted = text.trim().toLowerCase();
  return FUNNEL_STAGES.find((s) => s.label['zh-CN'] === text.trim() || s.label['en-US'].toLowerCase() === wanted);
}
