/**
 * Inserting a template together with the templates its formulas read (TemplateSpec.uses: 绩效考核
 * reads 提成方案), so a new sheet never opens on #REF!. A used template whose sheet exists already
 * is left as it is: its rows are the user's. Money headers show the workbook's unit (./moneyUnit.ts).
 */
import { type TemplateOptions, type TemplateSpec, planTemplate } from '../core';
import { withWorkbookMoneyUnit } from './moneyUnit';
import type { InsertedTemplate, WorkbookPort } from './port';

export interface TemplateInsertion extends InsertedTemplate {
  /** Sheets of used templates inserted first, in order. */
  readonly alsoInserted: readonly string[];
}

export async function insertTemplateWithUses(port: WorkbookPort, spec: TemplateSpec, asked: TemplateOptions): Promise<TemplateInsertion> {
  const options = await withWorkbookMoneyUnit(port, spec, asked);
  const alsoInserted: string[] = [];
  if ((spec.uses ?? []).length > 0) {
    const names = new Set((await port.listSheets()).map((s) => s.name));
    for (const used of spec.uses ?? []) {
      if (names.has(used.sheetName[options.locale])) continue;
      alsoInserted.push((await port.insertTemplate(planTemplate(used, options))).sheetName);
    }
  }
  const inserted = await port.insertTemplate(planTemplate(spec, options));
  return { ...inserted, alsoInserted };
}
