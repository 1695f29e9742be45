/**
 * Step 2, 过程评估 (source 000 §2, docs/DOMAIN.md): the four areas — sales process, team, customers, market — each
 * with evidence sentences drawn from the analysis and an empty note for the manager.
 */
import { PROCESS_AREAS, type ProcessArea, VERDICT_LABELS, goalTierLabel, paceLabel, verdictOf } from '../domain';
import { L, type Locale, type Localized } from '../i18n';
import { type TemplateId, templateById } from '../templates';
import { dimensionOfMetric } from './causes';
import { comma, list, num, pct } from './text';
import { ROLLUP_MEASURES } from './callTypes';
import { meetingEvidence } from './processMeetings';
import type { ForecastLine } from './dealTypes';
import type { Analysis, AreaEvaluation, AttainmentLine } from './types';

const attained = (line: AttainmentLine, locale: Locale): string =>
  line.attainment === null ? L('未填报', 'not reported')[locale] : pct(line.attainment);

const lines = (items: readonly AttainmentLine[], locale: Locale): string =>
  comma(
    items.map((l) => `${l.name} ${attained(l, locale)}`),
    locale,
  );

/** Best and worst of several lines with an attainment. */
/** A forecast line's tiers: what won + commit reaches and what the pace so far projects. */
function tierEvidence(t: NonNullable<ForecastLine['tiers']>): Localized {
  const pace =
    t.pace === null ? L('', '') : L(`,按进度预计${goalTierLabel(t.pace, 'zh-CN')}`, `, on pace for ${goalTierLabel(t.pace, 'en-US')}`);
  return L(
    `,预测档位${goalTierLabel(t.forecast, 'zh-CN')}${pace['zh-CN']}`,
    `, forecast tier ${goalTierLabel(t.forecast, 'en-US')}${pace['en-US']}`,
  );
}

function spread(items: readonly AttainmentLine[]): { best: AttainmentLine; worst: AttainmentLine } | undefined {
  const reported = items.filter((l) => l.attainment !== null);
  if (reported.length < 2) return undefined;
  const sorted = [...reported].sort((a, b) => (b.attainment ?? 0) - (a.attainment ?? 0));
  return { best: sorted[0] as AttainmentLine, worst: sorted[sorted.length - 1] as AttainmentLine };
}

/**
 * What a step says of a sheet it has nothing from — told apart, so step 2 never calls "missing" a
 * sheet step 1 read: not in the workbook, read but empty, or read with every row left out.
 */
function noData(a: Analysis, id: TemplateId, locale: Locale): string {
  const sheet = templateById(id).sheetName[locale];
  const dropped = a.cleaning.droppedRows[id] ?? 0;
  if (a.missing.includes(id) || (a.cleaning.validRows[id] === undefined && dropped === 0))
    return L(`暂无数据:未找到“${sheet}”`, `No data: "${sheet}" is not in the workbook`)[locale];
  if (dropped > 0)
    return L(
      `“${sheet}”的 ${dropped} 行都有问题,未计入(见第 1 步的数据清洗)`,
      `"${sheet}": all ${dropped} rows have problems and were left out (see step 1's cleaning)`,
    )[locale];
  return L(`暂无数据:“${sheet}”尚未填写`, `No data: "${sheet}" is empty`)[locale];
}

