/**
 * `npm run workbook -- import <book.xlsx> <export.csv|xlsx>`: a CRM export into the workbook's deal
 * register (inserted when the workbook has none), by the same flow as the pane (src/workbook/dealImport.ts)
 * — auto-mapped or saved headers, every value normalised or reported, upsert by 商机编号 — in a headless
 * Univer, written back with the same .xlsx writer. `link` makes the funnel, 表2 and the forecast
 * compute from the register. Nothing is written when the file cannot be read, a required column is unmapped,
 * or (with --strict) any row has a problem.
 */
import {
  type ImportMapping,
  type ChangedDeal,
  CHANGE_TYPES,
  type ColumnMapping,
  DEAL_FIELDS,
  type ImportPreview,
  isoFromSerial,
  type Locale,
  type NameKind,
  type RawTable,
  type StageMeaning,
  amountUnitOf,
  autoMap,
  meaningOfText,
  moneyUnitLabel,
  parseMoneyUnit,
  previewImport,
  dateInFileName,
  serialFromIso,
  todaySerial,
  unmappedRequired,
} from '../core';
import { isExportFile, readExportTable } from '../files/exportTable';
import { WorkbookFileError } from '../files/xlsxGuard';
import { type OpenBookOptions, openBook, readBytes } from './book';
import { UsageError } from './usage';
import { amountConversion, findDealTables, runDealImport, savedMappings, workbookMoneyUnit } from '../workbook/dealImport';
import { type LinkResult, type NameAnswers, linkDealRegister } from '../workbook/registerLink';

export interface ImportOptions extends OpenBookOptions {
  readonly book: string;
  readonly file: string;
  readonly sheet?: string;
  readonly asOf?: string;
  readonly strict: boolean;
  /** The export lists every deal: deals it lacks are marked removed. */
  readonly full: boolean;
  readonly json: boolean;
  readonly locale: Locale;
  /** A mapping saved in the workbook to use. */
  readonly mapping?: string;
  /** Save the mapping used (with the stage answers) under this name. */
  readonly saveMapping?: string;
  /** Answers for stage names no map knows: `Demo Done=方案提交` (a funnel stage, 赢单 or 输单). */
  readonly stageAnswers?: readonly string[];
  /** Column choices that override the automatic mapping: `商机编号=Opp Ref` (a register field in either language). */
  readonly columnAnswers?: readonly string[];
  /** `month` (default) or `quarter`: how far a close date must move to count as slipped. */
  readonly slipPeriod?: string;
  /** The unit of the export's amounts when its header does not say (`元`, `万元`, `USD`). */
  readonly amountUnit?: string;
}

/** The export as a table: a CSV, or one sheet (`sheet`, else the first) of an .xlsx. */
async function readExport(path: string, sheet: string | undefined, locale: Locale): Promise<RawTable> {
  if (!isExportFile(path)) throw new UsageError(`The export must be a .csv or .xlsx file: ${path}`);
  const bytes = await readBytes(path);
  return (await readExportTable(bytes, path, { ...(sheet !== undefined ? { sheet } : {}), locale })).table;
}

export interface ImportSummary {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly invalid: number;
  readonly removed: number;
  /** Per change type: how many, their amount, the deal ids, and the deals behind them (name, owner, amount, from → to, register row). */
  readonly changes: Record<string, { count: number; amount: number; deals: readonly string[]; details: readonly ChangedDeal[] }>;
  /** Deals slipped three or more times over the kept snapshots, with how often. */
  readonly repeatedSlips: Record<string, number>;
  /** The first import into an empty register: the baseline later imports are compared with (no changes). */
  readonly baseline: boolean;
  /** The day the snapshot is kept under (the export's date: --as-of, else a date in its file name, else today). */
  readonly takenOn: string;
  /** The amounts' unit in the export and in the workbook, when known. */
  readonly unit?: { readonly export: string; readonly workbook: string };
}

function problemLines(preview: ImportPreview, locale: Locale): string[] {
  return preview.problems.map(
    (p) => `  row ${p.fileRow}, ${p.column}: ${p.value === null ? '(blank)' : JSON.stringify(p.value)} — ${p.why[locale]}`,
  );
}

