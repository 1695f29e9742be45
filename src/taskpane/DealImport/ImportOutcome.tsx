/** What an import, a snapshot or a link did: counts, the new sheets, and the change report. */
import { CHANGE_LABELS, CHANGE_TYPES, type ChangeReport, type Locale, isoFromSerial } from '../../core';
import { MiniTable } from '../MiniTable/MiniTable';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import type { ImportOutcome as Outcome } from './useDealImport';
import { it } from './strings';

function ChangeTable({ locale, report, from }: { readonly locale: Locale; readonly report: ChangeReport; readonly from: number }) {
  const moved = CHANGE_TYPES.filter((type) => report[type].count > 0);
  const caption = it(locale, 'changesTitle', { from: isoFromSerial(from) });
  if (moved.length === 0) return <p>{`${caption}: ${it(locale, 'noChanges')}`}</p>;
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (
    <MiniTable
      caption={caption}
      headers={[it(locale, 'changeType'), it(locale, 'deals'), it(locale, 'amount')]}
      rows={moved.map((type) => ({
        key: type,
        cells: [CHANGE_LABELS[type][locale], report[type].count, money.format(report[type].amount)],
      }))}
    />
  );
}

export function ImportOutcome({ locale, outcome }: { readonly locale: Locale; readonly outcome: Outcome }) {
  if (outcome.kind === 'failed') return <OutcomeBanner outcome={{ intent: 'error', title: it(locale, 'failed'), text: outcome.message }} />;
  if (outcome.kind === 'snapshot') {
    const { result } = outcome;
    return (
      <>
        <OutcomeBanner
          outcome={{
            intent: 'success',
            text: it(locale, 'snapshotDone', { count: result.taken.deals.length, sheet: result.snapshotsSheet }),
          }}
        />
        {result.changes && result.baselineDay !== undefined && (
          <ChangeTable locale={locale} report={result.changes} from={result.baselineDay} />
        )}
      </>
    );
  }
  if (outcome.kind === 'linked') {
    const { counts } = outcome.result;
    return (
      <OutcomeBanner
        outcome={{
          intent: 'success',
          text: it(locale, 'linkDone', {
            funnel: counts.funnelRows,
            goals: counts.goalRows,
            forecast: counts.forecastRows,
            added: counts.forecastAdded,
          }),
          items: outcome.result.skipped.map((s) => `${s.sheetName} · ${s.row + 1}: ${s.why[locale]}`),
        }}
      />
    );
  }
  const { result } = outcome;
  const slips = [...result.repeatedSlips.entries()].map(([id, n]) => `${id} ×${n}`);
  return (
    <>
      <OutcomeBanner
        outcome={{
          intent: 'success',
          title: it(locale, 'importedTitle', { sheet: result.registerSheet }),
          text: it(locale, 'importedLine', { ...result.counts, invalid: new Set(result.preview.problems.map((p) => p.fileRow)).size }),
          items: [
            ...(result.inserted.length > 0 ? [it(locale, 'insertedSheets', { sheets: result.inserted.join(', ') })] : []),
            ...(slips.length > 0 ? [it(locale, 'repeated', { deals: slips.join(', ') })] : []),
          ],
        }}
      />
      <ChangeTable locale={locale} report={result.changes} from={result.baselineDay} />
    </>
  );
}
