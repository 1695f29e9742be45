/**
 * The workbook of `npm run workbook -- new`: the templates inserted in a headless Univer by the same
 * port as in the web host (src/hosts/web/univerWorkbook.ts), returned as its snapshot.
 */
import type { IWorkbookData } from '@univerjs/core';
import type { Locale, TemplateSpec } from '../core';
import { createHeadlessUniver } from '../hosts/web/univerHeadless';
import { createUniverWorkbook } from '../hosts/web/univerWorkbook';
import { insertTemplateWithUses } from '../workbook/insertTemplate';

export async function newWorkbookSnapshot(
  locale: Locale,
  templates: readonly TemplateSpec[],
  samples: boolean,
  portable: boolean,
): Promise<IWorkbookData> {
  const host = createHeadlessUniver(locale);
  try {
    const book = host.api.getActiveWorkbook();
    if (!book) throw new Error('no workbook');
    const port = createUniverWorkbook(host.api, { workbook: book, locale });
    const blank = book.getSheets()[0];
    for (const spec of templates) {
      // A template another brought along (销售例会 brings 行动项) is there already: never a second copy.
      if ((await port.listSheets()).some((sheet) => sheet.name === spec.sheetName[locale])) continue;
      await insertTemplateWithUses(port, spec, { locale, samples, portable });
    }
    if (blank && book.getSheets().length > 1) book.deleteSheet(blank);
    book.setActiveSheet(book.getSheets()[0] as NonNullable<ReturnType<typeof book.getSheets>[number]>);
    return JSON.parse(JSON.stringify(book.save())) as IWorkbookData;
  } finally {
    await host.dispose();
  }
}
