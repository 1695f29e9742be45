/**
 * 问题诊断 from 预测提报: a rep whose calls err the same way week after week (a persistent bias,
 * src/core/team/calls.ts PERSISTENT_BIAS), and calls that are missing while the period runs.
 */
import { L } from '../i18n';
import { PERSISTENT_BIAS } from '../team';
import { type Context, push } from './ruleContext';
import { pct } from './text';
import type { Analysis } from './types';

/** A bias this large (of the result) is high severity; a persistent one below it is medium. */
const HIGH_BIAS = 0.25;

export function callRules(analysis: Analysis, ctx: Context): void {
  const calls = analysis.summary.calls;
  if (calls === undefined) return;
  for (const rep of calls.reps) {
    if (!rep.persistent || rep.bias === undefined) continue;
    const over = rep.bias > 0;
    push(ctx, {
      rule: 'calls.persistentBias',
      key: rep.rep,
      dimension: 'capability',
      severity: Math.abs(rep.bias) >= HIGH_BIAS ? 'high' : 'medium',
      problem: over
        ? L(
            `${rep.rep} 的预测持续偏高:${rep.weeksScored} 周平均高出实际 ${pct(rep.bias)},准确率 ${pct(rep.accuracy ?? 0)}`,
            `${rep.rep}'s calls run high: ${pct(rep.bias)} above the result on average over ${rep.weeksScored} weeks, ${pct(rep.accuracy ?? 0)} accurate`,
          )
        : L(
            `${rep.rep} 的预测持续偏低:${rep.weeksScored} 周平均低于实际 ${pct(-rep.bias)},准确率 ${pct(rep.accuracy ?? 0)}`,
            `${rep.rep}'s calls run low: ${pct(-rep.bias)} below the result on average over ${rep.weeksScored} weeks, ${pct(rep.accuracy ?? 0)} accurate`,
          ),
      impact: over
        ? L('团队预测虚高,资源和目标按不会到来的业绩安排', 'The team’s forecast is inflated: plans rest on revenue that will not come')
        : L('预测保守,目标和资源安排偏低,机会未被争取', 'Sandbagged calls: targets and resources are set too low'),
      cause: L(
        `至少 ${pct(PERSISTENT_BIAS.share)} 的周偏向同一方向;对照系统(商机明细)的数,逐单核对承诺依据`,
        `At least ${pct(PERSISTENT_BIAS.share)} of the weeks erred the same way; check each committed deal against the register`,
      )[ctx.locale],
    });
  }
  if (calls.missing.length > 0) {
    const names = calls.missing.map((m) =>
      m.daysSince === undefined
        ? L(`${m.rep}(从未提报)`, `${m.rep} (never)`)
        : L(`${m.rep}(${m.daysSince} 天)`, `${m.rep} (${m.daysSince} days)`),
    );
    push(ctx, {
      rule: 'calls.missing',
      key: '',
      dimension: 'process',
      severity: calls.missing.length >= 3 ? 'high' : 'medium',
      problem: L(
        `${calls.missing.length} 人超过一周未提交预测:${names.map((n) => n['zh-CN']).join('、')}`,
        `${calls.missing.length} reps have not called their forecast for over a week: ${names.map((n) => n['en-US']).join(', ')}`,
      ),
      impact: L('预测汇总不完整,团队预测失真', 'The roll-up is incomplete: the team forecast is off'),
    });
  }
}
