/**
 * 方案反馈 (issue 25): the summary per statement (answers, mean, spread, share agreeing) and the
 * comments' themes equal an oracle; a score outside 1–5 is named by its row; no column can
 * identify a respondent; a statement scored low by enough people is a finding, the samples are not.
 */
import fc from 'fast-check';
import {
  FEEDBACK_THEMES,
  SURVEY_STATEMENTS,
  analyseWorkbook,
  diagnose,
  planTemplate,
  surveySummary,
  templateById,
  themesOf,
} from '../../../src/core';
import { sampleTable, tableOf } from './fixtures';

const TODAY = 46000;
const [CLEAR, GRADING, TOOLS] = SURVEY_STATEMENTS.map((s) => s['zh-CN']) as [string, string, string];

test('per statement: answers, mean, spread and share agreeing equal the oracle; themes are counted', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ statement: fc.constantFrom(CLEAR, GRADING, TOOLS), score: fc.integer({ min: 1, max: 5 }) }), {
        minLength: 1,
        maxLength: 40,
      }),
      (answers) => {
        const rows = answers.map((a, i) => ({ 答卷编号: `A${i % 7}`, 陈述: a.statement, 评分: a.score }));
        const summary = surveySummary({ planFeedback: tableOf('planFeedback', rows) });
        for (const line of summary?.statements ?? []) {
          const scores = answers.filter((a) => a.statement === line.statement).map((a) => a.score);
          expect(line.answers).toBe(scores.length);
          expect(line.mean).toBeCloseTo(scores.reduce((s, x) => s + x, 0) / scores.length, 12);
          expect(line.distribution).toEqual([1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length));
          expect(line.agree).toBeCloseTo(scores.filter((x) => x >= 4).length / scores.length, 12);
        }
        expect(summary?.statements.map((l) => l.statement).sort()).toEqual([...new Set(answers.map((a) => a.statement))].sort());
        expect(summary?.responses).toBe(new Set(rows.map((r) => r.答卷编号)).size);
      },
    ),
    { numRuns: 100 },
  );
});

test('comments are counted under every theme they touch; a bad score is named by its row', () => {
  const rows = [
    { 答卷编号: 'A01', 陈述: TOOLS, 评分: 2, 意见与建议: '希望增加客户画像分析工具' },
    { 答卷编号: 'A02', 陈述: TOOLS, 评分: 6, 意见与建议: 'CRM系统提醒功能减少了遗漏' },
    { 答卷编号: 'A03', 陈述: GRADING, 评分: 4.5, 意见与建议: '培训太少,加班太多' },
    { 答卷编号: 'A04', 陈述: GRADING, 评分: 3, 意见与建议: '挺好' },
  ];
  const summary = surveySummary({ planFeedback: tableOf('planFeedback', rows) });
  const count = (theme: string) => summary?.themes.find((t) => t.theme === theme)?.count ?? 0;
  expect(count('tools')).toBe(2);
  expect(count('leads')).toBe(1); // 客户画像
  expect(count('training')).toBe(1);
  expect(count('workload')).toBe(1);
  expect(summary?.otherComments).toBe(1);
  expect(summary?.badScoreRows).toEqual([4, 5]); // 6 and 4.5: header on row 2, data from row 3
  expect(summary?.statements).toEqual([
    { statement: TOOLS, answers: 1, mean: 2, distribution: [0, 1, 0, 0, 0], agree: 0 },
    { statement: GRADING, answers: 1, mean: 3, distribution: [0, 0, 1, 0, 0], agree: 0 },
  ]);
  expect(themesOf('The CRM tool needs a customer profile')).toEqual(['tools', 'leads']);
  expect(FEEDBACK_THEMES.map((t) => t.key)).toHaveLength(7);
});

test('no column of 方案反馈 can identify a respondent', () => {
  const spec = templateById('planFeedback');
  const identifying = /姓名|名字|负责人|销售人员|提交人|成员|手机|邮箱|工号|name|owner|rep\b|member|email|phone/i;
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const header = planTemplate(spec, { locale, samples: true, portable: true }).columns.map((c) => c.label);
    expect(header.filter((label) => identifying.test(label))).toEqual([]);
  }
  expect(spec.columns.map((c) => c.key)).not.toEqual(expect.arrayContaining(['owner', 'rep', 'member', 'name']));
});

test('a statement scored low by enough people is a finding; the documents’ samples are not', () => {
  const low = [2, 1, 3, 2].map((score, i) => ({ 答卷编号: `A${i}`, 陈述: TOOLS, 评分: score }));
  const findings = (rows: readonly Record<string, string | number>[]) =>
    diagnose(analyseWorkbook({ planFeedback: tableOf('planFeedback', rows) }, { today: TODAY }), { locale: 'zh-CN', today: TODAY }).filter(
      (f) => f.rule === 'survey.lowScore',
    );
  expect(findings(low).map((f) => [f.problem, f.severity])).toEqual([[`团队对“${TOOLS}”评分偏低:4 份答卷平均 2 分,同意的占 0.0%`, 'high']]);
  const samples = sampleTable('planFeedback');
  const analysis = analyseWorkbook({ planFeedback: samples }, { today: TODAY });
  expect(analysis.summary.survey?.statements.map((s) => [s.statement, s.mean])).toEqual([
    [GRADING, 4.5],
    [TOOLS, 3],
  ]);
  expect(diagnose(analysis, { locale: 'zh-CN', today: TODAY }).filter((f) => f.rule === 'survey.lowScore')).toEqual([]);
});
