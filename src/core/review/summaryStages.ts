/**
 * 阶段标准 in the review (issue 25; source 003 §2: 进入与退出标准、平均停留时间): the funnel's expected
 * days per stage (销售漏斗 标准停留天数, else the stage's default), open deals past them, and deals
 * the snapshots saw move to a later stage while 退出标准已达成 was not 是 — per owner as 流程达标率
 * (deals meeting the standards / deals judged). A snapshot sheet without the check judges no move;
 * a register where no deal has the check yet is not judged at all.
 */
import { matchHeader } from '../templates/locate';
import { dealSnapshots } from '../templates/specs/deals';
import { FUNNEL_STAGES, type StageKey, stageOfLabel } from '../domain/stages';
import { readSnapshots } from '../deals/snapshots';
import { dealStatusOf } from '../deals/mapping';
import { yesNoOf } from '../deals/register';
import { cellOf, readDate, readNumber, readText, sheetRowOf, viewOf } from './read';
import type { StageCompliance, StageIssue } from './stageTypes';
import type { WorkbookData } from './types';

const ORDER = new Map(FUNNEL_STAGES.map((s, i) => [s.key, i]));

/** Expected days per stage: the funnel sheet's 标准停留天数 where given, else the stage's default. */
export function stageLimits(data: WorkbookData): Partial<Record<StageKey, number>> {
  const limits: Partial<Record<StageKey, number>> = Object.fromEntries(
    FUNNEL_STAGES.filter((s) => s.followUpDays !== undefined).map((s) => [s.key, s.followUpDays]),
  );
  const view = viewOf(data, 'funnel');
  if (!view || !view.columns.has('dwellDays')) return limits;
  const at = cellOf(view);
  for (const row of view.table.rows) {
    const stage = stageOfLabel(readText(at(row, 'stage')));
    const days = readNumber(at(row, 'dwellDays'));
    if (stage && days !== null && days > 0) limits[stage.key] = days;
  }
  return limits;
}

export function stageCompliance(data: WorkbookData, today: number): StageCompliance | undefined {
  const view = viewOf(data, 'deals');
  if (!view) return undefined;
  const at = cellOf(view);
  const limits = stageLimits(data);
  const snapshotTable = data.dealSnapshots;
  const exitTracked = snapshotTable !== undefined && matchHeader(dealSnapshots, snapshotTable.header).columns.has('exitMet');
  const snapshots = snapshotTable && exitTracked ? readSnapshots(snapshotTable) : [];
  // The check is the team's adoption of stage standards: until a deal carries one (now or in a
  // snapshot), overstays are the follow-up rule's (deals.stale) and nothing is judged twice.
  const adopted =
    view.table.rows.some((row) => yesNoOf(at(row, 'exitMet')) !== undefined) ||
    snapshots.some((snapshot) => snapshot.deals.some((d) => d.exitMet !== undefined));
  if (!adopted) return undefined;
  const label = (key: StageKey) => (FUNNEL_STAGES.find((s) => s.key === key) as (typeof FUNNEL_STAGES)[number]).label[view.locale];

  // Moves to a later stage with the earlier snapshot's check not 是: the first such move per deal.
  const skipped = new Map<string, { from: StageKey; seenOn: number }>();
  const moved = new Set<string>();
  for (let i = 1; i < snapshots.length; i++) {
    const [before, after] = [snapshots[i - 1], snapshots[i]] as [(typeof snapshots)[number], (typeof snapshots)[number]];
    const earlier = new Map(before.deals.map((d) => [d.id, d]));
    for (const deal of after.deals) {
      const was = earlier.get(deal.id);
      if (!was || was.stage === null || deal.stage === null) continue;
      if ((ORDER.get(deal.stage) ?? -1) <= (ORDER.get(was.stage) ?? -1)) continue;
      moved.add(deal.id);
      if (was.exitMet !== true && !skipped.has(deal.id)) skipped.set(deal.id, { from: was.stage, seenOn: after.takenOn });
    }
  }

  const issues: StageIssue[] = [];
  const owners = new Map<string, { checked: number; compliant: number }>();
  view.table.rows.forEach((row, i) => {
    const id = readText(at(row, 'dealId'));
    if (id === '') return;
    const owner = readText(at(row, 'owner'));
    const name = readText(at(row, 'name'));
    const sheetRow = sheetRowOf(view.table, i);
    const stage = stageOfLabel(readText(at(row, 'stage')));
    const open = (dealStatusOf(readText(at(row, 'status'))) ?? 'open') === 'open';
    const since = readDate(at(row, 'stageSince'));
    const limit = stage ? limits[stage.key] : undefined;
    const judgedDwell = open && stage !== undefined && limit !== undefined && since !== null;
    const days = judgedDwell ? Math.floor(today) - Math.floor(since as number) : 0;
    const over = judgedDwell && days > (limit as number);
    const skip = skipped.get(id);
    if (!judgedDwell && !moved.has(id)) return;
    const entry = owners.get(owner) ?? { checked: 0, compliant: 0 };
    entry.checked += 1;
    if (!over && !skip) entry.compliant += 1;
    owners.set(owner, entry);
    if (skip) issues.push({ sheetRow, id, name, owner, kind: 'skipped', stage: label(skip.from), seenOn: skip.seenOn });
    if (over)
      issues.push({
        sheetRow,
        id,
        name,
        owner,
        kind: 'overstayed',
        stage: (stage as (typeof FUNNEL_STAGES)[number]).label[view.locale],
        days,
        limit: limit as number,
      });
  });
  const checked = [...owners.values()].reduce((s, o) => s + o.checked, 0);
  if (checked === 0) return undefined;
  const compliant = [...owners.values()].reduce((s, o) => s + o.compliant, 0);
  return {
    checked,
    compliant,
    rate: compliant / checked,
    byOwner: [...owners.entries()]
      .map(([owner, o]) => ({ owner, ...o, rate: o.compliant / o.checked }))
      .sort((a, b) => a.rate - b.rate || a.owner.localeCompare(b.owner)),
    issues,
    exitTracked,
  };
}
