/**
 * Review analysis budget (docs/DESIGN.md §4): `analyseWorkbook` on 10k and 100k 表2 rows (+ 表3 rows,
 * a tenth as many) in core, target ≤ 100 ms for 100k, printed beside the same aggregates done as
 * spreadsheet formulas — attainment by region = SUMIFS(actual) / SUMIFS(target) over reported
 * rows, action completion = COUNTIFS / COUNTA — in the Univer formula engine, headless in Node.
 *
 * Univer's CommonJS builds require a few ESM-only packages (lodash-es, nanoid…); under tsx on
 * Node ≥ 20.19 they load through require(esm), so no shims are needed here (Jest needs them).
 */
import {
  type CellValue,
  type WorkbookData,
  analyseWorkbook,
  planTemplate,
  serialFromDate,
  templateById,
  toReadTable,
} from '../../src/core';
import type { TemplateId } from '../../src/core';
import { cpus, loadavg } from 'node:os';
import type { ICellData, IObjectMatrixPrimitiveType } from '@univerjs/core';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';

const SIZES = [10_000, 100_000];
const CORE_RUNS = 9;
const BUDGET_MS = 100;
const TODAY = serialFromDate(2024, 7, 1);
const REGIONS = ['华南区', '华东区', '华北区', '华中区', '西南区', '西北区', '东北区', '港澳区'];

/** A small deterministic generator, so every run measures the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Generated {
  readonly data: WorkbookData;
  readonly goals: { region: string; owner: string; target: number; actual: number | null }[];
  readonly actions: { action: string; planned: number; actual: number | null }[];
}

function header(id: TemplateId): string[] {
  const spec = templateById(id);
  if (!spec) throw new Error(`no template ${id}`);
  return planTemplate(spec, { locale: 'zh-CN', samples: false, portable: false }).columns.map((c) => c.label);
}

/** 表2 rows (unique, 90% reported) and a tenth as many 表3 rows (70% done), as read tables and as plain values. */
function generate(rows: number): Generated {
  const next = random(rows);
  const goals: Generated['goals'] = [];
  const goalRows: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const quarter = `2024 Q${(i % 4) + 1}`;
    const region = REGIONS[i % REGIONS.length] ?? '';
    const owner = `销售${i % 97}`;
    const target = 50 + Math.floor(next() * 150);
    const actual = next() < 0.9 ? Math.round(target * (0.6 + next() * 0.6)) : null;
    goals.push({ region, owner, target, actual });
    // 季度, 季度目标, 月份, 月度分解目标, 负责区域, 负责人, 月度实际完成, =达成率, =差距, 差异分析 (unique: no duplicates)
    goalRows.push([quarter, 5000, `2024-${String((i % 12) + 1).padStart(2, '0')}`, target, region, owner, actual, null, null, `#${i}`]);
  }
  const actions: Generated['actions'] = [];
  const actionRows: CellValue[][] = [];
  for (let i = 0; i < rows / 10; i++) {
    const planned = TODAY - 60 + Math.floor(next() * 90);
    const actual = next() < 0.7 ? planned - 3 + Math.floor(next() * 8) : null;
    actions.push({ action: `措施${i}`, planned, actual });
    // 优化措施, 责任人, 计划完成时间, 实际完成时间, 完成质量, 未完成原因说明, =延期天数, =状态, 复盘编号
    actionRows.push([`措施${i}`, `销售${i % 97}`, planned, actual, actual === null ? null : '良', null, null, null, 'R2024-06-01']);
  }
  const table = (id: TemplateId, data: CellValue[][]) =>
    toReadTable(id, { sheetName: id, headerRow: 1, firstColumn: 0, header: header(id), rows: data });
  return { data: { goals: table('goals', goalRows), execution: table('execution', actionRows) }, goals, actions };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

interface CoreRun {
  /** Median wall-clock time. */
  readonly ms: number;
  /** Median CPU time of this process (user + system): what the code costs when other work shares the machine. */
  readonly cpuMs: number;
  /** The very first call, before the JIT has optimised anything: what a user's single read costs at worst. */
  readonly firstMs: number;
  readonly byRegion: Map<string, number | null>;
  readonly completion: number | null;
}

