/**
 * The deal import, snapshot and register link as one host-neutral flow over a WorkbookPort: the
 * command line (src/cli/importDeals.ts) and the pane's import tab both run it, so an import does the
 * same in every host. Core plans every write purely; this module finds the tables, inserts the
 * sheets a first import needs, and carries the writes out in order.
 */
import {
  type ChangeDetails,
  type ChangeReport,
  type ColumnMapping,
  type DealSnapshot,
  type ImportMapping,
  type ImportPreview,
  type LinkCounts,
  type Locale,
  type MoneyUnit,
  type NameAliases,
  type NameKind,
  type NameMatches,
  type GoalLinkCheck,
  type Localized,
  type RawTable,
  type SkippedRow,
  type SlipPeriod,
  type StageMeaning,
  type TableSnapshot,
  type TemplateSpec,
  type UpsertCounts,
  changeDetails,
  compareSnapshots,
  dealSnapshots,
  importMappingOf,
  importMappingWrite,
  importMappings,
  isDealRegister,
  isImportMappingsTable,
  isSnapshotTable,
  isWorkbookSettingsTable,
  matchKey,
  nameAliasesWrite,
  readNameAliases,
  readWorkbookSettings,
  workbookSettings,
  workbookSettingsWrites,
  locateTemplate,
  moneyUnitOfHeader,
  planDealUpsert,
  planRegisterLinks,
  planTemplate,
  previewImport,
  readImportMappings,
  readSnapshots,
  registerSnapshot,
  repeatedSlips,
  snapshotWrite,
  templateById,
} from '../core';
import { type WorkbookPort, WorkbookError } from './port';

export interface DealTables {
  readonly register?: TableSnapshot;
  readonly snapshots?: TableSnapshot;
  readonly mappings?: TableSnapshot;
  readonly settings?: TableSnapshot;
  /** The unit the money headers of the tables read show (金额(万元)), for a workbook without 工作簿设置. */
  readonly headerUnit?: MoneyUnit;
}

const WANTED = [templateById('deals'), dealSnapshots, importMappings, workbookSettings].map((spec) => spec.tableName.toLowerCase());

/** The register, the snapshots, the saved mappings and the settings: one pass over the sheets, each read once at most. */
export async function findDealTables(port: WorkbookPort): Promise<DealTables> {
  const named = (sheet: { tables: readonly string[] }) =>
    sheet.tables.some((t) => WANTED.includes(t.toLowerCase().replace(/\d+$/, ''))) ? 0 : 1;
  const sheets = [...(await port.listSheets())].sort((a, b) => named(a) - named(b));
  let register: TableSnapshot | undefined;
  let snapshots: TableSnapshot | undefined;
  let mappings: TableSnapshot | undefined;
  let settings: TableSnapshot | undefined;
  let headerUnit: MoneyUnit | undefined;
  for (const sheet of sheets) {
    if (register && snapshots && mappings && settings) break;
    const read = await port.readTable({ sheetName: sheet.name }).catch(() => undefined);
    if (!read) continue;
    headerUnit ??= moneyUnitOfHeader(read.header);
    if (!register && isDealRegister(read.header)) register = read;
    else if (!snapshots && isSnapshotTable(read.header)) snapshots = read;
    else if (!mappings && isImportMappingsTable(read.header)) mappings = read;
    else if (!settings && isWorkbookSettingsTable(read.header)) settings = read;
  }
  return {
    ...(register ? { register } : {}),
    ...(snapshots ? { snapshots } : {}),
    ...(mappings ? { mappings } : {}),
    ...(settings ? { settings } : {}),
    ...(headerUnit ? { headerUnit } : {}),
  };
}

/** The money unit the workbook says it is in (工作簿设置), or undefined when it has not said. */
export const workbookMoneyUnit = (tables: Pick<DealTables, 'settings' | 'headerUnit'>): MoneyUnit | undefined =>
  (tables.settings ? readWorkbookSettings(tables.settings).settings.moneyUnit : undefined) ?? tables.headerUnit;

/**
 * How an export's amounts are stored: from the export's unit (its header's, or the user's answer) to
 * the workbook's. A workbook that has not said its unit takes the export's (kept by the import).
 */
export function amountConversion(
  workbookUnit: MoneyUnit | undefined,
  exportUnit: MoneyUnit | undefined,
): { readonly from: MoneyUnit; readonly to: MoneyUnit } | undefined {
  const to = workbookUnit ?? exportUnit;
  const from = exportUnit ?? to;
  return from && to ? { from, to } : undefined;
}

