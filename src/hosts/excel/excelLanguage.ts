/**
 * The formula language of this Excel, read once: which properties formulas go through (from the
 * display language, `excelCells.ts`) and, where anything is typed through `formulasLocal`, the
 * regional separators — `=SALES.ATTAINMENT(G3;D3)` under German or Turkish settings. The decimal
 * separator is Excel's own (or the system's, when Excel follows it; ExcelApi 1.11); the list
 * separator follows it, as Excel's does. Below 1.11 the invariant `,` and `.` are assumed.
 */
import { INVARIANT_SEPARATORS, type Separators, separatorsFor } from '../../core';
import type { ExcelApi, SetSupport } from './excelApi';
import { type FormulaLanguage, formulaLanguage, typesLocally } from './excelCells';

async function readSeparators(excel: ExcelApi, isSetSupported: SetSupport): Promise<Separators> {
  if (isSetSupported('ExcelApi', '1.11')) {
    return excel.run(async (context) => {
      const application = context.workbook.application.load('decimalSeparator,useSystemSeparators');
      const culture = application.cultureInfo.numberFormat.load('numberDecimalSeparator');
      await context.sync();
      return separatorsFor(application.useSystemSeparators ? culture.numberDecimalSeparator : application.decimalSeparator);
    });
  }
  return INVARIANT_SEPARATORS;
}

/** A function giving this Excel's formula language; the separators are read on first use only. */
export function formulaLanguageOf(excel: ExcelApi, displayLanguage: string, isSetSupported: SetSupport): () => Promise<FormulaLanguage> {
  const invariant = formulaLanguage(displayLanguage);
  if (!typesLocally(invariant)) return () => Promise.resolve(invariant);
  let read: Promise<FormulaLanguage> | undefined;
  return () => {
    read ??= readSeparators(excel, isSetSupported).then(
      (separators) => formulaLanguage(displayLanguage, separators),
      (error: unknown) => {
        read = undefined; // a busy Excel: try again next time
        throw error;
      },
    );
    return read;
  };
}