function processEvidence(a: Analysis, locale: Locale): string[] {
  const out: string[] = [];
  const f = a.summary.funnel;
  if (f !== undefined && f.steps.length > 1) {
    const steps = f.steps.slice(1).map((s) => `${s.stage} ${s.stepRate === null ? '—' : pct(s.stepRate)}`);
    out.push(L(`漏斗阶段转化率:${comma(steps, 'zh-CN')}`, `Step conversion: ${comma(steps, 'en-US')}`)[locale]);
    if (f.bottleneck !== null) out.push(L(`瓶颈阶段:${f.bottleneck}`, `Bottleneck stage: ${f.bottleneck}`)[locale]);
    const slow = f.steps.filter((s) => s.avgDays !== null).sort((x, y) => (y.avgDays ?? 0) - (x.avgDays ?? 0))[0];
    if (slow !== undefined)
      out.push(
        L(
          `停留最久:${slow.stage}(平均 ${num(slow.avgDays ?? 0)} 天)`,
          `Longest stage: ${slow.stage} (${num(slow.avgDays ?? 0)} days on average)`,
        )[locale],
      );
  } else if (f === undefined) out.push(noData(a, 'funnel', locale));
  // Read, but one stage cannot show a conversion: say that, never that the sheet is missing.
  else out.push(L('销售漏斗只有一个阶段有数量,无法计算转化率', 'The funnel has a count in one stage only: no conversion to show')[locale]);
  const act = a.summary.actions;
  if (act !== undefined && act.total > 0) {
    const rate = act.completionRate === null ? '—' : pct(act.completionRate);
    out.push(
      L(
        `改进措施 ${act.total} 项:已完成 ${act.completed} 项(${rate}),延期完成 ${act.late} 项,逾期未完成 ${act.overdue} 项`,
        `${act.total} actions: ${act.completed} done (${rate}), ${act.late} done late, ${act.overdue} overdue`,
      )[locale],
    );
  } else if (act === undefined) out.push(noData(a, 'execution', locale));
  const d = a.summary.deals;
  if (d !== undefined) {
    const stages = d.byStage.filter((x) => x.count > 0).map((x) => `${x.label} ${x.count}`);
    if (stages.length > 0)
      out.push(L(`在途商机(按阶段):${comma(stages, 'zh-CN')}`, `Open deals by stage: ${comma(stages, 'en-US')}`)[locale]);
    if (d.stale.length > 0)
      out.push(L(`${d.stale.length} 个在途商机超过跟进时限`, `${d.stale.length} open deals past their follow-up limit`)[locale]);
    if (d.slipped.length > 0)
      out.push(L(`自上次快照 ${d.slipped.length} 个商机推迟成交`, `${d.slipped.length} deals slipped since the last snapshot`)[locale]);
  }
  if (act?.plan !== undefined && act.plan.total > 0) {
    out.push(
      L(
        `执行计划表 ${act.plan.total} 项任务,${act.plan.pastDue} 项已过完成时间且无完成记录`,
        `Execution plan: ${act.plan.total} tasks, ${act.plan.pastDue} past due with no completion recorded`,
      )[locale],
    );
  }
  const st = a.summary.stages;
  if (st) {
    const owners = st.byOwner.map((o) => `${o.owner || '—'} ${pct(o.rate)}`);
    out.push(
      L(
        `流程达标率 ${pct(st.rate)}(${st.checked} 个商机):${comma(owners, 'zh-CN')}${st.exitTracked ? '' : ';商机快照未记录退出标准,只看停留天数'}`,
        `Stage standards met: ${pct(st.rate)} of ${st.checked} deals: ${comma(owners, 'en-US')}${st.exitTracked ? '' : '; the snapshots do not record exit criteria, so only days in stage are judged'}`,
      )[locale],
    );
  }
  // 试点组 vs 对照组: whether the new process is worth rolling out (source 002 关键提醒).
  for (const pilot of a.summary.pilots ?? []) out.push(pilot.statement[locale]);
  return out;
}

/** 组织架构: targets, actuals, latest calls and the register's forecast by region and by manager. */
function hierarchyEvidence(a: Analysis, locale: Locale): string[] {
  const h = a.summary.hierarchy;
  if (h === undefined) return [];
  const figures = (line: (typeof h.lines)[number], lang: Locale) => {
    const parts: string[] = [];
    const say = (zh: string, en: string, value: number, count: number) => {
      if (count > 0) parts.push(`${L(zh, en)[lang]} ${num(value)}`);
    };
    say('目标', 'target', line.totals.target, line.counts.target);
    say('实际', 'actual', line.totals.actual, line.counts.actual);
    say('最新承诺', 'latest call', line.totals.called, line.counts.called);
    say('系统预测', 'register forecast', line.totals.forecast, line.counts.forecast);
    return parts.join(lang === 'zh-CN' ? '、' : ', ');
  };
  const out: string[] = [];
  for (const level of ['region', 'manager'] as const) {
    const lines = h.lines.filter((l) => l.level === level && ROLLUP_MEASURES.some((m) => l.counts[m] > 0));
    if (lines.length === 0) continue;
    const text = (lang: Locale) => lines.map((l) => `${l.name} ${figures(l, lang)}`);
    out.push(
      level === 'region'
        ? L(`按区域汇总:${list(text('zh-CN'), 'zh-CN')}`, `By region: ${list(text('en-US'), 'en-US')}`)[locale]
        : L(`按经理汇总:${list(text('zh-CN'), 'zh-CN')}`, `By manager: ${list(text('en-US'), 'en-US')}`)[locale],
    );
  }
  if (h.unplaced.length > 0)
    out.push(
      L(
        `组织架构中没有的负责人(只计入团队合计):${comma([...h.unplaced], 'zh-CN')}`,
        `Owners the org chart does not place (team total only): ${comma([...h.unplaced], 'en-US')}`,
      )[locale],
    );
  return out;
}

