/**
 * 销售例会 and 行动项 as the review reads them: each action item's state on the review day (done,
 * cancelled, overdue, open — core/domain/meetings.ts), the meetings held, and the cross-department
 * items by department for 过程评估's 团队协作. Rows that are no item are named, not guessed.
 */
import { ACTION_STATUSES, type ActionStatus, actionState } from '../domain/meetings';
import { matchKey } from '../deals/normalize';
import type { ActionItemLine, MeetingsSummary } from './meetingTypes';
import { cellOf, readDate, readText, sheetRowOf, viewOf } from './read';
import type { WorkbookData } from './types';

const statusOf = (text: string): ActionStatus | undefined =>
  ACTION_STATUSES.find((s) => matchKey(s.label['zh-CN']) === matchKey(text) || matchKey(s.label['en-US']) === matchKey(text))?.key;

const blankRow = (row: readonly unknown[]) => row.every((v) => v === null || v === undefined || v === '');

function readItems(data: WorkbookData, today: number): { items: ActionItemLine[]; skippedRows: number[]; sheet?: string } {
  const view = viewOf(data, 'actionItems');
  if (!view) return { items: [], skippedRows: [] };
  const at = cellOf(view);
  const inputs = view.spec.columns.filter((c) => c.formula === undefined).map((c) => c.key);
  const items: ActionItemLine[] = [];
  const skippedRows: number[] = [];
  view.table.rows.forEach((row, i) => {
    if (blankRow(inputs.map((k) => at(row, k)))) return;
    const [item, owner, due] = [readText(at(row, 'item')), readText(at(row, 'owner')), readDate(at(row, 'due'))];
    const sheetRow = sheetRowOf(view.table, i);
    if (item === '' || owner === '' || due === null) {
      skippedRows.push(sheetRow);
      return;
    }
    const doneOn = readDate(at(row, 'doneOn')) ?? undefined;
    const status = statusOf(readText(at(row, 'status')));
    const state = actionState(status, due, doneOn, today);
    items.push({
      sheetRow,
      item,
      owner,
      due: Math.floor(due),
      ...(doneOn !== undefined ? { doneOn: Math.floor(doneOn) } : {}),
      ...(status !== undefined ? { status } : {}),
      meetingId: readText(at(row, 'meetingId')),
      link: readText(at(row, 'link')),
      department: readText(at(row, 'department')),
      state,
      ...(state === 'overdue' ? { daysOverdue: Math.floor(today) - Math.floor(due) } : {}),
    });
  });
  return { items, skippedRows, sheet: view.table.sheetName };
}

function readMeetings(data: WorkbookData, today: number): Pick<MeetingsSummary, 'ids' | 'meetings'> {
  const view = viewOf(data, 'meetings');
  if (!view) return { ids: [], meetings: [] };
  const at = cellOf(view);
  const ids = view.table.rows.map((row) => readText(at(row, 'meetingId'))).filter((id) => id !== '');
  const meetings = view.table.rows
    .flatMap((row) => {
      const [id, date] = [readText(at(row, 'meetingId')), readDate(at(row, 'date'))];
      if (id === '' || date === null || date > today) return [];
      const next = readDate(at(row, 'nextDate'));
      return [{ id, date: Math.floor(date), kind: readText(at(row, 'kind')), ...(next !== null ? { nextDate: Math.floor(next) } : {}) }];
    })
    .sort((a, b) => b.date - a.date);
  return { ids, meetings };
}

/** The meetings' part of the review, or undefined when the workbook has neither sheet. */
export function meetingsSummary(data: WorkbookData, today: number): MeetingsSummary | undefined {
  if (!data.actionItems && !data.meetings) return undefined;
  const { items, skippedRows, sheet } = readItems(data, today);
  const departments = new Map<string, { department: string; total: number; done: number; open: number; overdue: number }>();
  for (const item of items) {
    if (item.department === '' || item.state === 'cancelled') continue;
    const d = departments.get(item.department) ?? { department: item.department, total: 0, done: 0, open: 0, overdue: 0 };
    d.total += 1;
    if (item.state === 'overdue') d.overdue += 1;
    else if (item.state === 'open') d.open += 1;
    else d.done += 1;
    departments.set(item.department, d);
  }
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    items,
    skippedRows,
    ...readMeetings(data, today),
    byDepartment: [...departments.values()].sort((a, b) => b.overdue - a.overdue || b.total - a.total),
  };
}

/** The items step 5 and the next meeting follow up: overdue first (longest first), then open by due day. */
export const actionItemsToFollow = (summary: MeetingsSummary | undefined): ActionItemLine[] =>
  (summary?.items ?? [])
    .filter((i) => i.state === 'overdue' || i.state === 'open')
    .sort((a, b) => (a.state === b.state ? a.due - b.due : a.state === 'overdue' ? -1 : 1));
