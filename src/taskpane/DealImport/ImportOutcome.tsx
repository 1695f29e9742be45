/** What an import, a snapshot or a link did: counts, the new sheets, and the change report with its deals. */
import {
  CHANGE_LABELS,
  CHANGE_TYPES,
  type ChangeDetails,
  type ChangeReport,
  type ChangedDeal,
  type Locale,
  isoFromSerial,
} from '../../core';
import { Button, Caption1, Link } from '@fluentui/react-components';
import type { LinkResult } from '../../workbook/registerLink';
import { MiniTable } from '../MiniTable/MiniTable';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import type { ImportOutcome as Outcome } from './useDealImport';
import { importText } from './strings';

interface ChangeView {
  readonly report: ChangeReport;
  readonly details?: ChangeDetails;
  /** The day of the snapshot compared with; undefined when it is the register as it was before the import. */
  readonly from?: number;
  readonly registerSheet: string;
}

/** The counts, then the deals behind each: name, owner, amount, what moved — each with a link to its register row. */
function ChangeTable({ locale, view, onGoToRow }: { readonly locale: Locale; readonly view: ChangeView; readonly onGoToRow: GoToRow }) {
  const { report, details } = view;
  const moved = CHANGE_TYPES.filter((type) => report[type].count > 0);
  const caption =
    view.from === undefined
      ? importText(locale, 'changesSinceRegister')
      : importText(locale, 'changesTitle', { from: isoFromSerial(view.from) });
  if (moved.length === 0) return <p>{`${caption}: ${importText(locale, 'noChanges')}`}</p>;
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const shown = (value: ChangedDeal['from']) => (value === null ? '—' : typeof value === 'number' ? money.format(value) : value);
  return (
    <>
      <MiniTable
        caption={caption}
        headers={[importText(locale, 'changeType'), importText(locale, 'deals'), importText(locale, 'amount')]}
        rows={moved.map((type) => ({
          key: type,
          cells: [CHANGE_LABELS[type][locale], report[type].count, money.format(report[type].amount)],
        }))}
      />
      {details &&
        moved.map((type) => (
          <div key={type}>
            <Caption1 as="h3">{`${CHANGE_LABELS[type][locale]} · ${importText(locale, 'changedDeals')}`}</Caption1>
            <ul>
              {details[type].map((deal) => {
                const who = [deal.id, deal.name, deal.owner, deal.amount === null ? '' : money.format(deal.amount)].filter((s) => s !== '');
                return (
                  <li key={`${type} ${deal.id}`}>
                    {importText(locale, 'changedDeal', { deal: who.join(' · '), from: shown(deal.from), to: shown(deal.to) })}{' '}
                    {deal.row !== undefined && (
                      <Link as="button" onClick={() => onGoToRow(view.registerSheet, deal.row as number)}>
                        {importText(locale, 'goToRow', { row: deal.row })}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </>
  );
}

type GoToRow = (sheet: string, row: number) => void;

/** The register names that did not match exactly: how each matched, or that it did not, with its money. */
function nameItems(result: LinkResult, locale: Locale): string[] {
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (['region', 'owner'] as const).flatMap((kind) =>
    result.names[kind]
      .filter((m) => m.how !== 'exact')
      .map((m) =>
        m.target === undefined
          ? importText(locale, 'nameUnmatched', { name: m.name, deals: m.deals, amount: money.format(m.amount) })
          : importText(locale, 'nameMatched', { name: m.name, target: m.target }),
      ),
  );
}

export interface LinkActions {
  readonly onReplace: () => void;
  readonly onCancel: () => void;
  readonly onUndo: () => void;
  readonly onGoToRow: GoToRow;
  readonly busy: boolean;
}

type Props<K extends Outcome['kind']> = {
  readonly locale: Locale;
  readonly outcome: Extract<Outcome, { kind: K }>;
  readonly actions: LinkActions;
};

/** The link would replace typed 表2 actuals: which, and the choice to replace them or not. */
function ConfirmLink({ locale, outcome, actions }: Props<'confirmLink'>) {
  const goals = outcome.result.goals;
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <>
      <OutcomeBanner
        outcome={{
          intent: 'warning',
          text: importText(locale, 'linkConfirm', { count: goals?.replaced.length ?? 0, sum: money.format(goals?.replacedSum ?? 0) }),
          items: (goals?.replaced ?? []).map(
            (x) => `${String(x.month)}: ${x.before === null ? '' : String(x.before)} → ${money.format(x.after)}`,
          ),
        }}
      />
      <div>
        <Button appearance="primary" disabledFocusable={actions.busy} onClick={actions.onReplace}>
          {importText(locale, 'linkReplace')}
        </Button>{' '}
        <Button disabledFocusable={actions.busy} onClick={actions.onCancel}>
          {importText(locale, 'linkCancel')}
        </Button>
      </div>
    </>
  );
}

function SnapshotTaken({ locale, outcome, actions }: Props<'snapshot'>) {
  const { result } = outcome;
  return (
    <>
      <OutcomeBanner
        outcome={{
          intent: 'success',
          text: importText(locale, 'snapshotDone', { count: result.taken.deals.length, sheet: result.snapshotsSheet }),
        }}
      />
      {result.changes && result.baselineDay !== undefined && (
        <ChangeTable
          locale={locale}
          view={{
            report: result.changes,
            ...(result.details ? { details: result.details } : {}),
            from: result.baselineDay,
            registerSheet: result.registerSheet,
          }}
          onGoToRow={actions.onGoToRow}
        />
      )}
    </>
  );
}

/** What the link wrote, the won deals it could not count and the names it could not match; its undo. */
function Linked({ locale, outcome, actions }: Props<'linked'>) {
  const { counts, goals } = outcome.result;
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  // A link that counts none (or only some) of the won deals is not a success to show in green.
  const missed = goals && goals.wonDeals > goals.countedDeals;
  const unmatched = (['region', 'owner'] as const).some((k) => outcome.result.names[k].some((m) => m.target === undefined));
  return (
    <>
      <OutcomeBanner
        outcome={{
          intent: missed || unmatched ? 'warning' : 'success',
          text: importText(locale, 'linkDone', {
            funnel: counts.funnelRows,
            goals: counts.goalRows,
            forecast: counts.forecastRows,
            added: counts.forecastAdded,
          }),
          items: [
            ...(missed && goals
              ? [
                  importText(locale, 'linkMissed', {
                    missed: goals.wonDeals - goals.countedDeals,
                    amount: money.format(goals.wonAmount - goals.countedAmount),
                  }),
                ]
              : []),
            ...nameItems(outcome.result, locale),
            ...outcome.result.skipped.map((s) => `${s.sheetName} · ${s.row + 1}: ${s.why[locale]}`),
          ],
        }}
      />
      {goals?.undo && (
        <div>
          <Button disabledFocusable={actions.busy} onClick={actions.onUndo}>
            {importText(locale, 'linkUndo')}
          </Button>
        </div>
      )}
    </>
  );
}

function Imported({ locale, outcome, actions }: Props<'imported'>) {
  const { result } = outcome;
  const slips = [...result.repeatedSlips.entries()].map(([id, n]) => `${id} ×${n}`);
  return (
    <>
      <OutcomeBanner
        outcome={{
          intent: 'success',
          title: importText(locale, 'importedTitle', { sheet: result.registerSheet }),
          text: importText(locale, 'importedLine', {
            ...result.counts,
            invalid: new Set(result.preview.problems.map((p) => p.fileRow)).size,
          }),
          items: [
            ...(result.inserted.length > 0 ? [importText(locale, 'insertedSheets', { sheets: result.inserted.join(', ') })] : []),
            ...(slips.length > 0 ? [importText(locale, 'repeated', { deals: slips.join(', ') })] : []),
          ],
        }}
      />
      {result.baseline ? (
        <p>{importText(locale, 'baselineLine')}</p>
      ) : (
        <ChangeTable
          locale={locale}
          view={{
            report: result.changes,
            details: result.details,
            ...(result.comparedWith === 'snapshot' ? { from: result.baselineDay } : {}),
            registerSheet: result.registerSheet,
          }}
          onGoToRow={actions.onGoToRow}
        />
      )}
    </>
  );
}

export function ImportOutcome({
  locale,
  outcome,
  actions,
}: {
  readonly locale: Locale;
  readonly outcome: Outcome;
  readonly actions: LinkActions;
}) {
  if (outcome.kind === 'failed')
    return <OutcomeBanner outcome={{ intent: 'error', title: importText(locale, 'failed'), text: outcome.message }} />;
  if (outcome.kind === 'linkCancelled') return <OutcomeBanner outcome={{ intent: 'warning', text: importText(locale, 'linkCancelled') }} />;
  if (outcome.kind === 'unlinked')
    return <OutcomeBanner outcome={{ intent: 'success', text: importText(locale, 'unlinked', { count: outcome.restored }) }} />;
  if (outcome.kind === 'confirmLink') return <ConfirmLink locale={locale} outcome={outcome} actions={actions} />;
  if (outcome.kind === 'snapshot') return <SnapshotTaken locale={locale} outcome={outcome} actions={actions} />;
  if (outcome.kind === 'linked') return <Linked locale={locale} outcome={outcome} actions={actions} />;
  return <Imported locale={locale} outcome={outcome} actions={actions} />;
}
