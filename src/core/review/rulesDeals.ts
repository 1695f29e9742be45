/**
 * 问题诊断 from the deal register: slipped deals, stale deals, the top lost reason, thin coverage,
 * owners behind pace and commit below the gap — each a 问题 → 影响 → 原因 row whose cause is taken
 * from the data (how often it slipped, the next step or its absence, the reason given). The top
 * lost reason is also offered as the cause of the goal findings that have none: the "reasons for
 * gaps" turned into something to act on.
 */
import { LOST_REASONS } from '../deals/fields';
import { paceLabel } from '../domain/pace';
import { L, type Localized } from '../i18n';
import { type Context, MAX_ROW_FINDINGS, push } from './ruleContext';
import type { DealsSummary, ForecastLine, SlippedDeal, StaleDeal } from './dealTypes';
import { amount, day, num, pct } from './text';
import type { Analysis, Dimension } from './types';

/** A lost reason's 表1 dimension: price and competitors are the market's, slow follow-up is follow-up. */
function dimensionOfReason(reason: string): Dimension {
  const [price, competitor, , , slow, fit] = LOST_REASONS;
  const is = (r: Localized | undefined) => r !== undefined && (r['zh-CN'] === reason || r['en-US'].toLowerCase() === reason.toLowerCase());
  if (is(price) || is(competitor)) return 'market';
  if (is(slow)) return 'followUp';
  if (is(fit)) return 'capability';
  return 'conversion';
}

const quoted = (name: string, id: string) => (name === '' ? id : `“${name}”(${id})`);
const quotedEn = (name: string, id: string) => (name === '' ? id : `"${name}" (${id})`);

function slippedFinding(deal: SlippedDeal, ctx: Context): void {
  const money = amount(deal.amount, ctx.unit);
  const repeated = deal.times >= 3;
  const next =
    deal.nextStep === '' ? L('没有明确的下一步', 'no next step is set') : L(`下一步:${deal.nextStep}`, `next step: ${deal.nextStep}`);
  const cause = repeated
    ? L(
        `已推迟 ${deal.times} 次,成交可能性存疑;${next['zh-CN']}`,
        `slipped ${deal.times} times, so the close is in doubt; ${next['en-US']}`,
      )
    : next;
  push(ctx, {
    rule: 'deals.slipped',
    key: deal.id,
    dimension: 'conversion',
    severity: repeated ? 'high' : 'medium',
    problem: L(
      `商机${quoted(deal.name, deal.id)}预计成交日期从 ${day(deal.from)} 推迟到 ${day(deal.to)}${deal.owner ? `(${deal.owner})` : ''}`,
      `Deal ${quotedEn(deal.name, deal.id)} slipped from ${day(deal.from)} to ${day(deal.to)}${deal.owner ? ` (${deal.owner})` : ''}`,
    ),
    impact: L(`${money} 移出原成交月份,本期预测随之减少`, `${money} leaves its close month; this period's forecast drops by it`),
    cause: cause[ctx.locale],
    atStake: deal.amount,
  });
}

function staleFinding(deal: StaleDeal, ctx: Context): void {
  const money = amount(deal.amount, ctx.unit);
  const problem = deal.neverFollowedUp
    ? L(
        `商机${quoted(deal.name, deal.id)}(${deal.stage})${deal.days} 天没有跟进记录,超过该阶段 ${deal.limit} 天的要求`,
        `Deal ${quotedEn(deal.name, deal.id)} (${deal.stage}) has no follow-up in ${deal.days} days, over the ${deal.limit} days its stage allows`,
      )
    : L(
        `商机${quoted(deal.name, deal.id)}(${deal.stage})已 ${deal.days} 天未跟进,超过该阶段 ${deal.limit} 天的要求`,
        `Deal ${quotedEn(deal.name, deal.id)} (${deal.stage}) not followed up for ${deal.days} days, over the ${deal.limit} days its stage allows`,
      );
  const cause =
    deal.nextStep === ''
      ? L(`${deal.owner || '负责人'}没有安排下一步`, `${deal.owner || 'The owner'} has no next step planned`)
      : L(
          `下一步“${deal.nextStep}”未落实${deal.owner ? `(${deal.owner})` : ''}`,
          `The next step "${deal.nextStep}" has not happened${deal.owner ? ` (${deal.owner})` : ''}`,
        );
  push(ctx, {
    rule: 'deals.stale',
    key: deal.id,
    dimension: 'followUp',
    severity: deal.days > 2 * deal.limit ? 'high' : 'medium',
    problem,
    impact: L(`金额 ${money} 的商机可能流失`, `A deal of ${money} may be lost`),
    cause: cause[ctx.locale],
    atStake: deal.amount,
    rows: [deal.sheetRow],
  });
}

