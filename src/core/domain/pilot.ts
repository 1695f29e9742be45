/**
 * 试点组对照组 (source 002 关键提醒: 试点新流程后对比试点组与对照组的业绩差异): did the pilot group change
 * more than the control group? The difference in differences (DiD) of the members' changes, and how
 * sure we can be: an exact two-sided permutation test — every way of splitting the same changes
 * into groups of the same sizes, counting those whose difference is at least as large. Small groups
 * have few splittings; when even the largest possible difference could not reach the threshold,
 * the answer is "too small to conclude", said as such. One home for the rule, the verdict and its labels.
 */
import { L, type Localized } from '../i18n';

export type PilotGroup = 'pilot' | 'control';

export const PILOT_GROUPS: readonly { readonly key: PilotGroup; readonly label: Localized }[] = [
  { key: 'pilot', label: L('试点组', 'Pilot') },
  { key: 'control', label: L('对照组', 'Control') },
];

/**
 * The measures a pilot can be judged on straight from the register (商机明细) or the records
 * (活动记录), per rep (core/review/summaryPilotMeasures.ts): named in 效果评估's 指标, with 试点开始.
 */
export type PilotMeasure = 'winRate' | 'wonAmount' | 'newDeals' | 'activities';

export const PILOT_MEASURES: readonly { readonly key: PilotMeasure; readonly label: Localized; readonly explained: Localized }[] = [
  { key: 'winRate', label: L('赢单率', 'Win rate'), explained: L('结束的商机中赢单的占比', 'won ÷ (won + lost) of the deals closed') },
  { key: 'wonAmount', label: L('赢单金额', 'Won amount'), explained: L('赢单商机的金额合计', 'the amount of the deals won') },
  { key: 'newDeals', label: L('新增商机数', 'New deals'), explained: L('新建商机的个数', 'the deals created') },
  { key: 'activities', label: L('活动次数', 'Activities'), explained: L('活动记录的条数', 'the rows of the activity log') },
];

export type PilotVerdict = 'rollOut' | 'keepWatching' | 'stop';

export const PILOT_VERDICTS: Readonly<Record<PilotVerdict, Localized>> = {
  rollOut: L('推广', 'Roll out'),
  keepWatching: L('继续观察', 'Keep watching'),
  stop: L('停止', 'Stop'),
};

/** Why the verdict: a clear gain, a clear loss, a difference chance explains, or groups too small to tell. */
export type PilotReason = 'better' | 'worse' | 'chance' | 'tooSmall';

/** The significance threshold: a difference chance would give less than 5% of the time. */
export const PILOT_ALPHA = 0.05;
/** Splittings enumerated exactly up to this many (C(20,10) = 184,756); more are sampled, seeded. */
export const EXACT_LIMIT = 1_000_000;
export const SAMPLED_ARRANGEMENTS = 200_000;

export interface PilotComparison {
  readonly pilotMembers: number;
  readonly controlMembers: number;
  /** Mean change (after − before) of each group, in the metric's unit. */
  readonly pilotChange: number;
  readonly controlChange: number;
  /** pilotChange − controlChange. */
  readonly difference: number;
  /** The difference the right way for the metric (positive = the pilot did better). */
  readonly effect: number;
  /** Share of splittings with a difference at least as large either way (two-sided). */
  readonly pValue: number;
  /** The smallest p-value any data could give with these group sizes. */
  readonly smallestP: number;
  readonly arrangements: number;
  readonly method: 'exact' | 'sampled';
  readonly verdict: PilotVerdict;
  readonly reason: PilotReason;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** A small seeded generator (mulberry32): the sampled test gives the same answer every time. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Compares the members' changes (after − before) of a pilot and a control group; undefined unless
 * each group has at least one member. `polarity` says which way is better for the metric.
 */
export function comparePilot(
  pilot: readonly number[],
  control: readonly number[],
  polarity: 'higher' | 'lower' = 'higher',
  alpha = PILOT_ALPHA,
): PilotComparison | undefined {
  if (pilot.length === 0 || control.length === 0) return undefined;
  const pooled = [...pilot, ...control];
  const [n, k] = [pooled.length, pilot.length];
  const total = pooled.reduce((s, x) => s + x, 0);
  const statistic = (pilotSum: number) => pilotSum / k - (total - pilotSum) / (n - k);
  const observed = Math.abs(statistic(pilot.reduce((s, x) => s + x, 0)));
  // Differences equal but for rounding count as equal.
  const tolerance = 1e-9 * Math.max(1, observed);
  const arrangements = binomial(n, k);
  let atLeast = 0;
  const tally = (pilotSum: number) => {
    if (Math.abs(statistic(pilotSum)) >= observed - tolerance) atLeast += 1;
  };
  let method: PilotComparison['method'] = 'exact';
  let counted = arrangements;
  if (arrangements <= EXACT_LIMIT) {
    // Every k-subset of the n members, by index, with its running sum.
    const pick = (start: number, left: number, sum: number): void => {
      if (left === 0) return tally(sum);
      for (let i = start; i <= n - left; i++) pick(i + 1, left - 1, sum + (pooled[i] as number));
    };
    pick(0, k, 0);
  } else {
    method = 'sampled';
    counted = SAMPLED_ARRANGEMENTS;
    const random = seeded(n * 7919 + k);
    const order = pooled.map((_x, i) => i);
    for (let s = 0; s < SAMPLED_ARRANGEMENTS; s++) {
      let sum = 0;
      // A partial Fisher–Yates shuffle: the first k positions are a uniform k-subset.
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(random() * (n - i));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
        sum += pooled[order[i] as number] as number;
      }
      tally(sum);
    }
  }
  const pValue = atLeast / counted;
  // The most extreme splitting and, with equal groups, its mirror image are the least any data can give.
  const smallestP = (k === n - k ? 2 : 1) / arrangements;
  const difference = mean(pilot) - mean(control);
  const effect = polarity === 'lower' ? -difference : difference;
  const reason: PilotReason = smallestP > alpha ? 'tooSmall' : pValue > alpha || effect === 0 ? 'chance' : effect > 0 ? 'better' : 'worse';
  const verdict: PilotVerdict = reason === 'better' ? 'rollOut' : reason === 'worse' ? 'stop' : 'keepWatching';
  return {
    pilotMembers: k,
    controlMembers: n - k,
    pilotChange: mean(pilot),
    controlChange: mean(control),
    difference,
    effect,
    pValue,
    smallestP,
    arrangements,
    method,
    verdict,
    reason,
  };
}
