/**
 * PACE by tier (issue 24): 销售预测's 预测档位 (the tier won + commit reaches) and 进度档位 (the tier
 * the pace so far projects) for rows before, inside and after their period, written through the
 * headless Univer host with portable formulas: Univer's values, LibreOffice's recomputation of the
 * file and the review's summary all equal the core oracle (core/domain/tiers.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CellValue,
  type GoalTier,
  type WriteCell,
  analyseWorkbook,
  goalTierLabel,
  matchHeader,
  planTemplate,
  projectedTier,
  specLayout,
  templateById,
  tierReached,
  toReadTable,
  todaySerial,
} from '../../../src/core';
import { writeXlsx } from '../../../src/files/xlsxWrite';
import { createHeadlessUniver, type HeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import { computedSheets } from '../../support/libreoffice';

const forecast = templateById('forecast');
const TODAY = todaySerial(new Date());

interface Row {
  readonly owner: string;
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly stretch?: number;
  readonly challenge?: number;
  readonly won: number;
  readonly commit: number;
}

// A 90-day period with 30 days gone (a third), one ended, one not begun; won and commit around each tier.
const NOW = { start: TODAY - 29, end: TODAY + 60 };
const ROWS: readonly Row[] = [
  { owner: '销售一', ...NOW, target: 90, stretch: 105, challenge: 120, won: 41, commit: 50 }, // pace 123 → challenge; forecast 91 → target
  { owner: '销售二', ...NOW, target: 90, stretch: 105, challenge: 120, won: 35, commit: 80 }, // pace 105 → stretch; forecast 115 → stretch
  { owner: '销售三', ...NOW, target: 90, stretch: 105, won: 20, commit: 10 }, // pace 60 → below
  { owner: '销售四', start: TODAY - 120, end: TODAY - 31, target: 60, challenge: 80, won: 82, commit: 0 }, // ended: challenge
  { owner: '销售五', start: TODAY + 5, end: TODAY + 94, target: 60, stretch: 70, won: 0, commit: 75 }, // not begun: no pace tier
  { owner: '销售六', ...NOW, target: 50, won: 30, commit: 0 }, // pace 90 → target; no stretch or challenge: no tiers in the summary
];

const levels = (r: Row) => ({
  target: r.target,
  ...(r.stretch !== undefined ? { stretch: r.stretch } : {}),
  ...(r.challenge !== undefined ? { challenge: r.challenge } : {}),
});
const oracle = (r: Row): { forecast: GoalTier; pace: GoalTier | undefined } => ({
  forecast: tierReached(r.won + r.commit, levels(r)),
  pace: projectedTier(r.won, levels(r), r.start, r.end, TODAY),
});

let host: HeadlessUniver;
let univer: { forecastTier: unknown; paceTier: unknown }[];
let file: string;
let summaryTiers: unknown[];

beforeAll(async () => {
  host = createHeadlessUniver('zh-CN');
  const workbook = host.api.getActiveWorkbook();
  if (!workbook) throw new Error('no workbook');
  const port = createUniverWorkbook(host.api, { workbook, locale: 'zh-CN' });
  const inserted = await port.insertTemplate(planTemplate(forecast, { locale: 'zh-CN', samples: false, portable: true, blankRows: 1 }));
  const table = await port.readTable({ sheetName: inserted.sheetName });
  const layout = specLayout(forecast.columns, { ...table, rowCount: table.rows.length }, matchHeader(forecast, table.header), true);
  const values = (r: Row): Record<string, CellValue> => ({
    owner: r.owner,
    start: r.start,
    end: r.end,
    target: r.target,
    won: r.won,
    commit: r.commit,
    stretchTarget: r.stretch ?? null,
    challengeTarget: r.challenge ?? null,
  });
  await port.writeTables([
    {
      location: layout.location,
      header: table.header,
      computed: layout.computed,
      rows: ROWS.map((r) =>
        layout.byPosition.map((column): WriteCell => {
          if (column === undefined) return null;
          return column.formula ? layout.formulaCell(column) : (values(r)[column.key] ?? null);
        }),
      ),
    },
  ]);
  await host.api.getFormula().onCalculationResultApplied();
  const read = await port.readTable({ sheetName: inserted.sheetName });
  const columns = matchHeader(forecast, read.header).columns;
  univer = read.rows
    .slice(0, ROWS.length)
    .map((row) => ({ forecastTier: row[columns.get('forecastTier') as number], paceTier: row[columns.get('paceTier') as number] }));
  // The review reads 销售预测 beside a deal register (the templates' sample deals).
  const deals = await port.insertTemplate(planTemplate(templateById('deals'), { locale: 'zh-CN', samples: true, portable: true }));
  const register = toReadTable('deals', await port.readTable({ sheetName: deals.sheetName }));
  const analysis = analyseWorkbook({ deals: register, forecast: toReadTable('forecast', read) }, { today: TODAY });
  summaryTiers = (analysis.summary.deals?.forecast ?? []).map((line) => line.tiers ?? null);

  file = join(mkdtempSync(join(tmpdir(), 'forecast-tiers-')), 'forecast.xlsx');
  writeFileSync(file, (await writeXlsx(JSON.parse(JSON.stringify(workbook.save())), { portable: true })).buffer);
}, 120_000);

afterAll(() => host?.dispose());

const label = (tier: GoalTier | undefined) => (tier === undefined ? '' : goalTierLabel(tier, 'zh-CN'));
const shown = (v: unknown) => (v === null || v === undefined ? '' : v);

test('the oracle covers every tier and a period not begun', () => {
  expect(ROWS.map((r) => oracle(r).pace)).toEqual(['challenge', 'stretch', 'below', 'challenge', undefined, 'target']);
  expect(ROWS.map((r) => oracle(r).forecast)).toEqual(['target', 'stretch', 'below', 'challenge', 'stretch', 'below']);
});

test('Univer computes 预测档位 and 进度档位 as the oracle does', () => {
  expect(univer.map((r) => ({ forecastTier: shown(r.forecastTier), paceTier: shown(r.paceTier) }))).toEqual(
    ROWS.map((r) => ({ forecastTier: label(oracle(r).forecast), paceTier: label(oracle(r).pace) })),
  );
});

test('LibreOffice recomputes the file to the same tiers', () => {
  const rows = computedSheets([file]).get(file)?.get('销售预测') ?? [];
  const header = rows.findIndex((r) => r.includes('进度档位'));
  expect(header).toBeGreaterThanOrEqual(0);
  const at = (name: string) => (rows[header] as string[]).indexOf(name);
  const got = ROWS.map((_r, i) => ({
    forecastTier: rows[header + 1 + i]?.[at('预测档位')],
    paceTier: rows[header + 1 + i]?.[at('进度档位')],
  }));
  expect(got).toEqual(ROWS.map((r) => ({ forecastTier: label(oracle(r).forecast), paceTier: label(oracle(r).pace) })));
}, 120_000);

test('the review’s forecast lines carry the same tiers, only where a stretch or challenge is given', () => {
  expect(summaryTiers).toEqual(
    ROWS.map((r) =>
      r.stretch === undefined && r.challenge === undefined
        ? null
        : {
            ...(r.stretch !== undefined ? { stretch: r.stretch } : {}),
            ...(r.challenge !== undefined ? { challenge: r.challenge } : {}),
            forecast: oracle(r).forecast,
            pace: oracle(r).pace ?? null,
          },
    ),
  );
});
