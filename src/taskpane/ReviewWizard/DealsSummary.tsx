/** Step 1's deal-register part: totals, open pipeline by stage and category, coverage, stale and slipped deals, lost reasons. */
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { DealsSummary as Deals, Locale } from '../../core';
import { MiniTable } from '../MiniTable/MiniTable';
import { formatNumber, isoOrEmpty } from './format';
import { wizardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** Lists in the pane show the largest few; the findings carry every one. */
const SHOWN = 5;

export function DealsSummary({
  locale,
  deals,
  money,
}: {
  readonly locale: Locale;
  readonly deals: Deals;
  readonly money: (n: number) => string;
}) {
  const styles = useStyles();
  const coverage = deals.coverage;
  return (
    <section className={styles.root} aria-label={wizardText(locale, 'dealsTitle')}>
      <Body1>
        {wizardText(locale, 'dealsLine', {
          open: deals.open.count,
          amount: money(deals.open.amount),
          weighted: money(deals.open.weighted),
          won: deals.won.count,
          wonAmount: money(deals.won.amount),
          lost: deals.lost.count,
          lostAmount: money(deals.lost.amount),
        })}
      </Body1>
      {coverage && (
        <Body1 className={coverage.ratio !== null && coverage.ratio < 1 ? styles.bad : undefined}>
          {coverage.ratio === null
            ? wizardText(locale, 'coverageMet')
            : wizardText(locale, 'coverageLine', {
                ratio: formatNumber(locale, coverage.ratio, 2),
                pipeline: money(coverage.pipeline),
                gap: money(coverage.target - coverage.won),
                source: wizardText(locale, coverage.source === 'forecast' ? 'sourceForecast' : 'sourceGoals'),
              })}
        </Body1>
      )}
      <MiniTable
        caption={wizardText(locale, 'pipelineByStage')}
        headers={[wizardText(locale, 'stage'), wizardText(locale, 'count'), wizardText(locale, 'amount')]}
        rows={deals.byStage.map((s) => ({ key: s.stage, cells: [s.label, formatNumber(locale, s.count, 0), money(s.amount)] }))}
      />
      {deals.byCategory.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'pipelineByCategory')}
          headers={[wizardText(locale, 'category'), wizardText(locale, 'count'), wizardText(locale, 'amount')]}
          rows={deals.byCategory.map((c) => ({
            key: c.category ?? '-',
            cells: [c.label, formatNumber(locale, c.count, 0), money(c.amount)],
          }))}
        />
      )}
      {deals.stale.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'staleDeals', { count: deals.stale.length })}
          headers={[wizardText(locale, 'deal'), wizardText(locale, 'days'), wizardText(locale, 'amount')]}
          rows={deals.stale.slice(0, SHOWN).map((d) => ({
            key: d.id,
            cells: [`${d.name || d.id} · ${d.stage}`, `${d.days} / ${d.limit}`, money(d.amount)],
          }))}
        />
      )}
      {deals.slipped.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'slippedDeals', { count: deals.slipped.length })}
          headers={[wizardText(locale, 'deal'), wizardText(locale, 'movedTo'), wizardText(locale, 'amount')]}
          rows={deals.slipped.slice(0, SHOWN).map((d) => ({ key: d.id, cells: [d.name || d.id, isoOrEmpty(d.to), money(d.amount)] }))}
        />
      )}
      {deals.lostReasons.length > 0 && (
        <MiniTable
          caption={wizardText(locale, 'lostReasons')}
          headers={[wizardText(locale, 'reason'), wizardText(locale, 'count'), wizardText(locale, 'amount')]}
          rows={deals.lostReasons
            .slice(0, SHOWN)
            .map((r) => ({ key: r.reason, cells: [r.reason, formatNumber(locale, r.count, 0), money(r.amount)] }))}
        />
      )}
    </section>
  );
}