/** 预测提报: the reps ranked by the accuracy of their own calls, and the team's accuracy week by week. */
function callEvidence(a: Analysis, locale: Locale): string[] {
  const calls = a.summary.calls;
  if (calls === undefined) return [];
  const scored = calls.reps.filter((r) => r.accuracy !== undefined).sort((x, y) => (y.accuracy as number) - (x.accuracy as number));
  const out: string[] = [];
  if (scored.length > 0) {
    const line = (lang: Locale) =>
      scored.map((r) => {
        const lean = r.direction === 'over' ? L('偏高', 'high')[lang] : r.direction === 'under' ? L('偏低', 'low')[lang] : '';
        return `${r.rep} ${pct(r.accuracy as number)}${lean ? (lang === 'zh-CN' ? `(${lean} ${pct(Math.abs(r.bias ?? 0))})` : ` (${lean} by ${pct(Math.abs(r.bias ?? 0))})`) : ''}`;
      });
    out.push(L(`预测准确率排名:${comma(line('zh-CN'), 'zh-CN')}`, `Forecast accuracy ranking: ${comma(line('en-US'), 'en-US')}`)[locale]);
  }
  if (calls.trend.length >= 2) {
    const weeks = calls.trend.slice(-6).map((w) => pct(w.accuracy));
    out.push(L(`团队预测准确率(按周):${weeks.join(' → ')}`, `Team forecast accuracy by week: ${weeks.join(' → ')}`)[locale]);
  }
  if (calls.missing.length > 0)
    out.push(
      L(
        `未按时提报预测:${comma(
          calls.missing.map((m) => m.rep),
          'zh-CN',
        )}`,
        `Forecast calls missing: ${comma(
          calls.missing.map((m) => m.rep),
          'en-US',
        )}`,
      )[locale],
    );
  return out;
}

