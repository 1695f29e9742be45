/**
 * 过程评估 from the team's own records: activity per rep against results (活动记录 and the register's
 * won deals), customers nobody has touched, weekly-report submission, one-on-one commitments kept
 * (团队); satisfaction, complaint types, response time and unresolved items (客户); market news from
 * the weekly reports (市场). Each part is there only when its sheet is.
 */
import { ACTIVITY_TYPES, FEEDBACK_TYPES, YES_NO } from '../domain/records';
import { dealStatusOf } from '../deals/mapping';
import { isoFromSerial } from '../dates';
import { matchKey } from '../deals/normalize';
import type { Localized } from '../i18n';
import type { CleanTable } from './cleaning';
import { readDate, readNumber, readText, sheetRowOf } from './read';
import type { Commitment, RecordsSummary } from './recordTypes';
import { DUE_STATUS } from '../templates/specs/method';

/** Days without any activity after which an open deal's customer counts as untouched. */
const UNTOUCHED_DAYS = 30;
/** Hours within which feedback should be answered (the lead SLA's B grade, source 002 step 2). */
const FEEDBACK_SLA_HOURS = 24;

const is = (label: Localized, text: string) => matchKey(label['zh-CN']) === matchKey(text) || matchKey(label['en-US']) === matchKey(text);
const keyOf = <K extends string>(list: readonly { key: K; label: Localized }[], text: string): K | undefined =>
  list.find((item) => is(item.label, text))?.key;

const monthOf = (serial: number) => isoFromSerial(serial).slice(0, 7);

function rowsOf(clean: CleanTable, keys: readonly string[]): { sheetRow: number; cells: Record<string, unknown> }[] {
  const { view } = clean;
  return clean.rows.map((i) => {
    const row = view.table.rows[i] ?? [];
    return { sheetRow: sheetRowOf(view.table, i), cells: Object.fromEntries(keys.map((k) => [k, row[view.columns.get(k) ?? -1] ?? null])) };
  });
}

type Summary<K extends keyof RecordsSummary> = NonNullable<RecordsSummary[K]>;

/** Activity per rep against the register's wins, and open deals' customers nobody has touched lately. */
function activitySummary(activity: CleanTable, deals: CleanTable | undefined, today: number): Summary<'activity'> {
  const byOwner = new Map<string, { calls: number; visits: number; total: number; days: Set<number>; customers: Set<string> }>();
  const lastTouch = new Map<string, number>();
  for (const { cells } of rowsOf(activity, ['date', 'owner', 'customer', 'type'])) {
    const owner = readText(cells.owner as never);
    const date = readDate(cells.date as never);
    const customer = readText(cells.customer as never);
    if (owner === '' || date === null) continue;
    const entry = byOwner.get(owner) ?? { calls: 0, visits: 0, total: 0, days: new Set<number>(), customers: new Set<string>() };
    const type = keyOf(ACTIVITY_TYPES, readText(cells.type as never));
    entry.total++;
    if (type === 'call') entry.calls++;
    if (type === 'visit') entry.visits++;
    entry.days.add(Math.floor(date));
    if (customer !== '') entry.customers.add(customer);
    byOwner.set(owner, entry);
    if (customer !== '') lastTouch.set(matchKey(customer), Math.max(lastTouch.get(matchKey(customer)) ?? 0, date));
  }
  const wins = new Map<string, number>();
  const untouched: string[] = [];
  if (deals) {
    for (const { cells } of rowsOf(deals, ['owner', 'status', 'customer'])) {
      const status = dealStatusOf(readText(cells.status as never)) ?? 'open';
      const owner = readText(cells.owner as never);
      if (status === 'won') wins.set(owner, (wins.get(owner) ?? 0) + 1);
      const customer = readText(cells.customer as never);
      if (status !== 'open' || customer === '') continue;
      const last = lastTouch.get(matchKey(customer));
      if ((last === undefined || Math.floor(today) - Math.floor(last) > UNTOUCHED_DAYS) && !untouched.includes(customer))
        untouched.push(customer);
    }
  }
  const reps = [...byOwner.entries()].map(([owner, e]) => ({
    owner,
    calls: e.calls,
    visits: e.visits,
    total: e.total,
    days: e.days.size,
    customers: e.customers.size,
    perDay: e.total / Math.max(1, e.days.size),
    won: wins.get(owner) ?? 0,
  }));
  const teamPerDay = reps.length === 0 ? 0 : reps.reduce((t, r) => t + r.perDay, 0) / reps.length;
  return { reps, teamPerDay, untouched: deals ? untouched : null };
}