/** Each slipped deal, or one finding for them all when there are too many to list. */
function slippedRule(deals: DealsSummary, ctx: Context): void {
  if (deals.slipped.length <= MAX_ROW_FINDINGS) deals.slipped.forEach((d) => slippedFinding(d, ctx));
  else {
    const total = deals.slipped.reduce((t, d) => t + d.amount, 0);
    push(ctx, {
      rule: 'deals.slipped',
      key: '',
      dimension: 'conversion',
      severity: 'high',
      problem: L(`${deals.slipped.length} 个商机预计成交日期推迟`, `${deals.slipped.length} deals slipped`),
      impact: L(`${amount(total, ctx.unit)} 移出原成交月份`, `${amount(total, ctx.unit)} left its close month`),
      atStake: total,
    });
  }
}

/** Each deal past its follow-up limit, or one finding naming the owners with most of them. */
function staleRule(deals: DealsSummary, ctx: Context): void {
  if (deals.stale.length <= MAX_ROW_FINDINGS) deals.stale.forEach((d) => staleFinding(d, ctx));
  else {
    const byOwner = new Map<string, number>();
    for (const d of deals.stale) byOwner.set(d.owner, (byOwner.get(d.owner) ?? 0) + 1);
    const worst = [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    push(ctx, {
      rule: 'deals.stale',
      key: '',
      dimension: 'followUp',
      severity: 'high',
      problem: L(`${deals.stale.length} 个在途商机超过跟进时限未跟进`, `${deals.stale.length} open deals are past their follow-up limit`),
      impact: L(
        `涉及金额 ${amount(
          deals.stale.reduce((t, d) => t + d.amount, 0),
          ctx.unit,
        )}`,
        `${amount(
          deals.stale.reduce((t, d) => t + d.amount, 0),
          ctx.unit,
        )} at stake`,
      ),
      cause: worst.map(([owner, n]) => `${owner || '—'} ${n}`).join(ctx.locale === 'zh-CN' ? '、' : ', '),
      atStake: deals.stale.reduce((t, d) => t + d.amount, 0),
      rows: deals.stale.map((d) => d.sheetRow),
    });
  }
}

/** The top lost reason, also offered as the cause of the goal findings that have none. */
function lostReasonRule(deals: DealsSummary, ctx: Context): void {
  // A blank reason is a data gap (数据体检 names it), never the cause of a gap.
  const top = deals.lostReasons.find((r) => !r.blank);
  if (top !== undefined && top.count >= 2) {
    const share = deals.lost.amount > 0 ? top.amount / deals.lost.amount : 0;
    push(ctx, {
      rule: 'deals.topLostReason',
      key: top.reason,
      dimension: dimensionOfReason(top.reason),
      severity: share >= 0.5 ? 'high' : 'medium',
      problem: L(
        `输单原因排名第一:“${top.reason}”(${top.count} 单,金额 ${amount(top.amount, ctx.unit)},占输单金额 ${pct(share)})`,
        `Top lost reason: "${top.reason}" (${top.count} deals, ${amount(top.amount, ctx.unit)}, ${pct(share)} of the amount lost)`,
      ),
      impact: L(`因此损失 ${amount(top.amount, ctx.unit)}`, `${amount(top.amount, ctx.unit)} lost to it`),
      cause: L(`主要原因:${top.reason}`, `Main reason: ${top.reason}`)[ctx.locale],
      atStake: top.amount,
    });
    // The reason as the suggested cause of the gaps nobody has explained yet.
    for (let i = 0; i < ctx.out.length; i++) {
      const finding = ctx.out[i];
      if (finding && finding.dimension === 'goals' && finding.cause === '')
        ctx.out[i] = {
          ...finding,
          cause: L(`输单主要原因:${top.reason}(${top.count} 单)`, `Most deals were lost to: ${top.reason} (${top.count})`)[ctx.locale],
        };
    }
  }
}

/** Open pipeline too thin for the gap to the target. */
function coverageRule(deals: DealsSummary, ctx: Context): void {
  const coverage = deals.coverage;
  const minimum = ctx.thresholds.coverage ?? 3;
  if (coverage !== null && coverage.ratio !== null && coverage.ratio < minimum) {
    const gap = coverage.target - coverage.won;
    push(ctx, {
      rule: 'deals.lowCoverage',
      key: '',
      dimension: 'goals',
      severity: coverage.ratio < 1 ? 'high' : coverage.ratio < 2 ? 'medium' : 'low',
      problem: L(
        `在途商机覆盖率 ${num(Math.round(coverage.ratio * 100) / 100)} 倍(在途 ${amount(coverage.pipeline, ctx.unit)} / 差距 ${amount(gap, ctx.unit)}),低于 ${num(minimum)} 倍`,
        `Pipeline coverage ${num(Math.round(coverage.ratio * 100) / 100)}× (open ${amount(coverage.pipeline, ctx.unit)} / gap ${amount(gap, ctx.unit)}), below ${num(minimum)}×`,
      ),
      impact: L(
        `按现有管道难以补上 ${amount(gap, ctx.unit)} 的差距`,
        `The current pipeline can hardly close the gap of ${amount(gap, ctx.unit)}`,
      ),
      cause: L(
        `还需新增约 ${amount(Math.max(0, gap * minimum - coverage.pipeline), ctx.unit)} 的商机`,
        `About ${amount(Math.max(0, gap * minimum - coverage.pipeline), ctx.unit)} more pipeline is needed`,
      )[ctx.locale],
      atStake: gap,
    });
  }
}

/** A forecast line behind pace, and one whose commit cannot reach the target. */
function forecastRule(line: ForecastLine, ctx: Context): void {
  const who = line.region ? `${line.owner}(${line.region})` : line.owner;
  const whoEn = line.region ? `${line.owner} (${line.region})` : line.owner;
  const key = `r${line.sheetRow}`;
  const gap = line.target - line.won;
  if (line.pace === 'behind' || line.pace === 'atRisk') {
    const upside = line.commit + line.bestCase;
    push(ctx, {
      rule: 'forecast.behindPace',
      key,
      dimension: 'goals',
      severity: line.pace === 'atRisk' ? 'high' : 'medium',
      problem: L(
        `${who} 进度${paceLabel(line.pace, 'zh-CN')}:已赢单 ${amount(line.won, ctx.unit)},按时间应完成 ${amount(line.target * line.expected, ctx.unit)}(目标 ${amount(line.target, ctx.unit)})`,
        `${whoEn} is ${paceLabel(line.pace, 'en-US').toLowerCase()}: won ${amount(line.won, ctx.unit)} where the days gone by expect ${amount(line.target * line.expected, ctx.unit)} (target ${amount(line.target, ctx.unit)})`,
      ),
      impact: L(`距目标还差 ${amount(gap, ctx.unit)}`, `${amount(gap, ctx.unit)} short of the target`),
      cause: (upside < gap
        ? L(
            `承诺与最可能合计 ${amount(upside, ctx.unit)},不足以补上差距`,
            `Commit and best case together (${amount(upside, ctx.unit)}) cannot close it`,
          )
        : L('', ''))[ctx.locale],
      atStake: gap,
      rows: [line.sheetRow],
    });
  }
  const committed = line.won + line.commit;
  if (gap > 0 && committed < line.target) {
    const short = line.target - committed;
    push(ctx, {
      rule: 'forecast.commitBelowGap',
      key,
      dimension: 'goals',
      severity: short / line.target > 0.2 ? 'high' : 'medium',
      problem: L(
        `${who} 承诺不足:已赢单 ${amount(line.won, ctx.unit)} + 承诺 ${amount(line.commit, ctx.unit)},低于目标 ${amount(line.target, ctx.unit)}`,
        `${whoEn}: won ${amount(line.won, ctx.unit)} + commit ${amount(line.commit, ctx.unit)} is below the target ${amount(line.target, ctx.unit)}`,
      ),
      impact: L(`即使承诺全部成交仍差 ${amount(short, ctx.unit)}`, `Even if every commit closes, ${amount(short, ctx.unit)} is missing`),
      cause: (line.bestCase >= short
        ? L(`需把最可能中的至少 ${amount(short, ctx.unit)} 转为承诺`, `At least ${amount(short, ctx.unit)} of best case must become commit`)
        : L(
            `最可能仅 ${amount(line.bestCase, ctx.unit)},需要新的商机`,
            `Best case is only ${amount(line.bestCase, ctx.unit)}: new deals are needed`,
          ))[ctx.locale],
      atStake: short,
      rows: [line.sheetRow],
    });
  }
}

export function dealRules(analysis: Analysis, ctx: Context): void {
  const deals = analysis.summary.deals;
  if (deals === undefined) return;
  slippedRule(deals, ctx);
  staleRule(deals, ctx);
  lostReasonRule(deals, ctx);
  coverageRule(deals, ctx);
  for (const line of deals.forecast ?? []) forecastRule(line, ctx);
}
