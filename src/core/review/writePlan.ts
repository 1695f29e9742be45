/**
 * Step 6: the finished draft as one batch of table writes — findings → 表1, actions → 执行计划表
 * and 表3, follow-up edits → guarded updates of 表3 rows, measured effects → 效果评估, a summary
 * → 复盘记录. Every row carries the review id as its key, so writing the same review again
 * replaces its rows instead of adding more, and never touches anyone else's rows. Everything is
 * checked first; any problem returns errors and no writes at all.
 */
import { L, type Locale } from '../i18n';
import { AREA_LABELS, DIRECTION_LABELS } from '../domain';
import { SEVERITY } from '../templates/specs/common';
import { QUALITY } from '../templates/specs/method';
import type { TableWrite } from '../workbook';
import { analyseWorkbook } from './analysis';
import { dimensionLabel } from './causes';
import { isSerial, readText } from './read';
import { comma, list, pct } from './text';
import type { Analysis, ReviewDraft, Severity, WorkbookData } from './types';
import { type ReviewWriteError, type WriteTable, openTarget } from './writeTable';

export type { ReviewWriteError } from './writeTable';

export interface ReviewWriteOptions {
  /** The pane's language, for messages. Labels written into a sheet follow the sheet's own language. */
  readonly locale: Locale;
  /** Native formulas only in computed cells (the workbook computes without the add-in). */
  readonly portable: boolean;
  /** The step-1 analysis, for the review log's conclusions; recomputed from `data` when absent. */
  readonly analysis?: Analysis;
}

export interface ReviewWriteSummary {
  readonly findings: number;
  readonly planRows: number;
  readonly executionRows: number;
  readonly followUpUpdates: number;
  readonly evaluationRows: number;
  readonly reviewLogRows: number;
}

export type ReviewWritePlan =
  | { readonly ok: true; readonly writes: TableWrite[]; readonly summary: ReviewWriteSummary }
  | { readonly ok: false; readonly errors: readonly ReviewWriteError[] };

const SEVERITY_INDEX: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };
/** Excel keeps 32,767 characters in a cell; a summary stays far below. */
const MAX_SUMMARY = 2000;

const clip = (text: string): string => (text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text);

/** A quality label in the sheet's language, whichever language it was picked in. */
function qualityIn(text: string, locale: Locale): string {
  const found = QUALITY.find((q) => q['zh-CN'] === text.trim() || q['en-US'].toLowerCase() === text.trim().toLowerCase());
  return found === undefined ? text : found[locale];
}

export function planReviewWrite(draft: ReviewDraft, data: WorkbookData, options: ReviewWriteOptions): ReviewWritePlan {
  const errors: ReviewWriteError[] = [];
  const { locale, portable } = options;
  const reviewId = draft.reviewId.trim();
  if (reviewId === '') errors.push({ sheet: '', message: L('复盘编号为空。', 'The review ID is empty.') });

  // A table is needed when there is something to write to it; one that exists is written even
  // with no rows, so a second run that dropped rows clears them (same key, nothing left).
  const measured = draft.followUps.filter((f) => (f.metric ?? '').trim() !== '' && typeof f.before === 'number');
  const open = (id: Parameters<typeof openTarget>[0], needed: boolean): WriteTable | undefined => {
    if (!needed && data[id] === undefined) return undefined;
    const table = openTarget(id, data, portable, locale, errors);
    if (!Array.isArray(table)) return table;
    // A sheet that is absent or renamed only matters when something must go to it.
    if (needed) errors.push(...table);
    return undefined;
  };
  const diagnosis = open('diagnosis', draft.findings.length > 0);
  const plan = open('plan', draft.actions.length > 0);
  const execution = open('execution', draft.actions.length > 0 || draft.followUps.length > 0);
  const evaluation = open('evaluation', measured.length > 0);
  const reviewLog = open('reviewLog', true);

  if (diagnosis) addFindingRows(diagnosis, draft, reviewId);
  addActionRows({ plan, execution }, draft, reviewId, locale);
  if (execution) followUpUpdates(draft, execution, reviewId, errors);
  if (evaluation) addEvaluationRows(evaluation, measured, reviewId);
  if (reviewLog) addLogRow(reviewLog, draft, { data, options, reviewId });
  if (errors.length > 0) return { ok: false, errors };

  const tables = [diagnosis, plan, execution, evaluation, reviewLog].filter((t): t is WriteTable => t !== undefined);
  return {
    ok: true,
    writes: tables.map((t) => t.toWrite(reviewId)),
    summary: {
      findings: diagnosis?.rows.length ?? 0,
      planRows: plan?.rows.length ?? 0,
      executionRows: execution?.rows.length ?? 0,
      followUpUpdates: execution?.updates.length ?? 0,
      evaluationRows: evaluation?.rows.length ?? 0,
      reviewLogRows: reviewLog?.rows.length ?? 0,
    },
  };
}

