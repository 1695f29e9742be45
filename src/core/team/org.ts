/**
 * 组织架构 The team's structure: region → manager → rep, each row valid from a start date to an end
 * date, so a rep who moves keeps the history (their weeks before the move roll up to the old
 * manager, after it to the new one). Roll-ups of any measure at every level, and the data scopes
 * the pane offers (本人 / 下属 / 全部).
 */

/** One row of 组织架构: who reports to whom, from `start` to `end` (day serials, both inclusive; blank = open). */
export interface OrgAssignment {
  readonly region: string;
  readonly manager: string;
  readonly rep: string;
  readonly start?: number;
  readonly end?: number;
}

/** The levels a roll-up reports, from the rep up to the whole team. */
export type OrgLevel = 'rep' | 'manager' | 'region' | 'team';
export const ORG_LEVELS: readonly OrgLevel[] = ['rep', 'manager', 'region', 'team'];

/** Whose numbers the pane shows: the viewer's own, theirs and their reps', or everyone's. */
export type DataScope = 'self' | 'subordinates' | 'all';
export const DATA_SCOPES: readonly DataScope[] = ['self', 'subordinates', 'all'];

const covers = (a: OrgAssignment, day: number): boolean =>
  (a.start === undefined || a.start <= day) && (a.end === undefined || day <= a.end);

/**
 * The assignment of `rep` on `day`, or undefined when no row covers it. Where rows overlap (a move
 * entered before the old row was closed) the latest start wins: the newest fact about the rep.
 */
export function assignmentOn(org: readonly OrgAssignment[], rep: string, day: number): OrgAssignment | undefined {
  let found: OrgAssignment | undefined;
  for (const a of org)
    if (a.rep === rep && covers(a, day) && (found === undefined || (a.start ?? -Infinity) >= (found.start ?? -Infinity))) found = a;
  return found;
}

/** A measured item: whose it is, on which day, and its numbers (a call, a deal, a target). */
export interface OrgItem<M extends string> {
  readonly rep: string;
  readonly day: number;
  readonly values: Readonly<Partial<Record<M, number>>>;
}

/** One line of a roll-up: a level, its name and the path above it, the sums and the reps counted. */
export interface RollUpLine<M extends string> {
  readonly level: OrgLevel;
  /** The rep's, manager's or region's name; '' for the team. */
  readonly name: string;
  readonly region: string;
  readonly manager: string;
  readonly totals: Readonly<Record<M, number>>;
  /** How many items carried each measure (a blank is not a zero). */
  readonly counts: Readonly<Record<M, number>>;
  readonly reps: readonly string[];
}

export interface RollUp<M extends string> {
  readonly lines: readonly RollUpLine<M>[];
  /** Items whose rep had no 组织架构 row on the item's day: counted in the team's line only, and named. */
  readonly unassigned: readonly OrgItem<M>[];
}

interface Accumulator<M extends string> {
  level: OrgLevel;
  name: string;
  region: string;
  manager: string;
  totals: Record<M, number>;
  counts: Record<M, number>;
  reps: Set<string>;
}

/**
 * Sums every measure at every level. Each item counts where its rep belonged on the item's own day.
 * Lines come by level (the team, the regions, the managers, the reps), each in 组织架构's order.
 */
export function rollUp<M extends string>(org: readonly OrgAssignment[], items: readonly OrgItem<M>[], measures: readonly M[]): RollUp<M> {
  const lines = new Map<string, Accumulator<M>>();
  const zero = (): Record<M, number> => Object.fromEntries(measures.map((m) => [m, 0])) as Record<M, number>;
  const line = (level: OrgLevel, name: string, region: string, manager: string): Accumulator<M> => {
    const key = `${level}\u0000${region}\u0000${manager}\u0000${name}`;
    let acc = lines.get(key);
    if (!acc) {
      acc = { level, name, region, manager, totals: zero(), counts: zero(), reps: new Set() };
      lines.set(key, acc);
    }
    return acc;
  };
  // Lines in the order 组织架构 lists them, even with nothing to sum yet (a rep with no call shows 0 of 0).
  const team = line('team', '', '', '');
  for (const a of org) {
    line('region', a.region, a.region, '');
    line('manager', a.manager, a.region, a.manager);
    line('rep', a.rep, a.region, a.manager);
  }
  const unassigned: OrgItem<M>[] = [];
  for (const item of items) {
    const a = assignmentOn(org, item.rep, item.day);
    const targets = a
      ? [
          team,
          line('region', a.region, a.region, ''),
          line('manager', a.manager, a.region, a.manager),
          line('rep', a.rep, a.region, a.manager),
        ]
      : [team];
    if (!a) unassigned.push(item);
    for (const acc of targets) {
      acc.reps.add(item.rep);
      for (const m of measures) {
        const v = item.values[m];
        if (v === undefined || !Number.isFinite(v)) continue;
        acc.totals[m] += v;
        acc.counts[m] += 1;
      }
    }
  }
  const ordered = [...lines.values()].sort((x, y) => levelRank(x) - levelRank(y));
  return {
    lines: ordered.map((acc) => ({ ...acc, reps: [...acc.reps] })),
    unassigned,
  };
}

/** The team first, the reps last; a stable sort keeps 组织架构's order within a level. */
const levelRank = (line: { level: OrgLevel }): number => ORG_LEVELS.length - 1 - ORG_LEVELS.indexOf(line.level);

/**
 * The reps whose numbers `viewer` sees on `day` in a scope: 本人 the viewer alone; 下属 the viewer
 * and everyone who reports to them (as manager, or in the region they are named for); 全部 everyone
 * in 组织架构 on that day. A viewer not in 组织架构 sees only their own numbers under 下属.
 */
export function repsInScope(org: readonly OrgAssignment[], viewer: string, scope: DataScope, day: number): readonly string[] {
  const current = org.filter((a) => covers(a, day));
  const reps = (rows: readonly OrgAssignment[]) => [...new Set(rows.map((a) => a.rep))];
  switch (scope) {
    case 'self':
      return [viewer];
    case 'subordinates':
      return [...new Set([viewer, ...reps(current.filter((a) => a.manager === viewer || a.region === viewer))])];
    case 'all':
      return reps(current);
  }
}
