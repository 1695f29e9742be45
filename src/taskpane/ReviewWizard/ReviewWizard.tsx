/**
 * 复盘向导 Review wizard: 数据分析 → 过程评估 → 问题诊断 → 改进措施 → 持续跟踪, then 写回.
 * The whole draft lives in one reducer here, so nothing typed is lost between steps; every number
 * and the write plan come from pure core (`core/review`); the workbook is reached only through the
 * WorkbookPort in context.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Field,
  Input,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useReducer, useState } from 'react';
import {
  type Locale,
  type TemplateId,
  type WorkbookData,
  analyseWorkbook,
  dataChecks,
  automaticReview,
  buildReviewReport,
  changeComparison,
  actionItemsToFollow,
  commitmentsToFollow,
  checkSmart,
  followUpItems,
  todaySerial,
  isoFromSerial,
  reviewDateOf,
  serialFromIso,
} from '../../core';
import { ReviewReport } from '../ReviewReport/ReviewReport';
import { useReviewReport } from '../ReviewReport/useReviewReport';
import { CHANGE_LABELS } from '../../workbook/changeLabels';
import { useChangeLabel } from '../changeContext';
import { useWorkbook } from '../workbookContext';
import { AgendaCard } from './AgendaCard';
import { ActionsStep } from './ActionsStep';
import { type Busy, DataStep, type ReadProgressState } from './DataStep';
import { DiagnosisStep } from './DiagnosisStep';
import { FollowUpStep } from './FollowUpStep';
import { ProcessStep } from './ProcessStep';
import { STEP_KEYS, Stepper } from './Stepper';
import { WriteResult, type WriteStatus } from './WriteResult';
import { insertEmptyTemplate, readReviewData, writeReview } from './io';
import { loadSession, saveSession } from './session';
import { STEP_COUNT, initialState, reducer } from './state';
import { wizardText } from './strings';
import { stepBlockers } from './validation';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere' },
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  buttons: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  blocked: { color: tokens.colorPaletteRedForeground1 },
});

export interface ReviewWizardProps {
  readonly locale: Locale;
  /** Today as a day serial; defaults to the local date (tests pass one). */
  readonly today?: number;
  /** Whether written rows use native formulas only (the pane's setting); the last step can change it. */
  readonly portable?: boolean;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function ReviewWizard({ locale, today: todayProp, portable: portableDefault = false }: ReviewWizardProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const labelChange = useChangeLabel();
  const blockedId = useId();
  const [saved] = useState(() => loadSession(workbook));
  const [today] = useState(() => todayProp ?? todaySerial(new Date()));
  const [state, dispatch] = useReducer(reducer, today, (day) => saved?.state ?? initialState(day));
  const [data, setData] = useState<WorkbookData | null>(saved?.data ?? null);
  const [tablesRead, setTablesRead] = useState<number | null>(saved?.tablesRead ?? null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<ReadProgressState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [writeStatus, setWriteStatus] = useState<WriteStatus | null>(saved?.writeStatus ?? null);
  const [portable, setPortable] = useState(saved?.portable ?? portableDefault);
  const { draft, thresholds, step, raw } = state;
  const report = useReviewReport();
  useEffect(
    () => saveSession(workbook, { state, data, tablesRead, portable, writeStatus }),
    [workbook, state, data, tablesRead, portable, writeStatus],
  );

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
  }, [automatic]);
  // Actions this review wrote are not "earlier" ones.
  const followUps = useMemo(
    () => (data ? followUpItems(data, today, { excludeReviewId: draft.reviewId }) : null),
    [data, today, draft.reviewId],
  );
  const smart = useMemo(
    () => draft.actions.flatMap((action) => checkSmart(action, draft.findings, today)),
    [draft.actions, draft.findings, today],
  );
  const blockers = stepBlockers(locale, { read: data !== null, draft, smart, raw, followUps });
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

  /** The report of this review: the draft's evaluation, findings and actions (step 1: the automatic ones). */
  function reportOf(source: 'draft' | 'automatic') {
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

  async function writeReport(source: 'draft' | 'automatic') {
    const next = reportOf(source);
    if (next) await report.write(next);
  }

  async function readAll() {
    setProgress({ sheet: null, read: 0, total: 0 });
    const outcome = await readReviewData(workbook, (sheet, read, total) => setProgress({ sheet, read, total }));
    setData(outcome.data);
    setTablesRead(outcome.tables);
    dispatch({ type: 'existingIds', ids: outcome.existingIds });
  }

  async function read() {
    setBusy({ kind: 'read' });
    setError(null);
    try {
      await readAll();
    } catch (e) {
      setError(wizardText(locale, 'readFailed', { reason: reason(e) }));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function insert(id: TemplateId) {
    setBusy({ kind: 'insert', id });
    setError(null);
    let sheet: string = id;
    try {
      sheet = await insertEmptyTemplate(workbook, id, locale, portable);
      setBusy({ kind: 'read' });
      await readAll();
    } catch (e) {
      setError(wizardText(locale, 'insertFailed', { sheet, reason: reason(e) }));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  async function write() {
    if (!data) return;
    setBusy({ kind: 'write' });
    setWriteStatus(null);
    try {
      const rows = new Set((followUps ?? []).map((item) => item.row));
      await labelChange(CHANGE_LABELS.writeBack(draft.reviewId));
      const outcome = await writeReview(workbook, { ...draft, followUps: draft.followUps.filter((edit) => rows.has(edit.row)) }, data, {
        locale,
        portable,
        ...(analysis ? { analysis } : {}),
      });
      if (outcome.ok) {
        setWriteStatus({ kind: 'written', reviewId: outcome.reviewId, results: outcome.results, inserted: outcome.inserted });
        dispatch({ type: 'written' });
        await writeReport('draft');
      } else {
        setWriteStatus({ kind: 'planErrors', errors: outcome.errors, inserted: outcome.inserted });
      }
    } catch (e) {
      setWriteStatus({ kind: 'failed', message: reason(e) });
    } finally {
      setBusy(null);
    }
  }

  const goTo = (target: number) => target <= reachable && dispatch({ type: 'goTo', step: target });

  return (
    <section className={styles.root} aria-label={wizardText(locale, 'wizardLabel')}>
      <Stepper locale={locale} step={step} reachable={reachable} onGoTo={goTo} />
      <Field
        label={wizardText(locale, 'asOfLabel')}
        hint={wizardText(locale, asOfText.trim() === '' ? (dataDay === undefined ? 'asOfToday' : 'asOfData') : 'asOfTyped', {
          day: isoFromSerial(asOf),
        })}
        validationState={asOfText.trim() !== '' && serialFromIso(asOfText.trim()) === undefined ? 'error' : 'none'}
      >
        <Input value={asOfText} placeholder={isoFromSerial(asOf)} onChange={(_e, d) => setAsOfText(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={wizardText(locale, 'dismiss')} onClick={() => setError(null)}>
                ✕
              </Button>
            }
          />
        </MessageBar>
      )}
      {step === 0 && (
        <DataStep
          locale={locale}
          analysis={analysis}
          tablesRead={tablesRead}
          busy={busy}
          progress={progress}
          thresholds={thresholds}
          raw={raw}
          dispatch={dispatch}
          onRead={() => void read()}
          onInsert={(id) => void insert(id)}
          onReport={() => void writeReport('automatic')}
          reporting={report.busy === 'write'}
          checks={checks}
        />
      )}
      {step === 1 && <ProcessStep locale={locale} areas={draft.areas} dispatch={dispatch} />}
      {step === 2 && <DiagnosisStep locale={locale} findings={draft.findings} dispatch={dispatch} />}
      {step === 3 && (
        <ActionsStep locale={locale} actions={draft.actions} findings={draft.findings} issues={smart} raw={raw} dispatch={dispatch} />
      )}
      {step === 4 && (
        <FollowUpStep
          locale={locale}
          changes={analysis?.summary.deals ? changeComparison(analysis.summary.deals) : []}
          commitments={commitmentsToFollow(analysis?.summary.records)}
          actionItems={actionItemsToFollow(analysis?.summary.meetings)}
          {...(analysis?.summary.survey ? { survey: analysis.summary.survey } : {})}
          items={followUps}
          draft={draft}
          raw={raw}
          dispatch={dispatch}
        />
      )}
      {step === 4 && <AgendaCard locale={locale} analysis={analysis} findings={draft.findings} today={today} portable={portable} />}

      <div className={styles.footer}>
        {blockedText && (
          <Caption1 id={blockedId} className={styles.blocked}>
            {blockedText}
          </Caption1>
        )}
        {last && <Switch checked={portable} onChange={(_e, d) => setPortable(d.checked)} label={wizardText(locale, 'portable')} />}
        <div className={styles.buttons}>
          <Button disabled={step === 0 || busy !== null} onClick={() => dispatch({ type: 'goTo', step: step - 1 })}>
            {wizardText(locale, 'back')}
          </Button>
          {last ? (
            <Button
              appearance="primary"
              disabledFocusable={busy !== null || writeBlockedSteps.length > 0}
              aria-describedby={blockedText ? blockedId : undefined}
              icon={busy?.kind === 'write' ? <Spinner size="tiny" /> : undefined}
              onClick={() => void write()}
            >
              {wizardText(locale, busy?.kind === 'write' ? 'writing' : 'write')}
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabledFocusable={busy !== null || stepBlocked.length > 0}
              aria-describedby={blockedText ? blockedId : undefined}
              onClick={() => dispatch({ type: 'goTo', step: step + 1 })}
            >
              {wizardText(locale, 'next')}
            </Button>
          )}
        </div>
      </div>
      {writeStatus && <WriteResult locale={locale} status={writeStatus} />}
      <ReviewReport locale={locale} state={report} />
    </section>
  );
}
