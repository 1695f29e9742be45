/**
 * 问题诊断 from 方案反馈: a statement the team scores low (a mean below LOW_SCORE over at least
 * MIN_RESPONSES answers, core/domain/survey.ts) — what the plan's own people say is not working.
 */
import { LOW_SCORE, MIN_RESPONSES } from '../domain/survey';
import { L } from '../i18n';
import { dimensionOfMetric } from './causes';
import { type Context, push } from './ruleContext';
import { num, pct } from './text';
import type { Analysis } from './types';

export function surveyRules(analysis: Analysis, ctx: Context): void {
  for (const line of analysis.summary.survey?.statements ?? []) {
    if (line.answers < MIN_RESPONSES || line.mean >= LOW_SCORE) continue;
    const mean = num(Math.round(line.mean * 100) / 100);
    push(ctx, {
      rule: 'survey.lowScore',
      key: line.statement,
      dimension: dimensionOfMetric(line.statement),
      severity: line.mean < LOW_SCORE - 0.5 ? 'high' : 'medium',
      problem: L(
        `团队对“${line.statement}”评分偏低:${line.answers} 份答卷平均 ${mean} 分,同意的占 ${pct(line.agree)}`,
        `The team scores "${line.statement}" low: ${mean} on average over ${line.answers} answers, ${pct(line.agree)} agreeing`,
      ),
      impact: L('执行方案的人不认可,方案难以坚持', 'The people running the plan do not back it: it will not last'),
    });
  }
}
