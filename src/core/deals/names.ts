/**
 * Names reconciled: the register's regions and owners (as the CRM writes them: 华南销售部, "Zhang
 * Wei") against the names 表2 and the forecast use (华南, 张伟). A register name matches a target
 * exactly (ignoring case, spaces and punctuation), else by a saved alias (the user's earlier
 * answer, kept in 导入映射), else when one holds the other once the words departments add
 * (销售部, 大区, Team…) are set aside — and only when exactly one target fits. Anything
 * else stays unmatched and is reported with the money it carries, never guessed.
 */
import { matchKey } from './normalize';

export type NameKind = 'region' | 'owner';

export type MatchHow = 'exact' | 'alias' | 'contains' | 'prefix';

export interface RegisterName {
  readonly name: string;
  readonly deals: number;
  /** The money the name carries in the register (won and open deals), for the match table. */
  readonly amount: number;
  /** Won deals and their amount: what 表2's actuals can gain by the match. */
  readonly wonDeals: number;
  readonly wonAmount: number;
}

export interface NameMatch extends RegisterName {
  readonly target?: string;
  readonly how?: MatchHow;
}

/** Words a department or team name adds to a region's: 华南销售部 is 华南, "East Sales Team" is East. */
const DEPARTMENT_WORDS =
  /(销售|营销|业务)?(事业部|部门|中心|大区|区域|战区|分公司|团队|小组|组|部|区)$|\b(sales|team|region|territory|department|dept|division|office|area)\b/giu;

const core = (name: string): string => matchKey(name.replace(DEPARTMENT_WORDS, '').replace(DEPARTMENT_WORDS, ''));

/**
 * The one target a name fits once the words departments add are set aside — one holds the other
 * (华南销售部 → 华南: a prefix; "Greater East" → East: contained) — or undefined when none or several
 * fit. Two names that merely start alike (华南一部 / 华南二部) are different teams: not matched.
 */
function closeTarget(name: string, targets: readonly string[]): { target: string; how: MatchHow } | undefined {
  const key = core(name);
  if (key === '') return undefined;
  const fits = targets.flatMap((t) => {
    const tk = core(t);
    if (tk === '' || !(key.includes(tk) || tk.includes(key))) return [];
    return [{ target: t, how: (key.startsWith(tk) || tk.startsWith(key) ? 'prefix' : 'contains') as MatchHow }];
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * Each register name with the target it matches (and how), for one kind of name. `aliases` maps a
 * register name (as matchKey) to a target: the user's saved answers.
 */
export function matchNames(
  names: readonly RegisterName[],
  targets: readonly string[],
  aliases: ReadonlyMap<string, string> = new Map(),
): NameMatch[] {
  const byKey = new Map(targets.map((t) => [matchKey(t), t] as const));
  return names.map((entry) => {
    const exact = byKey.get(matchKey(entry.name));
    if (exact !== undefined) return { ...entry, target: exact, how: 'exact' as const };
    const alias = aliases.get(matchKey(entry.name));
    if (alias !== undefined) return { ...entry, target: byKey.get(matchKey(alias)) ?? alias, how: 'alias' as const };
    const close = closeTarget(entry.name, targets);
    return close ? { ...entry, target: close.target, how: close.how } : { ...entry };
  });
}

/** Register names that count for a target: itself (the cell's own text) and every other name matched to it. */
export function namesFor(target: string, matches: readonly NameMatch[]): string[] {
  const key = matchKey(target);
  return matches.filter((m) => m.target !== undefined && matchKey(m.target) === key && m.name !== target).map((m) => m.name);
}

/** The register's names of one kind with the deals and money each carries (removed deals left out). */
export function namesInRegister(
  rows: readonly (readonly unknown[])[],
  columns: { readonly name: number; readonly amount?: number; readonly status?: number },
  isWon: (status: unknown) => boolean,
  isRemoved: (status: unknown) => boolean,
): RegisterName[] {
  const found = new Map<string, { name: string; deals: number; amount: number; wonDeals: number; wonAmount: number }>();
  for (const row of rows) {
    const cell = row[columns.name];
    const name = cell === null || cell === undefined ? '' : String(cell).trim();
    const status = columns.status === undefined ? null : row[columns.status];
    if (name === '' || isRemoved(status)) continue;
    const raw = columns.amount === undefined ? 0 : row[columns.amount];
    const amount = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
    const entry = found.get(name) ?? { name, deals: 0, amount: 0, wonDeals: 0, wonAmount: 0 };
    entry.deals++;
    entry.amount += amount;
    if (isWon(status)) {
      entry.wonDeals++;
      entry.wonAmount += amount;
    }
    found.set(name, entry);
  }
  return [...found.values()].sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}
