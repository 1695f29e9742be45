/**
 * 问题诊断 from 行动项: an action item agreed at a meeting and past its due day without being done
 * (source 003 §3: 会后…跟踪行动项的落实). A cross-department item is a 团队协作 problem; one of the
 * team's own, a 流程 one. Past MAX_ROW_FINDINGS items, one finding counts them.
 */
import { L } from '../i18n';
import { type Context, MAX_ROW_FINDINGS, push } from './ruleContext';
import { day } from './text';
import type { Analysis } from './types';

/** Overdue by this many days (two weekly meetings) makes an item high severity. */
const LONG_OVERDUE_DAYS = 14;

export function meetingRules(analysis: Analysis, ctx: Context): void {
  const meetings = analysis.summary.meetings;
  if (meetings === undefined) return;
  const overdue = meetings.items.filter((i) => i.state === 'overdue');
  const impact = L(
    '例会定下的事没有落实,问题会在下次例会重复出现',
    'What the meeting agreed has not happened: the problem comes back next meeting',
  );
  if (overdue.length > MAX_ROW_FINDINGS) {
    push(ctx, {
      rule: 'meetings.actionOverdue',
      key: '',
      dimension: 'teamwork',
      severity: 'high',
      problem: L(`${overdue.length} 项例会行动项逾期未完成`, `${overdue.length} meeting action items are overdue`),
      impact,
      rows: overdue.map((i) => i.sheetRow),
    });
    return;
  }
  for (const item of overdue) {
    const from = item.meetingId === '' ? L('', '') : L(`(来自 ${item.meetingId})`, ` (from ${item.meetingId})`);
    const dept = item.department === '' ? L('', '') : L(`,协作部门 ${item.department}`, `, with ${item.department}`);
    push(ctx, {
      rule: 'meetings.actionOverdue',
      key: `r${item.sheetRow}`,
      dimension: item.department === '' ? 'process' : 'teamwork',
      severity: (item.daysOverdue ?? 0) >= LONG_OVERDUE_DAYS ? 'high' : 'medium',
      problem: L(
        `行动项“${item.item}”${from['zh-CN']}已过截止日期 ${day(item.due)} ${item.daysOverdue} 天未完成,负责人 ${item.owner}${dept['zh-CN']}`,
        `Action item "${item.item}"${from['en-US']} is ${item.daysOverdue} days past its due day ${day(item.due)}, owner ${item.owner}${dept['en-US']}`,
      ),
      impact,
      rows: [item.sheetRow],
    });
  }
}
