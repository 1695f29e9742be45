/**
 * 用商机明细计算: the register link as a host-neutral flow over a WorkbookPort (the pane's button and
 * `npm run workbook -- link` both run it). Core plans the formulas (core/deals/links.ts); this
 * module finds the tables, refuses to replace typed 表2 actuals unless told, inserts the forecast
 * when missing and keeps the user's name matches in 导入映射.
 */
import {
  type GoalLinkCheck,
  type LinkCounts,
  type Locale,
  type NameAliases,
  type NameKind,
  type NameMatches,
  type SkippedRow,
  importMappings,
  locateTemplate,
  matchKey,
  nameAliasesWrite,
  planRegisterLinks,
  readNameAliases,
  readSnapshots,
  templateById,
} from '../core';
import { ensureTable, findDealTables, workbookMoneyUnit } from './dealImport';
import { WORKBOOK_MESSAGES } from './messages';
import { ensureTemplate } from './ensureTemplate';
import { type WorkbookPort, WorkbookError } from './port';
export interface LinkResult {
  /** False when nothing was written: the link would replace typed 表2 actuals and was not told to. */
  readonly linked: boolean;
  readonly counts: LinkCounts;
  readonly skipped: readonly SkippedRow[];
  /** The forecast sheet when this link inserted it. */
  readonly insertedForecast?: string;
  readonly sheets: { readonly funnel?: string; readonly goals?: string; readonly forecast?: string };
  /** The register's regions and owners matched to 表2's and the forecast's. */
  readonly names: NameMatches;
  /** What 表2's actuals become: won deals counted, typed values replaced, and the write that undoes it. */
  readonly goals?: GoalLinkCheck;
}

/** Names the user matched by hand: register name → the 表2 / forecast name, per kind. */
export type NameAnswers = Readonly<Partial<Record<NameKind, ReadonlyMap<string, string>>>>;

export interface LinkRequest {
  /** The day pace and the default quarter are measured from; without it, the register's latest snapshot, else `today`. */
  readonly asOf?: number;
  /** The clock's day, the last resort for `asOf`. */
  readonly today?: number;
  readonly locale: Locale;
  readonly portable?: boolean;
  /** Replace typed 表2 actuals (the user saw how many and agreed); without it such a link writes nothing. */
  readonly replaceTyped?: boolean;
  /** The user's matches for names no rule matched; kept in 导入映射 with the earlier ones. */
  readonly answers?: NameAnswers;
}

/** Saved aliases with the user's new answers over them (keys as matchKey). */
function mergedAliases(saved: NameAliases, answers: NameAnswers | undefined): NameAliases {
  const merged: Partial<Record<NameKind, Map<string, string>>> = {};
  for (const kind of ['region', 'owner'] as const) {
    const map = new Map(saved[kind] ?? []);
    for (const [name, target] of answers?.[kind] ?? []) map.set(matchKey(name), target);
    merged[kind] = map;
  }
  return merged;
}

/**
 * Makes the funnel, 表2 and the forecast compute from the register (core/deals/links.ts), inserting
 * the forecast when the workbook has none. Register names are matched to 表2's first (华南销售部 →
 * 华南). When the link would replace typed 表2 actuals and `replaceTyped` is not set, nothing is
 * written and the result says what would be replaced, so the caller can ask.
 */
export async function linkDealRegister(port: WorkbookPort, request: LinkRequest): Promise<LinkResult> {
  const { locale } = request;
  const sheets = await port.listSheets();
  const tables = await findDealTables(port, sheets);
  if (!tables.register) throw new WorkbookError(WORKBOOK_MESSAGES.noRegister[locale]);
  // A table findDealTables read for its money header is not read again.
  const read = async (id: 'funnel' | 'goals' | 'forecast') => {
    const known = tables.headerTables?.[id];
    if (known) return known;
    const location = locateTemplate(templateById(id), sheets);
    return location ? port.readTable(location) : undefined;
  };
  const [funnel, goals] = [await read('funnel'), await read('goals')];
  let forecast = await read('forecast');
  const saved = tables.mappings ? readNameAliases(tables.mappings) : {};
  const aliases = mergedAliases(saved, request.answers);
  // The data's own day before the clock's: a March export linked in December still measures March's pace.
  const latest = tables.snapshots ? readSnapshots(tables.snapshots).at(-1)?.takenOn : undefined;
  const asOf = request.asOf ?? latest ?? request.today;
  if (asOf === undefined) throw new Error('linkDealRegister needs asOf or today');
  const options = { asOf, portable: request.portable ?? false, aliases };
  // Planned once without the forecast's insertion: a refused link must leave the workbook as it was.
  const probe = planRegisterLinks(
    tables.register,
    { ...(funnel ? { funnel } : {}), ...(goals ? { goals } : {}), ...(forecast ? { forecast } : {}) },
    options,
  );
  if (!probe.ok) throw new WorkbookError(probe.message[locale], tables.register.sheetName);
  const sheetNames = { ...(funnel ? { funnel: funnel.sheetName } : {}), ...(goals ? { goals: goals.sheetName } : {}) };
  if ((probe.goals?.replaced.length ?? 0) > 0 && !request.replaceTyped)
    return {
      linked: false,
      counts: probe.counts,
      skipped: probe.skipped,
      sheets: { ...sheetNames, ...(forecast ? { forecast: forecast.sheetName } : {}) },
      names: probe.names,
      ...(probe.goals ? { goals: probe.goals } : {}),
    };
  let insertedForecast: string | undefined;
  if (!forecast) {
    const ensured = await ensureTemplate(port, templateById('forecast'), {
      locale,
      portable: request.portable ?? false,
      blankRows: 1,
      moneyUnit: workbookMoneyUnit(tables) ?? null,
    });
    insertedForecast = ensured.inserted;
    forecast = await port.readTable(ensured.location);
  }
  const plan = planRegisterLinks(tables.register, { ...(funnel ? { funnel } : {}), ...(goals ? { goals } : {}), forecast }, options);
  if (!plan.ok) throw new WorkbookError(plan.message[locale], tables.register.sheetName);
  const writes = [...plan.writes];
  const answered = (['region', 'owner'] as const).some((kind) => (request.answers?.[kind]?.size ?? 0) > 0);
  if (answered) {
    const mappings = tables.mappings ?? (await ensureTable(port, importMappings, locale));
    // Each alias under the register's own spelling of the name (the sheet is read by people).
    const kept = (kind: NameKind) => {
      const spelling = new Map<string, string>();
      for (const m of plan.names[kind]) spelling.set(matchKey(m.name), m.name);
      for (const name of request.answers?.[kind]?.keys() ?? []) spelling.set(matchKey(name), name);
      return new Map([...(aliases[kind] ?? [])].map(([key, target]) => [key, { name: spelling.get(key) ?? key, target }] as const));
    };
    writes.push(nameAliasesWrite({ region: kept('region'), owner: kept('owner') }, mappings));
  }
  if (writes.length > 0) await port.writeTables(writes);
  return {
    linked: true,
    counts: plan.counts,
    skipped: plan.skipped,
    ...(insertedForecast ? { insertedForecast } : {}),
    sheets: { ...sheetNames, forecast: forecast.sheetName },
    names: plan.names,
    ...(plan.goals ? { goals: plan.goals } : {}),
  };
}

/** 撤销链接: puts back the typed 表2 actuals a link replaced (each row guarded by its month). */
export async function undoRegisterLink(port: WorkbookPort, link: LinkResult): Promise<number> {
  if (!link.goals?.undo) return 0;
  await port.writeTables([link.goals.undo]);
  return link.goals.replaced.length;
}
