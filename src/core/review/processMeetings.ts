/**
 * 过程评估 团队 from 销售例会 and 行动项: the meetings held and whether what they agreed got done,
 * and the cross-department items by department (团队协作, source 001 §9).
 */
import { L, type Locale } from '../i18n';
import { comma } from './text';
import type { Analysis } from './types';

export function meetingEvidence(a: Analysis, locale: Locale): string[] {
  const m = a.summary.meetings;
  if (m === undefined) return [];
  const out: string[] = [];
  const [last] = m.meetings;
  if (last)
    out.push(
      L(
        `例会 ${m.meetings.length} 次,最近一次 ${last.id}(${last.kind || '未注明类型'})`,
        `${m.meetings.length} meetings held, the latest ${last.id} (${last.kind || 'kind not given'})`,
      )[locale],
    );
  const counted = m.items.filter((i) => i.state !== 'cancelled');
  if (counted.length > 0) {
    const n = (states: readonly string[]) => counted.filter((i) => states.includes(i.state)).length;
    const done = n(['doneOnTime', 'doneLate']);
    out.push(
      L(
        `行动项 ${counted.length} 项:已完成 ${done}(其中延期 ${n(['doneLate'])}),进行中 ${n(['open'])},逾期 ${n(['overdue'])}`,
        `Action items: ${counted.length}; ${done} done (${n(['doneLate'])} late), ${n(['open'])} in progress, ${n(['overdue'])} overdue`,
      )[locale],
    );
  }
  if (m.byDepartment.length > 0) {
    const line = (lang: Locale) =>
      m.byDepartment.map((d) =>
        lang === 'zh-CN'
          ? `${d.department} ${d.total} 项(完成 ${d.done},逾期 ${d.overdue})`
          : `${d.department} ${d.total} (${d.done} done, ${d.overdue} overdue)`,
      );
    out.push(L(`跨部门协作:${comma(line('zh-CN'), 'zh-CN')}`, `Cross-department work: ${comma(line('en-US'), 'en-US')}`)[locale]);
  }
  return out;
}
