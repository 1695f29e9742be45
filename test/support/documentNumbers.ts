/**
 * The documents' numbers every template must compute (the source documents' worked examples):
 * one table, checked against any reader of displayed cell text — headless Univer, LibreOffice's
 * CSV of a file we wrote, a workbook read back. `read(templateId, dataRow, columnKey)` returns the
 * text a spreadsheet shows in that cell ('' for blank).
 */
import { type Locale, type TemplateId, planTemplate, templateById } from '../../src/core';

export type CellReader = (template: TemplateId, dataRow: number, column: string) => string;

interface Expectation {
  readonly template: TemplateId;
  readonly row: number;
  readonly column: string;
  readonly shows: string | Readonly<Record<Locale, string>>;
}

const L = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

const DOCUMENT_NUMBERS: readonly Expectation[] = [
  { template: 'goals', row: 0, column: 'attainment', shows: '91.7%' },
  { template: 'goals', row: 0, column: 'gap', shows: '15.0' },
  { template: 'goals', row: 1, column: 'attainment', shows: '' },
  { template: 'goals', row: 1, column: 'gap', shows: '' },
  // 165 of 180: below the target, so neither the stretch (200) nor the challenge (220) is reached.
  { template: 'goals', row: 0, column: 'tier', shows: L('未达成', 'Below target') },
  { template: 'goals', row: 1, column: 'tier', shows: '' },
  { template: 'evaluation', row: 0, column: 'before', shows: '12.0%' },
  { template: 'evaluation', row: 0, column: 'after', shows: '18.0%' },
  { template: 'evaluation', row: 1, column: 'before', shows: '60' },
  { template: 'evaluation', row: 0, column: 'change', shows: '50.0%' },
  { template: 'evaluation', row: 1, column: 'change', shows: '-25.0%' },
  { template: 'evaluation', row: 0, column: 'verdict', shows: L('达标', 'Met') },
  { template: 'evaluation', row: 1, column: 'verdict', shows: L('达标', 'Met') },
  { template: 'execution', row: 1, column: 'delay', shows: '3' },
  { template: 'execution', row: 1, column: 'status', shows: L('延期完成', 'Done late') },
  ...['100.0%', '60.0%', '50.0%', '50.0%', '60.0%', '55.6%'].map((shows, row) => ({
    template: 'funnel' as const,
    row,
    column: 'stepRate',
    shows,
  })),
  // The deal register's weighted amounts: the stage's probability (80%), the deal's own (50%), a win whole, a loss nothing.
  ...['64.0', '25.0', '12.0', '4.0', '1.5', '45.0', '0.0', '10.0'].map((shows, row) => ({
    template: 'deals' as const,
    row,
    column: 'weighted',
    shows,
  })),
  // The forecast's samples (the register's 2024 Q1 deals); the period is over, so the whole target is expected.
  { template: 'forecast', row: 0, column: 'forecast', shows: '80.0' },
  { template: 'forecast', row: 0, column: 'attainment', shows: '80.0%' },
  { template: 'forecast', row: 0, column: 'gap', shows: '20.0' },
  { template: 'forecast', row: 0, column: 'pace', shows: L('风险', 'At risk') },
  { template: 'forecast', row: 2, column: 'attainment', shows: '90.0%' },
  { template: 'forecast', row: 2, column: 'needed', shows: '5.0' },
  { template: 'forecast', row: 2, column: 'pace', shows: L('正常', 'On track') },
  // 华南区销售's 100 / 120 / 150: won 0 + commit 80 reaches no tier, nor does the pace (the period is over: won 0).
  { template: 'forecast', row: 0, column: 'forecastTier', shows: L('未达成', 'Below target') },
  { template: 'forecast', row: 0, column: 'paceTier', shows: L('未达成', 'Below target') },
  // 预测提报: the manager's 80 counts over the rep's 90; at 72 actual, 1 − 8/72 = 88.9%, 8/72 = 11.1% too high.
  // 销售例会 / 行动项 (source 003 §3): the script done on its day, the after-sales channel 3 days late, the
  // legal step early — nothing left open, so the samples raise no finding.
  { template: 'actionItems', row: 0, column: 'state', shows: L('按时完成', 'Done on time') },
  { template: 'actionItems', row: 1, column: 'state', shows: L('延期完成', 'Done late') },
  { template: 'actionItems', row: 2, column: 'state', shows: L('按时完成', 'Done on time') },
  { template: 'meetings', row: 0, column: 'openItems', shows: '0' },
  { template: 'meetings', row: 1, column: 'openItems', shows: '0' },
  // 方案反馈 (source 002 第四步's own quotes): 线索分级 scored 5 and 4, 工具支持 4 and 2.
  { template: 'planFeedback', row: 0, column: 'mean', shows: '4.5' },
  { template: 'planFeedback', row: 0, column: 'answers', shows: '2' },
  { template: 'planFeedback', row: 1, column: 'mean', shows: '3.0' },
  { template: 'planFeedback', row: 3, column: 'answers', shows: '2' },
  { template: 'forecastCalls', row: 0, column: 'called', shows: '80.0' },
  { template: 'forecastCalls', row: 0, column: 'accuracy', shows: '88.9%' },
  { template: 'forecastCalls', row: 0, column: 'bias', shows: '11.1%' },
  { template: 'forecastCalls', row: 1, column: 'called', shows: '50.0' },
  { template: 'forecastCalls', row: 1, column: 'accuracy', shows: '90.9%' },
  { template: 'forecastCalls', row: 1, column: 'bias', shows: '-9.1%' },
  { template: 'forecastCalls', row: 2, column: 'called', shows: '85.0' },
  { template: 'forecastCalls', row: 2, column: 'accuracy', shows: '81.9%' },
  // 组织架构: a row in force and the row a move ended.
  { template: 'orgChart', row: 0, column: 'status', shows: L('当前', 'Current') },
  { template: 'orgChart', row: 3, column: 'status', shows: L('已结束', 'Ended') },
  // Its roll-up of 预测提报's latest calls: 华南区销售 85 (the 03-11 call), 大客户经理 none, 华东区销售 50;
  // 华南区经理 and 华南区 85, 华东区 50; the ended row counts nothing.
  { template: 'forecastCalls', row: 0, column: 'latest', shows: '' },
  { template: 'forecastCalls', row: 1, column: 'latest', shows: '1' },
  { template: 'forecastCalls', row: 2, column: 'latest', shows: '1' },
  ...(
    [
      [0, '85.0', '85.0', '85.0'],
      [1, '0.0', '85.0', '85.0'],
      [2, '50.0', '50.0', '50.0'],
      [3, '', '', ''],
    ] as const
  ).flatMap(([row, latestCommit, managerCommit, regionCommit]) =>
    Object.entries({ latestCommit, managerCommit, regionCommit }).map(([column, shows]) => ({
      template: 'orgChart' as const,
      row,
      column,
      shows,
    })),
  ),
  // One-on-one commitments: one kept before its date, one done three days late.
  { template: 'oneOnOne', row: 0, column: 'status', shows: L('按时完成', 'Done on time') },
  { template: 'oneOnOne', row: 1, column: 'status', shows: L('延期完成', 'Done late') },
  // 绩效考核: 124%×60% + 105%×25% + 95%×15% = 114.9%, 突出; 620,000 over the plan's tiers earns
  // 2% of 100,000 + 5% of 400,000 + 8% of 120,000 = 31,600. The second rep scores 76.5%, 需辅导.
  { template: 'performance', row: 0, column: 'score', shows: '114.9%' },
  { template: 'performance', row: 0, column: 'level', shows: L('突出', 'Outstanding') },
  { template: 'performance', row: 0, column: 'commission', shows: '31,600.0' },
  { template: 'performance', row: 1, column: 'score', shows: '76.5%' },
  { template: 'performance', row: 1, column: 'level', shows: L('需辅导', 'Needs coaching') },
  { template: 'performance', row: 1, column: 'commission', shows: '10,000.0' },
  // Goal tiers: 620,000 passes the stretch (600,000), not the challenge: the plan's 冲刺 reward 2% = 12,400.
  { template: 'performance', row: 0, column: 'tier', shows: L('冲刺', 'Stretch') },
  { template: 'performance', row: 0, column: 'tierReward', shows: '12,400.0' },
  { template: 'performance', row: 1, column: 'tier', shows: L('未达成', 'Below target') },
  { template: 'performance', row: 1, column: 'tierReward', shows: '0.0' },
  { template: 'leads', row: 0, column: 'grade', shows: 'A' },
  { template: 'leads', row: 1, column: 'grade', shows: 'B' },
  { template: 'leads', row: 2, column: 'grade', shows: 'C' },
  { template: 'leads', row: 0, column: 'met', shows: 'TRUE' },
  { template: 'leads', row: 1, column: 'met', shows: 'FALSE' },
  { template: 'leads', row: 2, column: 'met', shows: 'TRUE' },
];

