/**
 * `writeTables` for Excel: a batch of TableWrites in one `Excel.run` and two syncs whatever the row
 * count, unless what is written weighs over 4 MB (then split over more requests, `excelRequests.ts`;
 * see `excelWritePlan.ts` for the pure half). Every range sync 1 loads is addressed relative to the
 * table's data body (`getColumn`, `getCell`), because its size is not known until that sync returns;
 * only the placed blocks, queued after, use absolute addresses.
 *
 * A table grows without `table.rows.add`, which Microsoft's co-authoring guidance for add-ins says
 * causes merge conflicts and a refresh bar in shared workbooks: the new rows are written as one block
 * directly below the table (cells below it, in its columns, are first moved down with `insert`), and
 * the table is resized to hold them (ExcelApi 1.13; below that, Excel's own auto-expansion, checked).
 */
import { HEADER_ROW, type Locale, isBlank, rangeAddress } from '../../core';
import type { CellValue, TableLocation, TableWrite, TableWriteResult, WriteCell } from '../../workbook/port';
import { WorkbookError } from '../../workbook/port';
import { TAIL_ROWS, refuseSecondWrite } from '../../workbook/placement';
import { excelMessage } from './excelErrors';
import { type FormulaLanguage, label, readCell } from './excelCells';
import { type QueuedCall, blockWrites, queueInRequests } from './excelRequests';
import { readKeyRows } from './excelKeyRows';
import { layoutHeader } from './excelReads';
import { type Block, type Loaded, type PlacedCells, inputRuns, keyId, keyRowsOf, placeTableWrite, toBlocks } from './excelWritePlan';
import type { SetSupport } from './excelApi';

type Context = Excel.RequestContext;

/** A sheet without a table, read in its template layout: header on row 2 from `firstColumn`. */
interface Layout {
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly rowCount: number;
}

interface Target {
  readonly sheetName: string;
  readonly tableName?: string;
  readonly layout?: Layout;
  readonly write: TableWrite;
}

/**
 * Where a run of input columns was last filled. A table's size is not known before sync 1, so its
 * probe is the last row of the used range of header + data (never empty: headers are text) with its
 * values; that row may hold only spaces, which are blank (docs/DOMAIN.md §5), and then the rows
 * above it are read in one more sync (`refineProbes`). A sheet's layout has a known size, so its
 * probe reads the tail's values at once.
 */
type Probe =
  | { readonly kind: 'lastRow'; readonly first: number; readonly last: number; readonly range: Excel.Range }
  | { readonly kind: 'tail'; readonly start: number; readonly range: Excel.Range };

/** What sync 1 is asked to load for one target. */
interface Loads {
  readonly target: Target;
  readonly table?: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly protection: Excel.WorksheetProtection;
  /** Whether a filter hides rows of the table (or of the sheet's filter). */
  readonly filter: Excel.AutoFilter;
  readonly header: Excel.Range;
  readonly body?: Excel.Range;
  /** A table's columns' used cells (values only) down the whole sheet: is anything below the table? */
  readonly columnsUsed?: Excel.Range;
  /** Per run of input columns, where it was last filled (see `Probe`). */
  readonly probes: Map<string, Probe>;
  /** The sheet's cells holding each key value, by `keyId`. */
  readonly keys: Map<string, { readonly column: number; readonly value: string; readonly found: Excel.RangeAreas }>;
  readonly updates: Map<number, Excel.Range>;
}

/**
 * Sheet-only locations: the sheet's first table, else its template layout. This costs a sync of its
 * own (Office.js has no null-safe "first table of a sheet"); the wizard's locations name the table.
 */
async function resolveSheets(
  context: Context,
  locations: readonly TableLocation[],
  locale: Locale,
): Promise<Map<string, { tableName?: string; layout?: Layout }>> {
  const names = [...new Set(locations.filter((l) => l.tableName === undefined).map((l) => l.sheetName))];
  const resolved = new Map<string, { tableName?: string; layout?: Layout }>();
  if (names.length === 0) return resolved;
  const loads = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    return {
      name,
      tables: sheet.tables.load('items/name'),
      used: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
    };
  });
  await context.sync();
  for (const { name, tables, used } of loads) {
    const first = tables.items[0]?.name;
    if (first !== undefined) {
      resolved.set(name, { tableName: first });
      continue;
    }
    const lastRow = used.isNullObject ? -1 : used.rowIndex + used.rowCount - 1;
    if (lastRow < HEADER_ROW) throw new WorkbookError(excelMessage('noTable', locale, { sheet: name }), name);
    resolved.set(name, {
      layout: { firstColumn: used.columnIndex, lastColumn: used.columnIndex + used.columnCount - 1, rowCount: lastRow - HEADER_ROW },
    });
  }
  return resolved;
}

