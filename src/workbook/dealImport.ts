/**
 * The deal import and snapshot as one host-neutral flow over a WorkbookPort (the register link is
 * ./registerLink.ts): the command line (src/cli/importDeals.ts) and the pane's import tab both run
 * it, so an import does the same in every host. Core plans every write purely; this module finds the
 * tables, inserts the sheets a first import needs, and carries the writes out in order.
 */
import {
  MONEY_HEADER_TEMPLATES,
  type ChangeDetails,
  type ChangeReport,
  type ColumnMapping,
  type DealSnapshot,
  type ImportMapping,
  type ImportPreview,
  type Locale,
  type MoneyUnit,
  type RawTable,
  type SlipPeriod,
  type StageMeaning,
  type TableSnapshot,
  type TemplateLocation,
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
  readWorkbookSettings,
  workbookSettings,
  workbookSettingsWrites,
  locateTemplate,
  moneyUnitOfHeader,
  planDealUpsert,
  previewImport,
  readImportMappings,
  readSnapshots,
  registerSnapshot,
  repeatedSlips,
  snapshotWrite,
  templateById,
  templatesOfSheets,
} from '../core';
import { type SheetInfo, type WorkbookPort, WorkbookError } from './port';
import { tableAfterWrite } from './placement';
import { WORKBOOK_MESSAGES } from './messages';
import { ensureTemplate } from './ensureTemplate';

export interface DealTables {
  readonly register?: TableSnapshot;
  readonly snapshots?: TableSnapshot;
  readonly mappings?: TableSnapshot;
  readonly settings?: TableSnapshot;
  /** The unit the money headers of the tables read show (金额(万元)), for a workbook without 工作簿设置. */
  readonly headerUnit?: MoneyUnit;
  /** The method's tables read for their money headers (表2, 销售预测, 销售漏斗), so the register link reads none twice. */
  readonly headerTables?: Readonly<Partial<Record<(typeof MONEY_HEADER_TEMPLATES)[number], TableSnapshot>>>;
}

/**
 * The register, the snapshots, the saved mappings and the settings, each found by the one locate
 * rule (its table or sheet name) and read once at most. Headers decide only where a name does not:
 * a register the user renamed is looked for on the sheets no template claims. Without 工作簿设置's
 * unit, the money headers of the method's sheets tell it (the first that names one).
 */
export async function findDealTables(port: WorkbookPort, listed?: readonly SheetInfo[]): Promise<DealTables> {
  const sheets = listed ?? (await port.listSheets());
  const read = (location: TemplateLocation) => port.readTable(location).catch(() => undefined);
  const named = async (spec: TemplateSpec, fits: (header: readonly string[]) => boolean) => {
    const at = locateTemplate(spec, sheets);
    const table = at ? await read(at) : undefined;
    return table && fits(table.header) ? table : undefined;
  };
  let register = await named(templateById('deals'), isDealRegister);
  const snapshots = await named(dealSnapshots, isSnapshotTable);
  const mappings = await named(importMappings, isImportMappingsTable);
  const settings = await named(workbookSettings, isWorkbookSettingsTable);
  if (!register) {
    const claimed = templatesOfSheets(sheets);
    for (const sheet of sheets) {
      if (claimed.has(sheet.name)) continue;
      const table = await read({ sheetName: sheet.name });
      if (table && isDealRegister(table.header)) {
        register = table;
        break;
      }
    }
  }
  let headerUnit: MoneyUnit | undefined;
  const headerTables: Partial<Record<(typeof MONEY_HEADER_TEMPLATES)[number], TableSnapshot>> = {};
  if ((settings ? readWorkbookSettings(settings).settings.moneyUnit : undefined) === undefined) {
    for (const id of MONEY_HEADER_TEMPLATES) {
      const table = id === 'deals' ? register : await named(templateById(id), () => true);
      if (table && id !== 'deals') headerTables[id] = table;
      headerUnit = table ? moneyUnitOfHeader(table.header) : undefined;
      if (headerUnit) break;
    }
    headerUnit ??= snapshots ? moneyUnitOfHeader(snapshots.header) : undefined;
  }
  return {
    ...(register ? { register } : {}),
    ...(snapshots ? { snapshots } : {}),
    ...(mappings ? { mappings } : {}),
    ...(settings ? { settings } : {}),
    ...(headerUnit ? { headerUnit } : {}),
    ...(Object.keys(headerTables).length > 0 ? { headerTables } : {}),
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

/** A table the import keeps, inserted when missing (in the unit the import stores, else none), and read. */
export async function ensureTable(port: WorkbookPort, spec: TemplateSpec, locale: Locale, moneyUnit?: MoneyUnit): Promise<TableSnapshot> {
  const { location } = await ensureTemplate(port, spec, { locale, blankRows: 1, moneyUnit: moneyUnit ?? null });
  return port.readTable(location);
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
  /** The preview the caller showed for exactly these inputs: not computed again. */
  readonly preview?: ImportPreview;
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
  const preview =
    request.preview ?? previewImport(request.table, request.mapping, { locale, stages: request.stages, ...(amounts ? { amounts } : {}) });
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
  // The register as the write leaves it, from the same placement the host used: not read again.
  const after = tableAfterWrite(before, plan.write, locale);
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
  if (!tables.register) throw new WorkbookError(WORKBOOK_MESSAGES.noRegister[locale]);
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
