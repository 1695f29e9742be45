/**
 * 试点组 vs 对照组 in the review: 效果评估's member rows grouped by metric, each member's change
 * (after − before), and core/domain/pilot.ts's comparison with its verdict, said in plain words —
 * the method named, and for small groups that nothing can be concluded yet.
 */
import { PILOT_ALPHA, PILOT_GROUPS, PILOT_VERDICTS, type PilotComparison, type PilotGroup, comparePilot, readPolarity } from '../domain';
import { matchKey } from '../deals/normalize';
import { L, type Localized } from '../i18n';
import { cellOf, readDate, readNumber, readText, sheetRowOf, type TableView, viewOf } from './read';
import { num } from './text';
import type { PilotLine } from './pilotTypes';
import type { WorkbookData } from './types';

/** 试点组 / 对照组 (either language) as its key. */
export const groupOf = (text: string): PilotGroup | undefined =>
  PILOT_GROUPS.find((g) => matchKey(g.label['zh-CN']) === matchKey(text) || matchKey(g.label['en-US']) === matchKey(text))?.key;

/** A row of 效果评估 that defines a pilot over the register: 试点开始 filled, no member of its own. */
export function isPilotDefinitionRow(view: TableView, row: readonly unknown[]): boolean {
  const at = cellOf(view);
  return readDate(at(row, 'pilotStart')) !== null && groupOf(readText(at(row, 'group'))) === undefined;
}

/** Rows of 效果评估 that are a pilot or control member (the per-metric evaluation leaves them out). */
export const isMemberRow = (groupCell: unknown): boolean => groupOf(readText(groupCell as never)) !== undefined;

const signed = (n: number) => `${n > 0 ? '+' : ''}${num(Math.round(n * 10000) / 10000)}`;
const p = (x: number) => (x < 0.001 ? '< 0.001' : x.toFixed(3));

/** The comparison in plain words: what changed, how sure, and the verdict. */
export function pilotStatement(metric: string, c: PilotComparison): Localized {
  const what = L(
    `${metric}:试点组 ${c.pilotMembers} 人平均变化 ${signed(c.pilotChange)},对照组 ${c.controlMembers} 人 ${signed(c.controlChange)},差异 ${signed(c.difference)}。`,
    `${metric}: the pilot's ${c.pilotMembers} changed ${signed(c.pilotChange)} on average, the control's ${c.controlMembers} ${signed(c.controlChange)}; difference ${signed(c.difference)}. `,
  );
  const test =
    c.method === 'exact'
      ? L(
          `精确置换检验:同样大小的 ${c.arrangements} 种分法中,差异不小于此的占 p = ${p(c.pValue)}`,
          `Exact permutation test: of the ${c.arrangements} ways to split these members into groups of the same sizes, p = ${p(c.pValue)} show a difference at least as large`,
        )
      : L(
          `置换检验(${c.arrangements} 种分法中随机抽取 200,000 种,固定种子):p = ${p(c.pValue)}`,
          `Permutation test (200,000 of the ${c.arrangements} splittings drawn, fixed seed): p = ${p(c.pValue)}`,
        );
  const why: Readonly<Record<PilotComparison['reason'], Localized>> = {
    better: L(`,低于 ${PILOT_ALPHA},试点确实更好`, `, below ${PILOT_ALPHA}: the pilot did better`),
    worse: L(`,低于 ${PILOT_ALPHA},试点确实更差`, `, below ${PILOT_ALPHA}: the pilot did worse`),
    chance: L(`,不低于 ${PILOT_ALPHA},差异可能来自偶然`, `, not below ${PILOT_ALPHA}: the difference may be chance`),
    tooSmall: L(
      `。组太小,无法下结论:即使差异再大,p 值也不低于 ${p(c.smallestP)}(需低于 ${PILOT_ALPHA}),请扩大试点或延长观察`,
      `. The groups are too small to conclude: however large the difference, p cannot go below ${p(c.smallestP)} (it must be below ${PILOT_ALPHA}); widen the pilot or watch longer`,
    ),
  };
  const verdict = PILOT_VERDICTS[c.verdict];
  return L(
    `${what['zh-CN']}${test['zh-CN']}${why[c.reason]['zh-CN']}。结论:${verdict['zh-CN']}`,
    `${what['en-US']}${test['en-US']}${why[c.reason]['en-US']}. Verdict: ${verdict['en-US']}`,
  );
}

/** Each metric of 效果评估 with members in both groups, compared. */
export function pilotsSummary(data: WorkbookData): PilotLine[] {
  const view = viewOf(data, 'evaluation');
  if (!view || !view.columns.has('group')) return [];
  const at = cellOf(view);
  const byMetric = new Map<string, { metric: string; polarity?: 'higher' | 'lower'; rows: number[]; pilot: number[]; control: number[] }>();
  view.table.rows.forEach((row, i) => {
    const group = groupOf(readText(at(row, 'group')));
    const metric = readText(at(row, 'metric'));
    const [before, after] = [readNumber(at(row, 'before')), readNumber(at(row, 'after'))];
    if (group === undefined || metric === '' || before === null || after === null) return;
    const key = matchKey(metric);
    const line = byMetric.get(key) ?? { metric, rows: [], pilot: [], control: [] };
    const direction = readText(at(row, 'direction'));
    line.polarity ??= direction === '' ? undefined : readPolarity(direction);
    line.rows.push(sheetRowOf(view.table, i));
    line[group].push(after - before);
    byMetric.set(key, line);
  });
  return [...byMetric.values()].flatMap((line) => {
    const polarity = line.polarity ?? 'higher';
    const comparison = comparePilot(line.pilot, line.control, polarity);
    return comparison
      ? [{ metric: line.metric, polarity, rows: line.rows, comparison, statement: pilotStatement(line.metric, comparison) }]
      : [];
  });
}
