/**
 * One target table of the review write: checks the sheet is there with the columns the write
 * needs, then builds rows in the sheet's own header order — values checked against the column's
 * type, computed columns as formulas from the spec at the header's actual positions.
 */
import { missingColumnMessage } from '../domain';
import { L, type Locale, type Localized } from '../i18n';
import { type SpecLayout, specLayout } from '../templates/layout';
import type { ColumnSpec, TemplateId } from '../templates/types';
import type { CellValue, RowUpdate, TableWrite, WriteCell } from '../workbook';
import { templateById } from '../templates';
import { type TableView, isSerial, viewOf } from './read';
import type { WorkbookData } from './types';

export interface ReviewWriteError {
  readonly sheet: string;
  readonly column?: string;
  readonly message: Localized;
}

/** A value for a column: a cell, or undefined for blank. */
export type RowValues = Readonly<Record<string, CellValue | undefined>>;

const DATE_TYPES = new Set(['date', 'datetime']);
const NUMBER_TYPES = new Set(['number', 'integer', 'percent', 'days', 'general']);

export class WriteTable {
  readonly rows: WriteCell[][] = [];
  readonly updates: RowUpdate[] = [];
  private readonly layout: SpecLayout;

  constructor(
    readonly view: TableView,
    portable: boolean,
    private readonly errors: ReviewWriteError[],
  ) {
    // The view is the header matched to the spec (locale, columns, missing): a HeaderMatch.
    this.layout = specLayout(view.spec.columns, { ...view.table, rowCount: view.table.rows.length }, view, portable);
  }

  get sheet(): string {
    return this.view.table.sheetName;
  }

  /** The sheet's language, for labels written into it (高/High, 优/Excellent). */
  get locale(): Locale {
    return this.view.locale;
  }

  position(key: string): number {
    return this.view.columns.get(key) ?? -1;
  }

  label(key: string): string {
    const at = this.position(key);
    return this.view.table.header[at] ?? templateById(this.view.spec.id).columns.find((c) => c.key === key)?.label[this.locale] ?? key;
  }

  private error(column: string, message: Localized): void {
    this.errors.push({ sheet: this.sheet, column, message });
  }

  /** Adds a row; `what` names the item in messages (措施“…”). Returns false when a value is refused. */
  addRow(values: RowValues, what: Localized): boolean {
    const cells: WriteCell[] = [];
    let ok = true;
    this.layout.byPosition.forEach((column, at) => {
      if (column === undefined) {
        cells.push(null);
        return;
      }
      if (column.formula !== undefined) {
        cells.push(this.layout.formulaCell(column));
        return;
      }
      const value = values[column.key] ?? null;
      if (!this.check(column, at, value, what)) ok = false;
      // User text goes in as the plain string it is: the hosts store strings as text, so a
      // typed `=HYPERLINK(...)` stays literal. Nothing is stripped or escaped here.
      cells.push(value);
    });
    if (ok) this.rows.push(cells);
    return ok;
  }

  private check(column: ColumnSpec, at: number, value: CellValue, what: Localized): boolean {
    const label = this.view.table.header[at] ?? column.label[this.locale];
    const sheet = this.sheet;
    const blank = value === null || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      if (!column.required) return true;
      this.error(
        label,
        L(`“${sheet}”的“${label}”不能为空(${what['zh-CN']})。`, `"${label}" in "${sheet}" cannot be empty (${what['en-US']}).`),
      );
      return false;
    }
    const isNumber = typeof value === 'number' && Number.isFinite(value);
    if (DATE_TYPES.has(column.type) && !isSerial(value)) {
      this.error(
        label,
        L(
          `“${sheet}”的“${label}”是日期列,${what['zh-CN']}的值“${String(value)}”不是日期。`,
          `"${label}" in "${sheet}" holds dates; ${what['en-US']} has "${String(value)}", which is not a date.`,
        ),
      );
      return false;
    }
    if (NUMBER_TYPES.has(column.type) && !isNumber) {
      this.error(
        label,
        L(
          `“${sheet}”的“${label}”是数字列,${what['zh-CN']}的值“${String(value)}”不是数字。`,
          `"${label}" in "${sheet}" holds numbers; ${what['en-US']} has "${String(value)}", which is not a number.`,
        ),
      );
      return false;
    }
    return true;
  }

  toWrite(reviewId: string): TableWrite {
    const { table } = this.view;
    const key = this.position('reviewId');
    return {
      location: this.layout.location,
      header: table.header,
      computed: this.layout.computed,
      rows: this.rows,
      ...(key >= 0 ? { key: { column: key, value: reviewId } } : {}),
      ...(this.updates.length > 0 ? { updates: this.updates } : {}),
    };
  }
}

/**
 * The target table, or the errors that keep it from being written: the sheet is absent (the
 * pane inserts the template first) or lacks an input column — or the formulas' columns.
 */
export function openTarget(
  id: TemplateId,
  data: WorkbookData,
  portable: boolean,
  locale: Locale,
  /** Where the table's row checks report later. */
  rowErrors: ReviewWriteError[],
): WriteTable | ReviewWriteError[] {
  const errors: ReviewWriteError[] = [];
  const view = viewOf(data, id);
  const spec = templateById(id);
  if (view === undefined) {
    const name = spec.sheetName[locale];
    errors.push({
      sheet: name,
      message: L(
        `工作表“${spec.sheetName['zh-CN']}”不存在。请先插入该模板,再写入;未写入任何内容。`,
        `Sheet "${spec.sheetName['en-US']}" is missing. Insert its template first, then write; nothing was written.`,
      ),
    });
    return errors;
  }
  const missing = view.missing.filter((c) => c.formula === undefined);
  if (missing.length > 0) {
    const sheet = view.table.sheetName;
    for (const column of missing) {
      const label = column.label[view.locale];
      errors.push({
        sheet,
        column: label,
        message: missingColumnMessage(sheet, label, 'nothingWritten'),
      });
    }
    return errors;
  }
  return new WriteTable(view, portable, rowErrors);
}
