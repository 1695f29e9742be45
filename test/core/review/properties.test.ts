/**
 * Property tests: whatever the sheets hold — numbers, huge or negative ones, text, dates as text,
 * booleans, blanks, error text, short rows, shuffled or missing headers — the analysis never
 * throws, every rate is in [0, 1] or null, 表2 attainment is ≥ 0 or null, and the later steps
 * (process evaluation, rules, write plan) never throw on its result either.
 */
import fc from 'fast-check';
import {
  type Analysis,
  type CellValue,
  type ReadTable,
  type TemplateId,
  type WorkbookData,
  analyseWorkbook,
  diagnose,
  emptyDraft,
  evaluateProcess,
  followUpItems,
  planReviewWrite,
  templateById,
} from '../../../src/core';
import { TODAY } from './fixtures';

declare const FAST_CHECK_RUNS: number | undefined;
// Whole runs: fast-check never finishes a fractional numRuns (FAST_CHECK_RUNS=50 hung the suite).
const numRuns = Math.max(
  1,
  Math.floor(Math.min(typeof FAST_CHECK_RUNS === 'number' && FAST_CHECK_RUNS > 0 ? FAST_CHECK_RUNS : 1000, 2000) / 4),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noNaN: false }),
  fc.double({ min: 45000, max: 46000, noNaN: true }), // dates and times
  fc.constantFrom('2024-03-25', '2024-03-01 09:00', '越低越好', 'Lower is better', 'sideways', '#DIV/0!', '华南区', '优', 'A', '需求确认'),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
);

const SOURCES: readonly TemplateId[] = ['goals', 'funnel', 'leads', 'execution', 'plan', 'evaluation', 'kpi', 'diagnosis', 'reviewLog'];

/** A table of a template with random rows; sometimes a header label dropped or in English. */
function table(id: TemplateId): fc.Arbitrary<ReadTable> {
  const spec = templateById(id);
  return fc
    .record({
      english: fc.boolean(),
      drop: fc.option(fc.nat({ max: spec.columns.length - 1 }), { nil: undefined }),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: spec.columns.length + 1 }), { maxLength: 25 }),
      dupes: fc.nat({ max: 3 }),
    })
    .map(({ english, drop, rows, dupes }) => ({
      templateId: id,
      sheetName: spec.sheetName['zh-CN'],
      headerRow: 1,
      firstColumn: 0,
      header: spec.columns.map((c, i) => (i === drop ? 'renamed' : c.label[english ? 'en-US' : 'zh-CN'])),
      rows: [...rows, ...rows.slice(0, dupes)],
    }));
}

const workbook: fc.Arbitrary<WorkbookData> = fc
  .tuple(...SOURCES.map((id) => fc.option(table(id), { nil: undefined })))
  .map((tables) => Object.fromEntries(SOURCES.flatMap((id, i) => (tables[i] ? [[id, tables[i]]] : []))));

const inUnit = (r: number | null | undefined) => r === null || r === undefined || (Number.isFinite(r) && r >= 0 && r <= 1);
const nonNegative = (r: number | null | undefined) => r === null || r === undefined || (Number.isFinite(r) && r >= 0);

function checkRates(a: Analysis): void {
  const s = a.summary;
  for (const step of s.funnel?.steps ?? []) {
    expect(inUnit(step.stepRate)).toBe(true);
    expect(inUnit(step.cumulativeRate)).toBe(true);
  }
  for (const g of s.leads?.byGrade ?? []) expect(inUnit(g.breachRate)).toBe(true);
  expect(inUnit(s.actions?.completionRate)).toBe(true);
  for (const line of [s.goals?.overall, ...(s.goals?.byRegion ?? []), ...(s.goals?.byOwner ?? [])])
    expect(nonNegative(line?.attainment)).toBe(true);
  // KPI targets and actuals may be negative (a loss budget), so only finiteness holds there.
  for (const m of s.kpi?.metrics ?? []) expect(m.attainment === null || Number.isFinite(m.attainment)).toBe(true);
  for (const m of s.evaluation?.metrics ?? []) expect(m.change === null || Number.isFinite(m.change)).toBe(true);
  for (const issue of a.cleaning.issues) expect(issue.row).toBeGreaterThanOrEqual(1);
}

describe('review analysis on random sheets', () => {
  it('never throws; rates in [0, 1] or null; attainment ≥ 0 or null', () => {
    fc.assert(
      fc.property(workbook, fc.integer({ min: 40000, max: 50000 }), (data, today) => {
        const analysis = analyseWorkbook(data, { today });
        checkRates(analysis);
        const kept = Object.values(analysis.cleaning.validRows).reduce((a: number, b) => a + (b ?? 0), 0);
        expect(kept).toBeGreaterThanOrEqual(0);
      }),
      { numRuns },
    );
  });

  it('the later steps never throw on what the analysis gives', () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom('zh-CN' as const, 'en-US' as const), (data, locale) => {
        const analysis = analyseWorkbook(data, { today: TODAY });
        const areas = evaluateProcess(analysis, locale);
        const findings = diagnose(analysis, { locale, today: TODAY });
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
        const follow = followUpItems(data, TODAY);
        const draft = {
          ...emptyDraft({ today: TODAY, existingIds: [] }),
          areas,
          findings,
          followUps: follow.map((f) => ({ row: f.row, actual: TODAY, quality: '优' })),
        };
        const plan = planReviewWrite(draft, data, { locale, portable: false, analysis });
        expect(typeof plan.ok).toBe('boolean');
      }),
      { numRuns },
    );
  });

  it('duplicates are found whatever the rows: appending copies drops exactly the copies', () => {
    fc.assert(
      fc.property(table('goals'), (goals) => {
        const once = analyseWorkbook({ goals }, { today: TODAY }).cleaning;
        const twice = analyseWorkbook({ goals: { ...goals, rows: [...goals.rows, ...goals.rows] } }, { today: TODAY }).cleaning;
        expect(twice.validRows.goals).toBe(once.validRows.goals);
      }),
      { numRuns },
    );
  });
});