/** One target per write; a second write to a table is refused (the port contract, src/workbook/port.ts). */
function targetsOf(
  writes: readonly TableWrite[],
  resolved: Map<string, { tableName?: string; layout?: Layout }>,
  locale: Locale,
): Target[] {
  const targets = writes.map((write): Target => {
    const { sheetName } = write.location;
    const found = write.location.tableName !== undefined ? { tableName: write.location.tableName } : resolved.get(sheetName);
    const tableName = found?.tableName;
    return { sheetName, ...(tableName !== undefined ? { tableName } : {}), ...(found?.layout ? { layout: found.layout } : {}), write };
  });
  // Excel's table names are case-insensitive and unique in a workbook.
  refuseSecondWrite(
    targets.map((t) => ({
      key: t.tableName !== undefined ? `table:${t.tableName.toLowerCase()}` : `sheet:${t.sheetName}`,
      sheetName: t.sheetName,
    })),
    locale,
  );
  return targets;
}

/** How one target is read: its ranges, a probe of its input columns and one data row's range. */
interface Readers {
  readonly table?: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly body?: Excel.Range;
  readonly columnsUsed?: Excel.Range;
  /** The probe of input columns [column, column + count), or undefined when there are no data rows. */
  readonly probe: (column: number, count: number) => Probe | undefined;
  /** One data row over the first `width` columns. */
  readonly rowRange: (row: number) => Excel.Range | undefined;
}

function tableReaders(context: Context, tableName: string, width: number): Readers {
  const table = context.workbook.tables.getItem(tableName);
  const data = table.getDataBodyRange().load('rowIndex,columnIndex,rowCount,columnCount');
  const whole = table.getRange();
  return {
    table,
    sheet: table.worksheet.load('name,visibility'),
    header: table.getHeaderRowRange().load('values'),
    body: data,
    columnsUsed: whole.getEntireColumn().getUsedRangeOrNullObject(true).load('rowIndex,rowCount'),
    probe: (column, count) => ({
      kind: 'lastRow',
      first: column,
      last: column + count - 1,
      range: whole
        .getColumn(column)
        .getResizedRange(0, count - 1)
        .getUsedRange(true)
        .getLastRow()
        .load('rowIndex,values'),
    }),
    // getCell may point past the table's last row (the row is then dropped once the size is known).
    rowRange: (row) => data.getCell(row, 0).getResizedRange(0, width - 1),
  };
}

function layoutReaders(context: Context, sheetName: string, layout: Layout, width: number): Readers {
  const sheet = context.workbook.worksheets.getItem(sheetName).load('name,visibility');
  const top = HEADER_ROW + 1;
  const left = layout.firstColumn;
  const start = Math.max(0, layout.rowCount - TAIL_ROWS);
  return {
    sheet,
    header: sheet.getRange(rangeAddress(HEADER_ROW, layout.firstColumn, HEADER_ROW, layout.lastColumn)).load('values'),
    probe: (column, count) =>
      layout.rowCount > 0
        ? {
            kind: 'tail',
            start,
            range: sheet
              .getRange(rangeAddress(top + start, left + column, top + layout.rowCount - 1, left + column + count - 1))
              .load('values'),
          }
        : undefined,
    rowRange: (row) => (row < layout.rowCount ? sheet.getRange(rangeAddress(top + row, left, top + row, left + width - 1)) : undefined),
  };
}

/** What the write itself needs: where its input columns end, its key's matches, the rows it updates. */
function queueWriteLoads(loads: Loads, readers: Readers): void {
  const { write } = loads.target;
  // Where each run of input columns was last filled: enough to find the trailing blank rows.
  for (const run of inputRuns(write)) {
    if (loads.probes.has(run)) continue;
    const [first = 0, last = 0] = run.split('-').map(Number);
    const found = readers.probe(first, last - first + 1);
    if (found) loads.probes.set(run, found);
  }
  // The key column's matches by address: a response of a few bytes however long the table is
  // (its values would weigh megabytes at 100,000 rows, over Excel on the web's 5 MB limit).
  const key = write.key;
  if (key !== undefined && !loads.keys.has(keyId(key.column, key.value))) {
    // Find treats * ? ~ as wildcards: escape them (~*) so the key matches literally.
    const literal = key.value.replace(/[~*?]/g, '~$&');
    const found = readers.sheet.findAllOrNullObject(literal, { completeMatch: true, matchCase: true }).load('address');
    loads.keys.set(keyId(key.column, key.value), { column: key.column, value: key.value, found });
  }
  for (const update of write.updates ?? []) {
    if (update.row < 0 || loads.updates.has(update.row)) continue;
    const range = readers.rowRange(update.row);
    if (range) loads.updates.set(update.row, range.load('values'));
  }
}

