/**
 * The review wizard's state and workbook traffic (./ReviewWizard.tsx only renders what this
 * returns): the draft in one reducer kept across reloads (./session.ts), the read, the analysis
 * and what blocks each step — all pure core — and the insert, write-back and report through the
 * WorkbookPort in context.
 */
import { type Dispatch, useEffect, useMemo, useReducer, useState } from 'react';
import {
  type Locale,
  type TemplateId,
  type WorkbookData,
  analyseWorkbook,
  automaticReview,
  buildReviewReport,
  checkSmart,
  dataChecks,
  followUpItems,
  reviewDateOf,
  serialFromIso,
  todaySerial,
} from '../../core';
import { CHANGE_LABELS } from '../../workbook/changeLabels';
import type { WorkbookPort } from '../../workbook/port';
import { useReviewReport } from '../ReviewReport/useReviewReport';
import { useChangeLabel } from '../changeContext';
import { useWorkbook } from '../workbookContext';
import type { Busy, ReadProgressState } from './DataStep';
import { STEP_KEYS } from './Stepper';
import type { WriteStatus } from './WriteResult';
import { insertEmptyTemplate, readReviewData, writeReview } from './io';
import { loadSession, saveSession } from './session';
import { STEP_COUNT, type WizardAction, type WizardState, initialState, reducer } from './state';
import { wizardText } from './strings';
import { stepBlockers } from './validation';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The draft, the data read and what was written, kept in the workbook's session across reloads. */
function useWizardSession(workbook: WorkbookPort, today: number, portableDefault: boolean) {
  const [saved] = useState(() => loadSession(workbook));
  const [state, dispatch] = useReducer(reducer, today, (day) => saved?.state ?? initialState(day));
  const [data, setData] = useState<WorkbookData | null>(saved?.data ?? null);
  const [tablesRead, setTablesRead] = useState<number | null>(saved?.tablesRead ?? null);
  const [writeStatus, setWriteStatus] = useState<WriteStatus | null>(saved?.writeStatus ?? null);
  const [portable, setPortable] = useState(saved?.portable ?? portableDefault);
  useEffect(
    () => saveSession(workbook, { state, data, tablesRead, portable, writeStatus }),
    [workbook, state, data, tablesRead, portable, writeStatus],
  );
  return { state, dispatch, data, setData, tablesRead, setTablesRead, writeStatus, setWriteStatus, portable, setPortable };
}

/** 截至日期, the analysis, steps 2–3's automatic proposals (sent to the draft) and the follow-ups. */
function useWizardAnalysis(locale: Locale, today: number, state: WizardState, data: WorkbookData | null, dispatch: Dispatch<WizardAction>) {
  const { draft, thresholds } = state;
  // 截至日期: the day the review looks from — typed, else the data's own (reviewDateOf), else today.
  const [asOfText, setAsOfText] = useState('');
  const dataDay = useMemo(() => (data ? reviewDateOf(data) : undefined), [data]);
  const asOf = serialFromIso(asOfText.trim()) ?? dataDay ?? today;
  const analysis = useMemo(() => (data ? analyseWorkbook(data, { today: asOf, thresholds }) : null), [data, asOf, thresholds]);
  const checks = useMemo(() => (data ? dataChecks(data, { today: asOf }) : []), [data, asOf]);
  // Steps 2 and 3's automatic evaluation and findings: proposed to the draft, and step 1's report.
  const automatic = useMemo(() => {
    if (!analysis || !data) return null;
    const { areas, findings, moneyUnit } = automaticReview(analysis, data, { thresholds, locale, today: asOf });
    return { areas, proposals: findings, ...(moneyUnit ? { moneyUnit } : {}) };
  }, [analysis, data, locale, thresholds, asOf]);
  useEffect(() => {
    if (automatic) dispatch({ type: 'analysed', ...automatic });
  }, [automatic, dispatch]);
  // Actions this review wrote are not "earlier" ones.
  const followUps = useMemo(
    () => (data ? followUpItems(data, today, { excludeReviewId: draft.reviewId }) : null),
    [data, today, draft.reviewId],
  );
  const smart = useMemo(
    () => draft.actions.flatMap((action) => checkSmart(action, draft.findings, today)),
    [draft.actions, draft.findings, today],
  );
  return { asOfText, setAsOfText, dataDay, asOf, analysis, checks, automatic, followUps, smart };
}

/** What keeps each step from advancing, and the footer's sentence about it. */
function blockedSteps(locale: Locale, step: number, blockers: readonly (readonly string[])[]) {
  const firstBlocked = blockers.findIndex((b) => b.length > 0);
  const reachable = firstBlocked === -1 ? STEP_COUNT - 1 : firstBlocked;
  const last = step === STEP_COUNT - 1;
  const stepBlocked = blockers[step] ?? [];
  const writeBlockedSteps = blockers.flatMap((b, i) => (b.length > 0 ? [wizardText(locale, STEP_KEYS[i] ?? 'stepData')] : []));
  const blockedText = last
    ? writeBlockedSteps.length > 0
      ? [wizardText(locale, 'writeBlocked', { steps: writeBlockedSteps.join('、') }), ...stepBlocked].join(' ')
      : ''
    : stepBlocked.join(' ');
  return { reachable, last, stepBlocked, writeBlockedSteps, blockedText };
}

