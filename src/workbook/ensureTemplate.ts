/**
 * "Insert this template if it is missing", once for every caller (the pane's goal breakdown, forecast
 * calls and review, the import, the register link, the report's ranking, the roll-up's sources and
 * the command line): the table where the one locate rule (core/templates/locate.ts) finds it, else
 * inserted empty — no samples, money headers in the workbook's unit unless the caller names one.
 */
import {
  type Locale,
  type MoneyUnit,
  type TableLocation,
  type TemplateId,
  type TemplateSpec,
  locateTemplate,
  planTemplate,
  templateById,
} from '../core';
import { withWorkbookMoneyUnit } from './moneyUnit';
import type { SheetInfo, WorkbookPort } from './port';

export interface EnsureOptions {
  readonly locale: Locale;
  readonly portable?: boolean;
  /** Blank rows below the header of an inserted table (the template's default otherwise). */
  readonly blankRows?: number;
  /**
   * The unit an inserted table's money headers show. Undefined: the workbook's (read from
   * 工作簿设置 or its money headers); null: none, for a caller that knows the workbook has said none.
   */
  readonly moneyUnit?: MoneyUnit | null;
}

export interface EnsuredTemplate {
  readonly location: TableLocation;
  /** The sheet inserted, when the template was missing. */
  readonly inserted?: string;
}

/** The template's table; inserted when the workbook has none. `sheets` saves a listing the caller has. */
export async function ensureTemplate(
  port: WorkbookPort,
  spec: TemplateSpec,
  options: EnsureOptions,
  sheets?: readonly SheetInfo[],
): Promise<EnsuredTemplate> {
  const found = locateTemplate(spec, sheets ?? (await port.listSheets()));
  if (found) return { location: found };
  const { locale, portable = false, blankRows, moneyUnit } = options;
  const asked = { locale, samples: false, portable, ...(blankRows !== undefined ? { blankRows } : {}) };
  const withUnit =
    moneyUnit === undefined ? await withWorkbookMoneyUnit(port, spec, asked) : { ...asked, ...(moneyUnit === null ? {} : { moneyUnit }) };
  const result = await port.insertTemplate(planTemplate(spec, withUnit));
  return { location: { sheetName: result.sheetName, tableName: result.tableName }, inserted: result.sheetName };
}

export interface EnsuredTemplates {
  /** Where each template of the call is: found in the workbook, or the sheet just inserted. */
  readonly locations: ReadonlyMap<TemplateId, TableLocation>;
  /** Names of the sheets inserted, in order. */
  readonly inserted: readonly string[];
}

/**
 * Every template of `ids`, inserting those the workbook lacks. The sheets are listed once: an
 * inserted template's location is what insertTemplate returns, so nothing is listed again.
 */
export async function ensureTemplates(port: WorkbookPort, ids: readonly TemplateId[], options: EnsureOptions): Promise<EnsuredTemplates> {
  const sheets = await port.listSheets();
  const locations = new Map<TemplateId, TableLocation>();
  const inserted: string[] = [];
  for (const id of ids) {
    const ensured = await ensureTemplate(port, templateById(id), options, sheets);
    locations.set(id, ensured.location);
    if (ensured.inserted) inserted.push(ensured.inserted);
  }
  return { locations, inserted };
}