/** The findings → 表1, marked as this review's. */
function addFindingRows(diagnosis: WriteTable, draft: ReviewDraft, reviewId: string): void {
  const origin = L(`复盘 ${reviewId}`, `Review ${reviewId}`)[diagnosis.locale];
  draft.findings.forEach((f, i) => {
    diagnosis.addRow(
      {
        dimension: dimensionLabel(f.dimension, diagnosis.locale),
        problem: f.problem,
        impact: f.impact,
        severity: SEVERITY[SEVERITY_INDEX[f.severity]]?.[diagnosis.locale] ?? null,
        rootCause: f.cause,
        origin,
        recordedOn: draft.date,
        reviewId,
      },
      L(`第 ${i + 1} 个问题`, `finding ${i + 1}`),
    );
  });
}

/** The actions → 执行计划表 and 表3. */
function addActionRows(
  tables: { readonly plan: WriteTable | undefined; readonly execution: WriteTable | undefined },
  draft: ReviewDraft,
  reviewId: string,
  locale: Locale,
): void {
  const { plan, execution } = tables;
  for (const a of draft.actions) {
    const what = L(`措施“${a.task}”`, `action "${a.task}"`);
    const target = a.metric.trim() !== '' && a.targetValue !== null ? `${a.metric.trim()} ${a.targetText?.trim() || a.targetValue}` : '';
    // The target metric has no column of its own; it rides with the output so follow-up can find it.
    const output =
      target === ''
        ? a.output
        : a.output.trim() === ''
          ? L(`目标:${target}`, `Target: ${target}`)[plan?.locale ?? locale]
          : `${a.output}${L(`(目标:${target})`, ` (target: ${target})`)[plan?.locale ?? locale]}`;
    // A missing start means the action starts with the review.
    plan?.addRow(
      { task: a.task, owner: a.owner, start: a.start ?? draft.date, end: a.due, output, resources: a.resources, reviewId },
      what,
    );
    execution?.addRow({ action: a.task, owner: a.owner, planned: a.due, actual: null, quality: null, reason: null, reviewId }, what);
  }
}

/** The measured effects → 效果评估. */
function addEvaluationRows(evaluation: WriteTable, measured: readonly ReviewDraft['followUps'][number][], reviewId: string): void {
  for (const f of measured) {
    const direction = f.direction === undefined ? null : DIRECTION_LABELS[f.direction][evaluation.locale];
    evaluation.addRow(
      { metric: f.metric ?? '', direction, before: f.before ?? null, after: f.after ?? null, goalChange: f.goalChange ?? null, reviewId },
      L(`指标“${f.metric ?? ''}”`, `metric "${f.metric ?? ''}"`),
    );
  }
}

/** The review's one row of 复盘记录: its conclusions, evaluation and findings in short. */
function addLogRow(
  reviewLog: WriteTable,
  draft: ReviewDraft,
  from: { readonly data: WorkbookData; readonly options: ReviewWriteOptions; readonly reviewId: string },
): void {
  const { data, options, reviewId } = from;
  const l = reviewLog.locale;
  reviewLog.addRow(
    {
      reviewId,
      date: draft.date,
      period: draft.period,
      participants: draft.participants,
      dataFindings: clip(dataConclusions(options.analysis ?? analyseWorkbook(data, { today: draft.date }), l)),
      processEvaluation: clip(processSummary(draft, l)),
      diagnosisSummary: clip(
        list(
          draft.findings.map((f) => `[${SEVERITY[SEVERITY_INDEX[f.severity]]?.[l] ?? ''}] ${f.problem}`),
          l,
        ),
      ),
      actionCount: draft.actions.length,
      nextReview: draft.nextReview,
    },
    L(`复盘 ${reviewId}`, `review ${reviewId}`),
  );
}

