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
}

export const FUNNEL_STAGES: readonly FunnelStage[] = [
  { key: 'lead', label: L('线索获取', 'Lead capture'), probability: 0.1, followUpDays: 14 },
  { key: 'contact', label: L('初步接洽', 'First contact'), probability: 0.2, followUpDays: 14 },
  { key: 'needs', label: L('需求确认', 'Needs confirmed'), probability: 0.4, followUpDays: 14 },
  { key: 'proposal', label: L('方案提交', 'Proposal sent'), probability: 0.6, followUpDays: 10 },
  { key: 'negotiation', label: L('商务谈判', 'Negotiation'), probability: 0.8, followUpDays: 7 },
  { key: 'won', label: L('成交签约', 'Closed won'), probability: 1 },
];

export const FUNNEL_STAGE_LABELS: readonly Localized[] = FUNNEL_STAGES.map((stage) => stage.label);

export type StageKey = FunnelStage['key'];

/** The stage of a label in either language (case and spaces ignored), or undefined. */
export function stageOfLabel(text: string): FunnelStage | undefined {
  const wanted = text.trim().toLowerCase();
  return FUNNEL_STAGES.find((s) => s.label['zh-CN'] === text.trim() || s.label['en-US'].toLowerCase() === wanted);
}