function timeCore(data: WorkbookData): CoreRun {
  const first = performance.now();
  analyseWorkbook(data, { today: TODAY });
  const firstMs = performance.now() - first;
  // V8 tiers hot code up over the first ~10 calls; the budget is about the steady state.
  for (let warm = 0; warm < 12; warm++) analyseWorkbook(data, { today: TODAY });
  const times: number[] = [];
  const cpu: number[] = [];
  let result = analyseWorkbook(data, { today: TODAY });
  for (let run = 0; run < CORE_RUNS; run++) {
    const usage = process.cpuUsage();
    const started = performance.now();
    result = analyseWorkbook(data, { today: TODAY });
    times.push(performance.now() - started);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  const goals = result.summary.goals;
  return {
    ms: median(times),
    cpuMs: median(cpu),
    firstMs,
    byRegion: new Map((goals?.byRegion ?? []).map((l) => [l.name, l.attainment])),
    completion: result.summary.actions?.completionRate ?? null,
  };
}

interface FormulaRun {
  readonly ms: number;
  readonly calcOnlyMs: number;
  readonly byRegion: Map<string, number | null>;
  readonly completion: number | null;
}

async function timeFormulas(generated: Generated, locale: 'zh-CN'): Promise<FormulaRun> {
  const host = createHeadlessUniver(locale, { today: TODAY });
  try {
    const run = async (withData: boolean): Promise<{ ms: number; values: unknown[][] }> => {
      const workbook = host.api.createWorkbook({ name: `bench-${generated.goals.length}-${withData}` });
      const goalsSheet = workbook.insertSheet('T2');
      const actionsSheet = workbook.insertSheet('T3');
      const summary = workbook.insertSheet('Summary');
      const n = generated.goals.length;
      const m = generated.actions.length;
      goalsSheet.setRowCount(n + 1);
      actionsSheet.setRowCount(m + 1);
      // Only the columns the formulas read: region, target, actual / action, planned, actual.
      const goalValues = sparse(
        generated.goals.map((g) => [g.region, g.target, g.actual]),
        1,
      );
      const actionValues = sparse(
        generated.actions.map((a) => [a.action, a.planned, a.actual]),
        1,
      );
      const last = n + 1;
      const formulas = [
        ...REGIONS.map((r) => [
          r,
          `=SUMIFS(T2!$C$2:$C$${last},T2!$A$2:$A$${last},A${REGIONS.indexOf(r) + 1},T2!$C$2:$C$${last},"<>")/SUMIFS(T2!$B$2:$B$${last},T2!$A$2:$A$${last},A${REGIONS.indexOf(r) + 1},T2!$C$2:$C$${last},"<>")`,
        ]),
        ['completion', `=COUNTIFS(T3!$C$2:$C$${m + 1},"<>")/COUNTA(T3!$A$2:$A$${m + 1})`],
      ];
      const writeData = () => {
        goalsSheet.getRange(1, 0, n, 3).setValues(goalValues);
        actionsSheet.getRange(1, 0, m, 3).setValues(actionValues);
      };
      if (!withData) {
        writeData();
        await settle(host.api.getFormula().onCalculationResultApplied());
      }
      const started = performance.now();
      if (withData) writeData();
      summary.getRange(0, 0, formulas.length, 2).setValues(formulas);
      await host.api.getFormula().onCalculationResultApplied();
      const ms = performance.now() - started;
      return { ms, values: summary.getRange(0, 0, formulas.length, 2).getValues() };
    };
    const full = await run(true);
    const calcOnly = await run(false);
    const byRegion = new Map<string, number | null>(
      full.values.slice(0, REGIONS.length).map((row) => [String(row[0]), typeof row[1] === 'number' ? row[1] : null]),
    );
    const completionCell = full.values[REGIONS.length]?.[1];
    return { ms: full.ms, calcOnlyMs: calcOnly.ms, byRegion, completion: typeof completionCell === 'number' ? completionCell : null };
  } finally {
    await host.dispose();
  }
}

/** Rows as a sparse cell matrix in sheet coordinates from `firstRow` (what the facade's setValues takes): a blank stays empty, not ''. */
function sparse(rows: readonly (readonly (string | number | null)[])[], firstRow: number): IObjectMatrixPrimitiveType<ICellData> {
  const matrix: IObjectMatrixPrimitiveType<ICellData> = {};
  rows.forEach((row, r) => {
    const cells: Record<number, ICellData> = {};
    row.forEach((v, c) => {
      if (v !== null) cells[c] = { v };
    });
    matrix[firstRow + r] = cells;
  });
  return matrix;
}

/** Waits for a calculation that may not be pending (nothing to compute): at most 2 s. */
async function settle(promise: Promise<unknown>): Promise<void> {
  await Promise.race([promise, new Promise((resolve) => setTimeout(resolve, 2000))]);
}

function sameAggregates(core: CoreRun, formulas: FormulaRun): boolean {
  const close = (a: number | null | undefined, b: number | null | undefined) =>
    (a ?? NaN) === (b ?? NaN) || Math.abs((a ?? NaN) - (b ?? NaN)) < 1e-9;
  return REGIONS.every((r) => close(core.byRegion.get(r), formulas.byRegion.get(r))) && close(core.completion, formulas.completion);
}

export async function reviewBench(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  let at100k: CoreRun | undefined;
  const load = loadavg()[0] ?? 0;
  for (const size of SIZES) {
    const generated = generate(size);
    const core = timeCore(generated.data);
    if (size === 100_000) at100k = core;
    let formulas: FormulaRun | undefined;
    let note = '';
    try {
      formulas = await timeFormulas(generated, 'zh-CN');
    } catch (error) {
      note = error instanceof Error ? error.message : String(error);
    }
    rows.push({
      '表2 rows': size,
      '表3 rows': size / 10,
      [`core analyseWorkbook ms (median of ${CORE_RUNS})`]: +core.ms.toFixed(1),
      'core CPU ms (median)': +core.cpuMs.toFixed(1),
      'core first call ms (cold JIT)': +core.firstMs.toFixed(1),
      'Univer SUMIFS/COUNTIFS ms (setValues → result)': formulas ? +formulas.ms.toFixed(0) : NaN,
      'Univer ms, formulas only (data already in)': formulas ? +formulas.calcOnlyMs.toFixed(0) : NaN,
      'ratio (Univer / core)': formulas ? +(formulas.ms / core.ms).toFixed(1) : NaN,
      'same aggregates': formulas ? (sameAggregates(core, formulas) ? 'yes' : 'NO') : note,
    });
  }
  console.log(
    `Review analysis: core vs spreadsheet formulas (Univer formula engine, headless Node; load average ${load.toFixed(1)} on ${cpus().length} CPUs)`,
  );
  console.table(rows);
  if (at100k !== undefined) {
    const { ms, cpuMs } = at100k;
    const verdict =
      ms <= BUDGET_MS
        ? 'within budget'
        : cpuMs <= BUDGET_MS
          ? 'over budget in wall time only (the machine is busy; CPU time is within)'
          : 'OVER BUDGET';
    console.log(`${verdict}: 100k rows in ${ms.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU (budget ${BUDGET_MS} ms)\n`);
  }
}
