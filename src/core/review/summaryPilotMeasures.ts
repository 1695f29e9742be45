/**
 * 试点组 vs 对照组 over a measure of the register or the records (issue 25): a row of 效果评估 names
 * the measure (指标 = 赢单率 / 赢单金额 / 新增商机数 / 活动次数, core/domain/pilot.ts) and the day the
 * pilot began (试点开始); 组织架构 marks each rep's group (试点分组). Each rep's measure since the
 * pilot began (to the review day) less the same measure over as many days just before is their
 * change; the groups' changes are compared as 效果评估's member rows are. What cannot be used is
 * said with its row: an unknown measure, a pilot not begun, no groups marked, a rep in two groups.
 */
import { isoFromSerial } from '../dates';
import { dealStatusOf } from '../deals/mapping';
import { matchKey } from '../deals/normalize';
import { PILOT_MEASURES, type PilotGroup, type PilotMeasure, comparePilot } from '../domain';
import { L, type Localized } from '../i18n';
import type { TemplateId } from '../templates/types';
import type { CleanTable } from './cleaning';
import type { PilotLine, PilotWindows } from './pilotTypes';
import { cellOf, readDate, readNumber, readText, sheetRowOf, viewOf } from './read';
import { groupOf, isPilotDefinitionRow, pilotStatement } from './summaryPilots';
import type { CleaningIssue, WorkbookData } from './types';

const measureOf = (text: string): PilotMeasure | undefined =>
  PILOT_MEASURES.find((m) => matchKey(m.label['zh-CN']) === matchKey(text) || matchKey(m.label['en-US']) === matchKey(text))?.key;

/** One dated fact of a rep: a deal (closed or created) or an activity. */
interface RepEvent {
  readonly day: number;
  readonly won?: boolean;
  readonly amount?: number;
}

/** Each rep's (by matchKey) dated facts for a measure. */
function eventsOf(data: WorkbookData, clean: Partial<Record<TemplateId, CleanTable>>, measure: PilotMeasure): Map<string, RepEvent[]> {
  const id: TemplateId = measure === 'activities' ? 'activity' : 'deals';
  const view = clean[id]?.view ?? viewOf(data, id);
  const byRep = new Map<string, RepEvent[]>();
  if (!view) return byRep;
  const at = cellOf(view);
  const rows = clean[id]?.rows ?? view.table.rows.map((_r, i) => i);
  for (const i of rows) {
    const row = view.table.rows[i] ?? [];
    const rep = matchKey(readText(at(row, 'owner')));
    const event = eventOf(measure, at, row);
    if (rep === '' || event === undefined) continue;
    const list = byRep.get(rep) ?? [];
    list.push(event);
    byRep.set(rep, list);
  }
  return byRep;
}

function eventOf(measure: PilotMeasure, at: ReturnType<typeof cellOf>, row: readonly unknown[]): RepEvent | undefined {
  if (measure === 'activities' || measure === 'newDeals') {
    const day = readDate(at(row, measure === 'activities' ? 'date' : 'createdOn'));
    return day === null ? undefined : { day: Math.floor(day) };
  }
  const status = dealStatusOf(readText(at(row, 'status')));
  const day = readDate(at(row, 'closeDate'));
  if ((status !== 'won' && status !== 'lost') || day === null) return undefined;
  return { day: Math.floor(day), won: status === 'won', amount: readNumber(at(row, 'amount')) ?? 0 };
}

/** A rep's measure over [from, to]; undefined when it has no value there (a win rate without a closed deal). */
function valueIn(measure: PilotMeasure, events: readonly RepEvent[], from: number, to: number): number | undefined {
  const inside = events.filter((e) => from <= e.day && e.day <= to);
  switch (measure) {
    case 'winRate':
      return inside.length === 0 ? undefined : inside.filter((e) => e.won).length / inside.length;
    case 'wonAmount':
      return inside.reduce((s, e) => s + (e.won ? (e.amount ?? 0) : 0), 0);
    case 'newDeals':
    case 'activities':
      return inside.length;
  }
}

interface Member {
  readonly rep: string;
  readonly group: PilotGroup;
}

