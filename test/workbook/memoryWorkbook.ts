/** An in-memory WorkbookPort for component tests: records every plan and keeps sheet names unique. */
import { type TemplatePlan, rangeAddress, uniqueSheetName, uniqueTableName } from '../../src/core';
import type { InsertedTemplate, SheetInfo, WorkbookPort } from '../../src/workbook/port';

export class MemoryWorkbook implements WorkbookPort {
  readonly host = 'Memory';
  readonly sheets: { name: string; tables: string[]; plan?: TemplatePlan }[] = [];
  active?: string;
  failWith?: Error;

  async listSheets(): Promise<readonly SheetInfo[]> {
    return this.sheets.map(({ name, tables }) => ({ name, tables }));
  }

  async insertTemplate(plan: TemplatePlan): Promise<InsertedTemplate> {
    if (this.failWith) throw this.failWith;
    const sheetName = uniqueSheetName(plan.sheetName, this.sheets.map((s) => s.name));
    const tableName = uniqueTableName(plan.tableName, this.sheets.flatMap((s) => s.tables));
    this.sheets.push({ name: sheetName, tables: [tableName], plan });
    this.active = sheetName;
    const tableAddress = rangeAddress(plan.headerRow, 0, plan.headerRow + plan.rows.length, plan.columns.length - 1);
    return { sheetName, tableName, tableAddress };
  }

  async activateSheet(name: string): Promise<void> {
    this.active = name;
  }
}
