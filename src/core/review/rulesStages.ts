/**
 * 问题诊断 from 阶段标准: an owner whose deals broke their stage's standard — moved on without the
 * exit criteria (销售漏斗 退出标准) or stayed past its expected days — named with the deals, as the
 * owner's 流程达标率. Below 60% is high, below 80% medium, else low.
 */
import { L } from '../i18n';
import { type Context, push } from './ruleContext';
import { comma, pct } from './text';
import type { Analysis } from './types';

const SHOWN = 3;

export function stageRules(analysis: Analysis, ctx: Context): void {
  const stages = analysis.summary.stages;
  if (!stages) return;
  for (const owner of stages.byOwner) {
    if (owner.compliant === owner.checked) continue;
    const issues = stages.issues.filter((i) => i.owner === owner.owner);
    const said = (lang: 'zh-CN' | 'en-US') =>
      issues
        .slice(0, SHOWN)
        .map((i) =>
          i.kind === 'skipped'
            ? L(`${i.id} 未达“${i.stage}”退出标准即推进`, `${i.id} left ${i.stage} without its exit criteria`)[lang]
            : L(
                `${i.id} 在“${i.stage}”停留 ${i.days} 天(标准 ${i.limit} 天)`,
                `${i.id} ${i.days} days in ${i.stage} (expected ${i.limit})`,
              )[lang],
        );
    const more = issues.length > SHOWN ? L(` 等 ${issues.length} 项`, ` and ${issues.length - SHOWN} more`) : L('', '');
    push(ctx, {
      rule: 'stages.compliance',
      key: owner.owner,
      dimension: 'process',
      severity: owner.rate < 0.6 ? 'high' : owner.rate < 0.8 ? 'medium' : 'low',
      problem: L(
        `${owner.owner || '未填负责人'} 流程达标率 ${pct(owner.rate)}(${owner.checked} 个商机中 ${owner.checked - owner.compliant} 个未达标):${comma(said('zh-CN'), 'zh-CN')}${more['zh-CN']}`,
        `${owner.owner || 'No owner'}: ${pct(owner.rate)} of deals meet the stage standards (${owner.checked - owner.compliant} of ${owner.checked} do not): ${comma(said('en-US'), 'en-US')}${more['en-US']}`,
      ),
      impact: L('跳过阶段标准或久拖不决,赢单率和预测都失真', 'Skipped standards and stalled deals distort the win rate and the forecast'),
      rows: [...new Set(issues.map((i) => i.sheetRow))],
    });
  }
}