function teamEvidence(a: Analysis, locale: Locale): string[] {
  const out: string[] = [];
  const g = a.summary.goals;
  if (g !== undefined && g.byOwner.length > 0) {
    out.push(L(`负责人达成率:${lines(g.byOwner, 'zh-CN')}`, `Attainment by owner: ${lines(g.byOwner, 'en-US')}`)[locale]);
    const s = spread(g.byOwner);
    if (s !== undefined) {
      out.push(
        L(
          `最高 ${s.best.name} ${attained(s.best, locale)},最低 ${s.worst.name} ${attained(s.worst, locale)}`,
          `Best ${s.best.name} ${attained(s.best, locale)}, lowest ${s.worst.name} ${attained(s.worst, locale)}`,
        )[locale],
      );
    }
  } else if (g === undefined) out.push(noData(a, 'goals', locale));
  // 表2 was read but names no owner (a split by region only): its regions stand in, never "missing".
  else if (g.byRegion.length > 0)
    out.push(L(`区域达成率:${lines(g.byRegion, 'zh-CN')}`, `Attainment by region: ${lines(g.byRegion, 'en-US')}`)[locale]);
  else out.push(L('表2 未填写负责人,无法按人比较达成率', 'T2 names no owner: attainment cannot be compared by person')[locale]);
  for (const f of a.summary.deals?.forecast ?? []) {
    if (f.pace === null) continue;
    const who = f.region ? `${f.owner}(${f.region})` : f.owner;
    const tier = f.tiers ? tierEvidence(f.tiers) : L('', '');
    out.push(
      L(
        `${who}:已赢单 ${num(f.won)} / 目标 ${num(f.target)},承诺 ${num(f.commit)},进度${paceLabel(f.pace, 'zh-CN')}${tier['zh-CN']}`,
        `${f.region ? `${f.owner} (${f.region})` : f.owner}: won ${num(f.won)} of ${num(f.target)}, commit ${num(f.commit)}, ${paceLabel(f.pace, 'en-US')}${tier['en-US']}`,
      )[locale],
    );
  }
  out.push(...hierarchyEvidence(a, locale), ...callEvidence(a, locale), ...meetingEvidence(a, locale));
  const r = a.summary.records;
  if (r?.activity && r.activity.reps.length > 0) {
    const reps = r.activity.reps.map((x) =>
      x.won > 0
        ? L(
            `${x.owner} 日均 ${num(x.perDay)} 次(每赢一单 ${num(x.total / x.won)} 次跟进)`,
            `${x.owner} ${num(x.perDay)}/day (${num(x.total / x.won)} per deal won)`,
          )[locale]
        : L(`${x.owner} 日均 ${num(x.perDay)} 次`, `${x.owner} ${num(x.perDay)}/day`)[locale],
    );
    out.push(L(`跟进活动:${comma(reps, 'zh-CN')}`, `Follow-up activity: ${comma(reps, 'en-US')}`)[locale]);
    if (r.activity.untouched !== null && r.activity.untouched.length > 0)
      out.push(
        L(
          `${r.activity.untouched.length} 个在途商机的客户 30 天内无人跟进`,
          `${r.activity.untouched.length} customers with open deals untouched for 30 days`,
        )[locale],
      );
  }
  if (r?.weekly && r.weekly.expected > 0)
    out.push(
      L(
        `周报提交率 ${pct(r.weekly.submitted / r.weekly.expected)}(${r.weekly.submitted}/${r.weekly.expected})`,
        `Weekly reports submitted: ${pct(r.weekly.submitted / r.weekly.expected)} (${r.weekly.submitted}/${r.weekly.expected})`,
      )[locale],
    );
  if (r?.commitments && r.commitments.length > 0) {
    const kept = r.commitments.filter((c) => c.state === 'kept').length;
    const due = r.commitments.filter((c) => c.state !== 'open').length;
    out.push(L(`一对一承诺按时兑现 ${kept}/${due}`, `One-on-one commitments kept on time: ${kept}/${due}`)[locale]);
  }
  const mix = Object.entries(a.summary.actions?.qualityMix ?? {});
  if (mix.length > 0) {
    const text = comma(
      mix.map(([q, n]) => `${q} ${n}`),
      locale,
    );
    out.push(L(`措施完成质量:${text}`, `Action quality: ${text}`)[locale]);
  }
  for (const m of a.summary.evaluation?.metrics ?? []) {
    if (dimensionOfMetric(m.metric) !== 'capability' || m.change === null) continue;
    out.push(
      L(
        `${m.metric}:${num(m.before ?? 0)}→${num(m.after ?? 0)}(${pct(m.change, true)})`,
        `${m.metric}: ${num(m.before ?? 0)} → ${num(m.after ?? 0)} (${pct(m.change, true)})`,
      )[locale],
    );
  }
  return out;
}

function customerEvidence(a: Analysis, locale: Locale): string[] {
  const out: string[] = [];
  const grades = a.summary.leads?.byGrade ?? [];
  for (const g of grades) {
    const r = g.breachRate === null ? '—' : pct(g.breachRate);
    out.push(L(`${g.grade} 级线索 ${g.total} 条,响应超时率 ${r}`, `Grade ${g.grade}: ${g.total} leads, ${r} answered late`)[locale]);
  }
  if (a.summary.leads === undefined) out.push(noData(a, 'leads', locale));
  const f = a.summary.records?.feedback;
  if (f !== undefined) {
    if (f.averageSatisfaction !== null)
      out.push(
        L(
          `客户满意度平均 ${num(f.averageSatisfaction)} 分(${f.count} 条反馈)`,
          `Average satisfaction ${num(f.averageSatisfaction)} (${f.count} pieces of feedback)`,
        )[locale],
      );
    const top = f.complaints.slice(0, 3).map((c) => `${c.category} ${c.count}`);
    if (top.length > 0) out.push(L(`投诉类型:${comma(top, 'zh-CN')}`, `Complaints: ${comma(top, 'en-US')}`)[locale]);
    if (f.averageResponseHours !== null)
      out.push(
        L(
          `平均响应 ${num(f.averageResponseHours)} 小时,${f.overSla} 条超过 ${f.slaHours} 小时;未解决 ${f.unresolved} 条`,
          `Answered in ${num(f.averageResponseHours)} hours on average, ${f.overSla} over ${f.slaHours} hours; ${f.unresolved} unresolved`,
        )[locale],
      );
  }
  for (const m of a.summary.evaluation?.metrics ?? []) {
    if (m.change === null) continue;
    const v = VERDICT_LABELS[verdictOf(m.change, m.goalChange, m.polarity ?? 'higher') ?? 'flat'];
    out.push(
      L(`效果评估:${m.metric} ${pct(m.change, true)}(${v['zh-CN']})`, `Before/after: ${m.metric} ${pct(m.change, true)} (${v['en-US']})`)[
        locale
      ],
    );
  }
  return out;
}

