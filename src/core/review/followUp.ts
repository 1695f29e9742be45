/**
 * Step 5, 持续跟踪 (source 002 第四步, docs/DOMAIN.md): the next review starts from the open and recent actions of the
 * last ones (表3), each with its status; plus the review id and the empty draft the wizard starts from.
 */
import { isoFromSerial } from '../dates';
import { delay } from '../metrics/time';
import { isBlank } from '../values';
import { readDate, readText, viewOf } from './read';
import { finiteOrNull } from './summaryResults';
import type { AreaEvaluation, FollowUpEdit, FollowUpItem, FollowUpStatus, ReviewDraft, WorkbookData } from './types';
import { L, type Localized } from '../i18n';

export interface FollowUpOptions {
  /** Completed actions done within this many days are still shown (for their effect). Default 90: a quarter. */
  readonly recentDays?: number;
  /** Rows of this review (written by an earlier run of the same review) are not follow-ups. */
  readonly excludeReviewId?: string;
}

function followUpStatus(planned: number | null, actual: number | null, today: number): FollowUpStatus {
  if (planned === null) return actual === null ? { kind: 'open', daysLeft: 0 } : { kind: 'onTime' };
  const days = finiteOrNull(delay(planned, actual, today));
  if (actual !== null) return days !== null && days > 0 ? { kind: 'late', days } : { kind: 'onTime' };
  if (days !== null && days > 0) return { kind: 'overdue', days };
  return { kind: 'open', daysLeft: Math.floor(planned) - Math.floor(today) };
}

/**
 * Every 表3 action still open, plus those done in the last `recentDays` or not yet graded for
 * quality. `row` is the 0-based data row, for the guarded update the write makes.
 */
export function followUpItems(data: WorkbookData, today: number, options: FollowUpOptions = {}): FollowUpItem[] {
  const view = viewOf(data, 'execution');
  if (view === undefined) return [];
  const col = (key: string) => view.columns.get(key) ?? -1;
  const [cAction, cOwner, cPlanned, cActual, cQuality, cReview] = ['action', 'owner', 'planned', 'actual', 'quality', 'reviewId'].map(
    col,
  ) as [number, number, number, number, number, number];
  if (cAction < 0) return [];
  const recent = options.recentDays ?? 90;
  const items: FollowUpItem[] = [];
  view.table.rows.forEach((row, i) => {
    if (isBlank(row[cAction])) return;
    const reviewId = readText(row[cReview]);
    if (options.excludeReviewId !== undefined && reviewId === options.excludeReviewId) return;
    const planned = readDate(row[cPlanned]);
    const actual = readDate(row[cActual]);
    const quality = readText(row[cQuality]);
    if (planned === null && actual === null) return;
    if (actual !== null && Math.floor(today) - Math.floor(actual) > recent && quality !== '') return;
    items.push({
      row: i,
      action: readText(row[cAction]),
      owner: readText(row[cOwner]),
      planned,
      actual,
      quality,
      reviewId,
      status: followUpStatus(planned, actual, today),
    });
  });
  return items;
}

/** `R2026-11-23`, or `R2026-11-23-2`, `-3`… when taken (two reviews on one day). */
export const newReviewId = (date: number, existingIds: readonly string[]): string => newDatedId('R', date, existingIds);

/** A prefix and the day (`M2026-12-07` a meeting), numbered `-2`, `-3`… when taken. */
export function newDatedId(prefix: string, date: number, existingIds: readonly string[]): string {
  const base = `${prefix}${isoFromSerial(date)}`;
  const taken = new Set(existingIds.map((id) => id.trim()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** First check one month after the review (source 002 第四步, docs/DOMAIN.md: 实施1个月后首次评估). */
const NEXT_REVIEW_DAYS = 30;

export function emptyDraft(options: { readonly today: number; readonly existingIds: readonly string[] }): ReviewDraft {
  const { today } = options;
  const areas: AreaEvaluation[] = (['process', 'team', 'customer', 'market'] as const).map((area) => ({ area, evidence: [], note: '' }));
  return {
    reviewId: newReviewId(today, options.existingIds),
    date: Math.floor(today),
    period: isoFromSerial(today).slice(0, 7),
    participants: '',
    areas,
    findings: [],
    actions: [],
    followUps: [],
    nextReview: Math.floor(today) + NEXT_REVIEW_DAYS,
  };
}

/**
 * What stops a follow-up edit from being written, if anything: before/after values need the metric
 * they measure (效果评估 keys its rows by it). The pane's step 5 and its blockers both ask here.
 */
export function followUpProblem(edit: FollowUpEdit): Localized | undefined {
  const hasValues = (edit.before ?? null) !== null || (edit.after ?? null) !== null;
  return hasValues && (edit.metric ?? '').trim() === ''
    ? L('填写了优化前后时请写明指标。', 'Name the metric for the before/after values.')
    : undefined;
}
