/**
 * 问题诊断 from the team's records: a rep far below the team's activity, customer satisfaction
 * falling month on month, complaints of one category rising, feedback answered late, and one-on-one
 * commitments missed — each a 问题 → 影响 → 原因 row like the others.
 */
import { L } from '../i18n';
import { type Context, MAX_ROW_FINDINGS, push } from './ruleContext';
import { day, num, pct } from './text';
import type { Analysis } from './types';

/** A rep below this share of the team's activities per day is far below it. */
const LOW_ACTIVITY = 0.5;
/** A monthly average satisfaction this much lower than the month before is falling (scale 1–5). */
const SATISFACTION_DROP = 0.5;

type RecordsSummary = NonNullable<Analysis['summary']['records']>;

/** A rep far below the team's activity per day. */
function activityRule(records: RecordsSummary, ctx: Context): void {
  const activity = records.activity;
  if (activity && activity.reps.length >= 2 && activity.teamPerDay > 0) {
    for (const rep of activity.reps) {
      const share = rep.perDay / activity.teamPerDay;
      if (share >= LOW_ACTIVITY) continue;
      push(ctx, {
        rule: 'records.lowActivity',
        key: rep.owner,
        dimension: 'followUp',
        severity: share < 0.3 ? 'high' : 'medium',
        problem: L(
          `${rep.owner} 日均跟进 ${num(rep.perDay)} 次,只有团队平均(${num(activity.teamPerDay)} 次)的 ${pct(share)}`,
          `${rep.owner} follows up ${num(rep.perDay)} times a day, ${pct(share)} of the team's average (${num(activity.teamPerDay)})`,
        ),
        impact: L('客户接触不足,商机推进变慢', 'Too little customer contact; deals move slower'),
        cause: L(
          `电话 ${rep.calls}、拜访 ${rep.visits},覆盖 ${rep.customers} 个客户,赢单 ${rep.won} 个`,
          `${rep.calls} calls, ${rep.visits} visits, ${rep.customers} customers, ${rep.won} deals won`,
        )[ctx.locale],
      });
    }
  }
}

/** Satisfaction falling and complaints of one category rising, from the last two months. */
function feedbackTrendRule(feedback: NonNullable<RecordsSummary['feedback']>, ctx: Context): void {
  const months = feedback.byMonth.filter((m) => m.month !== '');
  const [previous, latest] = months.slice(-2);
  if (previous && latest && previous.satisfaction !== null && latest.satisfaction !== null) {
    const drop = previous.satisfaction - latest.satisfaction;
    if (drop >= SATISFACTION_DROP) {
      const top = Object.entries(latest.complaints).sort((a, b) => b[1] - a[1])[0];
      push(ctx, {
        rule: 'records.satisfactionFalling',
        key: latest.month,
        dimension: 'feedback',
        severity: drop >= 1 ? 'high' : 'medium',
        problem: L(
          `客户满意度下降:${previous.month} ${num(previous.satisfaction)} 分 → ${latest.month} ${num(latest.satisfaction)} 分`,
          `Customer satisfaction fell: ${previous.month} ${num(previous.satisfaction)} → ${latest.month} ${num(latest.satisfaction)}`,
        ),
        impact: L('客户流失和复购下降的风险上升', 'A higher risk of churn and fewer repeat orders'),
        cause: (top ? L(`本月投诉最多:${top[0]}(${top[1]} 件)`, `Most complaints this month: ${top[0]} (${top[1]})`) : L('', ''))[
          ctx.locale
        ],
      });
    }
    for (const [category, count] of Object.entries(latest.complaints)) {
      const before = previous.complaints[category] ?? 0;
      if (count < 2 || count <= before) continue;
      push(ctx, {
        rule: 'records.complaintsRising',
        key: `${latest.month}:${category}`,
        dimension: 'feedback',
        severity: count >= 2 * Math.max(1, before) ? 'high' : 'medium',
        problem: L(
          `“${category}”类投诉增加:${previous.month} ${before} 件 → ${latest.month} ${count} 件`,
          `"${category}" complaints rose: ${previous.month} ${before} → ${latest.month} ${count}`,
        ),
        impact: L('同一类问题反复出现,客户体验受损', 'The same problem keeps coming back; customers notice'),
        cause: L(`需查明“${category}”的根本原因`, `Find the root cause of "${category}"`)[ctx.locale],
      });
    }
  }
}

/** Feedback answered later than the time it allows. */
function responseRule(feedback: NonNullable<RecordsSummary['feedback']>, ctx: Context): void {
  if (feedback.answered > 0 && feedback.overSla / feedback.answered > ctx.thresholds.slaBreachRate) {
    const rate = feedback.overSla / feedback.answered;
    push(ctx, {
      rule: 'records.slowResponse',
      key: '',
      dimension: 'feedback',
      severity: rate >= 2 * ctx.thresholds.slaBreachRate ? 'high' : 'medium',
      problem: L(
        `客户反馈响应超时率 ${pct(rate)}(${feedback.overSla}/${feedback.answered} 条超过 ${feedback.slaHours} 小时)`,
        `${pct(rate)} of customer feedback answered late (${feedback.overSla} of ${feedback.answered} over ${feedback.slaHours} hours)`,
      ),
      impact: L('客户等待过久,满意度下降', 'Customers wait too long; satisfaction drops'),
    });
  }
}

/** One-on-one commitments past due, each or (too many to list) in one finding. */
function commitmentRule(records: RecordsSummary, ctx: Context): void {
  const missed = (records.commitments ?? []).filter((c) => c.state === 'missed');
  const shown = missed.length <= MAX_ROW_FINDINGS ? missed : [];
  for (const c of shown) {
    push(ctx, {
      rule: 'records.commitmentMissed',
      key: `r${c.sheetRow}`,
      dimension: 'teamwork',
      severity: 'medium',
      problem: L(
        `${c.rep} 在一对一面谈中承诺的“${c.commitment}”已过 ${day(c.due)} 未完成`,
        `${c.rep}'s one-on-one commitment "${c.commitment}" is past ${day(c.due)} and not done`,
      ),
      impact: L('面谈约定没有落地,辅导效果打折', 'What was agreed in the one-on-one has not happened'),
    });
  }
  if (missed.length > MAX_ROW_FINDINGS)
    push(ctx, {
      rule: 'records.commitmentMissed',
      key: '',
      dimension: 'teamwork',
      severity: 'high',
      problem: L(`${missed.length} 项一对一面谈承诺逾期未完成`, `${missed.length} one-on-one commitments are overdue`),
      impact: L('面谈约定没有落地,辅导效果打折', 'What was agreed in the one-on-one has not happened'),
    });
}

export function recordRules(analysis: Analysis, ctx: Context): void {
  const records = analysis.summary.records;
  if (records === undefined) return;
  activityRule(records, ctx);
  if (records.feedback) {
    feedbackTrendRule(records.feedback, ctx);
    responseRule(records.feedback, ctx);
  }
  commitmentRule(records, ctx);
}
