/**
 * The deals behind each count of the change report (core/deals/changes.ts): which deal, whose, how
 * much, and what moved — stage, close date, amount or forecast category, from → to — with the
 * register row the pane can jump to. A count a manager cannot check is a count he cannot act on.
 */
import { isoFromSerial } from '../dates';
import { FUNNEL_STAGES } from '../domain/stages';
import { type Locale, labelOfKey } from '../i18n';
import { matchHeader } from '../templates/locate';
import { deals as dealRegister } from '../templates/specs/deals';
import { isBlank } from '../values';
import type { TableSnapshot } from '../workbook';
import { CHANGE_TYPES, type ChangeReport, type ChangeType, type DealSnapshot, type SnapshotDeal } from './changes';
import { DEAL_STATUSES, FORECAST_CATEGORIES } from './fields';

export interface ChangedDeal {
  readonly id: string;
  /** 商机名称 and 负责人 as the register has them ('' when blank or not in the register). */
  readonly name: string;
  readonly owner: string;
  /** The deal's amount now (for a removed deal: as last kept). */
  readonly amount: number | null;
  /** What moved, before and after: a stage or status label, an ISO close date, an amount, a category label. */
  readonly from: string | number | null;
  readonly to: string | number | null;
  /** 1-based register row as the user sees it, when the deal is in the register. */
  readonly row?: number;
}

export type ChangeDetails = Readonly<Record<ChangeType, readonly ChangedDeal[]>>;

interface RegisterEntry {
  readonly name: string;
  readonly owner: string;
  readonly row: number;
}

function registerEntries(register: Pick<TableSnapshot, 'header' | 'rows' | 'headerRow'> | undefined): Map<string, RegisterEntry> {
  const entries = new Map<string, RegisterEntry>();
  if (!register) return entries;
  const { columns } = matchHeader(dealRegister, register.header);
  const [idAt, nameAt, ownerAt] = [columns.get('dealId'), columns.get('name'), columns.get('owner')];
  if (idAt === undefined) return entries;
  const text = (v: unknown) => (isBlank(v) ? '' : String(v).trim());
  register.rows.forEach((row, index) => {
    const id = text(row[idAt]);
    if (id === '' || entries.has(id)) return;
    entries.set(id, {
      name: nameAt === undefined ? '' : text(row[nameAt]),
      owner: ownerAt === undefined ? '' : text(row[ownerAt]),
      row: register.headerRow + 2 + index,
    });
  });
  return entries;
}

/** The deals behind every count of `report`, in the order the report counted them. */
export function changeDetails(
  before: DealSnapshot,
  after: DealSnapshot,
  report: ChangeReport,
  register: Pick<TableSnapshot, 'header' | 'rows' | 'headerRow'> | undefined,
  locale: Locale,
): ChangeDetails {
  const entries = registerEntries(register);
  const earlier = new Map(before.deals.map((d) => [d.id, d]));
  const later = new Map(after.deals.map((d) => [d.id, d]));
  const stage = (deal: SnapshotDeal | undefined) => (deal?.stage ? labelOfKey(FUNNEL_STAGES, deal.stage)[locale] : null);
  const status = (deal: SnapshotDeal | undefined) => (deal ? labelOfKey(DEAL_STATUSES, deal.status)[locale] : null);
  const category = (deal: SnapshotDeal | undefined) => (deal?.category ? labelOfKey(FORECAST_CATEGORIES, deal.category)[locale] : null);
  const close = (deal: SnapshotDeal | undefined) => (deal?.closeDate == null ? null : isoFromSerial(Math.floor(deal.closeDate)));

  const moved = (
    type: ChangeType,
    was: SnapshotDeal | undefined,
    now: SnapshotDeal | undefined,
  ): [ChangedDeal['from'], ChangedDeal['to']] => {
    switch (type) {
      case 'new':
        return [null, now?.status === 'open' ? stage(now) : status(now)];
      case 'won':
      case 'lost':
        return [stage(was) ?? status(was), status(now)];
      case 'removed':
        return [stage(was) ?? status(was), null];
      case 'slipped':
      case 'pulledIn':
        return [close(was), close(now)];
      case 'amountUp':
      case 'amountDown':
        return [was?.amount ?? null, now?.amount ?? null];
      case 'stageForward':
      case 'stageBack':
        return [stage(was), stage(now)];
      case 'categoryChanged':
        return [category(was), category(now)];
    }
  };

  return Object.fromEntries(
    CHANGE_TYPES.map((type) => [
      type,
      report[type].deals.map((id): ChangedDeal => {
        const [was, now] = [earlier.get(id), later.get(id)];
        const entry = entries.get(id);
        const [from, to] = moved(type, was, now);
        return {
          id,
          name: entry?.name ?? '',
          owner: entry?.owner ?? '',
          amount: (now ?? was)?.amount ?? null,
          from,
          to,
          ...(entry ? { row: entry.row } : {}),
        };
      }),
    ]),
  ) as unknown as ChangeDetails;
}
