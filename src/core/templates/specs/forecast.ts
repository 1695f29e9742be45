/**
 * 销售预测 Forecast: per owner and region for a period, what is won, what is committed and what is
 * best case against the target (the method's 目标对比 and 预测, 《销售管理通过复盘机制持续优化》),
 * with coverage, the pipeline still needed and the pace. 已赢单 … 赢单率 are filled from the deal
 * register as SUMIFS/COUNTIFS formulas by the register link (core/deals/links.ts), so they stay true
 * after each import; typed in, they work the same.
 */
import { DEFAULT_PACE_THRESHOLDS, PACE_LEVELS, type PaceLevel } from '../../domain/pace';
import { nativeProjectedTier, nativeTierReached } from '../../domain/tiers';
import type { Locale, Localized } from '../../i18n';
import { L } from '../../i18n';
import type { TemplateSpec } from '../types';
import { attainmentColours } from './common';

const paceText = (level: PaceLevel): Localized => (PACE_LEVELS.find((p) => p.key === level) as (typeof PACE_LEVELS)[number]).label;

const SOUTH = L('华南区', 'South');
const EAST = L('华东区', 'East');

const paceArgs = ['{won}', '{target}', '{start}', '{end}', 'TODAY()'].concat(
  [DEFAULT_PACE_THRESHOLDS.ahead, DEFAULT_PACE_THRESHOLDS.onTrack, DEFAULT_PACE_THRESHOLDS.behind].map(String),
  ['{locale}'],
);

const TIER_LEVELS = { target: '{target}', stretch: '{stretchTarget}', challenge: '{challengeTarget}' } as const;
const forecastTier = (locale: Locale) =>
  nativeTierReached('{forecast}', TIER_LEVELS.target, TIER_LEVELS.stretch, TIER_LEVELS.challenge, locale);
const paceTier = (locale: Locale) => nativeProjectedTier('{won}', TIER_LEVELS, { start: '{start}', end: '{end}', asOf: 'TODAY()' }, locale);

export const forecast: TemplateSpec = {
  id: 'forecast',
  sheetName: L('销售预测', 'Forecast'),
  tableName: 'SalesForecast',
  purpose: L(
    '按负责人和区域看本期已赢单、承诺、最可能与目标的差距、覆盖率和进度(可从商机明细自动计算)。',
    'Per owner and region: won, commit and best case against the target, coverage and pace (computed from the deal register).',
  ),
  source: { document: '000', part: L('数据分析:目标对比', 'data analysis: against target') },
  columns: [
    { key: 'owner', label: L('负责人', 'Owner'), type: 'text', width: 14, required: true },
    { key: 'region', label: L('区域', 'Region'), type: 'text', width: 10 },
    { key: 'start', label: L('开始日期', 'Start'), type: 'date', width: 12, required: true },
    { key: 'end', label: L('结束日期', 'End'), type: 'date', width: 12, required: true },
    { key: 'target', label: L('目标', 'Target'), type: 'number', money: true, width: 12, required: true },
    { key: 'won', label: L('已赢单', 'Won'), type: 'number', money: true, width: 12 },
    { key: 'commit', label: L('承诺', 'Commit'), type: 'number', money: true, width: 12 },
    { key: 'bestCase', label: L('最可能', 'Best case'), type: 'number', money: true, width: 12 },
    { key: 'pipeline', label: L('在途商机', 'Open pipeline'), type: 'number', money: true, width: 12 },
    { key: 'winRate', label: L('赢单率', 'Win rate'), type: 'percent', width: 10 },
    {
      key: 'forecast',
      label: L('预测(承诺)', 'Forecast (commit)'),
      type: 'number',
      money: true,
      width: 14,
      formula: { native: 'IF(OR({target}="",{won}=""),"",{won}+N({commit}))' },
    },
    {
      key: 'bestForecast',
      label: L('预测(最可能)', 'Forecast (best case)'),
      type: 'number',
      money: true,
      width: 14,
      formula: { native: 'IF(OR({target}="",{won}=""),"",{won}+N({commit})+N({bestCase}))' },
    },
    {
      key: 'attainment',
      label: L('预测达成率', 'Forecast attainment'),
      type: 'percent',
      width: 12,
      formula: { call: 'ATTAINMENT', args: ['{forecast}', '{target}'] },
    },
    {
      key: 'gap',
      label: L('承诺差距', 'Commit gap'),
      type: 'number',
      money: true,
      width: 12,
      formula: { call: 'GAP', args: ['{forecast}', '{target}'] },
    },
    {
      key: 'needed',
      label: L('所需商机', 'Pipeline needed'),
      type: 'number',
      money: true,
      width: 12,
      formula: { call: 'PIPELINENEEDED', args: ['{target}', '{won}', '{winRate}'] },
    },
    {
      key: 'pace',
      label: L('进度', 'Pace'),
      type: 'text',
      width: 10,
      formula: { call: 'PACE', args: paceArgs },
    },
    // Goal tiers (core/domain/tiers.ts), after the columns above so their letters stay put: the tier
    // the commit forecast reaches, and the tier the pace so far projects (PACE by tier).
    { key: 'stretchTarget', label: L('冲刺目标', 'Stretch target'), type: 'number', money: true, width: 12 },
    { key: 'challengeTarget', label: L('挑战目标', 'Challenge target'), type: 'number', money: true, width: 12 },
    {
      key: 'forecastTier',
      label: L('预测档位', 'Forecast tier'),
      type: 'text',
      width: 10,
      formula: { native: { 'zh-CN': forecastTier('zh-CN'), 'en-US': forecastTier('en-US') } },
    },
    {
      key: 'paceTier',
      label: L('进度档位', 'Pace tier'),
      type: 'text',
      width: 10,
      formula: { native: { 'zh-CN': paceTier('zh-CN'), 'en-US': paceTier('en-US') } },
    },
  ],
  // The deal register's samples for 2024 Q1 (closing 2024-01-01 … 2024-03-31): what the link computes from them.
  samples: [
    {
      owner: L('华南区销售', 'South sales rep'),
      region: SOUTH,
      start: '2024-01-01',
      end: '2024-03-31',
      target: 100,
      won: 0,
      commit: 80,
      bestCase: 0,
      pipeline: 80,
      stretchTarget: 120,
      challengeTarget: 150,
    },
    {
      owner: L('华东区销售', 'East sales rep'),
      region: EAST,
      start: '2024-01-01',
      end: '2024-03-31',
      target: 60,
      won: 0,
      commit: 0,
      bestCase: 0,
      pipeline: 0,
    },
    {
      owner: L('大客户经理', 'Key account manager'),
      region: SOUTH,
      start: '2024-01-01',
      end: '2024-03-31',
      target: 50,
      won: 45,
      commit: 0,
      bestCase: 0,
      pipeline: 0,
      winRate: 1,
    },
  ],
  conditionalFormats: [
    ...attainmentColours('attainment'),
    { column: 'pace', rule: { kind: 'textEquals', text: paceText('atRisk') }, tone: 'bad' },
    { column: 'pace', rule: { kind: 'textEquals', text: paceText('behind') }, tone: 'warn' },
    { column: 'pace', rule: { kind: 'textEquals', text: paceText('ahead') }, tone: 'good' },
  ],
  chart: {
    kind: 'columnClustered',
    title: L('目标与预测', 'Target vs forecast'),
    category: 'owner',
    series: ['target', 'forecast', 'bestForecast'],
  },
};