/** `Name=stage` answers as stage meanings; a wrong one is a usage error. */
function stageAnswers(answers: readonly string[]): Record<string, StageMeaning> {
  const stages: Record<string, StageMeaning> = {};
  for (const answer of answers) {
    const at = answer.lastIndexOf('=');
    const [name, value] = at < 0 ? ['', ''] : [answer.slice(0, at).trim(), answer.slice(at + 1).trim()];
    const meaning = meaningOfText(value);
    if (name === '' || meaning === undefined)
      throw new UsageError(
        `--stage must be "export stage=funnel stage", e.g. "Demo Done=方案提交" or "Lost to rival=输单", not "${answer}".`,
      );
    stages[name] = meaning;
  }
  return stages;
}

/** `field=header` answers as a column mapping over the export's headers; a wrong one is a usage error. */
function columnAnswers(answers: readonly string[], headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const answer of answers) {
    const at = answer.indexOf('=');
    const [fieldText, header] = at < 0 ? ['', ''] : [answer.slice(0, at).trim(), answer.slice(at + 1).trim()];
    const field = DEAL_FIELDS.find((f) =>
      [f.key, f.label['zh-CN'], f.label['en-US']].some((n) => n.toLowerCase() === fieldText.toLowerCase()),
    );
    const index = headers.findIndex((h) => h.trim() === header);
    if (field === undefined || index < 0)
      throw new UsageError(
        `--column must be "register field=export header", e.g. "商机编号=Opp Ref"; "${answer}" names ${field === undefined ? 'no register field' : `no header of the export (headers: ${headers.join(', ')})`}.`,
      );
    mapping[field.key] = index;
  }
  return mapping;
}

/** The saved mapping asked for (--mapping), with the user's --column choices over it and every other field found by header. */
function mappingFor(
  options: ImportOptions,
  table: Awaited<ReturnType<typeof readExport>>,
  saved: ReadonlyMap<string, ImportMapping>,
): { chosen: ImportMapping | undefined; mapping: ColumnMapping } {
  const { locale } = options;
  const chosen = options.mapping === undefined ? undefined : saved.get(options.mapping);
  if (options.mapping !== undefined && chosen === undefined) {
    const names = [...saved.keys()];
    throw new WorkbookFileError(
      `${options.book} has no saved mapping "${options.mapping}" (${names.length > 0 ? `saved: ${names.join(', ')}` : 'none is saved yet; save one with --save-mapping NAME'}). Nothing was written.`,
    );
  }
  // The user's column choices win; every other field is mapped as saved, else by its header.
  const chosenColumns = columnAnswers(options.columnAnswers ?? [], table.headers);
  const taken = new Set(Object.values(chosenColumns));
  const auto = Object.entries(autoMap(table.headers, chosen)).filter(([field, index]) => !(field in chosenColumns) && !taken.has(index));
  const mapping: ColumnMapping = { ...Object.fromEntries(auto), ...chosenColumns };
  const missing = unmappedRequired(mapping);
  if (missing.length > 0) {
    const names = missing.map((key) => DEAL_FIELDS.find((f) => f.key === key)?.label[locale] ?? key);
    throw new WorkbookFileError(
      `${options.file}: no column for ${names.join(', ')} (headers: ${table.headers.join(', ')}). Pick each with --column "${names[0]}=HEADER" (or rename it in the export) and try again; nothing was written.`,
    );
  }
  return { chosen, mapping };
}

/** The summary `import --json` prints. */
function importSummary(
  result: Awaited<ReturnType<typeof runDealImport>>,
  preview: ReturnType<typeof previewImport>,
  takenOn: number,
  locale: Locale,
): ImportSummary {
  return {
    new: result.counts.new,
    updated: result.counts.updated,
    unchanged: result.counts.unchanged,
    invalid: new Set(preview.problems.map((p) => p.fileRow)).size,
    removed: result.counts.removed,
    changes: Object.fromEntries(CHANGE_TYPES.map((type) => [type, { ...result.changes[type], details: result.details[type] }])),
    repeatedSlips: Object.fromEntries(result.repeatedSlips),
    baseline: result.baseline,
    takenOn: isoFromSerial(takenOn),
    ...(result.amounts
      ? { unit: { export: moneyUnitLabel(result.amounts.from, locale), workbook: moneyUnitLabel(result.amounts.to, locale) } }
      : {}),
  };
}

