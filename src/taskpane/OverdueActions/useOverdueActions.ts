/**
 * The action items overdue today, read once when the pane opens (行动项 only; nothing when the
 * workbook has none or it cannot be read — the review step says why in that case).
 */
import { useEffect, useState } from 'react';
import {
  type ActionItemLine,
  actionItemsToFollow,
  locateTemplate,
  meetingsSummary,
  templateById,
  toReadTable,
  todaySerial,
} from '../../core';
import { useWorkbook } from '../workbookContext';

export function useOverdueActions(now: () => Date) {
  const port = useWorkbook();
  const [overdue, setOverdue] = useState<{ sheetName: string; items: ActionItemLine[] } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const at = locateTemplate(templateById('actionItems'), await port.listSheets());
        if (!at) return;
        const table = await port.readTable(at);
        const summary = meetingsSummary({ actionItems: toReadTable('actionItems', table) }, todaySerial(now()));
        const items = actionItemsToFollow(summary).filter((i) => i.state === 'overdue');
        if (live && items.length > 0) setOverdue({ sheetName: table.sheetName, items });
      } catch {
        // A banner is a courtesy: a workbook that cannot be read here is reported where it is used.
      }
    })();
    return () => {
      live = false;
    };
  }, [port, now]);
  return { overdue, open: (row: number) => (overdue ? port.activateSheet(overdue.sheetName, { row: row - 1, column: 0 }) : undefined) };
}
