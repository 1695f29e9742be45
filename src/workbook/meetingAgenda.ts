/**
 * 起草下次例会议程: the next meeting's row (core/review/agenda.ts drafts it) appended to 销售例会,
 * which is inserted with 行动项 when the workbook has neither. Any host, through the port.
 */
import { type CellValue, type Locale, appendRowWrite, locateTemplate, templateById } from '../core';
import { insertTemplateWithUses } from './insertTemplate';
import { WorkbookError, type WorkbookPort } from './port';

export async function writeMeetingAgenda(
  port: WorkbookPort,
  meeting: Readonly<Record<string, CellValue>>,
  options: { readonly locale: Locale; readonly portable: boolean },
): Promise<{ readonly sheetName: string; readonly inserted: readonly string[] }> {
  const spec = templateById('meetings');
  let at = locateTemplate(spec, await port.listSheets());
  const inserted: string[] = [];
  if (!at) {
    const made = await insertTemplateWithUses(port, spec, { locale: options.locale, samples: false, portable: options.portable });
    inserted.push(...made.alsoInserted, made.sheetName);
    at = { sheetName: made.sheetName, tableName: made.tableName };
  }
  const table = await port.readTable(at);
  const plan = appendRowWrite(spec, meeting, table, { portable: options.portable, needs: ['meetingId', 'date', 'agenda'] });
  if (!plan.ok) throw new WorkbookError(plan.message[options.locale], table.sheetName);
  await port.writeTables([plan.write]);
  return { sheetName: table.sheetName, inserted };
}
