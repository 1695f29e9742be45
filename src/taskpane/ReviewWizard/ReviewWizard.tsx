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
import { useId } from 'react';
import { type Locale, actionItemsToFollow, changeComparison, commitmentsToFollow, isoFromSerial, serialFromIso } from '../../core';
import { ReviewReport } from '../ReviewReport/ReviewReport';
import { AgendaCard } from './AgendaCard';
import { ActionsStep } from './ActionsStep';
import { DataStep } from './DataStep';
import { DiagnosisStep } from './DiagnosisStep';
import { FollowUpStep } from './FollowUpStep';
import { ProcessStep } from './ProcessStep';
import { Stepper } from './Stepper';
import { WriteResult } from './WriteResult';
import { wizardText } from './strings';
import { type ReviewWizardState, useReviewWizard } from './useReviewWizard';

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

export function ReviewWizard(props: ReviewWizardProps) {
  const styles = useStyles();
  const wizard = useReviewWizard(props);
  const { locale } = props;
  const { state, dispatch, tablesRead, busy, progress, error, setError, writeStatus, portable, report } = wizard;
  const { asOfText, setAsOfText, dataDay, asOf, analysis, checks, followUps, smart, today } = wizard;
  const { reachable, read, insert, writeReport, goTo } = wizard;
  const { draft, thresholds, step, raw } = state;

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

      <WizardFooter wizard={wizard} locale={locale} />
      {writeStatus && <WriteResult locale={locale} status={writeStatus} />}
      <ReviewReport locale={locale} state={report} />
    </section>
  );
}

/** Back, then Next or 写回 (with what blocks them said and described), and the formulas switch on the last step. */
function WizardFooter({ wizard, locale }: { readonly wizard: ReviewWizardState; readonly locale: Locale }) {
  const styles = useStyles();
  const blockedId = useId();
  const { state, dispatch, busy, portable, setPortable, last, stepBlocked, writeBlockedSteps, blockedText, write } = wizard;
  const { step } = state;
  return (
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
  );
}