/** Follow-up edits → guarded updates of 表3 rows written by earlier reviews. */
function followUpUpdates(d: ReviewDraft, table: WriteTable, id: string, errors: ReviewWriteError[]): void {
  const [cAction, cActual, cQuality, cReview] = ['action', 'actual', 'quality', 'reviewId'].map((k) => table.position(k)) as [
    number,
    number,
    number,
    number,
  ];
  const rows = table.view.table.rows;
  for (const f of d.followUps) {
    const row = rows[f.row];
    if (row === undefined) {
      errors.push({
        sheet: table.sheet,
        message: L(
          `“${table.sheet}”没有第 ${f.row + 1} 条数据,无法记录跟进。请重新读取工作簿。`,
          `"${table.sheet}" has no data row ${f.row + 1} to update. Read the workbook again.`,
        ),
      });
      continue;
    }
    // This review's own rows are rewritten by key; updating them too would write them twice.
    if (readText(row[cReview]) === id) continue;
    if (f.actual !== null && !isSerial(f.actual)) {
      const label = table.label('actual');
      errors.push({
        sheet: table.sheet,
        column: label,
        message: L(`“${label}”须为日期(第 ${f.row + 1} 条措施)。`, `"${label}" must be a date (action row ${f.row + 1}).`),
      });
      continue;
    }
    table.updates.push({
      row: f.row,
      // Guarded by the action text as read: if someone edited or sorted the sheet since, the host refuses.
      expect: [{ column: cAction, value: row[cAction] ?? null }],
      cells: [
        { column: cActual, value: f.actual },
        { column: cQuality, value: f.quality.trim() === '' ? null : qualityIn(f.quality, table.locale) },
      ],
    });
  }
}

/** 数据分析结论 for the review log, in the log sheet's language. */
function dataConclusions(a: Analysis, l: Locale): string {
  const parts: string[] = [];
  const s = a.summary;
  const overall = s.goals?.overall.attainment;
  if (overall !== undefined && overall !== null) parts.push(L(`总体达成率 ${pct(overall)}`, `overall attainment ${pct(overall)}`)[l]);
  if (s.funnel?.bottleneck) parts.push(L(`漏斗瓶颈:${s.funnel.bottleneck}`, `funnel bottleneck: ${s.funnel.bottleneck}`)[l]);
  const late = (s.leads?.byGrade ?? []).filter((g) => g.breachRate !== null && g.breachRate > 0);
  if (late.length > 0) {
    const text = comma(
      late.map((g) => `${g.grade} ${pct(g.breachRate ?? 0)}`),
      l,
    );
    parts.push(L(`线索超时率 ${text}`, `late lead responses ${text}`)[l]);
  }
  const act = s.actions;
  if (act !== undefined && act.completionRate !== null) {
    parts.push(
      L(`措施完成率 ${pct(act.completionRate)},逾期 ${act.overdue} 项`, `actions done ${pct(act.completionRate)}, ${act.overdue} overdue`)[
        l
      ],
    );
  }
  const dropped = Object.values(a.cleaning.droppedRows).reduce((sum: number, n) => sum + (n ?? 0), 0);
  if (dropped > 0) parts.push(L(`数据整理剔除 ${dropped} 行`, `${dropped} rows left out by cleaning`)[l]);
  return list(parts, l);
}

/** 过程评估 for the review log: the manager's notes per area, else the first evidence of each. */
function processSummary(draft: ReviewDraft, l: Locale): string {
  const noted = draft.areas.filter((a) => a.note.trim() !== '');
  const areas =
    noted.length > 0
      ? noted.map((a) => [a.area, a.note.trim()] as const)
      : draft.areas.flatMap((a) => (a.evidence[0] ? [[a.area, a.evidence[0]] as const] : []));
  return list(
    areas.map(([area, text]) => `${AREA_LABELS[area][l]}${l === 'zh-CN' ? ':' : ': '}${text}`),
    l,
  );
}
