/**
 * The strict Excel fake: a recording model of the part of the Excel object model the host uses,
 * played as a given Excel (excelProfiles.ts: its requirement sets, the web's 5 MB requests, a
 * display language and region).
 *
 * - Versions: every member is tagged with its requirement set from @types/office-js
 *   (scripts/officeApiTable.ts); touching or loading one the profile lacks throws ApiNotFound at
 *   once, as Office.js does (mockApiGate.ts); `isSetSupported` answers from the profile.
 * - Shared workbooks: `table.rows.add` is refused (co-authoring); rows written directly below a
 *   table grow it (auto-expansion), `Table.resize` and `Range.insert` are modelled. Find sees
 *   nothing on a hidden sheet nor in rows a filter hides.
 * - Languages: with a locale, formulas typed through `formulasLocal` must use its separators and
 *   names; an unknown name computes to #NAME? (mockFormulas.ts). Funnel charts refuse series calls.
 *
 * - Batch semantics: every setter and method call is queued as a command and applied only by
 *   `context.sync()`, in order; a failing command stops the batch (earlier ones stay applied),
 *   as in Office.js. Commands left unsynced when the batch ends fail the run.
 * - Sync counting: `context.sync` is wrapped; each run records its count, and a sync beyond
 *   `maxSyncsPerRun` rejects. Each sync also records the bytes it sent (JSON of the data written)
 *   and the bytes of its response (JSON of everything it loaded); a response over
 *   `maxResponseBytes` (5 MB, Excel on the web's limit) fails with ResponsePayloadSizeLimitExceeded,
 *   and on the web profile a request over 5 MB with RequestPayloadSizeLimitExceeded.
 * - Loads: collection items are `OfficeMockObject`s (office-addin-mock) loaded with the requested
 *   properties and synced with the context; a strict proxy turns the library's "not loaded" /
 *   "sync not called" markers into thrown errors. Ranges and sheets load only the properties
 *   named, readable after the sync (see `mockRange.ts`). Reading anything else throws: the host
 *   must never read what it did not load.
 * - A sheet exists only once `worksheets.add` is applied: commands on a sheet that does not exist
 *   (yet) fail with ItemNotFound. `Worksheet.delete` removes a sheet with its tables (the last sheet
 *   cannot go); `position` moves one. A protected sheet fails every write with AccessDenied.
 * - A table grows over the rows written directly below it or by `resize`; its new rows take the
 *   number formats of the row above, as in Excel.
 * - Cells follow Excel's typing rules: a string starting with `'` is text; with `=` (or `+`/`-`/`@`)
 *   a formula unless the cell's number format is `@` (then the formula is stored as text — flagged);
 *   a date-, number-, boolean- or error-looking string in a non-text cell is converted (flagged).
 *   The mock does not calculate: a formula cell reads as its seeded result, else as its text.
 */
import { type CollectionHost, MockCollection, type OfficeMockObject, loadableObject, loader } from './mockCollections';
import {
  type Box,
  type ChartModel,
  type MockExcelOptions,
  MockViolation,
  RichApiError,
  SHEET_NAME_BAD,
  type SheetModel,
  type TableModel,
  boxAddress,
  jsonBytes,
  newSheet,
  notLoaded,
  parseAddress,
  readValue,
  seedCell,
} from './mockModel';
import { MockChart, MockTableCollection } from './mockObjects';
import { MockRange, type SheetRef, quoteName, usedBox } from './mockRange';
import { compareVersions } from '../../../scripts/apiVersions';
import { type SetSupport, gated } from './mockApiGate';
import { checkFormula } from './mockFormulas';
import { type ExcelProfile, currentProfile } from './excelProfiles';

export * from './mockModel';

const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

interface Command {
  readonly location: string;
  readonly apply: () => void;
  readonly requestBytes: number;
}

export interface RunRecord {
  syncs: number;
  commands: number;
  readonly locations: string[];
  /** Per sync: bytes of data sent (JSON of every write's data). */
  readonly requestBytes: number[];
  /** Per sync: bytes of the response (JSON of every load's data). */
  readonly responseBytes: number[];
}