/** The 工作簿设置 table alone, found by its name (no other sheet read). */
export async function findSettings(port: WorkbookPort): Promise<Pick<DealTables, 'settings'>> {
  const location = locateTemplate(workbookSettings, await port.listSheets());
  const settings = location ? await port.readTable(location).catch(() => undefined) : undefined;
  return settings && isWorkbookSettingsTable(settings.header) ? { settings } : {};
}

/** Keeps the workbook's money unit in 工作簿设置 (inserting the sheet when missing); returns the sheet. */
export async function saveMoneyUnit(port: WorkbookPort, tables: Pick<DealTables, 'settings'>, unit: MoneyUnit, locale: Locale) {
  const table = tables.settings ?? (await ensureTable(port, workbookSettings, locale));
  await port.writeTables(workbookSettingsWrites({ moneyUnit: unit }, table));
  return table.sheetName;
}

/** The mappings saved in the workbook, by name. */
export const savedMappings = (tables: DealTables): Map<string, ImportMapping> =>
  tables.mappings ? readImportMappings(tables.mappings) : new Map();

async function ensureTable(port: WorkbookPort, spec: TemplateSpec, locale: Locale, moneyUnit?: MoneyUnit): Promise<TableSnapshot> {
  const inserted = await port.insertTemplate(
    planTemplate(spec, { locale, samples: false, portable: false, blankRows: 1, ...(moneyUnit ? { moneyUnit } : {}) }),
  );
  return port.readTable({ sheetName: inserted.sheetName });
}

export interface DealImportRequest {
  readonly table: RawTable;
  readonly mapping: ColumnMapping;
  /** Stage names of this source and what they mean (saved ones and the user's answers). */
  readonly stages: Readonly<Record<string, StageMeaning>>;
  /** The export lists every deal: deals it lacks are marked removed. */
  readonly full: boolean;
  /** The snapshot's day (a day serial). */
  readonly takenOn: number;
  /** The language new sheets are written in. */
  readonly locale: Locale;
  /** Save the mapping and stage answers under this name. */
  readonly saveAs?: string;
  /** A close date moving out of its month (default) or only out of its quarter counts as slipped. */
  readonly slipPeriod?: SlipPeriod;
  /** The unit of the export's amounts (its header's, or the user's answer); undefined: the workbook's. */
  readonly amountUnit?: MoneyUnit;
}

export interface DealImportResult {
  readonly counts: UpsertCounts;
  readonly preview: ImportPreview;
  readonly changes: ChangeReport;
  /** The deals behind each count: name, owner, amount, what moved, the register row. */
  readonly details: ChangeDetails;
  /** The snapshot the changes are measured from (the last one of an earlier day, or the register before). */
  readonly baselineDay: number;
  /** What the changes are measured from: a kept snapshot (of `baselineDay`), or the register as it was before this import. */
  readonly comparedWith: 'snapshot' | 'register';
  /**
   * The first import into an empty register and no earlier snapshot: it is the baseline, and its
   * changes are empty (its won deals were not won this week).
   */
  readonly baseline: boolean;
  /** Deals slipped three or more times over the kept snapshots. */
  readonly repeatedSlips: ReadonlyMap<string, number>;
  readonly registerSheet: string;
  /** Sheets a first import inserted (register, snapshots, mappings, settings). */
  readonly inserted: readonly string[];
  /** The amounts' unit in the export and as stored, when either is known. */
  readonly amounts?: { readonly from: MoneyUnit; readonly to: MoneyUnit };
}

