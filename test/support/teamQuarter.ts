/**
 * The team's quarter every test of issue 24 shares (core and hosts): six reps under two managers in
 * two regions, 销售三 moving from 华南区经理 to 华东区经理 mid-quarter, thirteen weekly calls each with
 * the manager trimming 销售一's from week 5, 销售六 calling no more for the last two weeks.
 */
import {
  type ForecastCall,
  type OrgAssignment,
  type TableSnapshot,
  type WriteCell,
  callTableWrite,
  matchHeader,
  serialFromDate,
  specLayout,
  templateById,
  templateReferences,
} from '../../src/core';
import { insertTemplateWithUses } from '../../src/workbook/insertTemplate';
import type { WorkbookPort } from '../../src/workbook/port';

export const START = serialFromDate(2026, 1, 1);
export const END = serialFromDate(2026, 3, 31);
export const MOVE = serialFromDate(2026, 2, 16);
export const WEEKS = Array.from({ length: 13 }, (_, i) => serialFromDate(2026, 1, 5) + 7 * i);

export const ORG: OrgAssignment[] = [
  { region: '华南区', manager: '华南区经理', rep: '销售一' },
  { region: '华南区', manager: '华南区经理', rep: '销售二' },
  { region: '华南区', manager: '华南区经理', rep: '销售三', end: MOVE - 1 },
  { region: '华东区', manager: '华东区经理', rep: '销售三', start: MOVE },
  { region: '华东区', manager: '华东区经理', rep: '销售四' },
  { region: '华东区', manager: '华东区经理', rep: '销售五' },
  { region: '华东区', manager: '华东区经理', rep: '销售六' },
];
export const REPS = ['销售一', '销售二', '销售三', '销售四', '销售五', '销售六'];
export const ACTUAL: Record<string, number> = { 销售一: 120, 销售二: 80, 销售三: 100, 销售四: 60, 销售五: 150, 销售六: 90 };

/** Deterministic calls: 销售一 always calls high, 销售四 always low, the others around their result. */
export function quarter(): ForecastCall[] {
  const calls: ForecastCall[] = [];
  let row = 0;
  REPS.forEach((rep, r) => {
    WEEKS.forEach((week, w) => {
      if (rep === '销售六' && w >= 11) return; // stops calling for the last two weeks
      const actual = ACTUAL[rep] as number;
      const drift = rep === '销售一' ? 30 : rep === '销售四' ? -20 : ((w * 7 + r * 3) % 11) - 5;
      const commit = actual + drift;
      calls.push({
        row: row++,
        rep,
        week,
        start: START,
        end: END,
        commit,
        bestCase: commit + 20,
        systemCommit: actual - 10,
        // The managers trim 销售一's calls by 25 from week 5 on, with a note.
        ...(rep === '销售一' && w >= 4 ? { adjustedCommit: commit - 25, note: '历史偏高' } : {}),
        submittedAt: week + 0.4,
      });
    });
  });
  return calls;
}

/**
 * The quarter written into a workbook through its port, as the pane writes it: 组织架构 inserted
 * (bringing 预测提报), every call appended with callTableWrite, the org rows with their formulas.
 */
export async function writeQuarter(port: WorkbookPort, portable: boolean): Promise<{ org: TableSnapshot; orgSheet: string }> {
  const orgChart = templateById('orgChart');
  const inserted = await insertTemplateWithUses(port, orgChart, { locale: 'zh-CN', samples: false, portable, blankRows: 1 });
  const calls = await port.readTable({ sheetName: '预测提报' });
  const writes = quarter().map((call) => {
    const { row: _row, actual: _actual, ...submission } = call;
    const plan = callTableWrite({ ...submission, submittedAt: call.submittedAt ?? call.week }, calls, { portable });
    if (!plan.ok) throw new Error(plan.message['en-US']);
    return plan.write;
  });
  const org = await port.readTable({ sheetName: inserted.sheetName });
  const layout = specLayout(orgChart.columns, org, matchHeader(orgChart, org.header), portable, templateReferences(orgChart, 'zh-CN'));
  const orgRows = ORG.map((a) =>
    layout.byPosition.map((column): WriteCell => {
      if (column === undefined) return null;
      if (column.formula) return layout.formulaCell(column);
      const values: Record<string, WriteCell> = {
        region: a.region,
        manager: a.manager,
        rep: a.rep,
        start: a.start ?? null,
        end: a.end ?? null,
      };
      return values[column.key] ?? null;
    }),
  );
  const [first] = writes;
  if (!first) throw new Error('no calls');
  await port.writeTables([
    { ...first, rows: writes.flatMap((w) => w.rows) },
    { location: layout.location, header: org.header, computed: layout.computed, rows: orgRows },
  ]);
  return { org, orgSheet: inserted.sheetName };
}
