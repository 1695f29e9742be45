/**
 * Tables and charts in the Excel mock. A table's ranges (`getRange`, `getHeaderRowRange`,
 * `getDataBodyRange`) are resolved when their command runs, so they follow the table as it grows;
 * `rows.add` inserts rows at the end (cells below move down; the new rows take the number formats
 * of the row above, as in Excel).
 */
import type { MockContext } from './mockExcel';
import { MockCollection } from './mockCollections';
import {
  type Box,
  type ChartModel,
  MockViolation,
  RichApiError,
  type SeriesModel,
  type TableModel,
  boxAddress,
  notLoaded,
  parseAddress,
  growTable,
} from './mockModel';
import { MockRange, type SheetRef } from './mockRange';
import { gated } from './mockApiGate';
import { loadableObject } from './mockCollections';

/** The workbook's tables, or one sheet's (which can also add a table). */
export class MockTableCollection extends MockCollection<MockContext> {
  constructor(
    context: MockContext,
    private readonly sheetRef?: SheetRef,
  ) {
    super(context, 'TableCollection', () =>
      context.excel.tables
        .filter((t) => !sheetRef || t.sheet === sheetRef())
        .map((t) => ({ name: t.name, style: t.style ?? '', worksheet: { name: t.sheet.name } })),
    );
    return gated(this, 'TableCollection', () => context.supports);
  }

  getItem(name: string): MockTable {
    return new MockTable(this.context, () => {
      const table = this.context.excel.tables.find(
        (t) => t.name.toLowerCase() === name.toLowerCase() && (!this.sheetRef || t.sheet === this.sheetRef()),
      );
      if (!table)
        throw new RichApiError('ItemNotFound', `The requested resource doesn't exist: table "${name}"`, 'TableCollection.getItem');
      return table;
    });
  }

  add(source: MockRange | string, hasHeaders: boolean): MockTable {
    const sheetRef = this.sheetRef;
    if (!sheetRef) throw new MockViolation('workbook.tables.add: add through a worksheet’s tables');
    // Office.js: "If the address does not contain a sheet name, the currently-active sheet is used."
    if (!(source instanceof MockRange))
      throw new MockViolation(`tables.add("${source}"): pass a Range; a bare address means the active sheet`);
    const box = source.box;
    const holder: { table?: TableModel } = {};
    this.context.enqueue('TableCollection.add', () => {
      const sheet = sheetRef();
      if (source.ref() !== sheet) throw new MockViolation('tables.add with a range on another sheet');
      if (!hasHeaders) throw new MockViolation('tables.add without a header row');
      for (const other of this.context.excel.tables.filter((t) => t.sheet === sheet)) {
        const o = parseAddress(other.address);
        if (!(o.right < box.left || o.left > box.right || o.bottom < box.top || o.top > box.bottom)) {
          throw new RichApiError('InvalidArgument', `table overlaps ${other.name}`, 'TableCollection.add');
        }
      }
      const headers = [];
      for (let c = box.left; c <= box.right; c++) headers.push(sheet.cells.at(box.top, c)?.value ?? '');
      let n = 1;
      while (this.context.excel.tables.some((t) => t.name === `Table${n}`)) n++;
      holder.table = { seq: this.context.nextSeq(), name: `Table${n}`, sheet, address: boxAddress(box), headers };
      this.context.excel.tables.push(holder.table);
    });
    return new MockTable(this.context, () => {
      if (!holder.table) throw new RichApiError('ItemNotFound', 'table was not added', 'Table');
      return holder.table;
    });
  }
}

/**
 * Excel's rules for a table name: a letter, `_` or `\` first, then letters, digits, `_` and `.`; at
 * most 255 characters; not a cell reference (`A1`, `XFD10`) nor an R1C1 one (`R`, `C`, `R1C1`).
 */