/** The funnel's bottleneck, shown beside the table. */
export const BOTTLENECK_STAGE = L('需求确认', 'Needs confirmed');

/** Where a template's cells are in a sheet: header row and column of each key (from the same plan the hosts render). */
export function layoutOf(template: TemplateId, locale: Locale) {
  const spec = templateById(template);
  const plan = planTemplate(spec, { locale, samples: true, portable: true });
  return {
    plan,
    firstDataRow: plan.headerRow + 1,
    column: (key: string): number => {
      const c = plan.columns.findIndex((col) => col.key === key);
      if (c < 0) throw new Error(`${template} has no column ${key}`);
      return c;
    },
  };
}

/** Every expectation as [description, expected, actual], for `expect(actual).toEqual(expected)` in one go. */
export function documentNumbers(locale: Locale, read: CellReader): { expected: string[]; actual: string[] } {
  const expected: string[] = [];
  const actual: string[] = [];
  for (const e of DOCUMENT_NUMBERS) {
    const shows = typeof e.shows === 'string' ? e.shows : e.shows[locale];
    const label = `${e.template}[${e.row}].${e.column}`;
    expected.push(`${label} = ${shows}`);
    actual.push(`${label} = ${read(e.template, e.row, e.column)}`);
  }
  return { expected, actual };
}
