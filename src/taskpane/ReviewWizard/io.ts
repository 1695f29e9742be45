/**
 * The wizard's workbook traffic, all through the WorkbookPort: read the review's source tables,
 * insert a missing template (no samples), and write the finished review back in one batch.
 * Everything between a read and a write is pure core (`core/review`).
 */
import {
  type Locale,
  REVIEW_TARGETS,
  type ReviewDraft,
  type ReviewWriteError,
  type ReviewWriteOptions,
  type TemplateId,
  type WorkbookData,
  planReviewWrite,
  templateById,
} from '../../core';
import type { TableWriteResult, WorkbookPort } from '../../workbook/port';
import { readTemplates } from '../../workbook/reviewData';

export { type ReadOutcome, type SheetReadProgress, readReviewData } from '../../workbook/reviewData';
import { ensureTemplate, ensureTemplates } from '../../workbook/ensureTemplate';

/** A missing template inserted without sample rows; returns its sheet's name. */
export async function insertEmptyTemplate(port: WorkbookPort, id: TemplateId, locale: Locale, portable: boolean): Promise<string> {
  return (await ensureTemplate(port, templateById(id), { locale, portable })).location.sheetName;
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