function isTableName(name: string): boolean {
  if (name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return false;
  return !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(?:R\d*C\d*|R\d*|C\d*)$/i.test(name);
}

export class MockTable {
  constructor(
    private readonly context: MockContext,
    private readonly ref: () => TableModel,
  ) {
    return gated(this, 'Table', () => context.supports);
  }

  private range(location: string, part: (box: Box) => Box): MockRange {
    return new MockRange(
      this.context,
      () => this.ref().sheet,
      () => {
        const box = part(parseAddress(this.ref().address));
        if (box.bottom < box.top) throw new RichApiError('ItemNotFound', 'the table has no data rows', location);
        return box;
      },
    );
  }

  getRange(): MockRange {
    return this.range('Table.getRange', (box) => box);
  }

  getHeaderRowRange(): MockRange {
    return this.range('Table.getHeaderRowRange', (box) => ({ ...box, bottom: box.top }));
  }

  getDataBodyRange(): MockRange {
    return this.range('Table.getDataBodyRange', (box) => ({ ...box, top: box.top + 1 }));
  }

  get worksheet(): unknown {
    return this.context.worksheet(() => this.ref().sheet);
  }

  /**
   * Microsoft's co-authoring guidance for add-ins: `TableRowCollection.add` causes merge conflicts and
   * a refresh bar in shared workbooks. The fake refuses it; write below the table instead.
   */
  get rows(): never {
    throw new MockViolation('table.rows: TableRowCollection.add conflicts in co-authored workbooks; write below the table and resize it');
  }

  /** `autoFilter.load('isDataFiltered')` (ExcelApi 1.9). */
  get autoFilter(): { load(properties: string): unknown; readonly isDataFiltered: boolean } {
    return loadableObject(this.context, 'AutoFilter', ['isDataFiltered'], () => this.ref().filtered === true);
  }

  /** `resize(address)` (ExcelApi 1.13): same header row and columns, more or fewer data rows. */
  resize(address: string): void {
    if (typeof address !== 'string') throw new MockViolation('Table.resize: pass an address');
    this.context.enqueue('Table.resize', () => {
      const table = this.ref();
      const now = parseAddress(table.address);
      const next = parseAddress(address.replace(/^.*!/, ''));
      if (next.top !== now.top || next.left !== now.left || next.right !== now.right || next.bottom <= next.top)
        throw new RichApiError('InvalidArgument', `resize ${table.address} → ${address}: header row and columns must stay`, 'Table.resize');
      for (const other of this.context.excel.tables) {
        const o = parseAddress(other.address);
        if (
          other !== table &&
          other.sheet === table.sheet &&
          !(o.right < next.left || o.left > next.right || o.bottom < next.top || o.top > next.bottom)
        )
          throw new RichApiError('InvalidArgument', `resize would overlap table ${other.name}`, 'Table.resize');
      }
      growTable(table, next.bottom);
    });
  }

  set name(name: string) {
    this.context.enqueue('Table.name', () => {
      const table = this.ref();
      const taken = [...this.context.excel.tables.filter((t) => t !== table).map((t) => t.name), ...this.context.excel.names];
      if (taken.some((t) => t.toLowerCase() === name.toLowerCase()))
        throw new RichApiError('InvalidArgument', `name "${name}" is taken`, 'Table.name');
      if (!isTableName(name)) throw new RichApiError('InvalidArgument', `bad table name "${name}"`, 'Table.name');
      table.name = name;
    });
  }

  get name(): string {
    throw notLoaded('Table.name');
  }

  set style(style: string) {
    this.context.enqueue('Table.style', () => {
      this.ref().style = style;
    });
  }

  get style(): string {
    throw notLoaded('Table.style');
  }
}

/**
 * Newer chart types (funnel among them) take no series calls: Excel answers them with an error
 * (office-js#2971, office-js-docs#910). Such a chart gets its categories and values from its source.
 */
function refuseSeriesCalls(chart: ChartModel, location: string): void {
  if (chart.type === 'Funnel') throw new RichApiError('InvalidArgument', `${location}: not supported for a ${chart.type} chart`, location);
}

export class MockChart {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): MockSeries; add(name?: string): MockSeries };

  constructor(
    private readonly context: MockContext,
    private readonly ref: () => ChartModel,
  ) {
    this.title = {
      set text(text: string) {
        context.enqueue('ChartTitle.text', () => {
          ref().title = text;
        });
      },
      get text(): string {
        throw notLoaded('ChartTitle.text');
      },
    };
    this.series = {
      getItemAt: (index: number) =>
        new MockSeries(context, () => {
          refuseSeriesCalls(ref(), 'ChartSeriesCollection.getItemAt');
          const series = ref().series[index];
          if (!series) throw new RichApiError('ItemNotFound', `no series ${index}`, 'ChartSeriesCollection.getItemAt');
          return series;
        }),
      add: (name?: string) => {
        const model: SeriesModel = {};
        context.enqueue('ChartSeriesCollection.add', () => {
          refuseSeriesCalls(ref(), 'ChartSeriesCollection.add');
          if (name !== undefined) model.name = name;
          ref().series.push(model);
        });
        return new MockSeries(context, () => model);
      },
    };
    return gated(this, 'Chart', () => context.supports);
  }

  setPosition(start: string, end?: string): void {
    if (typeof start !== 'string') throw new MockViolation('setPosition: pass addresses');
    this.context.enqueue('Chart.setPosition', () => {
      this.ref().position = end === undefined ? [start] : [start, end];
    });
  }
}

class MockSeries {
  constructor(
    private readonly context: MockContext,
    private readonly ref: () => SeriesModel,
  ) {
    return gated(this, 'ChartSeries', () => context.supports);
  }

  setXAxisValues(range: MockRange): void {
    this.context.enqueue('ChartSeries.setXAxisValues', () => {
      this.ref().xAxis = range.mockAddress;
    });
  }

  setValues(range: MockRange): void {
    this.context.enqueue('ChartSeries.setValues', () => {
      this.ref().values = range.mockAddress;
    });
  }
}
