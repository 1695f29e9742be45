/**
 * The pane's one workbook flow, shared by the goal breakdown and the review wizard: insert the
 * templates a write needs where the workbook has none (empty, no samples), then read, plan purely
 * in core, and write through the port in one batch.
 */
import { type Locale, type TableLocation, type TemplateId, locateTemplate, planTemplate, templateById } from '../core';
import type { WorkbookPort } from '../workbook/port';
import { withWorkbookMoneyUnit } from '../workbook/moneyUnit';

export interface EnsuredTemplates {
  /** Where each template of the call is: found in the workbook, or the sheet just inserted. */
  readonly locations: ReadonlyMap<TemplateId, TableLocation>;
  /** Names of the sheets inserted, in order. */
  readonly inserted: readonly string[];
}

/**
 * Inserts every template of `ids` that the workbook lacks. The sheets are listed once: an inserted
 * template's location is what insertTemplate returns, so nothing is listed again.
 */
export async function ensureTemplates(
  port: WorkbookPort,
  ids: readonly TemplateId[],
  options: { readonly locale: Locale; readonly portable: boolean },
): Promise<EnsuredTemplates> {
  const sheets = await port.listSheets();
  const locations = new Map<TemplateId, TableLocation>();
  const inserted: string[] = [];
  for (const id of ids) {
    const found = locateTemplate(templateById(id), sheets);
    if (found) {
      locations.set(id, found);
      continue;
    }
    const spec = templateById(id);
    const result = await port.insertTemplate(
      planTemplate(spec, await withWorkbookMoneyUnit(port, spec, { locale: options.locale, samples: false, portable: options.portable })),
    );
    locations.set(id, { sheetName: result.sheetName, tableName: result.tableName });
    inserted.push(result.sheetName);
  }
  return { locations, inserted };
}
