/**
 * Step 1 数据分析: read the workbook (with progress), name the missing sheets with an Insert button
 * each, then the cleaning report before the KPI summary. Thresholds for the diagnosis (and the
 * per-stage follow-up limits of the deal register) are editable.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Caption1Strong,
  Field,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import {
  type Analysis,
  type DataCheck,
  DEFAULT_STALE_LIMITS,
  FUNNEL_STAGES,
  SLIP_PERIOD_SETTING,
  type Locale,
  type ReviewThresholds,
  type TemplateId,
  templateById,
} from '../../core';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { CleaningReport } from './CleaningReport';
import { KpiSummary } from './KpiSummary';
import { NumberField } from './fields';
import { formatNumber } from './format';
import type { WizardAction } from './state';
import { type WizardStringKey, wizardText } from './strings';

export type Busy = { readonly kind: 'read' } | { readonly kind: 'insert'; readonly id: TemplateId } | { readonly kind: 'write' } | null;

export interface ReadProgressState {
  readonly sheet: string | null;
  readonly read: number;
  readonly total: number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  missing: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  missingItem: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere', minWidth: 0, flexGrow: 1, flexBasis: '120px' },
  muted: { color: tokens.colorNeutralForeground3 },
  thresholds: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type NumberThreshold = Exclude<keyof ReviewThresholds, 'staleDays' | 'slipPeriod'>;

const THRESHOLD_FIELDS: readonly { readonly key: NumberThreshold; readonly label: WizardStringKey }[] = [
  { key: 'attainmentHigh', label: 'thresholdHigh' },
  { key: 'attainmentMedium', label: 'thresholdMedium' },
  { key: 'stageDays', label: 'thresholdStageDays' },
  { key: 'slaBreachRate', label: 'thresholdSla' },
  { key: 'completionRate', label: 'thresholdCompletion' },
  { key: 'coverage', label: 'thresholdCoverage' },
];

/** Stages with a follow-up limit, in funnel order. */
const STALE_STAGES = FUNNEL_STAGES.filter((s) => s.followUpDays !== undefined);

export interface DataStepProps {
  readonly locale: Locale;
  readonly analysis: Analysis | null;
  readonly tablesRead: number | null;
  readonly busy: Busy;
  readonly progress: ReadProgressState | null;
  readonly thresholds: ReviewThresholds;
  readonly raw: Readonly<Record<string, string>>;
  readonly dispatch: Dispatch<WizardAction>;
  readonly onRead: () => void;
  readonly onInsert: (id: TemplateId) => void;
  /** 报告生成: the report of steps 1–3's automatic findings, written now. */
  readonly onReport?: () => void;
  readonly reporting?: boolean;
  /** 数据体检: problems in the data, shown before any figure. */
  readonly checks?: readonly DataCheck[];
}

/** 读取工作簿 with its progress, what was read, and 报告生成 once there is an analysis. */
function ReadControls({
  locale,
  analysis,
  tablesRead,
  busy,
  progress,
  onRead,
  onReport,
  reporting,
}: Pick<DataStepProps, 'locale' | 'analysis' | 'tablesRead' | 'busy' | 'progress' | 'onRead' | 'onReport'> & {
  readonly reporting: boolean;
}) {
  const styles = useStyles();
  const reading = busy?.kind === 'read';
  const count = (n: number) => formatNumber(locale, n, 0);
  return (
    <div className={styles.section}>
      <Button
        appearance={analysis ? 'secondary' : 'primary'}
        disabled={busy !== null}
        onClick={onRead}
        icon={reading ? <Spinner size="tiny" /> : undefined}
      >
        {wizardText(locale, analysis ? 'readAgain' : 'readWorkbook')}
      </Button>
      {reading && (
        <div role="status">
          <Caption1>
            {progress?.sheet
              ? wizardText(locale, 'reading', { sheet: progress.sheet, read: count(progress.read), total: count(progress.total) })
              : wizardText(locale, 'readingSheets')}
          </Caption1>
          <ProgressBar
            value={progress && progress.total > 0 ? progress.read / progress.total : undefined}
            aria-label={wizardText(locale, 'readWorkbook')}
          />
        </div>
      )}
      {!reading && tablesRead !== null && (
        <Caption1 role="status" className={styles.muted}>
          {wizardText(locale, 'readDone', { count: tablesRead })}
        </Caption1>
      )}
      {analysis && onReport && (
        <Button disabled={busy !== null || reporting} icon={reporting ? <Spinner size="tiny" /> : undefined} onClick={onReport}>
          {wizardText(locale, 'reportNow')}
        </Button>
      )}
    </div>
  );
}

