/**
 * The wizard's workbook traffic, all through the WorkbookPort: read the review's source tables,
 * insert a missing template (no samples), and write the finished review back in one batch.
 * Everything between a read and a write is pure core (`core/review`).
 */
import {
  type Locale,
  REVIEW_EXTRAS,
  REVIEW_SOURCES,
  REVIEW_TARGETS,
  type ReviewDraft,
  type ReviewWriteError,
  type ReviewWriteOptions,
  type TemplateId,
  type WorkbookData,
  locateTemplate,
  matchHeader,
  planReviewWrite,
  planTemplate,
  templateById,
  toReadTable,
} from '../../core';
import type { TableLocation, TableWriteResult, WorkbookPort } from '../../workbook/port';
import { ensureTemplates } from '../workbookFlow';

/** Progress of reading the review's sheets: which sheet, rows read of its total. */
export type SheetReadProgress = (sheetName: string, rowsRead: number, totalRows: number) => void;

export interface ReadOutcome {
  readonly data: WorkbookData;
  /** Review ids already in 复盘记录, so a new review gets a fresh one. */
  readonly existingIds: readonly string[];
  readonly tables: number;
}

async function readTemplates(
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

/** Inserts a template without sample rows; returns the new sheet's name. */
export async function insertEmptyTemplate(port: WorkbookPort, id: TemplateId, locale: Locale, portable: boolean): Promise<string> {
  const inserted = await port.insertTemplate(planTemplate(templateById(id), { locale, samples: false, portable }));
  return inserted.sheetName;
}

export type PlanError = ReviewWriteError;

export type WriteOutcome =
  | { readonly ok: true; readonly reviewId: string; readonly results: readonly TableWriteResult[]; readonly inserted: readonly string[] }
  | { readonly ok: false; readonly errors: readonly PlanError[]; readonly inserted: readonly string[] };

/**
 * Inserts any missing target sheet (no samples), re-reads every target for its current header and
 * rows, plans the write purely, and carries it out in one `writeTables` call — or returns the plan's
 * errors and writes nothing. A WorkbookError from the host (a header changed after the read) is thrown.
 */
export async function writeReview(
  port: WorkbookPort,
  draft: ReviewDraft,
  data: WorkbookData,
  options: ReviewWriteOptions,
): Promise<WriteOutcome> {
  const { locations, inserted } = await ensureTemplates(port, REVIEW_TARGETS, options);
  const targets = await readTemplates(port, REVIEW_TARGETS, (id) => locations.get(id));
  const plan = planReviewWrite(draft, { ...data, ...targets }, options);
  if (!plan.ok) return { ok: false, errors: plan.errors, inserted };
  const results = await port.writeTables(plan.writes);
  return { ok: true, reviewId: draft.reviewId, results, inserted };
}