/** Runs an import and returns what it did; throws WorkbookFileError / UsageError when nothing was written. */
export async function importDeals(options: ImportOptions, log: (line: string) => void): Promise<ImportSummary> {
  const { locale } = options;
  // The export's own date: a second export of another day must never replace the first's snapshot.
  const takenOn = options.asOf === undefined ? (dateInFileName(options.file) ?? todaySerial(new Date())) : serialFromIso(options.asOf);
  if (takenOn === undefined) throw new UsageError(`--as-of must be a date yyyy-mm-dd, not "${options.asOf}".`);
  const answers = stageAnswers(options.stageAnswers ?? []);
  const slip = options.slipPeriod ?? 'month';
  if (slip !== 'month' && slip !== 'quarter') throw new UsageError(`--slip must be month or quarter, not "${slip}".`);

  const givenUnit = options.amountUnit === undefined ? undefined : parseMoneyUnit(options.amountUnit);
  if (options.amountUnit !== undefined && givenUnit === undefined)
    throw new UsageError(
      `--unit must be a money unit such as 元, 千元, 万元, 百万元, USD or "USD thousands", not "${options.amountUnit}".`,
    );

  const table = await readExport(options.file, options.sheet, locale);
  const book = await openBook(options.book, locale, options);
  try {
    const tables = await findDealTables(book.port);
    const { chosen, mapping } = mappingFor(options, table, savedMappings(tables));
    const stages = { ...(chosen?.stages ?? {}), ...answers };
    const headerUnit = amountUnitOf(table.headers, mapping);
    if (givenUnit && headerUnit && (givenUnit.scale !== headerUnit.scale || givenUnit.currency !== headerUnit.currency))
      throw new UsageError(
        `--unit ${options.amountUnit} contradicts the amount header "${table.headers[mapping.amount ?? -1]}" (${moneyUnitLabel(headerUnit, locale)}); leave --unit out.`,
      );
    const amountUnit = givenUnit ?? headerUnit;
    const amounts = amountConversion(workbookMoneyUnit(tables), amountUnit);
    const preview = previewImport(table, mapping, { locale, stages, ...(amounts ? { amounts } : {}) });
    if (options.strict && preview.problems.length > 0) {
      throw new WorkbookFileError(
        [
          `${options.file}: ${preview.problems.length} problem(s), and --strict refuses the import; nothing was written.`,
          ...problemLines(preview, locale),
        ].join('\n'),
      );
    }
    const result = await runDealImport(book.port, tables, {
      table,
      preview,
      mapping,
      stages,
      full: options.full,
      takenOn,
      locale,
      ...(options.saveMapping !== undefined ? { saveAs: options.saveMapping } : {}),
      slipPeriod: slip,
      ...(amountUnit ? { amountUnit } : {}),
    });
    for (const sheet of result.inserted) log(`Inserted the sheet "${sheet}".`);
    if (result.amounts && result.amounts.from.scale !== result.amounts.to.scale)
      log(
        `Amounts converted from ${moneyUnitLabel(result.amounts.from, locale)} to the workbook's ${moneyUnitLabel(result.amounts.to, locale)}.`,
      );
    await book.save();

    if (preview.problems.length > 0)
      log([`${preview.problems.length} problem(s); those rows were left out:`, ...problemLines(preview, locale)].join('\n'));
    if (preview.unknownStages.size > 0)
      log(
        `Stages no map knows: ${[...preview.unknownStages.keys()].map((s) => `"${s}"`).join(', ')}. Answer with --stage "NAME=方案提交" (a funnel stage, 赢单 or 输单) and --save-mapping NAME to keep the answer.`,
      );
    return importSummary(result, preview, takenOn, locale);
  } finally {
    await book.dispose();
  }
}

export interface LinkOptions extends OpenBookOptions {
  readonly book: string;
  readonly asOf?: string;
  readonly locale: Locale;
  /** Replace typed 表2 actuals (listed first); without it such a link writes nothing. */
  readonly replace?: boolean;
  /** Name matches by hand: `region:华南销售部=华南`, `owner:Zhang Wei=张伟`. */
  readonly matches?: readonly string[];
}

