/** Step 1's KPI summary: attainment overall and by region/owner, funnel, lead SLA, action completion, before/after, deals, KPIs. */
import { Body1, Caption1, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { type AttainmentLine, type Locale, type KpiSummary as Summary, goalComparison, teamRanking } from '../../core';
import { DealsSummary } from './DealsSummary';
import { MiniTable } from '../MiniTable/MiniTable';
import { formatNumber, formatRate } from './format';
import { w } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export function KpiSummary({ locale, summary }: { readonly locale: Locale; readonly summary: Summary }) {
  const styles = useStyles();
  const rate = (value: number | null | undefined) => formatRate(locale, value);
  const attainmentRows = (lines: readonly AttainmentLine[]) =>
    lines.map((line, i) => ({
      key: `${i}:${line.name}`,
      cells: [
        line.name,
        `${formatNumber(locale, line.actual)}/${formatNumber(locale, line.target)}`,
        line.attainment === null ? w(locale, 'noValue') : rate(line.attainment),
      ],
    }));
  const attainmentHeaders = [w(locale, 'name'), w(locale, 'targetActual'), w(locale, 'attainment')];
  const { goals, funnel, leads, actions, evaluation, kpi, deals } = summary;
  if (!goals && !funnel && !leads && !actions && !evaluation && !kpi && !deals) return <Body1>{w(locale, 'kpiNone')}</Body1>;
  const money = (n: number) => formatNumber(locale, n, 0);
  const comparison = goalComparison(summary);
  const ranking = teamRanking(summary);
  return (
    <div className={styles.root}>
      {goals && (
        <>
          <MiniTable
            caption={w(locale, 'attainmentTitle')}
            headers={attainmentHeaders}
            rows={attainmentRows([{ ...goals.overall, name: w(locale, 'overall') }])}
          />
          {comparison && (
            <Body1 as="p">
              {w(locale, 'comparisonLine', {
                period: comparison.latest.period,
                actual: formatNumber(locale, comparison.latest.actual),
                target: formatNumber(locale, comparison.latest.target),
                attainment: rate(comparison.latest.attainment),
                previous: comparison.previous ? `${rate(comparison.previous.change)}(${comparison.previous.period})` : w(locale, 'noValue'),
                lastYear: comparison.lastYear ? `${rate(comparison.lastYear.change)}(${comparison.lastYear.period})` : w(locale, 'noValue'),
              })}
            </Body1>
          )}
          {goals.periodTarget !== null && (
            <Caption1 className={styles.note}>{w(locale, 'periodTarget', { value: formatNumber(locale, goals.periodTarget) })}</Caption1>
          )}
          {goals.byRegion.length > 0 && (
            <MiniTable caption={w(locale, 'byRegion')} headers={attainmentHeaders} rows={attainmentRows(goals.byRegion)} />
          )}
          {goals.byOwner.length > 0 && (
            <MiniTable caption={w(locale, 'byOwner')} headers={attainmentHeaders} rows={attainmentRows(goals.byOwner)} />
          )}
        </>
      )}
      {funnel && (
        <>
          <MiniTable
            caption={w(locale, 'funnelTitle')}
            headers={[w(locale, 'stage'), w(locale, 'count'), w(locale, 'stepRate')]}
            rows={funnel.steps.map((s, i) => ({
              key: `${i}:${s.stage}`,
              cells: [s.stage, formatNumber(locale, s.count, 0), rate(s.stepRate)],
            }))}
          />
          {funnel.bottleneck !== null && <Body1 className={styles.bad}>{w(locale, 'bottleneck', { stage: funnel.bottleneck })}</Body1>}
        </>
      )}
      {leads && (
        <MiniTable
          caption={w(locale, 'leadsTitle')}
          headers={[w(locale, 'grade'), w(locale, 'breached'), w(locale, 'breachRate')]}
          rows={leads.byGrade.map((g) => ({ key: g.grade, cells: [g.grade, `${g.breached}/${g.total}`, rate(g.breachRate)] }))}
        />
      )}
      {actions && (
        <div>
          <Caption1Strong as="p">{w(locale, 'actionsTitle')}</Caption1Strong>
          <Body1 as="p">
            {w(locale, 'actionsLine', {
              total: actions.total,
              completed: actions.completed,
              rate: rate(actions.completionRate),
              late: actions.late,
              overdue: actions.overdue,
            })}
          </Body1>
          {Object.keys(actions.qualityMix).length > 0 && (
            <Caption1 className={styles.note}>
              {w(locale, 'qualityMix', {
                mix: Object.entries(actions.qualityMix)
                  .map(([quality, n]) => `${quality} ${n}`)
                  .join(' · '),
              })}
            </Caption1>
          )}
        </div>
      )}
      {evaluation && evaluation.metrics.length > 0 && (
        <MiniTable
          caption={w(locale, 'evaluationTitle')}
          headers={[w(locale, 'metric'), w(locale, 'change'), w(locale, 'met')]}
          rows={evaluation.metrics.map((m, i) => ({
            key: `${i}:${m.metric}`,
            cells: [
              m.metric,
              `${rate(m.change)} / ${rate(m.goalChange)}`,
              m.met === null ? w(locale, 'noValue') : w(locale, m.met ? 'met' : 'notMet'),
            ],
          }))}
        />
      )}
      {deals && <DealsSummary locale={locale} deals={deals} money={money} />}
      {ranking && (
        <MiniTable
          caption={w(locale, 'rankingTitle')}
          headers={[w(locale, 'name'), w(locale, 'attainment'), w(locale, 'coverageShort'), w(locale, 'activityShort')]}
          rows={[
            ...ranking.owners.map((o) => ({
              key: o.owner,
              cells: [
                `${o.rank}. ${o.owner}`,
                o.attainment === null ? w(locale, 'noValue') : rate(o.attainment),
                o.coverage === null ? w(locale, 'noValue') : `${formatNumber(locale, o.coverage, 2)}×`,
                o.activityPerDay === null ? w(locale, 'noValue') : formatNumber(locale, o.activityPerDay),
              ],
            })),
            {
              key: '__average',
              cells: [
                w(locale, 'teamAverage'),
                ranking.average.attainment === null ? w(locale, 'noValue') : rate(ranking.average.attainment),
                ranking.average.coverage === null ? w(locale, 'noValue') : `${formatNumber(locale, ranking.average.coverage, 2)}×`,
                ranking.average.activityPerDay === null ? w(locale, 'noValue') : formatNumber(locale, ranking.average.activityPerDay),
              ],
            },
          ]}
        />
      )}
      {kpi && kpi.metrics.length > 0 && (
        <MiniTable
          caption={w(locale, 'kpiMetricsTitle')}
          headers={[w(locale, 'metric'), w(locale, 'attainment')]}
          rows={kpi.metrics.map((m, i) => ({ key: `${i}:${m.metric}`, cells: [`${m.category} · ${m.metric}`, rate(m.attainment)] }))}
        />
      )}
    </div>
  );
}
