/**
 * Step 5 持续跟踪: what changed in the deal register since the last snapshot beside the change before
 * it, open actions of earlier reviews with their status and what was recorded, then the
 * review's own 复盘记录 fields (date, period, participants, next review) before writing back.
 */
import { Body1, Caption1, Card, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import {
  ACTION_STATE_LABELS,
  type ActionItemLine,
  CHANGE_LABELS,
  COMMITMENT_STATE_LABELS,
  type ChangeComparisonLine,
  type Commitment,
  type FollowUpItem,
  type Locale,
  type ReviewDraft,
  type SurveySummary,
} from '../../core';
import { MiniTable } from '../MiniTable/MiniTable';
import { formatNumber, isoOrEmpty } from './format';
import { FollowUpCard, editFor } from './FollowUpCard';
import { DateField } from './fields';
import type { WizardAction } from './state';
import { wizardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  card: { minWidth: 0 },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface FollowUpStepProps {
  readonly locale: Locale;
  /** What changed in the deal register since the last snapshot, beside the change before it. */
  readonly changes?: readonly ChangeComparisonLine[];
  /** One-on-one commitments still to check (missed or open). */
  readonly commitments?: readonly Commitment[];
  /** Meeting action items still to do (overdue first). */
  readonly actionItems?: readonly ActionItemLine[];
  /** 方案反馈: the team's scores per statement and the comments' themes (收集反馈意见). */
  readonly survey?: SurveySummary;
  /** null until the workbook has been read. */
  readonly items: readonly FollowUpItem[] | null;
  readonly draft: ReviewDraft;
  readonly raw: Readonly<Record<string, string>>;
  readonly dispatch: Dispatch<WizardAction>;
}

/** 复盘记录: the review's id, dates, period and participants. */
function ReviewLogCard({ locale, draft, dispatch }: Pick<FollowUpStepProps, 'locale' | 'draft' | 'dispatch'>) {
  const styles = useStyles();
  const id = useId();
  return (
    <Card className={styles.card} role="group" aria-labelledby={`${id}-log`}>
      <Subtitle2 as="h3" id={`${id}-log`}>
        {wizardText(locale, 'reviewLog')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{wizardText(locale, 'reviewId', { id: draft.reviewId })}</Caption1>
      <div className={styles.row}>
        <DateField
          label={wizardText(locale, 'reviewDate')}
          required
          value={draft.date}
          onChange={(value) => dispatch({ type: 'setDate', field: 'date', value })}
        />
        <DateField
          label={wizardText(locale, 'nextReview')}
          value={draft.nextReview}
          onChange={(value) => dispatch({ type: 'setDate', field: 'nextReview', value })}
        />
      </div>
      <Field label={wizardText(locale, 'period')}>
        <Input value={draft.period} onChange={(_e, data) => dispatch({ type: 'setField', field: 'period', value: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'participants')}>
        <Input
          value={draft.participants}
          onChange={(_e, data) => dispatch({ type: 'setField', field: 'participants', value: data.value })}
        />
      </Field>
    </Card>
  );
}

/** 方案反馈: the team's scores per statement and the themes of their comments. */
function SurveyPart({ locale, survey }: { readonly locale: Locale; readonly survey: SurveySummary }) {
  const styles = useStyles();
  return (
    <>
      {survey && survey.statements.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'surveyTitle', { responses: survey.responses })}
          headers={[wizardText(locale, 'surveyStatement'), wizardText(locale, 'surveyMean'), wizardText(locale, 'surveyAgree')]}
          rows={survey.statements.map((s) => ({
            key: s.statement,
            cells: [s.statement, `${formatNumber(locale, s.mean, 1)} (${s.answers})`, `${Math.round(s.agree * 100)}%`],
          }))}
        />
      )}
      {survey && survey.themes.length > 0 && (
        <Caption1 className={styles.muted}>
          {wizardText(locale, 'surveyThemes', {
            themes: survey.themes.map((t) => `${t.label[locale]} ${t.count}`).join(locale === 'zh-CN' ? '、' : ', '),
          })}
        </Caption1>
      )}
    </>
  );
}

export function FollowUpStep({
  locale,
  changes = [],
  commitments = [],
  actionItems = [],
  survey,
  items,
  draft,
  raw,
  dispatch,
}: FollowUpStepProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>{wizardText(locale, 'followUpIntro')}</Body1>
      {items === null && <Body1 className={styles.muted}>{wizardText(locale, 'followUpNotRead')}</Body1>}
      {items?.length === 0 && <Body1 className={styles.muted}>{wizardText(locale, 'followUpNone')}</Body1>}
      {changes.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'changesTitle')}
          headers={[wizardText(locale, 'changeType'), wizardText(locale, 'changesNow'), wizardText(locale, 'changesBefore')]}
          rows={changes.map((line) => ({
            key: line.type,
            cells: [
              CHANGE_LABELS[line.type][locale],
              `${line.now.count} · ${formatNumber(locale, line.now.amount, 0)}`,
              line.before === null
                ? wizardText(locale, 'noValue')
                : `${line.before.count} · ${formatNumber(locale, line.before.amount, 0)}`,
            ],
          }))}
        />
      )}
      {commitments.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'commitmentsTitle')}
          headers={[wizardText(locale, 'commitment'), wizardText(locale, 'commitmentDue'), wizardText(locale, 'commitmentState')]}
          rows={commitments.map((c) => ({
            key: String(c.sheetRow),
            cells: [`${c.rep} · ${c.commitment}`, isoOrEmpty(c.due), COMMITMENT_STATE_LABELS[c.state][locale]],
          }))}
        />
      )}
      {actionItems.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'actionItemsTitle')}
          headers={[wizardText(locale, 'actionItem'), wizardText(locale, 'actionDue'), wizardText(locale, 'actionState')]}
          rows={actionItems.map((a) => ({
            key: String(a.sheetRow),
            cells: [`${a.owner} · ${a.item}`, isoOrEmpty(a.due), ACTION_STATE_LABELS[a.state][locale]],
          }))}
        />
      )}
      {survey && <SurveyPart locale={locale} survey={survey} />}
      {items?.map((item) => (
        <FollowUpCard key={item.row} locale={locale} item={item} edit={editFor(item, draft.followUps)} raw={raw} dispatch={dispatch} />
      ))}

      <ReviewLogCard locale={locale} draft={draft} dispatch={dispatch} />
    </div>
  );
}