/** `kind:register name=name in 表2` answers; a wrong one is a usage error. */
function nameAnswers(answers: readonly string[]): NameAnswers {
  const found: Record<NameKind, Map<string, string>> = { region: new Map(), owner: new Map() };
  for (const answer of answers) {
    const m = /^(region|owner|区域|负责人)\s*[:：]\s*(.+?)\s*=\s*(.+)$/i.exec(answer.trim());
    if (!m)
      throw new UsageError(
        `--match must be "region:REGISTER NAME=NAME IN 表2" or "owner:…=…", e.g. "region:华南销售部=华南", not "${answer}".`,
      );
    const kind: NameKind = /^(region|区域)$/i.test(m[1] as string) ? 'region' : 'owner';
    found[kind].set((m[2] as string).trim(), (m[3] as string).trim());
  }
  return found;
}

const money = (value: number, locale: Locale) => value.toLocaleString(locale, { maximumFractionDigits: 2 });

/** The match table as lines: each register name, what it matched and how, with its money. */
export function nameLines(result: LinkResult, locale: Locale): string[] {
  const lines: string[] = [];
  for (const kind of ['region', 'owner'] as const) {
    const rows = result.names[kind].filter((m) => m.how !== 'exact');
    if (rows.length === 0) continue;
    lines.push(`${kind === 'region' ? 'Regions' : 'Owners'} in the register matched to 表2 / the forecast:`);
    for (const m of rows)
      lines.push(
        m.target === undefined
          ? `  ${m.name} — UNMATCHED: ${m.deals} deals, ${money(m.amount, locale)} (won ${money(m.wonAmount, locale)}) count in no 表2 row. Match it with --match "${kind}:${m.name}=NAME".`
          : `  ${m.name} → ${m.target} (${m.how}): ${m.deals} deals, ${money(m.amount, locale)}`,
      );
  }
  return lines;
}

/** `link`: the funnel, 表2 and the forecast compute from the register from now on. */
export async function linkRegister(options: LinkOptions, log: (line: string) => void): Promise<LinkResult> {
  const asOf = options.asOf === undefined ? undefined : serialFromIso(options.asOf);
  if (options.asOf !== undefined && asOf === undefined) throw new UsageError(`--as-of must be a date yyyy-mm-dd, not "${options.asOf}".`);
  const answers = nameAnswers(options.matches ?? []);
  const book = await openBook(options.book, options.locale, options);
  try {
    const result = await linkDealRegister(book.port, {
      ...(asOf !== undefined ? { asOf } : {}),
      today: todaySerial(new Date()),
      locale: options.locale,
      replaceTyped: options.replace ?? false,
      answers,
    }).catch((error: Error) => {
      throw new WorkbookFileError(`${options.book}: ${error.message}`);
    });
    for (const line of nameLines(result, options.locale)) log(line);
    const goals = result.goals;
    if (!result.linked && goals) {
      throw new WorkbookFileError(
        [
          `${options.book}: linking would replace ${goals.replaced.length} typed 月度实际完成 value(s) in 表2 (sum ${money(goals.replacedSum, options.locale)}) with the register's figures:`,
          ...goals.replaced.map(
            (x) => `  data row ${x.row + 1} (${String(x.month)}): ${JSON.stringify(x.before)} → ${money(x.after, options.locale)}`,
          ),
          'Nothing was written. Run again with --replace to replace them (the version before stays in the history of the web host).',
        ].join('\n'),
      );
    }
    await book.save();
    if (result.insertedForecast) log(`Inserted the sheet "${result.insertedForecast}".`);
    for (const row of result.skipped) log(`  ${row.sheetName}, data row ${row.row + 1}: ${row.why[options.locale]} — left as it was.`);
    if (goals && goals.wonDeals > 0 && goals.countedDeals < goals.wonDeals)
      log(
        `WARNING: ${goals.wonDeals - goals.countedDeals} of ${goals.wonDeals} won deals (${money(goals.wonAmount - goals.countedAmount, options.locale)} of ${money(goals.wonAmount, options.locale)}) land in no 表2 row (another month, or a region or owner 表2 does not have).`,
      );
    return result;
  } finally {
    await book.dispose();
  }
}