function queueLoads(context: Context, target: Target): Loads {
  const width = target.write.header.length;
  const readers =
    target.tableName !== undefined
      ? tableReaders(context, target.tableName, width)
      : layoutReaders(context, target.sheetName, target.layout as Layout, width);
  const { table, sheet, header, body, columnsUsed } = readers;
  const protection = sheet.protection.load('protected');
  const filter = (table ? table.autoFilter : sheet.autoFilter).load('isDataFiltered');
  const loads: Loads = {
    target,
    sheet,
    protection,
    filter,
    header,
    probes: new Map(),
    keys: new Map(),
    updates: new Map(),
    ...(table ? { table } : {}),
    ...(body ? { body } : {}),
    ...(columnsUsed ? { columnsUsed } : {}),
  };
  queueWriteLoads(loads, readers);
  return loads;
}

interface Planned {
  readonly loads: Loads;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly placed: PlacedCells;
  readonly result: TableWriteResult;
  /** Something is below the table in its columns: new rows are made room for before they are written. */
  readonly dataBelow: boolean;
}

const blankRow = (row: readonly unknown[] | undefined): boolean => (row ?? []).every(isBlank);

/** The last data row (0-based) of a probe's run with a non-blank cell, -1 for none. */
function lastFilledOf(probe: Probe, firstRow: number): number {
  if (probe.kind === 'lastRow') return probe.range.rowIndex - firstRow; // the header row gives -1
  const rows = probe.range.values;
  for (let r = rows.length - 1; r >= 0; r--) if (!blankRow(rows[r])) return probe.start + r;
  return probe.start - 1;
}

/** Where a target's data starts on the sheet (0-based row and column), from what sync 1 loaded. */
function dataOrigin({ body, target }: Loads): { readonly firstRow: number; readonly firstColumn: number } {
  return body
    ? { firstRow: body.rowIndex, firstColumn: body.columnIndex }
    : { firstRow: HEADER_ROW + 1, firstColumn: target.layout?.firstColumn ?? 0 };
}

/**
 * Last-row probes whose row holds only spaces: one more sync reads up to TAIL_ROWS rows above it
 * (the placement looks no further back) and finds the last row with a non-blank cell. Only a table
 * that ends in spaces-only rows pays for it.
 */
async function refineProbes(context: Context, loads: readonly Loads[]): Promise<Map<Probe, number>> {
  const pending: { probe: Probe; start: number; range: Excel.Range }[] = [];
  for (const l of loads) {
    const { firstRow, firstColumn } = dataOrigin(l);
    for (const probe of l.probes.values()) {
      if (probe.kind !== 'lastRow' || probe.range.rowIndex < firstRow || !blankRow(probe.range.values[0])) continue;
      const end = probe.range.rowIndex - firstRow;
      const start = Math.max(0, end - TAIL_ROWS + 1);
      const range = l.sheet
        .getRange(rangeAddress(firstRow + start, firstColumn + probe.first, firstRow + end, firstColumn + probe.last))
        .load('values');
      pending.push({ probe, start, range });
    }
  }
  const refined = new Map<Probe, number>();
  if (pending.length === 0) return refined;
  await context.sync();
  for (const { probe, start, range } of pending) refined.set(probe, lastFilledOf({ kind: 'tail', start, range }, 0)); // a tail's rows are data rows already
  return refined;
}

/** Key lookups Find cannot answer (a hidden sheet, a filtered table), answered by reading instead. */
function keyRowsByReading(context: Context, loads: readonly Loads[]): Promise<Map<Loads, Map<string, number[]>>> {
  return readKeyRows(
    context,
    loads.map((l) => ({
      id: l,
      sheet: l.sheet,
      findIsBlind: l.sheet.visibility !== 'Visible' || l.filter.isDataFiltered,
      ...dataOrigin(l),
      rowCount: l.body ? l.body.rowCount : (l.target.layout?.rowCount ?? 0),
      keys: l.keys,
    })),
  );
}

/** Checks one target and places its writes; throws (a WorkbookError) before anything is queued. */
function plan(loads: Loads, locale: Locale, refined: ReadonlyMap<Probe, number>, readKeys?: ReadonlyMap<string, number[]>): Planned {
  const { target, sheet, body } = loads;
  const sheetName = sheet.name;
  if (loads.protection.protected) throw new WorkbookError(excelMessage('sheetProtected', locale, { sheet: sheetName }), sheetName);
  const layout = target.layout;
  const { firstRow, firstColumn } = dataOrigin(loads);
  const rowCount = body ? body.rowCount : (layout?.rowCount ?? 0);
  const headerValues = loads.header.values[0] ?? [];
  const lastFilled = new Map<string, number>();
  for (const [run, probe] of loads.probes) lastFilled.set(run, refined.get(probe) ?? lastFilledOf(probe, firstRow));
  const keyRows = new Map<string, number[]>();
  for (const [id, { column, found }] of loads.keys)
    keyRows.set(id, readKeys?.get(id) ?? (found.isNullObject ? [] : keyRowsOf(found.address, firstColumn + column, firstRow, rowCount)));
  const updateRows = new Map<number, CellValue[]>();
  for (const [row, range] of loads.updates) if (row < rowCount) updateRows.set(row, (range.values[0] ?? []).map(readCell));
  const loaded: Loaded = { header: body ? headerValues.map(label) : layoutHeader(headerValues), rowCount, lastFilled, keyRows, updateRows };
  const { placed, result } = placeTableWrite(target.write, loaded, sheetName, locale);
  const used = loads.columnsUsed;
  const dataBelow = used !== undefined && !used.isNullObject && used.rowIndex + used.rowCount > firstRow + rowCount;
  return { loads, firstRow, firstColumn, rowCount, columnCount: body ? body.columnCount : headerValues.length, placed, result, dataBelow };
}

