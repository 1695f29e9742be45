/**
 * The sheet a user last worked on, per workbook file, remembered in this browser: a reload opens
 * there (after an import, 商机明细), not on an empty Sheet1. Switching sheets is not an edit, so it
 * is kept in localStorage rather than in the saved workbook. Without a remembered sheet, a first
 * sheet that is empty gives way to the first one with data.
 */
import type { FUniver } from '@univerjs/core/facade';
import type { FWorkbook } from '@univerjs/sheets/facade';
import '@univerjs/sheets/facade';

const key = (fileName: string) => `salesReview.lastSheet.${fileName}`;

function read(storage: Storage | undefined, fileName: string): string | undefined {
  try {
    return storage?.getItem(key(fileName)) ?? undefined;
  } catch {
    return undefined;
  }
}

const hasData = (workbook: FWorkbook, name: string): boolean => {
  const sheet = workbook.getSheetByName(name);
  return sheet !== null && (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0 || sheet.getRange(0, 0).getValue() !== null);
};

/** Opens the remembered sheet (or the first with data), then remembers every sheet the user goes to. */
export function followLastSheet(api: FUniver, storage: Storage | undefined, fileName: string): { dispose(): void } {
  const workbook = api.getActiveWorkbook();
  if (workbook) {
    const names = workbook.getSheets().map((s) => s.getSheetName());
    const remembered = read(storage, fileName);
    const first = names[0];
    const target =
      remembered !== undefined && names.includes(remembered)
        ? remembered
        : first !== undefined && !hasData(workbook, first)
          ? names.find((name) => hasData(workbook, name))
          : undefined;
    const sheet = target === undefined ? null : workbook.getSheetByName(target);
    if (sheet) workbook.setActiveSheet(sheet);
  }
  return api.addEvent(api.Event.ActiveSheetChanged, (params) => {
    try {
      storage?.setItem(key(fileName), params.activeSheet.getSheetName());
    } catch {
      // A full or blocked storage only means the next reload opens on the first sheet.
    }
  });
}
