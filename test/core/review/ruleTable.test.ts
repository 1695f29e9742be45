/**
 * The rules of step 3 as declared entries (src/core/review/rules.ts REVIEW_RULES, issue 26): every
 * finding a rule states carries a rule id its entry declares, every rule id written in the rule
 * files is declared once, and a finding's sheet is the one its entry names.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_RULES, analyseWorkbook, sourceOfRule } from '../../../src/core';
import { DEFAULT_THRESHOLDS } from '../../../src/core/review/analysis';
import type { Context } from '../../../src/core/review/ruleContext';
import { TODAY, sampleData } from './fixtures';

const REVIEW_DIR = join(__dirname, '../../../src/core/review');

const context = (): Context => ({
  locale: 'zh-CN',
  thresholds: { ...DEFAULT_THRESHOLDS, completionRate: DEFAULT_THRESHOLDS.completionRate ?? 0.8 },
  unit: undefined,
  out: [],
});

test('each entry states only the rule ids it declares, and only from the part it reads', () => {
  const analysis = analyseWorkbook(sampleData(), { today: TODAY });
  let fired = 0;
  for (const rule of REVIEW_RULES) {
    const ctx = context();
    rule.fires(analysis, ctx);
    fired += ctx.out.length;
    for (const finding of ctx.out)
      expect([rule.id, finding.rule && Object.keys(rule.states).includes(finding.rule)]).toEqual([rule.id, true]);
    // Without the part it reads, a rule has nothing to say.
    const without = context();
    rule.fires({ ...analysis, summary: { ...analysis.summary, [rule.reads]: undefined } }, without);
    expect([rule.id, without.out]).toEqual([rule.id, []]);
  }
  // The samples are written to show the method's problems: the check is not vacuous.
  expect(fired).toBeGreaterThan(10);
});

test('every rule id the rule files write is declared by exactly one entry, with its sheet', () => {
  const written = new Set<string>();
  for (const file of readdirSync(REVIEW_DIR).filter((f) => /^rules\w*\.ts$/.test(f)))
    for (const m of readFileSync(join(REVIEW_DIR, file), 'utf8').matchAll(/\brule: '([\w.]+)'/g)) written.add(m[1] as string);
  const declared = REVIEW_RULES.flatMap((rule) => Object.keys(rule.states));
  expect(new Set(declared).size).toBe(declared.length);
  expect([...written].sort()).toEqual([...declared].sort());
  for (const rule of REVIEW_RULES) for (const [id, sheet] of Object.entries(rule.states)) expect(sourceOfRule(id)).toBe(sheet);
});