export class MockExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: string[];
  readonly runs: RunRecord[] = [];
  activeSheet?: SheetModel;
  activeCell?: { readonly sheet: string; readonly address: string };
  readonly maxSyncsPerRun: number;
  readonly maxResponseBytes: number;
  readonly options: MockExcelOptions;
  /** Commands failing at sync (from `options.failAt`; a test may change it between runs). */
  failAt: Readonly<Record<string, string>>;
  private seq = 0;

  /** Which Excel this is: its requirement sets and limits (excelProfiles.ts; EXCEL_PROFILE by default). */
  readonly profile: ExcelProfile;

  /** `Office.context.requirements.isSetSupported` for this Excel's profile. */
  readonly isSetSupported: SetSupport = (name, version) => {
    const have = this.profile.sets[name];
    return have !== undefined && compareVersions(have, version) >= 0;
  };

  readonly ConditionalFormatType = { cellValue: 'CellValue' } as const;
  readonly ChartType = { columnClustered: 'ColumnClustered', funnel: 'Funnel', line: 'Line', barClustered: 'BarClustered' } as const;

  constructor(options: MockExcelOptions = {}) {
    this.options = options;
    this.profile = options.profile ?? currentProfile();
    this.failAt = options.failAt ?? {};
    this.maxSyncsPerRun = options.maxSyncsPerRun ?? 2;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.names = [...(options.names ?? [])];
    for (const existing of options.sheets ?? []) {
      const sheet = newSheet(existing.name);
      if (existing.protected) sheet.protected = true;
      if (existing.visibility) sheet.visibility = existing.visibility;
      this.sheets.push(sheet);
      for (const [address, numberFormat] of Object.entries(existing.numberFormats ?? {})) {
        const box = parseAddress(address);
        for (let r = box.top; r <= box.bottom; r++)
          for (let c = box.left; c <= box.right; c++) sheet.cells.put(r, c, { numberFormat, kind: 'blank', value: '' });
      }
      for (const [address, rows] of Object.entries(existing.cells ?? {})) {
        const at = parseAddress(address);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const cell = seedCell(value, sheet.cells.at(at.top + r, at.left + c)?.numberFormat ?? 'General');
            if (cell) sheet.cells.put(at.top + r, at.left + c, cell);
          }),
        );
      }
      for (const table of existing.tables ?? []) {
        const box = parseAddress(table.address);
        const headers = [];
        for (let c = box.left; c <= box.right; c++) headers.push(sheet.cells.at(box.top, c)?.value ?? '');
        const filtered = (table.filteredRows ?? []).length > 0;
        for (const row of table.filteredRows ?? []) sheet.filteredRows.add(row - 1);
        this.tables.push({ seq: 0, name: table.name, sheet, address: table.address, headers, style: 'TableStyleLight1', filtered });
      }
    }
    this.activeSheet = this.sheets[0];
    this.activeCell = options.activeCell ?? (this.sheets[0] ? { sheet: this.sheets[0].name, address: 'A1' } : undefined);
  }

  nextSeq = (): number => {
    this.seq += 1;
    return this.seq;
  };

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** `Excel.run`: a fresh context whose `sync` is wrapped to count. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const record: RunRecord = { syncs: 0, commands: 0, locations: [], requestBytes: [], responseBytes: [] };
    this.runs.push(record);
    const context = new MockContext(this, record);
    const sync = context.sync.bind(context);
    context.sync = async () => {
      record.syncs += 1;
      if (record.syncs > this.maxSyncsPerRun) throw new MockViolation(`sync #${record.syncs} in one run (budget ${this.maxSyncsPerRun})`);
      await sync();
    };
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.queue.length > 0) {
        throw new MockViolation(
          `${context.queue.length} command(s) queued after the last sync: ${context.queue.map((c) => c.location).join(', ')}`,
        );
      }
      return result;
    } finally {
      context.closed = true;
    }
  };

  /** The `Excel` namespace as the host receives it. */
  get api(): { run: MockExcel['run']; ConditionalFormatType: MockExcel['ConditionalFormatType']; ChartType: MockExcel['ChartType'] } {
    return { run: this.run, ConditionalFormatType: this.ConditionalFormatType, ChartType: this.ChartType };
  }

  /** A deep, comparable copy of a sheet's recorded state and its tables. */
  snapshot(name: string): unknown {
    const sheet = this.sheet(name);
    if (!sheet) return undefined;
    return JSON.parse(
      JSON.stringify({
        ...sheet,
        cells: [...sheet.cells.entries()],
        columnWidths: [...sheet.columnWidths.entries()],
        tables: this.tables
          .filter((t) => t.sheet === sheet)
          .map((t) => ({ name: t.name, address: t.address, headers: t.headers, style: t.style })),
      }),
    );
  }
}

