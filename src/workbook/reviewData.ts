/**
 * Reading what a review reads, through the WorkbookPort: every review source present, the
 * forecast, the deal snapshots and the team's records, and 复盘记录 for the review ids used. The
 * wizard (src/taskpane/ReviewWizard/io.ts) and the command line's report both start here.
 */
import {
  REVIEW_EXTRAS,
  REVIEW_SOURCES,
  type TemplateId,
  type WorkbookData,
  locateTemplate,
  matchHeader,
  templateById,
  toReadTable,
} from '../core';
import type { TableLocation, WorkbookPort } from './port';

/** Progress of reading the review's sheets: which sheet, rows read of its total. */
export type SheetReadProgress = (sheetName: string, rowsRead: number, totalRows: number) => void;

export interface ReadOutcome {
  readonly data: WorkbookData;
  /** Review ids already in 复盘记录, so a new review gets a fresh one. */
  readonly existingIds: readonly string[];
  readonly tables: number;
}

export async function readTemplates(
  port: WorkbookPort,
  ids: readonly TemplateId[],
  locate: (id: TemplateId) => TableLocation | undefined,
  onProgress?: SheetReadProgress,
): Promise<WorkbookData> {
  const data: WorkbookData = {};
  for (const id of ids) {
    const location = locate(id);
    if (!location) continue;
    const snapshot = await port.readTable(location, (read, total) => onProgress?.(location.sheetName, read, total));
    data[id] = toReadTable(id, snapshot);
  }
  return data;
}

function reviewIds(data: WorkbookData): string[] {
  const log = data.reviewLog;
  if (!log) return [];
  const column = matchHeader(templateById('reviewLog'), log.header).columns.get('reviewId');
  if (column === undefined) return [];
  return log.rows
    .map((row) => row[column])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim());
}

/** Reads every review source present, the forecast and the deal snapshots (and 复盘记录, for the ids already used). */
export async function readReviewData(port: WorkbookPort, onProgress?: SheetReadProgress): Promise<ReadOutcome> {
  const sheets = await port.listSheets();
  const ids = [...new Set<TemplateId>([...REVIEW_SOURCES, ...REVIEW_EXTRAS, 'reviewLog'])];
  const data = await readTemplates(port, ids, (id) => locateTemplate(templateById(id), sheets), onProgress);
  return { data, existingIds: reviewIds(data), tables: Object.keys(data).length };
}
