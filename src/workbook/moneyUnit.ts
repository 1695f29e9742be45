/**
 * The workbook's money unit as the port sees it: 工作簿设置 when the workbook has said it, else the
 * unit its money headers show (金额(万元), written by an earlier insert). New sheets with money
 * columns are inserted with that unit in their headers; the templates' samples are in 万元.
 */
import {
  MONEY_HEADER_TEMPLATES,
  type MoneyUnit,
  type TemplateOptions,
  type TemplateSpec,
  SAMPLE_MONEY_UNIT,
  isWorkbookSettingsTable,
  locateTemplate,
  moneyUnitOfHeader,
  readWorkbookSettings,
  templateById,
  workbookSettings,
} from '../core';
import type { WorkbookPort } from './port';

export async function readWorkbookMoneyUnit(port: WorkbookPort): Promise<MoneyUnit | undefined> {
  const { said, headers } = await workbookMoneyUnits(port, true);
  return said ?? headers[0]?.unit;
}

export interface MoneyUnits {
  /** What 工作簿设置 says, when it says it. */
  readonly said?: MoneyUnit;
  /** The sheets whose money headers name a unit, and that unit. */
  readonly headers: readonly { readonly sheet: string; readonly unit: MoneyUnit }[];
}

/** The unit 工作簿设置 says and the units the money tables' headers show (all of them, or up to the first when `first`). */
export async function workbookMoneyUnits(port: WorkbookPort, first = false): Promise<MoneyUnits> {
  const sheets = await port.listSheets();
  const settingsAt = locateTemplate(workbookSettings, sheets);
  const settings = settingsAt ? await port.readTable(settingsAt).catch(() => undefined) : undefined;
  const said = settings && isWorkbookSettingsTable(settings.header) ? readWorkbookSettings(settings).settings.moneyUnit : undefined;
  if (said && first) return { said, headers: [] };
  const headers: { sheet: string; unit: MoneyUnit }[] = [];
  for (const id of MONEY_HEADER_TEMPLATES) {
    const at = locateTemplate(templateById(id), sheets);
    const table = at ? await port.readTable(at).catch(() => undefined) : undefined;
    const unit = table ? moneyUnitOfHeader(table.header) : undefined;
    if (table && unit) headers.push({ sheet: table.sheetName, unit });
    if (first && headers.length > 0) break;
  }
  return { ...(said ? { said } : {}), headers };
}

export const hasMoneyColumns = (spec: TemplateSpec): boolean =>
  [spec, ...(spec.uses ?? [])].some((s) => s.columns.some((c) => c.money === true));

/**
 * The options a template is inserted with, its money headers in the workbook's unit: the caller's,
 * else the workbook's, else (with samples) the samples' own 万元. A workbook that has said nothing and
 * gets no samples shows no unit until it says one.
 */
export async function withWorkbookMoneyUnit(port: WorkbookPort, spec: TemplateSpec, options: TemplateOptions): Promise<TemplateOptions> {
  if (options.moneyUnit !== undefined || !hasMoneyColumns(spec)) return options;
  const unit = (await readWorkbookMoneyUnit(port)) ?? (options.samples ? SAMPLE_MONEY_UNIT : undefined);
  return unit ? { ...options, moneyUnit: unit } : options;
}