/** The sheets the review needs and the workbook lacks, each with its Insert button. */
function MissingSheets({
  locale,
  missing,
  busy,
  onInsert,
}: Pick<DataStepProps, 'locale' | 'busy' | 'onInsert'> & { readonly missing: readonly TemplateId[] }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-missing`}>
      <Subtitle2 as="h3" id={`${id}-missing`}>
        {wizardText(locale, 'missingTitle')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{wizardText(locale, 'missingHint')}</Caption1>
      <ul className={styles.missing}>
        {missing.map((templateId) => {
          const sheet = templateById(templateId)?.sheetName[locale] ?? templateId;
          return (
            <li key={templateId} className={styles.missingItem}>
              <Body1 className={styles.name}>{sheet}</Body1>
              <Button
                size="small"
                disabled={busy !== null}
                aria-label={wizardText(locale, 'insertTemplateFor', { sheet })}
                icon={busy?.kind === 'insert' && busy.id === templateId ? <Spinner size="tiny" /> : undefined}
                onClick={() => onInsert(templateId)}
              >
                {wizardText(locale, 'insertTemplate')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** 数据体检: each problem with its rows and how to fix it. */
function DataChecks({ locale, checks }: { readonly locale: Locale; readonly checks: readonly DataCheck[] }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-checks`}>
      <Subtitle2 as="h3" id={`${id}-checks`}>
        {wizardText(locale, 'checksTitle')}
      </Subtitle2>
      {checks.length === 0 ? (
        <Caption1 className={styles.muted}>{wizardText(locale, 'checksClean')}</Caption1>
      ) : (
        checks.map((check, i) => (
          <OutcomeBanner
            key={`${check.kind}-${i}`}
            outcome={{
              intent: 'warning',
              text: check.message[locale],
              items: [...check.examples.map((e) => `${e.sheet} · ${e.row}${e.value ? `: ${e.value}` : ''}`), check.fix[locale]],
            }}
          />
        ))
      )}
    </section>
  );
}

/** The diagnosis thresholds, the slip period and the per-stage follow-up limits. */
function ThresholdsPanel({ locale, thresholds, raw, dispatch }: Pick<DataStepProps, 'locale' | 'thresholds' | 'raw' | 'dispatch'>) {
  const styles = useStyles();
  return (
    <Accordion collapsible>
      <AccordionItem value="thresholds">
        <AccordionHeader as="h3" size="small">
          {wizardText(locale, 'thresholdsTitle')}
        </AccordionHeader>
        <AccordionPanel className={styles.thresholds}>
          {THRESHOLD_FIELDS.map(({ key, label }) => (
            <NumberField
              key={key}
              locale={locale}
              label={wizardText(locale, label)}
              value={thresholds[key]}
              raw={raw[`threshold.${key}`]}
              onChange={(value, text) => {
                dispatch({ type: 'setRaw', key: `threshold.${key}`, text });
                if (value !== null) dispatch({ type: 'setThresholds', patch: { [key]: value } });
              }}
            />
          ))}
          <Field label={SLIP_PERIOD_SETTING.question[locale]}>
            <Select
              value={thresholds.slipPeriod ?? 'month'}
              onChange={(_e, d) => dispatch({ type: 'setThresholds', patch: { slipPeriod: d.value === 'quarter' ? 'quarter' : 'month' } })}
            >
              {SLIP_PERIOD_SETTING.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label[locale]}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1Strong as="p">{wizardText(locale, 'staleTitle')}</Caption1Strong>
          {STALE_STAGES.map((stage) => (
            <NumberField
              key={stage.key}
              locale={locale}
              label={wizardText(locale, 'staleLimit', { stage: stage.label[locale] })}
              value={thresholds.staleDays?.[stage.key] ?? DEFAULT_STALE_LIMITS[stage.key]}
              raw={raw[`threshold.stale.${stage.key}`]}
              onChange={(value, text) => {
                dispatch({ type: 'setRaw', key: `threshold.stale.${stage.key}`, text });
                if (value !== null && value >= 0)
                  dispatch({ type: 'setThresholds', patch: { staleDays: { ...thresholds.staleDays, [stage.key]: value } } });
              }}
            />
          ))}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

export function DataStep({
  locale,
  analysis,
  tablesRead,
  busy,
  progress,
  thresholds,
  raw,
  dispatch,
  onRead,
  onInsert,
  onReport,
  reporting = false,
  checks = [],
}: DataStepProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      <Body1>{wizardText(locale, 'readIntro')}</Body1>
      <ReadControls {...{ locale, analysis, tablesRead, busy, progress, onRead, onReport, reporting }} />

      {analysis && analysis.missing.length > 0 && (
        <MissingSheets locale={locale} missing={analysis.missing} busy={busy} onInsert={onInsert} />
      )}

      {analysis && <DataChecks locale={locale} checks={checks} />}

      {analysis && (
        <section className={styles.section} aria-labelledby={`${id}-cleaning`}>
          <Subtitle2 as="h3" id={`${id}-cleaning`}>
            {wizardText(locale, 'cleaningTitle')}
          </Subtitle2>
          <CleaningReport locale={locale} report={analysis.cleaning} />
        </section>
      )}

      {analysis && (
        <section className={styles.section} aria-labelledby={`${id}-kpi`}>
          <Subtitle2 as="h3" id={`${id}-kpi`}>
            {wizardText(locale, 'kpiTitle')}
          </Subtitle2>
          <KpiSummary locale={locale} summary={analysis.summary} />
        </section>
      )}

      <ThresholdsPanel locale={locale} thresholds={thresholds} raw={raw} dispatch={dispatch} />
    </div>
  );
}
