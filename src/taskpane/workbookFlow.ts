/**
 * The pane's one workbook flow, shared by the goal breakdown and the review wizard: insert the
 * templates a write needs where the workbook has none (empty, no samples), then read, plan purely
 * in core, and write through the port in one batch.
 */
import { type Locale, type TemplateId, locateTemplate, planTemplate, templateById } from '../core';
import type { SheetInfo, WorkbookPort } from '../workbook/port';

export interface EnsuredTemplates {
  /** The workbook's sheets after any insertion. */
  readonly sheets: readonly SheetInfo[];
  /** Names of the sheets inserted, in order. */
  readonly inserted: readonly string[];
}

/** Inserts every template of `ids` that the workbook lacks; the sheets are listed again only when one was inserted. */
export async function ensureTemplates(
  port: WorkbookPort,
  ids: readonly TemplateId[],
  options: { readonly locale: Locale; readonly portable: boolean },
): Promise<EnsuredTemplates> {
  const sheets = await port.listSheets();
  const inserted: string[] = [];
  for (const id of ids) {
    if (locateTemplate(templateById(id), sheets)) continue;
    const result = await port.insertTemplate(
      planTemplate(templateById(id), { locale: options.locale, samples: false, portable: options.portable }),
    );
    inserted.push(result.sheetName);
  }
  return { sheets: inserted.length > 0 ? await port.listSheets() : sheets, inserted };
}
