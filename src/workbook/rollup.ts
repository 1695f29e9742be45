/**
 * Roll-up across workbooks through the port (core/team/rollup.ts combines): a manager's workbook
 * is read for the tables the team's combines, and the team workbook gets each combined table as
 * its template plus 来源工作簿, computed columns as the template's own formulas, money headers and
 * 工作簿设置 in the team's unit. Any host's port works: the command line's Univer today.
 */
import {
  type Locale,
  type Rollup,
  type RollupSource,
  type TemplateId,
  type TemplateSpec,
  type TableWrite,
  type WriteCell,
  ROLLUP_TABLES,
  locateTemplate,
  matchHeader,
  planTemplate,
  rollupSpec,
  specLayout,
  templateById,
  templateReferences,
  workbookSettings,
  workbookSettingsWrites,
} from '../core';
import { readWorkbookMoneyUnit } from './moneyUnit';
import type { WorkbookPort } from './port';

/** The templates a roll-up reads, by id (the sources' tables are matched against these). */
export const rollupSpecs = (): Partial<Record<TemplateId, TemplateSpec>> =>
  Object.fromEntries(ROLLUP_TABLES.map((id) => [id, templateById(id)]));

/** One manager's workbook: each table the roll-up combines that it holds, and its money unit. */
export async function readRollupSource(port: WorkbookPort, name: string): Promise<RollupSource> {
  const sheets = await port.listSheets();
  const tables: RollupSource['tables'] = {};
  for (const id of ROLLUP_TABLES) {
    const at = locateTemplate(templateById(id), sheets);
    if (at) (tables as Record<TemplateId, unknown>)[id] = await port.readTable(at);
  }
  const unit = await readWorkbookMoneyUnit(port);
  return { name, tables, ...(unit ? { unit } : {}) };
}

/** A combined table inserted in the team workbook, and its rows planned (formulas at the row each lands on). */
export interface RollupTableWrite extends TableWrite {
  /** 0-based sheet row of the table's first (blank) data row. */
  readonly firstRow: number;
}

/**
 * Inserts each combined table's template (one blank data row, money headers and 工作簿设置 in the
 * team's unit) into a workbook without them, and plans its rows. `port.writeTables` writes them in
 * any host; the command line puts them straight into the file's snapshot (src/files/tableRows.ts).
 */
export async function insertRollupTables(
  port: WorkbookPort,
  rollup: Rollup,
  options: { readonly locale: Locale; readonly portable: boolean },
): Promise<RollupTableWrite[]> {
  const { locale, portable } = options;
  if (rollup.unit) {
    const inserted = await port.insertTemplate(planTemplate(workbookSettings, { locale, samples: false, portable, blankRows: 1 }));
    await port.writeTables(workbookSettingsWrites({ moneyUnit: rollup.unit }, await port.readTable({ sheetName: inserted.sheetName })));
  }
  const writes: RollupTableWrite[] = [];
  // 组织架构's roll-up formulas read 预测提报: it is inserted (empty) when no source had calls.
  const ids = new Set(rollup.tables.map((t) => t.id));
  const tables = ROLLUP_TABLES.flatMap((id) => {
    const combined = rollup.tables.find((t) => t.id === id);
    if (combined) return [combined];
    return id === 'forecastCalls' && ids.has('orgChart') ? [{ id, rows: [] }] : [];
  });
  for (const combined of tables) {
    const spec = rollupSpec(templateById(combined.id));
    const inserted = await port.insertTemplate(
      planTemplate(spec, { locale, samples: false, portable, blankRows: 1, ...(rollup.unit ? { moneyUnit: rollup.unit } : {}) }),
    );
    const table = await port.readTable({ sheetName: inserted.sheetName, tableName: inserted.tableName });
    const match = matchHeader(spec, table.header);
    // 组织架构's roll-up reads 预测提报, inserted in the same workbook under its own name.
    const layout = specLayout(
      spec.columns,
      { ...table, rowCount: table.rows.length },
      match,
      portable,
      templateReferences(spec, match.locale),
    );
    const rows = combined.rows.map((values) =>
      layout.byPosition.map(
        (column): WriteCell => (column === undefined ? null : column.formula ? layout.formulaCell(column) : (values[column.key] ?? null)),
      ),
    );
    writes.push({ location: layout.location, header: table.header, computed: layout.computed, rows, firstRow: table.headerRow + 1 });
  }
  return writes;
}