/** Satisfaction by month, complaints by category, response times against the SLA, unresolved items. */
function feedbackSummary(feedback: CleanTable): Summary<'feedback'> {
  const rows = rowsOf(feedback, ['date', 'type', 'category', 'satisfaction', 'responseHours', 'resolved']);
  const satisfaction = rows.map((r) => readNumber(r.cells.satisfaction as never)).filter((n): n is number => n !== null);
  const byMonth = new Map<string, { sum: number; n: number; complaints: Map<string, number> }>();
  const complaints = new Map<string, number>();
  let unresolved = 0;
  let overSla = 0;
  let answered = 0;
  let hours = 0;
  for (const { cells } of rows) {
    const date = readDate(cells.date as never);
    const month = date === null ? '' : monthOf(date);
    const entry = byMonth.get(month) ?? { sum: 0, n: 0, complaints: new Map<string, number>() };
    const score = readNumber(cells.satisfaction as never);
    if (score !== null) {
      entry.sum += score;
      entry.n++;
    }
    const complaint = keyOf(FEEDBACK_TYPES, readText(cells.type as never)) === 'complaint';
    const category = readText(cells.category as never) || '—';
    if (complaint) {
      complaints.set(category, (complaints.get(category) ?? 0) + 1);
      entry.complaints.set(category, (entry.complaints.get(category) ?? 0) + 1);
    }
    if (month !== '') byMonth.set(month, entry);
    const response = readNumber(cells.responseHours as never);
    if (response !== null) {
      answered++;
      hours += response;
      if (response > FEEDBACK_SLA_HOURS) overSla++;
    }
    if (keyOf(YES_NO, readText(cells.resolved as never)) === 'no') unresolved++;
  }
  const months = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    count: rows.length,
    averageSatisfaction: satisfaction.length === 0 ? null : satisfaction.reduce((a, b) => a + b, 0) / satisfaction.length,
    byMonth: months.map(([month, e]) => ({
      month,
      satisfaction: e.n === 0 ? null : e.sum / e.n,
      complaints: Object.fromEntries(e.complaints),
    })),
    complaints: [...complaints.entries()].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
    averageResponseHours: answered === 0 ? null : hours / answered,
    overSla,
    answered,
    slaHours: FEEDBACK_SLA_HOURS,
    unresolved,
  };
}

/** Weekly reports submitted against reps × weeks, and the market news they carry. */
function weeklySummary(weeklyReport: CleanTable): Summary<'weekly'> {
  const rows = rowsOf(weeklyReport, ['week', 'rep', 'submitted', 'market', 'problems']);
  const reps = new Set(rows.map((r) => readText(r.cells.rep as never)).filter((t) => t !== ''));
  const weeks = new Set(rows.map((r) => readText(r.cells.week as never)).filter((t) => t !== ''));
  const submitted = new Set(
    rows
      .filter((r) => readDate(r.cells.submitted as never) !== null)
      .map((r) => `${readText(r.cells.rep as never)}\u0000${readText(r.cells.week as never)}`),
  );
  return {
    expected: reps.size * weeks.size,
    submitted: submitted.size,
    market: [...new Set(rows.map((r) => readText(r.cells.market as never)).filter((t) => t !== ''))],
  };
}

/** One-on-one commitments and whether each was kept, kept late, missed or is still open. */
function commitmentsOf(oneOnOne: CleanTable, today: number): Summary<'commitments'> {
  const items = rowsOf(oneOnOne, ['rep', 'commitment', 'due', 'done', 'date']).flatMap(({ sheetRow, cells }) => {
    const commitment = readText(cells.commitment as never);
    const due = readDate(cells.due as never);
    if (commitment === '' || due === null) return [];
    const done = readDate(cells.done as never);
    const state: 'kept' | 'late' | 'missed' | 'open' =
      done !== null ? (Math.floor(done) > Math.floor(due) ? 'late' : 'kept') : Math.floor(today) > Math.floor(due) ? 'missed' : 'open';
    return [{ sheetRow, rep: readText(cells.rep as never), commitment, due, done, state, talkedOn: readDate(cells.date as never) }];
  });
  return items;
}

export function recordsSummary(
  clean: { activity?: CleanTable; feedback?: CleanTable; oneOnOne?: CleanTable; weeklyReport?: CleanTable; deals?: CleanTable },
  today: number,
): RecordsSummary {
  const out: { -readonly [K in keyof RecordsSummary]: RecordsSummary[K] } = {};
  if (clean.activity) out.activity = activitySummary(clean.activity, clean.deals, today);
  if (clean.feedback) out.feedback = feedbackSummary(clean.feedback);
  if (clean.weeklyReport) out.weekly = weeklySummary(clean.weeklyReport);
  if (clean.oneOnOne) out.commitments = commitmentsOf(clean.oneOnOne, today);
  return out;
}

/** A commitment's state as the one-on-one sheet's 承诺状态 column words it. */
export const COMMITMENT_STATE_LABELS: Readonly<Record<Commitment['state'], Localized>> = {
  kept: DUE_STATUS.onTime,
  late: DUE_STATUS.lateDone,
  missed: DUE_STATUS.overdue,
  open: DUE_STATUS.open,
};

/** 持续跟踪: the one-on-one commitments still to check — missed or open — oldest due first. */
export const commitmentsToFollow = (records: RecordsSummary | undefined): Commitment[] =>
  [...(records?.commitments ?? [])].filter((c) => c.state === 'missed' || c.state === 'open').sort((a, b) => a.due - b.due);