export class MockContext implements CollectionHost {
  queue: Command[] = [];
  closed = false;
  private readonly loads: { mocks: OfficeMockObject[]; done: () => void }[] = [];
  private deliveries: { bytes: number; done: () => void }[] = [];
  readonly workbook: {
    readonly worksheets: MockWorksheetCollection;
    readonly tables: MockTableCollection;
    readonly names: MockCollection;
    getActiveCell(): MockRange;
  };

  constructor(
    readonly excel: MockExcel,
    private readonly record: RunRecord,
  ) {
    this.workbook = gated(
      {
        worksheets: new MockWorksheetCollection(this),
        tables: new MockTableCollection(this),
        names: new MockCollection(this, 'NamedItemCollection', () => excel.names.map((name) => ({ name }))),
        application: this.application(),
        getActiveCell: () => {
          const active = excel.activeCell;
          if (!active) throw new MockViolation('getActiveCell in a workbook without sheets');
          return MockRange.at(this, this.sheetByName(active.sheet, 'Workbook.getActiveCell'), active.address);
        },
      },
      'Workbook',
      () => this.supports,
    );
  }

  nextSeq(): number {
    return this.excel.nextSeq();
  }

  /** `workbook.application`: Excel's decimal separator and the culture's (ExcelApi 1.11), from the locale. */
  private application(): unknown {
    const decimal = this.excel.options.locale?.decimalSeparator ?? '.';
    const numberFormat = loadableObject(this, 'NumberFormatInfo', ['numberDecimalSeparator'], () => decimal);
    const application = loadableObject(this, 'Application', ['decimalSeparator', 'useSystemSeparators'], (name) =>
      name === 'decimalSeparator' ? decimal : true,
    );
    Object.defineProperty(application, 'cultureInfo', { get: () => gated({ numberFormat }, 'CultureInfo', () => this.supports) });
    return application;
  }

  get supports(): SetSupport {
    return this.excel.isSetSupported;
  }

  get tableAutoExpand(): boolean {
    return this.excel.options.tableAutoExpand !== false;
  }

  tables(sheet: SheetModel): TableModel[] {
    return this.excel.tables.filter((t) => t.sheet === sheet);
  }

  formulaResult(formula: string, via: 'formulas' | 'formulasLocal'): '#NAME?' | undefined {
    const locale = this.excel.options.locale;
    return locale ? checkFormula(formula, via, locale) : undefined;
  }

  enqueue(location: string, apply: () => void, requestBytes = 0): void {
    if (this.closed) throw new MockViolation(`${location} used after its Excel.run ended`);
    this.record.commands += 1;
    this.record.locations.push(location);
    this.queue.push({ location, apply, requestBytes });
  }

  registerLoad(mocks: OfficeMockObject[], done: () => void): void {
    this.loads.push({ mocks, done });
  }

  deliver(bytes: number, done: () => void): void {
    this.deliveries.push({ bytes, done });
  }

  worksheet(ref: SheetRef): MockWorksheet {
    return new MockWorksheet(this, ref);
  }

  selectCell(sheet: string, address: string): void {
    this.excel.activeCell = { sheet, address };
  }