function marketEvidence(a: Analysis, locale: Locale): string[] {
  const out: string[] = [];
  const g = a.summary.goals;
  const reasons = (a.summary.deals?.lostReasons ?? []).slice(0, 3).map((r) => `${r.reason} ${r.count}`);
  const lost = reasons.length > 0 ? [L(`输单原因:${comma(reasons, 'zh-CN')}`, `Lost reasons: ${comma(reasons, 'en-US')}`)[locale]] : [];
  const market = (a.summary.records?.weekly?.market ?? [])
    .slice(0, 3)
    .map((m) => L(`周报市场信息:${m}`, `Market news from weekly reports: ${m}`)[locale]);
  const complaints = (a.summary.records?.feedback?.complaints ?? [])
    .slice(0, 1)
    .map((c) => L(`客户投诉最多的类别:${c.category}(${c.count})`, `Most complaints about: ${c.category} (${c.count})`)[locale]);
  lost.push(...market, ...complaints);
  if (g === undefined) return [noData(a, 'goals', locale), ...lost];
  const o = g.overall;
  out.push(
    o.attainment === null
      ? L('总体:尚无已填报的实际完成', 'Overall: no actuals reported yet')[locale]
      : L(
          `总体达成率 ${pct(o.attainment)}(实际 ${num(o.actual)} / 目标 ${num(o.target)})`,
          `Overall attainment ${pct(o.attainment)} (actual ${num(o.actual)} / target ${num(o.target)})`,
        )[locale],
  );
  if (g.tiers) {
    const t = g.tiers;
    const levels = (lang: Locale) =>
      [
        `${goalTierLabel('target', lang)} ${num(t.target)}`,
        ...(t.stretch !== undefined ? [`${goalTierLabel('stretch', lang)} ${num(t.stretch)}`] : []),
        ...(t.challenge !== undefined ? [`${goalTierLabel('challenge', lang)} ${num(t.challenge)}`] : []),
      ].join(' / ');
    out.push(
      L(
        `达成档位:${goalTierLabel(t.reached, 'zh-CN')}(实际 ${num(t.actual)};${levels('zh-CN')})`,
        `Tier reached: ${goalTierLabel(t.reached, 'en-US')} (actual ${num(t.actual)}; ${levels('en-US')})`,
      )[locale],
    );
  }
  if (g.byRegion.length > 0)
    out.push(L(`区域达成率:${lines(g.byRegion, 'zh-CN')}`, `Attainment by region: ${lines(g.byRegion, 'en-US')}`)[locale]);
  out.push(...lost);
  const notes = [...new Set((g.belowTarget ?? []).map((r) => r.analysis).filter((t) => t !== ''))].slice(0, 3);
  for (const note of notes) out.push(L(`差异分析:${note}`, `Variance note: ${note}`)[locale]);
  return out;
}

export function evaluateProcess(analysis: Analysis, locale: Locale): AreaEvaluation[] {
  const build: Readonly<Record<ProcessArea, (a: Analysis, l: Locale) => string[]>> = {
    process: processEvidence,
    team: teamEvidence,
    customer: customerEvidence,
    market: marketEvidence,
  };
  return PROCESS_AREAS.map((area) => ({ area, evidence: build[area](analysis, locale), note: '' }));
}
