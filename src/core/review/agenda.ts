/**
 * The next meeting's agenda drafted from the workbook (issue 25), in source 003 §3's order: progress
 * against target, key deals (slipped and stale), obstacles (the review's findings, most severe
 * first), forecast calls missing, last meeting's action items not done, and the next actions. A
 * meeting row of 销售例会 carries it (meetingTableWrite), the manager edits it there.
 */
import { MEETING_KINDS } from '../domain/meetings';
import { L, type Locale, labelOfKey } from '../i18n';
import type { CellValue } from '../workbook';
import { newDatedId } from './followUp';
import { actionItemsToFollow } from './summaryMeetings';
import { comma, day, pct } from './text';
import type { Analysis, Finding } from './types';

/** How many findings, deals and items the agenda names before it counts the rest. */
export const AGENDA_LIMIT = 3;

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

function named(items: readonly string[], locale: Locale): string {
  const shown = items.slice(0, AGENDA_LIMIT);
  const more = items.length - shown.length;
  const list = comma(shown, locale);
  return more > 0 ? L(`${list} 等 ${items.length} 项`, `${list} and ${more} more`)[locale] : list;
}

/** The agenda's numbered lines, in the sheet's language. */
export function draftAgenda(analysis: Analysis, findings: readonly Finding[], locale: Locale): string[] {
  const t = (zh: string, en: string) => L(zh, en)[locale];
  const { summary } = analysis;
  const lines: string[] = [];
  const overall = summary.goals?.overall;
  lines.push(
    overall && overall.attainment !== null
      ? t(`目标进展回顾:达成率 ${pct(overall.attainment)}`, `Progress against target: ${pct(overall.attainment)} attained`)
      : t('目标进展回顾', 'Progress against target'),
  );
  const deals = summary.deals;
  const keyDeals = [
    ...(deals?.slipped ?? []).map((d) => t(`${d.name} 推迟至 ${day(d.to)}`, `${d.name} slipped to ${day(d.to)}`)),
    ...(deals?.stale ?? []).map((d) => t(`${d.name} ${d.days} 天未跟进`, `${d.name} untouched for ${d.days} days`)),
  ];
  lines.push(
    keyDeals.length > 0
      ? t(`重点项目推进:${named(keyDeals, locale)}`, `Key deals: ${named(keyDeals, locale)}`)
      : t('重点项目推进情况', 'Key deals'),
  );
  // Overdue action items have a line of their own below.
  const obstacles = findings
    .filter((f) => f.rule !== 'meetings.actionOverdue')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .map((f) => f.problem);
  lines.push(
    obstacles.length > 0
      ? t(`遇到的障碍与所需支持:${named(obstacles, locale)}`, `Obstacles and support needed: ${named(obstacles, locale)}`)
      : t('遇到的障碍与所需支持', 'Obstacles and support needed'),
  );
  const missing = summary.calls?.missing ?? [];
  if (missing.length > 0)
    lines.push(
      t(
        `预测未提报:${named(
          missing.map((m) => m.rep),
          locale,
        )}`,
        `Forecast calls missing: ${named(
          missing.map((m) => m.rep),
          locale,
        )}`,
      ),
    );
  const open = actionItemsToFollow(summary.meetings).filter((i) => i.state === 'overdue');
  if (open.length > 0) {
    const items = open.map((i) =>
      t(`${i.item}(${i.owner},逾期 ${i.daysOverdue} 天)`, `${i.item} (${i.owner}, ${i.daysOverdue} days overdue)`),
    );
    lines.push(t(`上次行动项未完成:${named(items, locale)}`, `Action items not done: ${named(items, locale)}`));
  }
  lines.push(t('成功经验分享', 'What worked'), t('下一步行动计划(写入“行动项”)', 'Next actions (into Action Items)'));
  return lines.map((line, i) => `${i + 1}. ${line}`);
}

/**
 * The next meeting's row for 销售例会: the date the last meeting set (else today), a new id, the
 * kind 周会 and the drafted agenda, one line each.
 */
export function agendaMeeting(analysis: Analysis, findings: readonly Finding[], locale: Locale, today: number): Record<string, CellValue> {
  const m = analysis.summary.meetings;
  const next = m?.meetings[0]?.nextDate;
  const date = next !== undefined && next >= today ? next : Math.floor(today);
  return {
    meetingId: newDatedId('M', date, m?.ids ?? []),
    date,
    kind: labelOfKey(MEETING_KINDS, 'weekly')[locale],
    agenda: draftAgenda(analysis, findings, locale).join('\n'),
  };
}