  async sync(): Promise<void> {
    if (this.closed) throw new MockViolation('sync after the run ended');
    const queue = this.queue;
    this.queue = [];
    this.deliveries = [];
    const requestBytes = queue.reduce((sum, c) => sum + c.requestBytes, 0);
    this.record.requestBytes.push(requestBytes);
    this.record.responseBytes.push(0);
    const limit = this.excel.profile.payloadLimit;
    // Excel on the web refuses the whole request: nothing of it is applied.
    if (limit !== undefined && requestBytes > limit)
      throw new RichApiError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes exceeds ${limit}`, 'RequestContext.sync');
    if (this.excel.options.cellEditMode) {
      throw new RichApiError(
        'InvalidOperationInCellEditMode',
        'Excel is in cell-editing mode.',
        queue[0]?.location ?? 'RequestContext.sync',
      );
    }
    for (const command of queue) {
      const code = this.excel.failAt[command.location];
      if (code !== undefined) throw new RichApiError(code, `mock failure at ${command.location}`, command.location);
      command.apply();
    }
    const response = this.deliveries.reduce((sum, d) => sum + d.bytes, 0);
    this.record.responseBytes[this.record.responseBytes.length - 1] = response;
    if (response > this.excel.maxResponseBytes) {
      this.loads.splice(0);
      throw new RichApiError(
        'ResponsePayloadSizeLimitExceeded',
        `response of ${response} bytes exceeds ${this.excel.maxResponseBytes}`,
        'RequestContext.sync',
      );
    }
    const loads = this.loads.splice(0);
    for (const load of loads) for (const mock of load.mocks) await mock.sync();
    // office-addin-mock updates values in microtasks; jsdom (pane tests) has no setImmediate.
    await new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
    for (const load of loads) load.done();
    for (const delivery of this.deliveries) delivery.done();
  }

  /** A sheet reference checked when the command is applied. */
  sheetByName(name: string, location: string): SheetRef {
    return () => {
      const sheet = this.excel.sheet(name);
      if (!sheet) throw new RichApiError('ItemNotFound', `The requested resource doesn't exist: sheet "${name}"`, location);
      return sheet;
    };
  }
}

class MockWorksheetCollection extends MockCollection<MockContext> {
  constructor(context: MockContext) {
    super(context, 'WorksheetCollection', () =>
      context.excel.sheets.map((s) => ({ name: s.name, position: context.excel.sheets.indexOf(s) })),
    );
    return gated(this, 'WorksheetCollection', () => context.supports);
  }

  add(name: string): MockWorksheet {
    let created: SheetModel | undefined;
    this.context.enqueue('WorksheetCollection.add', () => {
      if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history')
        throw new RichApiError('InvalidArgument', `bad sheet name "${name}"`, 'WorksheetCollection.add');
      if (this.context.excel.sheet(name)) throw new RichApiError('ItemAlreadyExists', `sheet "${name}" exists`, 'WorksheetCollection.add');
      created = newSheet(name);
      this.context.excel.sheets.push(created);
    });
    return new MockWorksheet(this.context, () => {
      if (!created) throw new RichApiError('ItemNotFound', `sheet "${name}" was not added`, 'Worksheet');
      return created;
    });
  }

  getItem(name: string): MockWorksheet {
    return new MockWorksheet(this.context, this.context.sheetByName(name, 'WorksheetCollection.getItem'));
  }
}

export class MockWorksheet {
  private readonly props: ReturnType<typeof loader<'name' | 'visibility'>>;

  constructor(
    private readonly context: MockContext,
    readonly ref: SheetRef,
  ) {
    this.props = loader(context, 'Worksheet', ['name', 'visibility'], (name) => ref()[name]);
    return gated(this, 'Worksheet', () => context.supports);
  }

  get name(): string {
    return this.props.get('name');
  }

  /** Renames the sheet: Excel's sheet-name rules, unique in the workbook (case-insensitive). */
  set name(name: string) {
    this.context.enqueue('Worksheet.name', () => {
      const sheet = this.ref();
      if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history')
        throw new RichApiError('InvalidArgument', `bad sheet name "${name}"`, 'Worksheet.name');
      const other = this.context.excel.sheet(name);
      if (other && other !== sheet) throw new RichApiError('ItemAlreadyExists', `sheet "${name}" exists`, 'Worksheet.name');
      sheet.name = name;
    });
  }

  get visibility(): string {
    return this.props.get('visibility');
  }