/** The report of this review: the draft's evaluation, findings and actions (step 1: the automatic ones). */
function reportOf(
  source: 'draft' | 'automatic',
  review: {
    readonly draft: WizardState['draft'];
    readonly data: WorkbookData | null;
    readonly analysis: ReturnType<typeof analyseWorkbook> | null;
    readonly automatic: ReturnType<typeof useWizardAnalysis>['automatic'];
    readonly locale: Locale;
  },
) {
  const { draft, data, analysis, automatic, locale } = review;
  if (!data || !analysis || !automatic) return null;
  const auto = source === 'automatic';
  return buildReviewReport({
    reviewId: draft.reviewId,
    date: draft.date,
    period: draft.period,
    analysis,
    areas: auto ? automatic.areas : draft.areas,
    findings: auto ? automatic.proposals : draft.findings,
    actions: auto ? [] : draft.actions,
    data,
    locale,
    ...(automatic.moneyUnit ? { moneyUnit: automatic.moneyUnit } : {}),
  });
}

export interface ReviewWizardOptions {
  readonly locale: Locale;
  readonly today?: number;
  readonly portable?: boolean;
}

export function useReviewWizard({ locale, today: todayProp, portable: portableDefault = false }: ReviewWizardOptions) {
  const workbook = useWorkbook();
  const labelChange = useChangeLabel();
  const [today] = useState(() => todayProp ?? todaySerial(new Date()));
  const session = useWizardSession(workbook, today, portableDefault);
  const { state, dispatch, data, setData, setTablesRead, setWriteStatus, portable } = session;
  const { draft, step, raw } = state;
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<ReadProgressState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const report = useReviewReport();
  const derived = useWizardAnalysis(locale, today, state, data, dispatch);
  const { analysis, automatic, followUps, smart } = derived;
  const blocked = blockedSteps(locale, step, stepBlockers(locale, { read: data !== null, draft, smart, raw, followUps }));

  const writeReport = async (source: 'draft' | 'automatic') => {
    const next = reportOf(source, { draft, data, analysis, automatic, locale });
    if (next) await report.write(next);
  };

  /** Runs one piece of workbook work with its busy state; what fails is said, never thrown. */
  const work = async (kind: Busy, run: () => Promise<void>, failed: (e: unknown) => void) => {
    setBusy(kind);
    setError(null);
    try {
      await run();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const readAll = async () => {
    setProgress({ sheet: null, read: 0, total: 0 });
    const outcome = await readReviewData(workbook, (sheet, read, total) => setProgress({ sheet, read, total }));
    setData(outcome.data);
    setTablesRead(outcome.tables);
    dispatch({ type: 'existingIds', ids: outcome.existingIds });
  };

  const read = () => work({ kind: 'read' }, readAll, (e) => setError(wizardText(locale, 'readFailed', { reason: reason(e) })));

  const insert = (id: TemplateId) => {
    let sheet: string = id;
    return work(
      { kind: 'insert', id },
      async () => {
        sheet = await insertEmptyTemplate(workbook, id, locale, portable);
        setBusy({ kind: 'read' });
        await readAll();
      },
      (e) => setError(wizardText(locale, 'insertFailed', { sheet, reason: reason(e) })),
    );
  };

  const write = async () => {
    if (!data) return;
    setBusy({ kind: 'write' });
    setWriteStatus(null);
    try {
      const rows = new Set((followUps ?? []).map((item) => item.row));
      await labelChange(CHANGE_LABELS.writeBack(draft.reviewId));
      const followed = { ...draft, followUps: draft.followUps.filter((edit) => rows.has(edit.row)) };
      const outcome = await writeReview(workbook, followed, data, { locale, portable, ...(analysis ? { analysis } : {}) });
      if (outcome.ok) {
        setWriteStatus({ kind: 'written', reviewId: outcome.reviewId, results: outcome.results, inserted: outcome.inserted });
        dispatch({ type: 'written' });
        await writeReport('draft');
      } else setWriteStatus({ kind: 'planErrors', errors: outcome.errors, inserted: outcome.inserted });
    } catch (e) {
      setWriteStatus({ kind: 'failed', message: reason(e) });
    } finally {
      setBusy(null);
    }
  };

  const goTo = (target: number) => target <= blocked.reachable && dispatch({ type: 'goTo', step: target });

  return { ...session, ...derived, ...blocked, today, busy, progress, error, setError, report, writeReport, read, insert, write, goTo };
}

export type ReviewWizardState = ReturnType<typeof useReviewWizard>;
