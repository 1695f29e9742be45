/**
 * 本周变动 What changed: two snapshots of the deal register compared deal by deal, as the review
 * tools managers know do it (new, won, lost, removed, slipped, pulled in, amount up or down, stage
 * forward or back, forecast category changed). A deal counts once per type and may count in several
 * types (slipped and grown). A deal missing from the later snapshot of a full export is *removed*,
 * never *lost*: only a status says a deal was lost.
 */
import { isoFromSerial } from '../dates';
import { FUNNEL_STAGES, type StageKey } from '../domain/stages';
import { L, type Localized } from '../i18n';
import type { DealStatus, ForecastCategory } from './fields';

/** A deal as a snapshot keeps it: its id and the fields the change report tracks. */
export interface SnapshotDeal {
  readonly id: string;
  readonly amount: number | null;
  readonly stage: StageKey | null;
  readonly status: DealStatus;
  readonly closeDate: number | null;
  readonly category: ForecastCategory | null;
  /** 退出标准已达成 on that day: true 是, false 否, absent when not said. */
  readonly exitMet?: boolean;
}

export interface DealSnapshot {
  /** Day serial the snapshot was taken. */
  readonly takenOn: number;
  readonly deals: readonly SnapshotDeal[];
}

export const CHANGE_TYPES = [
  'new',
  'won',
  'lost',
  'removed',
  'slipped',
  'pulledIn',
  'amountUp',
  'amountDown',
  'stageForward',
  'stageBack',
  'categoryChanged',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** What each change type is called, in the review and the reports. */
export const CHANGE_LABELS: Readonly<Record<ChangeType, Localized>> = {
  new: L('新增', 'New'),
  won: L('赢单', 'Won'),
  lost: L('输单', 'Lost'),
  removed: L('已移除', 'Removed'),
  slipped: L('推迟', 'Slipped'),
  pulledIn: L('提前', 'Pulled in'),
  amountUp: L('金额增加', 'Amount up'),
  amountDown: L('金额减少', 'Amount down'),
  stageForward: L('阶段推进', 'Stage forward'),
  stageBack: L('阶段后退', 'Stage back'),
  categoryChanged: L('预测类别变化', 'Category changed'),
};

export interface ChangeGroup {
  readonly count: number;
  /** The deals' amounts (for amountUp/amountDown: the sum of the increases / decreases). */
  readonly amount: number;
  readonly deals: readonly string[];
}

export type ChangeReport = Readonly<Record<ChangeType, ChangeGroup>>;

/** How far an expected close must move to count as slipped: out of its month, or out of its quarter. */
export type SlipPeriod = 'month' | 'quarter';

/** The setting as the pane asks it. */
export const SLIP_PERIOD_SETTING: {
  readonly question: Localized;
  readonly options: readonly { readonly key: SlipPeriod; readonly label: Localized }[];
} = {
  question: L('算作推迟:预计成交日期移出', 'Counts as slipped when the close moves out of its'),
  options: [
    { key: 'month', label: L('本月', 'month') },
    { key: 'quarter', label: L('本季度', 'quarter') },
  ],
};

/** Month index (year × 12 + month − 1) of a day serial; cached by day, since many deals share close dates. */
const monthIndexByDay = new Map<number, number>();
function monthIndex(serial: number): number {
  const day = Math.floor(serial);
  let index = monthIndexByDay.get(day);
  if (index === undefined) {
    const [year, month] = isoFromSerial(day).split('-').map(Number) as [number, number];
    index = year * 12 + month - 1;
    if (monthIndexByDay.size < 100_000) monthIndexByDay.set(day, index);
  }
  return index;
}

function periodOf(serial: number, period: SlipPeriod): number {
  const month = monthIndex(serial);
  return period === 'month' ? month : Math.floor(month / 3);
}

const STAGE_ORDER = new Map(FUNNEL_STAGES.map((s, i) => [s.key, i]));
const stageIndex = (stage: StageKey | null): number => (stage === null ? -1 : (STAGE_ORDER.get(stage) ?? -1));

/** The close moved later (+1) or earlier (−1) across a period boundary, or not (0); open deals only. */
function closeMove(before: SnapshotDeal, after: SnapshotDeal, period: SlipPeriod): -1 | 0 | 1 {
  if (after.status !== 'open' || before.closeDate === null || after.closeDate === null) return 0;
  const from = periodOf(before.closeDate, period);
  const to = periodOf(after.closeDate, period);
  return to > from ? 1 : to < from ? -1 : 0;
}

export function compareSnapshots(before: DealSnapshot, after: DealSnapshot, period: SlipPeriod = 'month'): ChangeReport {
  const groups = Object.fromEntries(CHANGE_TYPES.map((type) => [type, { count: 0, amount: 0, deals: [] as string[] }])) as Record<
    ChangeType,
    { count: number; amount: number; deals: string[] }
  >;
  const add = (type: ChangeType, id: string, amount: number | null) => {
    const group = groups[type];
    group.count++;
    group.amount += amount ?? 0;
    group.deals.push(id);
  };
  const earlier = new Map(before.deals.map((deal) => [deal.id, deal]));
  const later = new Map(after.deals.map((deal) => [deal.id, deal]));

  for (const deal of after.deals) {
    const was = earlier.get(deal.id);
    if (was === undefined) {
      add('new', deal.id, deal.amount);
      if (deal.status === 'won') add('won', deal.id, deal.amount);
      if (deal.status === 'lost') add('lost', deal.id, deal.amount);
      continue;
    }
    if (deal.status === 'won' && was.status !== 'won') add('won', deal.id, deal.amount);
    if (deal.status === 'lost' && was.status !== 'lost') add('lost', deal.id, deal.amount);
    const move = closeMove(was, deal, period);
    if (move === 1) add('slipped', deal.id, deal.amount);
    if (move === -1) add('pulledIn', deal.id, deal.amount);
    const delta = (deal.amount ?? 0) - (was.amount ?? 0);
    if (delta > 0) add('amountUp', deal.id, delta);
    if (delta < 0) add('amountDown', deal.id, -delta);
    const [from, to] = [stageIndex(was.stage), stageIndex(deal.stage)];
    if (from >= 0 && to >= 0 && to > from) add('stageForward', deal.id, deal.amount);
    if (from >= 0 && to >= 0 && to < from) add('stageBack', deal.id, deal.amount);
    if (was.category !== deal.category) add('categoryChanged', deal.id, deal.amount);
  }
  for (const deal of before.deals) if (!later.has(deal.id)) add('removed', deal.id, deal.amount);

  for (const group of Object.values(groups)) group.amount = Math.round(group.amount * 1e6) / 1e6;
  return groups;
}

/** Deals whose expected close slipped at least `times` times over a series of snapshots (oldest first). */
export function repeatedSlips(snapshots: readonly DealSnapshot[], times = 3, period: SlipPeriod = 'month'): Map<string, number> {
  const slips = new Map<string, number>();
  for (let i = 1; i < snapshots.length; i++) {
    for (const id of compareSnapshots(snapshots[i - 1] as DealSnapshot, snapshots[i] as DealSnapshot, period).slipped.deals) {
      slips.set(id, (slips.get(id) ?? 0) + 1);
    }
  }
  return new Map([...slips].filter(([, count]) => count >= times));
}
