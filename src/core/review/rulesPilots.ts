/**
 * 问题诊断 from 试点组 vs 对照组: a pilot that did clearly worse than its control group (the verdict
 * 停止, core/domain/pilot.ts) is a finding; one that did better or cannot be told apart is evidence
 * in 过程评估, not a problem.
 */
import { L } from '../i18n';
import { dimensionOfMetric } from './causes';
import { type Context, push } from './ruleContext';
import type { Analysis } from './types';

export function pilotRules(analysis: Analysis, ctx: Context): void {
  for (const pilot of analysis.summary.pilots ?? []) {
    if (pilot.comparison.verdict !== 'stop') continue;
    push(ctx, {
      rule: 'evaluation.pilotWorse',
      key: pilot.metric,
      dimension: dimensionOfMetric(pilot.metric),
      severity: 'high',
      problem: pilot.statement,
      impact: L(
        '新流程让试点组变差,推广会把问题带给整个团队',
        'The new process made the pilot worse; rolling it out would spread the harm',
      ),
      rows: pilot.rows,
    });
  }
}
