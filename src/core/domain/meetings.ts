/**
 * 销售例会 and its 行动项 (source 003 §3: 每日晨会、每周复盘会或每月战略会 …会后形成清晰的会议纪要并跟蹤行动项的落实;
 * source 001 §9–10: 跨部门会议, 月度总结会、季度总结会). One home for the kinds of meeting, an action
 * item's status and the departments a cross-department item names, and for when an item is overdue.
 */
import { L, type Localized } from '../i18n';

export const MEETING_KINDS = [
  { key: 'daily', label: L('晨会', 'Daily stand-up') },
  { key: 'weekly', label: L('周会', 'Weekly review') },
  { key: 'monthly', label: L('月度复盘', 'Monthly review') },
  { key: 'quarterly', label: L('季度总结', 'Quarterly review') },
  { key: 'crossDepartment', label: L('跨部门', 'Cross-department') },
] as const;

export type ActionStatus = 'notStarted' | 'inProgress' | 'done' | 'cancelled';

export const ACTION_STATUSES: readonly { readonly key: ActionStatus; readonly label: Localized }[] = [
  { key: 'notStarted', label: L('未开始', 'Not started') },
  { key: 'inProgress', label: L('进行中', 'In progress') },
  { key: 'done', label: L('已完成', 'Done') },
  { key: 'cancelled', label: L('已取消', 'Cancelled') },
];

/** The departments sales works with (source 001 §9: 市场部, 产品部; 002 表1: 售后). */
export const DEPARTMENTS: readonly Localized[] = [
  L('市场部', 'Marketing'),
  L('售后部', 'After-sales'),
  L('产品部', 'Product'),
  L('财务部', 'Finance'),
  L('法务部', 'Legal'),
  L('其他部门', 'Other'),
];

/** Where an action item stands on a day: done (on time or late), cancelled, overdue, or open. */
export type ActionState = 'doneOnTime' | 'doneLate' | 'cancelled' | 'overdue' | 'open';

export const ACTION_STATE_LABELS: Readonly<Record<ActionState, Localized>> = {
  doneOnTime: L('按时完成', 'Done on time'),
  doneLate: L('延期完成', 'Done late'),
  cancelled: L('已取消', 'Cancelled'),
  overdue: L('已逾期', 'Overdue'),
  open: L('进行中', 'In progress'),
};

/**
 * The state of an item due on `due` (a day serial) on `today`: a done date, or the status 已完成,
 * makes it done; 已取消 takes it off the list; past its due day and not done, it is overdue.
 */
export function actionState(status: ActionStatus | undefined, due: number, doneOn: number | undefined, today: number): ActionState {
  if (status === 'cancelled') return 'cancelled';
  if (doneOn !== undefined) return Math.floor(doneOn) > Math.floor(due) ? 'doneLate' : 'doneOnTime';
  if (status === 'done') return 'doneOnTime';
  return Math.floor(today) > Math.floor(due) ? 'overdue' : 'open';
}

/** actionState as a native formula over cell references, in the sheet's language (blank without a due day). */
export function nativeActionState(refs: { status: string; due: string; doneOn: string }, locale: 'zh-CN' | 'en-US'): string {
  const label = (s: ActionState) => `"${ACTION_STATE_LABELS[s][locale]}"`;
  const status = (key: ActionStatus) => `"${(ACTION_STATUSES.find((s) => s.key === key) as { label: Localized }).label[locale]}"`;
  const { status: st, due, doneOn } = refs;
  return (
    `IF(${due}="","",IF(${st}=${status('cancelled')},${label('cancelled')},` +
    `IF(${doneOn}<>"",IF(INT(${doneOn})>INT(${due}),${label('doneLate')},${label('doneOnTime')}),` +
    `IF(${st}=${status('done')},${label('doneOnTime')},IF(TODAY()>INT(${due}),${label('overdue')},${label('open')})))))`
  );
}