/** 组织架构's marked reps on the team the day the pilot began; a rep marked in both groups is named, not used. */
function membersOn(data: WorkbookData, day: number, issues: CleaningIssue[]): Member[] {
  const view = viewOf(data, 'orgChart');
  if (!view || !view.columns.has('pilotGroup')) return [];
  const at = cellOf(view);
  const byRep = new Map<string, Member & { row: number }>();
  const conflicted = new Set<string>();
  view.table.rows.forEach((row, i) => {
    const [rep, group] = [readText(at(row, 'rep')), groupOf(readText(at(row, 'pilotGroup')))];
    const [start, end] = [readDate(at(row, 'start')), readDate(at(row, 'end'))];
    if (rep === '' || group === undefined || (start !== null && start > day) || (end !== null && end < day)) return;
    const key = matchKey(rep);
    const seen = byRep.get(key);
    if (seen !== undefined && seen.group !== group) {
      conflicted.add(key);
      issues.push({
        templateId: 'orgChart',
        sheetName: view.table.sheetName,
        row: sheetRowOf(view.table, i),
        kind: 'invalid',
        message: L(
          `“${rep}”在试点开始当天同时属于试点组和对照组(另见第 ${seen.row} 行),未计入对比。`,
          `"${rep}" is in both the pilot and the control group on the pilot's first day (see also row ${seen.row}); left out of the comparison.`,
        ),
      });
    }
    byRep.set(key, { rep, group, row: sheetRowOf(view.table, i) });
  });
  return [...byRep.entries()].filter(([key]) => !conflicted.has(key)).map(([, m]) => ({ rep: m.rep, group: m.group }));
}

const windowText = (w: PilotWindows) => ({
  before: `${isoFromSerial(w.before[0])} – ${isoFromSerial(w.before[1])}`,
  after: `${isoFromSerial(w.after[0])} – ${isoFromSerial(w.after[1])}`,
});

function measureStatement(measure: PilotMeasure, windows: PilotWindows, leftOut: readonly string[], compared: Localized): Localized {
  const entry = PILOT_MEASURES.find((m) => m.key === measure) ?? (PILOT_MEASURES[0] as (typeof PILOT_MEASURES)[number]);
  const { before, after } = windowText(windows);
  const left =
    leftOut.length === 0
      ? L('', '')
      : L(
          `未计入(两段时间里没有可比的数据):${leftOut.join('、')}。`,
          ` Left out (nothing to compare in one of the two spans): ${leftOut.join(', ')}.`,
        );
  return L(
    `每人${entry.label['zh-CN']}(${entry.explained['zh-CN']}):试点后 ${after} 对比之前同样长的 ${before}。${compared['zh-CN']}。${left['zh-CN']}`,
    `Each rep's ${entry.label['en-US'].toLowerCase()} (${entry.explained['en-US']}): ${after} since the pilot began against the ${before} before it. ${compared['en-US']}.${left['en-US']}`,
  );
}

/** What stops a pilot row from being compared, said to the user with its row. */
const CANNOT = {
  unknownMeasure: (metric: string) => {
    const names = PILOT_MEASURES.map((m) => m.label);
    return L(
      `填了试点开始,但指标“${metric}”不是能按商机明细或活动记录计算的指标(可用:${names.map((n) => n['zh-CN']).join('、')})。`,
      `A pilot start is filled in, but "${metric}" is no measure the register or the activity log can give (use: ${names.map((n) => n['en-US']).join(', ')}).`,
    );
  },
  notBegun: (start: number) =>
    L(`试点 ${isoFromSerial(start)} 才开始,尚无可比的数据。`, `The pilot begins on ${isoFromSerial(start)}: nothing to compare yet.`),
  noGroups: L(
    '请在组织架构的“试点分组”中标出试点组和对照组的销售(试点开始当天在岗)。',
    'Mark the reps of the pilot and the control group in the org chart\'s "Pilot group" (on the team on the pilot\'s first day).',
  ),
  nothingToCompare: (leftOut: readonly string[]) =>
    L(
      `试点组或对照组里没有人在两段时间里都有数据,无法对比(未计入:${leftOut.join('、')})。`,
      `No one in the pilot or the control group has data in both spans; nothing to compare (left out: ${leftOut.join(', ')}).`,
    ),
};