  load(properties: string | string[]): this {
    this.props.load(properties);
    return this;
  }

  get protection(): { load(properties: string): unknown; readonly protected: boolean } {
    return loadableObject(this.context, 'WorksheetProtection', ['protected'], () => this.ref().protected === true);
  }

  /** `autoFilter.load('isDataFiltered')` (ExcelApi 1.9): a sheet filter hiding rows. */
  get autoFilter(): { load(properties: string): unknown; readonly isDataFiltered: boolean } {
    return loadableObject(this.context, 'AutoFilter', ['isDataFiltered'], () => this.ref().filteredRows.size > 0);
  }

  getRange(address?: string): MockRange {
    if (address === undefined) throw new MockViolation('Worksheet.getRange() without an address (whole sheet)');
    return MockRange.at(this.context, this.ref, address);
  }

  getUsedRangeOrNullObject(valuesOnly = false): MockRange {
    const grid: Box = { top: 0, left: 0, bottom: 1048575, right: 16383 };
    return new MockRange(this.context, this.ref, () => usedBox(this.ref(), grid, valuesOnly));
  }

  /** The cells whose value is `text` (complete match, case-sensitive only; wildcards must be escaped `~*`), as a RangeAreas with `address`. */
  findAllOrNullObject(
    text: string,
    criteria: { completeMatch?: boolean; matchCase?: boolean },
  ): { load(properties: string): unknown; readonly isNullObject: boolean; readonly address: string } {
    let loaded: { isNullObject: boolean; address?: string } | undefined;
    const context = this.context;
    const ref = this.ref;
    const found = {
      load(properties: string) {
        if (properties.trim() !== 'address') throw new MockViolation(`RangeAreas.load("${properties}") is not in the mock object model`);
        if (!criteria.completeMatch || !criteria.matchCase)
          throw new MockViolation('findAllOrNullObject: the mock matches complete, case-sensitive values only');
        if (/(^|[^~])[*?]/.test(text))
          throw new MockViolation(`findAllOrNullObject("${text}"): * and ? are wildcards in Excel; escape them as ~* ~?`);
        const literal = text.replace(/~([~*?])/g, '$1');
        context.enqueue('Worksheet.findAllOrNullObject', () => {
          const sheet = ref();
          // Find sees neither a hidden sheet nor the rows a filter hides (office-js#6349, #224).
          const areas = sheet.visibility === 'Visible' ? matchingAreas(sheet, literal) : [];
          const snapshot =
            areas.length === 0
              ? { isNullObject: true }
              : { isNullObject: false, address: areas.map((a) => `${quoteName(sheet.name)}!${boxAddress(a)}`).join(',') };
          context.deliver(jsonBytes(snapshot), () => {
            loaded = snapshot;
          });
        });
        return found;
      },
      get isNullObject(): boolean {
        if (!loaded) throw notLoaded('RangeAreas.isNullObject');
        return loaded.isNullObject;
      },
      get address(): string {
        if (!loaded) throw notLoaded('RangeAreas.address');
        if (loaded.isNullObject || loaded.address === undefined) throw new MockViolation('read of RangeAreas.address on a null object');
        return loaded.address;
      },
    };
    return found;
  }

  /** Deletes the sheet (its cells, tables and charts go with it). */
  delete(): void {
    this.context.enqueue('Worksheet.delete', () => {
      const sheet = this.ref();
      const excel = this.context.excel;
      if (excel.sheets.length === 1) throw new RichApiError('InvalidOperation', 'a workbook keeps at least one sheet', 'Worksheet.delete');
      excel.sheets.splice(excel.sheets.indexOf(sheet), 1);
      for (let i = excel.tables.length - 1; i >= 0; i--) if (excel.tables[i]?.sheet === sheet) excel.tables.splice(i, 1);
      if (excel.activeSheet === sheet) excel.activeSheet = excel.sheets[0];
    });
  }

