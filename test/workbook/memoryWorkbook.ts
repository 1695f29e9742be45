/**
 * An in-memory WorkbookPort for component tests: records every plan, keeps sheet names unique, and
 * reads/writes tables with the same placement rules as the real hosts (`placeWrite`). Formula cells
 * are kept as their text (`=SALES.…`) and read back as that text — nothing is calculated here.
 */
import {
  type FunctionSpelling,
  type ReportChartId,
  type ReportSheetPlan,
  type TemplatePlan,
  cellAddress,
  rangeAddress,
  uniqueSheetName,
  uniqueTableName,
} from '../../src/core';
import { TAIL_ROWS, placeWrite, refuseSecondWrite } from '../../src/workbook/placement';
import { PORT_MESSAGES } from '../../src/workbook/portMessages';
import {
  type CellValue,
  type ChartPicture,
  type InsertedTemplate,
  type ReportSheetResult,
  type SheetInfo,
  type TableLocation,
  type TableSnapshot,
  type TableWrite,
  type TableWriteResult,
  WorkbookError,
  type WorkbookPort,
  type WriteCell,
} from '../../src/workbook/port';

export interface MemorySheet {
  name: string;
  tables: string[];
  plan?: TemplatePlan;
  headerRow: number;
  header: string[];
  /** Data rows: values, or formula text starting with `=` in formula cells. */
  rows: CellValue[][];
  /** Which cells hold formulas, as `row:col` of data rows. */
  formulas: Set<string>;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly host = 'Memory';
  /** Set by a test to stand in for a host that spells functions otherwise. */
  functionSpelling?: FunctionSpelling;
  readonly sheets: MemorySheet[] = [];
  active?: string;
  /** The active cell for `insertFormulaAtSelection`. */
  selection = { sheet: 'Sheet1', row: 0, col: 0 };
  /** Formulas written at the selection, in order. */
  readonly insertedFormulas: { sheetName: string; address: string; formula: string }[] = [];
  failWith?: Error;
  /** Every batch passed to writeTables, for assertions. */
  readonly writes: (readonly TableWrite[])[] = [];

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.sheets.map(({ name, tables }) => ({ name, tables }));
  }

  /** Adds a sheet with a table, as if a user had built it (header on row 2, title on row 1). */
  addTable(name: string, tableName: string | undefined, header: string[], rows: CellValue[][]): MemorySheet {
    const sheet: MemorySheet = {
      name,
      tables: tableName ? [tableName] : [],
      headerRow: 1,
      header,
      rows: rows.map((r) => [...r]),
      formulas: new Set(),
    };
    this.sheets.push(sheet);
    return sheet;
  }

  async insertTemplate(plan: TemplatePlan): Promise<InsertedTemplate> {
    if (this.failWith) throw this.failWith;
    const sheetName = uniqueSheetName(
      plan.sheetName,
      this.sheets.map((s) => s.name),
    );
    const tableName = uniqueTableName(
      plan.tableName,
      this.sheets.flatMap((s) => s.tables),
    );
    const formulas = new Set<string>();
    const rows = plan.rows.map((row, r) =>
      row.map((cell, c) => {
        if (cell !== null && typeof cell === 'object') {
          formulas.add(`${r}:${c}`);
          return cell.formula;
        }
        return cell;
      }),
    );
    this.sheets.push({
      name: sheetName,
      tables: [tableName],
      plan,
      headerRow: plan.headerRow,
      header: plan.columns.map((c) => c.label),
      rows,
      formulas,
    });
    this.active = sheetName;
    const tableAddress = rangeAddress(plan.headerRow, 0, plan.headerRow + plan.rows.length, plan.columns.length - 1);
    return { sheetName, tableName, tableAddress };
  }

  async activateSheet(name: string, cell?: { readonly row: number; readonly column: number }): Promise<void> {
    this.sheet(name);
    this.active = name;
    if (cell) this.selection = { sheet: name, row: cell.row, col: cell.column };
  }

  sheet(name: string): MemorySheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new WorkbookError(`Sheet "${name}" was not found.`, name);
    return sheet;
  }

  async readTable(location: TableLocation, onProgress?: (read: number, total: number) => void): Promise<TableSnapshot> {
    if (this.failWith) throw this.failWith;
    const sheet = this.sheet(location.sheetName);
    onProgress?.(sheet.rows.length, sheet.rows.length);
    return {
      sheetName: sheet.name,
      ...(sheet.tables[0] ? { tableName: sheet.tables[0] } : {}),
      headerRow: sheet.headerRow,
      firstColumn: 0,
      header: sheet.header.map((h) => h.trim()),
      rows: sheet.rows.map((row) => sheet.header.map((_h, c) => row[c] ?? null)),
    };
  }

  async writeTables(writes: readonly TableWrite[]): Promise<readonly TableWriteResult[]> {
    if (this.failWith) throw this.failWith;
    this.writes.push(writes);
    refuseSecondWrite(
      writes.map((w) => ({ key: w.location.sheetName, sheetName: w.location.sheetName })),
      'en-US',
    );
    // Plan every table first: a failing check anywhere writes nothing anywhere.
    const placements = writes.map((write) => {
      const sheet = this.sheet(write.location.sheetName);
      const tailStart = Math.max(0, sheet.rows.length - TAIL_ROWS);
      const keyColumn = write.key?.column;
      const placement = placeWrite(
        write,
        {
          header: sheet.header,
          rowCount: sheet.rows.length,
          tailStart,
          tail: sheet.rows.slice(tailStart),
          ...(keyColumn !== undefined ? { keyValues: sheet.rows.map((row) => row[keyColumn] ?? null) } : {}),
          updateRows: new Map((write.updates ?? []).filter((u) => sheet.rows[u.row]).map((u) => [u.row, sheet.rows[u.row] ?? []])),
        },
        sheet.name,
        'en-US',
      );
      return { sheet, placement };
    });
    for (const { sheet, placement } of placements) {
      while (sheet.rows.length < placement.rowCountAfter) sheet.rows.push(sheet.header.map(() => null));
      for (const placed of placement.rows) {
        const row = sheet.rows[placed.dataRow] ?? [];
        placed.cells.forEach((cell, c) => {
          if (cell === undefined) return;
          const key = `${placed.dataRow}:${c}`;
          if (isFormula(cell)) {
            row[c] = cell.formulaAt(sheet.headerRow + 1 + placed.dataRow);
            sheet.formulas.add(key);
          } else {
            row[c] = cell;
            sheet.formulas.delete(key);
          }
        });
      }
    }
    return placements.map((p) => p.placement.result);
  }

  /** Report sheets written, by name: their grid, and the charts and pictures asked for. */
  readonly reports = new Map<string, { plan: ReportSheetPlan; pictures: number }>();

  async writeReportSheet(plan: ReportSheetPlan, pictures?: ReadonlyMap<ReportChartId, ChartPicture>): Promise<ReportSheetResult> {
    if (this.failWith) throw this.failWith;
    const existing = this.sheets.find((s) => s.name === plan.sheetName);
    if (existing && existing.tables.length > 0)
      throw new WorkbookError(PORT_MESSAGES.reportSheetTaken(plan.sheetName)['en-US'], plan.sheetName);
    const placed = plan.charts.filter((c) => pictures?.has(c.chart.id)).length;
    const sheet: MemorySheet = {
      name: plan.sheetName,
      tables: [],
      headerRow: -1,
      header: [],
      rows: plan.cells.map((r) => [...r]),
      formulas: new Set(),
    };
    if (existing) this.sheets.splice(this.sheets.indexOf(existing), 1, sheet);
    else this.sheets.push(sheet);
    this.reports.set(plan.sheetName, { plan, pictures: placed });
    this.active = plan.sheetName;
    return { sheetName: plan.sheetName, replaced: existing !== undefined, nativeCharts: 0, pictures: placed };
  }

  async insertFormulaAtSelection(formula: string): Promise<{ readonly sheetName: string; readonly address: string }> {
    if (this.failWith) throw this.failWith;
    const address = cellAddress(this.selection.row, this.selection.col);
    this.insertedFormulas.push({ sheetName: this.selection.sheet, address, formula });
    return { sheetName: this.selection.sheet, address };
  }
}

function isFormula(cell: WriteCell): cell is { readonly formulaAt: (sheetRow: number) => string } {
  return cell !== null && typeof cell === 'object';
}