/** A table's new rows, whole width, as one block: blanks where the write leaves a cell alone. */
function newRowsBlock(planned: Planned): Block {
  const { rowCount, placed, columnCount } = planned;
  const cells: WriteCell[][] = [];
  for (let r = rowCount; r < placed.rowCount; r++) {
    const row = placed.rows.get(r) ?? [];
    cells.push(Array.from({ length: columnCount }, (_v, c) => row[c] ?? null));
  }
  return { firstRow: rowCount, lastRow: placed.rowCount - 1, firstColumn: 0, lastColumn: columnCount - 1, cells };
}

/** What must be checked once the writes are synced: a table that had to grow by Excel's own auto-expansion. */
interface Growth {
  /** Loaded after the writes (set when its call is queued). */
  readonly table?: Excel.Range;
  readonly rows: number;
  readonly sheetName: string;
}

/** The calls that carry out one target's placement, in order, and what to check once they are synced. */
function writeCalls(planned: Planned, language: FormulaLanguage, isSetSupported: SetSupport): { calls: QueuedCall[]; growth?: Growth } {
  const { loads, firstRow, firstColumn, rowCount, placed } = planned;
  const origin = { firstRow, firstColumn };
  const grows = loads.table !== undefined && placed.rowCount > rowCount;
  const existing = grows ? new Map([...placed.rows].filter(([row]) => row < rowCount)) : placed.rows;
  const calls = toBlocks(existing).flatMap((block) => blockWrites(loads.sheet, block, origin, language));
  const table = loads.table;
  if (!grows || !table) return { calls };
  const block = newRowsBlock(planned);
  const below = rangeAddress(firstRow + block.firstRow, firstColumn, firstRow + block.lastRow, firstColumn + block.lastColumn);
  // Cells below the table in its columns move down (never overwritten), as inserted table rows did.
  if (planned.dataBelow) calls.push({ bytes: 0, queue: () => loads.sheet.getRange(below).insert('Down') });
  calls.push(...blockWrites(loads.sheet, block, origin, language));
  // Resize, not auto-expansion alone: a user may have turned AutoCorrect's "include new rows" off.
  const whole = rangeAddress(firstRow - 1, firstColumn, firstRow + block.lastRow, firstColumn + block.lastColumn);
  if (isSetSupported('ExcelApi', '1.13')) {
    calls.push({ bytes: 0, queue: () => table.resize(whole) });
    return { calls };
  }
  const growth: { table?: Excel.Range; rows: number; sheetName: string } = {
    rows: 1 + placed.rowCount,
    sheetName: planned.result.sheetName,
  };
  calls.push({ bytes: 0, queue: () => (growth.table = table.getRange().load('rowCount')) });
  return { calls, growth };
}

export async function writeExcelTables(
  context: Context,
  writes: readonly TableWrite[],
  locale: Locale,
  language: FormulaLanguage,
  isSetSupported: SetSupport,
): Promise<TableWriteResult[]> {
  const resolved = await resolveSheets(
    context,
    writes.map((w) => w.location),
    locale,
  );
  const loads = targetsOf(writes, resolved, locale).map((target) => queueLoads(context, target));
  await context.sync();
  // Every check and placement first: one failure and nothing at all is queued.
  const refined = await refineProbes(context, loads);
  const readKeys = await keyRowsByReading(context, loads);
  const planned = loads.map((l) => plan(l, locale, refined, readKeys.get(l)));
  // In order, in requests Excel on the web accepts: one more sync only for a write-back over 4 MB.
  const work = planned.map((p) => writeCalls(p, language, isSetSupported));
  await queueInRequests(
    context,
    work.flatMap((w) => w.calls),
  );
  await context.sync();
  for (const { growth } of work)
    if (growth?.table && growth.table.rowCount < growth.rows)
      throw new WorkbookError(excelMessage('notExtended', locale, { sheet: growth.sheetName }), growth.sheetName);
  // One target per write, in batch order.
  return planned.map((p) => p.result);
}