  set position(index: number) {
    this.context.enqueue('Worksheet.position', () => {
      const sheet = this.ref();
      const sheets = this.context.excel.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(Math.max(0, index), sheets.length), 0, sheet);
    });
  }

  get position(): number {
    throw notLoaded('Worksheet.position');
  }

  activate(): void {
    this.context.enqueue('Worksheet.activate', () => {
      const sheet = this.ref();
      sheet.activations += 1;
      this.context.excel.activeSheet = sheet;
    });
  }

  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this.context.enqueue('WorksheetFreezePanes.freezeRows', () => {
          this.ref().frozenRows = count;
        }),
    };
  }

  get tables(): MockTableCollection {
    return new MockTableCollection(this.context, this.ref);
  }

  /** `comments.add(cell, content)` (ExcelApi 1.10): recorded per sheet by address. */
  get comments(): { add(cell: MockRange, content: string): void } {
    return {
      add: (cell: MockRange, content: string) => {
        if (!(cell instanceof MockRange)) throw new MockViolation('comments.add: pass a Range');
        this.context.enqueue('CommentCollection.add', () => {
          const sheet = this.ref();
          if (cell.ref() !== sheet) throw new MockViolation('a comment for a cell of another sheet');
          sheet.comments.set(cell.mockAddress, content);
        });
      },
    };
  }

  /** `notes.add(cell, content)` (ExcelApi 1.18): recorded per sheet by address. */
  get notes(): { add(cell: MockRange, content: string): void } {
    return {
      add: (cell: MockRange, content: string) => {
        if (!(cell instanceof MockRange)) throw new MockViolation('notes.add: pass a Range');
        this.context.enqueue('NoteCollection.add', () => {
          const sheet = this.ref();
          if (cell.ref() !== sheet) throw new MockViolation('a note for a cell of another sheet');
          if (sheet.notes.has(cell.mockAddress)) throw new RichApiError('InvalidArgument', 'the cell has a note', 'NoteCollection.add');
          sheet.notes.set(cell.mockAddress, content);
        });
      },
    };
  }

  get charts(): { add(type: string, source: MockRange, seriesBy?: string): MockChart } {
    return {
      add: (type: string, source: MockRange, seriesBy?: string) => {
        if (!(source instanceof MockRange)) throw new MockViolation('charts.add needs a Range');
        const holder: { chart?: ChartModel } = {};
        this.context.enqueue('ChartCollection.add', () => {
          const sheet = this.ref();
          if (source.ref() !== sheet) throw new MockViolation('chart data on another sheet');
          holder.chart = {
            seq: this.context.nextSeq(),
            type,
            source: source.mockAddress,
            seriesBy: seriesBy ?? 'Auto',
            series: seriesOf(source.box),
          };
          sheet.charts.push(holder.chart);
        });
        return new MockChart(this.context, () => {
          if (!holder.chart) throw new RichApiError('ItemNotFound', 'chart was not added', 'Chart');
          return holder.chart;
        });
      },
    };
  }
}

/**
 * The series Excel makes of a chart's source by columns: one column is one series (header and all, as
 * given); with more, the first column (text categories under a header) is the categories of a series
 * per further column.
 */
function seriesOf(box: Box): ChartModel['series'] {
  if (box.right === box.left) return [{ values: boxAddress(box) }];
  const column = (c: number) => boxAddress({ top: box.top + 1, bottom: box.bottom, left: c, right: c });
  const series = [];
  for (let c = box.left + 1; c <= box.right; c++) series.push({ values: column(c), xAxis: column(box.left) });
  return series;
}

/** Cells whose value reads as exactly `text`, as areas: runs of rows in one column. */
function matchingAreas(sheet: SheetModel, text: string): Box[] {
  const cells: Box[] = [];
  for (const [row, col, cell] of sheet.cells.cellsAt()) {
    const value = readValue(cell);
    if (value !== '' && String(value) === text && !sheet.filteredRows.has(row))
      cells.push({ top: row, left: col, bottom: row, right: col });
  }
  cells.sort((a, b) => a.left - b.left || a.top - b.top);
  const areas: Box[] = [];
  for (const cell of cells) {
    const last = areas[areas.length - 1];
    if (last && last.left === cell.left && last.bottom === cell.top - 1) areas[areas.length - 1] = { ...last, bottom: cell.top };
    else areas.push(cell);
  }
  return areas;
}
