/** Step 1's KPI summary: attainment overall and by region/owner, funnel, lead SLA, action completion, before/after, deals, KPIs. */
import { Body1, Caption1, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { type AttainmentLine, type Locale, type KpiSummary as Summary, goalComparison, teamRanking } from '../../core';
import { DealsSummary } from './DealsSummary';
import { MiniTable } from '../MiniTable/MiniTable';
import { formatNumber, formatRate } from './format';
import { wizardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

const attainmentRows = (locale: Locale, lines: readonly AttainmentLine[]) =>
  lines.map((line, i) => ({
    key: `${i}:${line.name}`,
    cells: [
      line.name,
      `${formatNumber(locale, line.actual)}/${formatNumber(locale, line.target)}`,
      line.attainment === null ? wizardText(locale, 'noValue') : formatRate(locale, line.attainment),
    ],
  }));

type Part<K extends keyof Summary> = { readonly locale: Locale } & { readonly [P in K]-?: NonNullable<Summary[P]> };

function GoalsPart({ locale, goals, comparison }: Part<'goals'> & { readonly comparison: ReturnType<typeof goalComparison> }) {
  const styles = useStyles();
  const rate = (value: number | null | undefined) => formatRate(locale, value);
  const attainmentHeaders = [wizardText(locale, 'name'), wizardText(locale, 'targetActual'), wizardText(locale, 'attainment')];
  return (
    <>
      <MiniTable
        caption={wizardText(locale, 'attainmentTitle')}
        headers={attainmentHeaders}
        rows={attainmentRows(locale, [{ ...goals.overall, name: wizardText(locale, 'overall') }])}
      />
      {comparison && (
        <Body1 as="p">
          {wizardText(locale, 'comparisonLine', {
            period: comparison.latest.period,
            actual: formatNumber(locale, comparison.latest.actual),
            target: formatNumber(locale, comparison.latest.target),
            attainment: rate(comparison.latest.attainment),
            previous: comparison.previous
              ? `${rate(comparison.previous.change)}(${comparison.previous.period})`
              : wizardText(locale, 'noValue'),
            lastYear: comparison.lastYear
              ? `${rate(comparison.lastYear.change)}(${comparison.lastYear.period})`
              : wizardText(locale, 'noValue'),
          })}
        </Body1>
      )}
      {goals.periodTarget !== null && (
        <Caption1 className={styles.note}>
          {wizardText(locale, 'periodTarget', { value: formatNumber(locale, goals.periodTarget) })}
        </Caption1>
      )}
      {goals.byRegion.length > 0 && (
        <MiniTable caption={wizardText(locale, 'byRegion')} headers={attainmentHeaders} rows={attainmentRows(locale, goals.byRegion)} />
      )}
      {goals.byOwner.length > 0 && (
        <MiniTable caption={wizardText(locale, 'byOwner')} headers={attainmentHeaders} rows={attainmentRows(locale, goals.byOwner)} />
      )}
    </>
  );
}

function FunnelPart({ locale, funnel }: Part<'funnel'>) {
  const styles = useStyles();
  const rate = (value: number | null | undefined) => formatRate(locale, value);
  return (
    <>
      <MiniTable
        caption={wizardText(locale, 'funnelTitle')}
        headers={[wizardText(locale, 'stage'), wizardText(locale, 'count'), wizardText(locale, 'stepRate')]}
        rows={funnel.steps.map((s, i) => ({
          key: `${i}:${s.stage}`,
          cells: [s.stage, formatNumber(locale, s.count, 0), rate(s.stepRate)],
        }))}
      />
      {funnel.bottleneck !== null && <Body1 className={styles.bad}>{wizardText(locale, 'bottleneck', { stage: funnel.bottleneck })}</Body1>}
    </>
  );
}

function ActionsPart({ locale, actions }: Part<'actions'>) {
  const styles = useStyles();
  const rate = (value: number | null | undefined) => formatRate(locale, value);
  return (
    <div>
      <Caption1Strong as="p">{wizardText(locale, 'actionsTitle')}</Caption1Strong>
      <Body1 as="p">
        {wizardText(locale, 'actionsLine', {
          total: actions.total,
          completed: actions.completed,
          rate: rate(actions.completionRate),
          late: actions.late,
          overdue: actions.overdue,
        })}
      </Body1>
      {Object.keys(actions.qualityMix).length > 0 && (
        <Caption1 className={styles.note}>
          {wizardText(locale, 'qualityMix', {
            mix: Object.entries(actions.qualityMix)
              .map(([quality, n]) => `${quality} ${n}`)
              .join(' · '),
          })}
        </Caption1>
      )}
    </div>
  );
}

function RankingPart({ locale, ranking }: { readonly locale: Locale; readonly ranking: NonNullable<ReturnType<typeof teamRanking>> }) {
  const rate = (value: number | null | undefined) => formatRate(locale, value);
  return (
    <MiniTable
      caption={wizardText(locale, 'rankingTitle')}
      headers={[
        wizardText(locale, 'name'),
        wizardText(locale, 'attainment'),
        wizardText(locale, 'coverageShort'),
        wizardText(locale, 'activityShort'),
      ]}
      rows={[
        ...ranking.owners.map((o) => ({
          key: o.owner,
          cells: [
            `${o.rank}. ${o.owner}`,
            o.attainment === null ? wizardText(locale, 'noValue') : rate(o.attainment),
            o.coverage === null ? wizardText(locale, 'noValue') : `${formatNumber(locale, o.coverage, 2)}×`,
            o.activityPerDay === null ? wizardText(locale, 'noValue') : formatNumber(locale, o.activityPerDay),
          ],
        })),
        {
          key: '__average',
          cells: [
            wizardText(locale, 'teamAverage'),
            ranking.average.attainment === null ? wizardText(locale, 'noValue') : rate(ranking.average.attainment),
            ranking.average.coverage === null ? wizardText(locale, 'noValue') : `${formatNumber(locale, ranking.average.coverage, 2)}×`,
            ranking.average.activityPerDay === null ? wizardText(locale, 'noValue') : formatNumber(locale, ranking.average.activityPerDay),
          ],
        },
      ]}
    />
  );
}

export function KpiSummary({ locale, summary }: { readonly locale: Locale; readonly summary: Summary }) {
  const styles = useStyles();
  const rate = (value: number | null | undefined) => formatRate(locale, value);
  const { goals, funnel, leads, actions, evaluation, kpi, deals } = summary;
  if (!goals && !funnel && !leads && !actions && !evaluation && !kpi && !deals) return <Body1>{wizardText(locale, 'kpiNone')}</Body1>;
  const money = (n: number) => formatNumber(locale, n, 0);
  const ranking = teamRanking(summary);
  return (
    <div className={styles.root}>
      {goals && <GoalsPart locale={locale} goals={goals} comparison={goalComparison(summary)} />}
      {funnel && <FunnelPart locale={locale} funnel={funnel} />}
      {leads && (
        <MiniTable
          caption={wizardText(locale, 'leadsTitle')}
          headers={[wizardText(locale, 'grade'), wizardText(locale, 'breached'), wizardText(locale, 'breachRate')]}
          rows={leads.byGrade.map((g) => ({ key: g.grade, cells: [g.grade, `${g.breached}/${g.total}`, rate(g.breachRate)] }))}
        />
      )}
      {actions && <ActionsPart locale={locale} actions={actions} />}
      {evaluation && evaluation.metrics.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'evaluationTitle')}
          headers={[wizardText(locale, 'metric'), wizardText(locale, 'change'), wizardText(locale, 'met')]}
          rows={evaluation.metrics.map((m, i) => ({
            key: `${i}:${m.metric}`,
            cells: [
              m.metric,
              `${rate(m.change)} / ${rate(m.goalChange)}`,
              m.met === null ? wizardText(locale, 'noValue') : wizardText(locale, m.met ? 'met' : 'notMet'),
            ],
          }))}
        />
      )}
      {deals && <DealsSummary locale={locale} deals={deals} money={money} />}
      {ranking && <RankingPart locale={locale} ranking={ranking} />}
      {kpi && kpi.metrics.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'kpiMetricsTitle')}
          headers={[wizardText(locale, 'metric'), wizardText(locale, 'attainment')]}
          rows={kpi.metrics.map((m, i) => ({ key: `${i}:${m.metric}`, cells: [`${m.category} · ${m.metric}`, rate(m.attainment)] }))}
        />
      )}
    </div>
  );
}