/** Rows with problems are left out (the caller refuses the import first if it wants strictness). */
export async function runDealImport(port: WorkbookPort, tables: DealTables, request: DealImportRequest): Promise<DealImportResult> {
  const { locale } = request;
  const amounts = amountConversion(workbookMoneyUnit(tables), request.amountUnit);
  const preview = previewImport(request.table, request.mapping, { locale, stages: request.stages, ...(amounts ? { amounts } : {}) });
  if (amounts && preview.deals.length === 0 && preview.problems.length > 0 && amounts.from.currency !== amounts.to.currency)
    throw new WorkbookError(preview.problems[0]!.why[locale]);
  const inserted: string[] = [];
  // The first import into a workbook that has not said its unit keeps the export's.
  if (amounts && (tables.settings ? readWorkbookSettings(tables.settings).settings.moneyUnit : undefined) === undefined) {
    const sheet = await saveMoneyUnit(port, tables, amounts.to, locale);
    if (!tables.settings) inserted.push(sheet);
  }
  let before = tables.register;
  if (before === undefined) {
    before = await ensureTable(port, templateById('deals'), locale, amounts?.to);
    inserted.push(before.sheetName);
  }
  const plan = planDealUpsert(before, preview.deals, request.mapping, { fullExport: request.full });
  if (!plan.ok) throw new WorkbookError(plan.message[locale], before.sheetName);
  await port.writeTables([plan.write]);
  const after = await port.readTable({ sheetName: before.sheetName });
  const taken = registerSnapshot(after, request.takenOn);

  let kept = tables.snapshots;
  if (kept === undefined) {
    kept = await ensureTable(port, dealSnapshots, locale, amounts?.to);
    inserted.push(kept.sheetName);
  }
  const history = readSnapshots(kept);
  const earlier = history.filter((s) => s.takenOn < request.takenOn);
  const baseline = earlier.at(-1) ?? registerSnapshot(before, request.takenOn - 1);
  const first = earlier.length === 0 && baseline.deals.length === 0;
  const writes = [snapshotWrite(taken, kept)];
  if (request.saveAs !== undefined) {
    let mappingsTable = tables.mappings;
    if (mappingsTable === undefined) {
      mappingsTable = await ensureTable(port, importMappings, locale);
      inserted.push(mappingsTable.sheetName);
    }
    const saved = importMappingWrite(
      importMappingOf(request.saveAs, request.table.headers, request.mapping, request.stages),
      mappingsTable,
    );
    if ('message' in saved) throw new WorkbookError(saved.message[locale], mappingsTable.sheetName);
    writes.push(saved);
  }
  await port.writeTables(writes);
  const from = first ? taken : baseline;
  const changes = compareSnapshots(from, taken, request.slipPeriod);
  return {
    counts: plan.counts,
    preview,
    changes,
    details: changeDetails(from, taken, changes, after, locale),
    baselineDay: first ? request.takenOn : baseline.takenOn,
    comparedWith: earlier.length > 0 ? 'snapshot' : 'register',
    baseline: first,
    repeatedSlips: repeatedSlips([...earlier, taken], 3, request.slipPeriod),
    registerSheet: before.sheetName,
    inserted,
    ...(amounts ? { amounts } : {}),
  };
}

export interface SnapshotResult {
  readonly taken: DealSnapshot;
  /** Against the last snapshot of an earlier day; undefined for the first snapshot. */
  readonly changes?: ChangeReport;
  readonly details?: ChangeDetails;
  readonly baselineDay?: number;
  readonly snapshotsSheet: string;
  readonly registerSheet: string;
}

/** "保存快照": keeps today's snapshot of the register (replacing one taken earlier the same day). */
export async function saveDealSnapshot(port: WorkbookPort, tables: DealTables, takenOn: number, locale: Locale): Promise<SnapshotResult> {
  if (!tables.register) throw new WorkbookError(NO_REGISTER[locale]);
  const taken = registerSnapshot(tables.register, takenOn);
  const kept = tables.snapshots ?? (await ensureTable(port, dealSnapshots, locale));
  const earlier = readSnapshots(kept).filter((s) => s.takenOn < takenOn);
  await port.writeTables([snapshotWrite(taken, kept)]);
  const last = earlier.at(-1);
  const changes = last ? compareSnapshots(last, taken) : undefined;
  return {
    taken,
    snapshotsSheet: kept.sheetName,
    registerSheet: tables.register.sheetName,
    ...(last && changes
      ? { changes, details: changeDetails(last, taken, changes, tables.register, locale), baselineDay: last.takenOn }
      : {}),
  };
}

const NO_REGISTER: Localized = {
  'zh-CN': '工作簿中没有商机明细:先插入“商机明细”模板或导入一个 CRM 导出文件。',
  'en-US': 'The workbook has no deal register: insert the Deal Register template or import a CRM export first.',
};

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
  const tables = await findDealTables(port);
  if (!tables.register) throw new WorkbookError(NO_REGISTER[locale]);
  const read = async (id: 'funnel' | 'goals' | 'forecast') => {
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
    const inserted = await port.insertTemplate(
      planTemplate(templateById('forecast'), {
        locale,
        samples: false,
        portable: request.portable ?? false,
        blankRows: 1,
        ...(workbookMoneyUnit(tables) ? { moneyUnit: workbookMoneyUnit(tables) } : {}),
      }),
    );
    insertedForecast = inserted.sheetName;
    forecast = await port.readTable({ sheetName: inserted.sheetName });
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