/** Each member's change between the spans, by group; members without a value in a span are left out. */
function changesOf(measure: PilotMeasure, members: readonly Member[], events: ReadonlyMap<string, RepEvent[]>, windows: PilotWindows) {
  const changes: Record<PilotGroup, number[]> = { pilot: [], control: [] };
  const leftOut: string[] = [];
  for (const member of members) {
    const mine = events.get(matchKey(member.rep)) ?? [];
    const [before, after] = [valueIn(measure, mine, ...windows.before), valueIn(measure, mine, ...windows.after)];
    if (before === undefined || after === undefined) leftOut.push(member.rep);
    else changes[member.group].push(after - before);
  }
  return { changes, leftOut };
}

interface PilotRow {
  readonly metric: string;
  readonly start: number;
  readonly sheetRow: number;
}

/** One pilot row compared, or what stops it. `members` gives the groups on a day (read once per day). */
function measurePilot(
  pilot: PilotRow,
  today: number,
  members: (day: number) => Member[],
  events: (measure: PilotMeasure) => ReadonlyMap<string, RepEvent[]>,
): PilotLine | Localized {
  const { metric, start } = pilot;
  const measure = measureOf(metric);
  if (measure === undefined) return CANNOT.unknownMeasure(metric);
  if (start > today) return CANNOT.notBegun(start);
  const onTeam = members(start);
  if (!onTeam.some((m) => m.group === 'pilot') || !onTeam.some((m) => m.group === 'control')) return CANNOT.noGroups;
  const days = today - start + 1;
  const windows: PilotWindows = { before: [start - days, start - 1], after: [start, today] };
  const { changes, leftOut } = changesOf(measure, onTeam, events(measure), windows);
  const comparison = comparePilot(changes.pilot, changes.control, 'higher');
  if (comparison === undefined) return CANNOT.nothingToCompare(leftOut);
  return {
    metric,
    polarity: 'higher',
    rows: [pilot.sheetRow],
    comparison,
    statement: measureStatement(measure, windows, leftOut, pilotStatement(metric, comparison)),
    measured: { measure, windows, leftOut },
  };
}

/** The pilots 效果评估 defines over the register or the records, compared as of `today`. */
export function measurePilots(
  data: WorkbookData,
  clean: Partial<Record<TemplateId, CleanTable>>,
  today: number,
): { lines: PilotLine[]; issues: CleaningIssue[] } {
  const view = viewOf(data, 'evaluation');
  const lines: PilotLine[] = [];
  const issues: CleaningIssue[] = [];
  if (!view || !view.columns.has('pilotStart')) return { lines, issues };
  const at = cellOf(view);
  // The groups per start day and the events per measure, each read once however many pilot rows ask.
  const orgIssues: CleaningIssue[] = [];
  const byDay = new Map<number, Member[]>();
  const byMeasure = new Map<PilotMeasure, Map<string, RepEvent[]>>();
  const members = (day: number) => byDay.get(day) ?? (byDay.set(day, membersOn(data, day, orgIssues)).get(day) as Member[]);
  const events = (measure: PilotMeasure) =>
    byMeasure.get(measure) ?? (byMeasure.set(measure, eventsOf(data, clean, measure)).get(measure) as Map<string, RepEvent[]>);
  view.table.rows.forEach((row, i) => {
    if (!isPilotDefinitionRow(view, row)) return;
    const sheetRow = sheetRowOf(view.table, i);
    const pilot = { metric: readText(at(row, 'metric')), start: Math.floor(readDate(at(row, 'pilotStart')) ?? 0), sheetRow };
    const result = measurePilot(pilot, today, members, events);
    if ('comparison' in result) lines.push(result);
    else issues.push({ templateId: 'evaluation', sheetName: view.table.sheetName, row: sheetRow, kind: 'invalid', message: result });
  });
  // A rep in both groups is said once, whichever start days met the conflict.
  const said = new Set<string>();
  for (const issue of orgIssues) {
    const key = `${issue.row}:${issue.message['en-US']}`;
    if (!said.has(key)) issues.push(issue);
    said.add(key);
  }
  return { lines, issues };
}
