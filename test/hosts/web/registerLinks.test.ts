/**
 * The register drives the rest (core/deals/links.ts): a 200-deal register, with 表2 rows, the
 * funnel and the forecast linked to it, computed by headless Univer and — saved as a portable
 * .xlsx — by LibreOffice, matches a plain JavaScript oracle over the same rows. Then a re-import
 * changes the register and the linked numbers follow without linking again.
 */
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEAL_FIELDS,
  DEAL_STATUSES,
  FORECAST_CATEGORIES,
  FUNNEL_STAGES,
  type CellValue,
  type ColumnMapping,
  type ImportedDeal,
  type Locale,
  type TableSnapshot,
  labelOfKey,
  matchHeader,
  planDealUpsert,
  planRegisterLinks,
  planTemplate,
  serialFromDate,
  specLayout,
  templateById,
  todaySerial,
} from '../../../src/core';
import { readXlsx } from '../../../src/files/xlsxRead';
import { writeXlsx } from '../../../src/files/xlsxWrite';
import { createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import { resavedByLibreOffice } from '../../support/libreoffice';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type StatusKey = 'open' | 'won' | 'lost' | 'removed';
type CategoryKey = (typeof FORECAST_CATEGORIES)[number]['key'];

interface Deal {
  readonly id: string;
  readonly owner: string;
  readonly region: string | null;
  readonly stage: (typeof FUNNEL_STAGES)[number]['key'];
  readonly status: StatusKey;
  readonly amount: number;
  readonly closeDate: number;
  readonly category: CategoryKey | null;
  readonly stageSince: number;
}

const OWNERS = ['华南区销售', '华东区销售', '大客户经理', '渠道经理'];
const REGIONS = ['华南区', '华东区', '华北区', null];
const LOCALE: Locale = 'zh-CN';

function makeDeals(count: number, seed: number): Deal[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_v, i) => {
    const roll = next();
    const status: StatusKey = roll < 0.55 ? 'open' : roll < 0.75 ? 'won' : roll < 0.92 ? 'lost' : 'removed';
    const stage = status === 'won' ? 'won' : pick(FUNNEL_STAGES.filter((s) => s.key !== 'won')).key;
    return {
      id: `D-${String(i + 1).padStart(4, '0')}`,
      owner: pick(OWNERS),
      region: pick(REGIONS),
      stage,
      status,
      amount: Math.round(next() * 900) * 1000 + 10_000,
      closeDate: serialFromDate(2024, 1, 1) + Math.floor(next() * 181),
      category: pick([...FORECAST_CATEGORIES.map((c) => c.key), null]),
      stageSince: serialFromDate(2024, 1, 1) + Math.floor(next() * 120),
    };
  });
}

const label = {
  stage: (key: Deal['stage']) => labelOfKey(FUNNEL_STAGES, key)[LOCALE],
  status: (key: StatusKey) => labelOfKey(DEAL_STATUSES, key)[LOCALE],
  category: (key: CategoryKey) => labelOfKey(FORECAST_CATEGORIES, key)[LOCALE],
};

const imported = (deals: readonly Deal[]): ImportedDeal[] =>
  deals.map((d, i) => ({
    id: d.id,
    fileRow: i + 2,
    status: d.status,
    values: {
      dealId: d.id,
      name: `商机 ${d.id}`,
      owner: d.owner,
      region: d.region,
      stage: label.stage(d.stage),
      amount: d.amount,
      closeDate: d.closeDate,
      category: d.category === null ? null : label.category(d.category),
      status: label.status(d.status),
      stageSince: d.stageSince,
    },
  }));

const MAPPING: ColumnMapping = Object.fromEntries(
  (['dealId', 'name', 'owner', 'region', 'stage', 'amount', 'closeDate', 'category', 'status', 'stageSince'] as const).map((k, i) => [
    k,
    i,
  ]),
);

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
/** 表2 rows: month × (region, owner), including rows without an owner, without a region, and neither. */
const GOAL_ROWS: { month: string; region: string | null; owner: string | null }[] = MONTHS.flatMap((month) => [
  { month, region: '华南区', owner: '华南区销售' },
  { month, region: '华东区', owner: null },
  { month, region: null, owner: '大客户经理' },
  { month, region: null, owner: null },
]);
const Q1 = { start: serialFromDate(2024, 1, 1), end: serialFromDate(2024, 3, 31) };
const Q2 = { start: serialFromDate(2024, 4, 1), end: serialFromDate(2024, 6, 30) };

// The oracle: the rules of core/deals/links.ts, written plainly over the deal list.
const live = (deals: readonly Deal[]) => deals.filter((d) => d.status !== 'removed');
const sum = (deals: readonly Deal[]) => deals.reduce((total, d) => total + d.amount, 0);
const matches = (d: Deal, owner: string | null, region: string | null) =>
  (owner === null || d.owner === owner) && (region === null || d.region === region);

function funnelOracle(deals: readonly Deal[]) {
  const today = todaySerial(new Date());
  return FUNNEL_STAGES.map((stage, index) => {
    if (stage.key === 'won') {
      const won = deals.filter((d) => d.status === 'won');
      return { count: won.length, amount: sum(won), avgDays: null };
    }
    const reached = live(deals).filter((d) => d.status === 'won' || FUNNEL_STAGES.findIndex((s) => s.key === d.stage) >= index);
    const here = deals.filter((d) => d.status === 'open' && d.stage === stage.key);
    const avgDays = here.length === 0 ? null : here.reduce((t, d) => t + (today - d.stageSince), 0) / here.length;
    return { count: reached.length, amount: sum(here), avgDays };
  });
}

function goalOracle(deals: readonly Deal[]) {
  return GOAL_ROWS.map(({ month, region, owner }) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const [from, to] = [serialFromDate(y, m, 1), serialFromDate(y, m + 1, 1)];
    return sum(deals.filter((d) => d.status === 'won' && d.closeDate >= from && d.closeDate < to && matches(d, owner, region)));
  });
}

function forecastOracle(deals: readonly Deal[], owner: string, region: string | null, period: { start: number; end: number }) {
  const mine = deals.filter((d) => d.owner === owner && (region === null || d.region === region));
  const inPeriod = mine.filter((d) => d.closeDate >= period.start && d.closeDate <= period.end);
  const open = inPeriod.filter((d) => d.status === 'open');
  const won = mine.filter((d) => d.status === 'won').length;
  const lost = mine.filter((d) => d.status === 'lost').length;
  return {
    won: sum(inPeriod.filter((d) => d.status === 'won')),
    commit: sum(open.filter((d) => d.category === 'commit')),
    bestCase: sum(open.filter((d) => d.category === 'bestCase')),
    pipeline: sum(open.filter((d) => d.category !== 'omitted')),
    winRate: won + lost === 0 ? null : won / (won + lost),
  };
}

interface Computed {
  funnel: TableSnapshot;
  goals: TableSnapshot;
  forecast: TableSnapshot;
}

const column = (table: TableSnapshot, id: Parameters<typeof templateById>[0], key: string) => {
  const at = matchHeader(templateById(id), table.header).columns.get(key);
  if (at === undefined) throw new Error(`${id} has no ${key}`);
  return (row: readonly CellValue[]) => row[at] ?? null;
};

const blankOrNumber = (value: CellValue) => (value === '' || value === null ? null : value);

function expectOracle(computed: Computed, deals: readonly Deal[]) {
  const f = computed.funnel;
  const expectedFunnel = funnelOracle(deals);
  const [count, amount, avgDays] = ['count', 'amount', 'avgDays'].map((k) => column(f, 'funnel', k));
  expect(f.rows.slice(0, FUNNEL_STAGES.length).map((r) => [count(r), amount(r)])).toEqual(expectedFunnel.map((e) => [e.count, e.amount]));
  f.rows.slice(0, FUNNEL_STAGES.length - 1).forEach((r, i) => {
    const want = expectedFunnel[i]?.avgDays ?? null;
    if (want === null) expect(blankOrNumber(avgDays(r))).toBeNull();
    else expect(avgDays(r) as number).toBeCloseTo(want, 6);
  });

  const actual = column(computed.goals, 'goals', 'actual');
  expect(computed.goals.rows.slice(0, GOAL_ROWS.length).map(actual)).toEqual(goalOracle(deals));

  const fc = computed.forecast;
  const [owner, region, start, won, commit, bestCase, pipeline, winRate] = [
    'owner',
    'region',
    'start',
    'won',
    'commit',
    'bestCase',
    'pipeline',
    'winRate',
  ].map((k) => column(fc, 'forecast', k));
  const rows = fc.rows.filter((r) => owner(r) !== null && owner(r) !== '');
  expect(rows.length).toBeGreaterThan(OWNERS.length);
  for (const row of rows) {
    const period = start(row) === Q2.start ? Q2 : Q1;
    const regionOf = region(row) === '' ? null : (region(row) as string | null);
    const want = forecastOracle(deals, owner(row) as string, regionOf, period);
    const got = { won: won(row), commit: commit(row), bestCase: bestCase(row), pipeline: pipeline(row) };
    expect([owner(row), regionOf, got]).toEqual([
      owner(row),
      regionOf,
      { won: want.won, commit: want.commit, bestCase: want.bestCase, pipeline: want.pipeline },
    ]);
    if (want.winRate === null) expect(blankOrNumber(winRate(row))).toBeNull();
    else expect(winRate(row) as number).toBeCloseTo(want.winRate, 9);
  }
}

const DEALS = makeDeals(200, 12);
let univerComputed: Computed;
let reimported: Computed;
let libreOfficeComputed: Computed;
let reimportedDeals: Deal[];

beforeAll(async () => {
  const host = createHeadlessUniver(LOCALE);
  try {
    const book = host.api.createWorkbook({});
    const port = createUniverWorkbook(host.api, { workbook: book, locale: LOCALE });
    const insert = async (id: Parameters<typeof templateById>[0], samples: boolean) => {
      const inserted = await port.insertTemplate(planTemplate(templateById(id), { locale: LOCALE, samples, portable: false }));
      return port.readTable({ sheetName: inserted.sheetName });
    };
    const register = await insert('deals', false);
    const upsert = planDealUpsert(register, imported(DEALS), MAPPING, { fullExport: false });
    if (!upsert.ok) throw new Error(upsert.message['en-US']);
    await port.writeTables([upsert.write]);

    const funnel = await insert('funnel', true);
    const goalsTable = await insert('goals', false);
    const goalsMatch = matchHeader(templateById('goals'), goalsTable.header);
    const goalsLayout = specLayout(templateById('goals').columns, { ...goalsTable, rowCount: GOAL_ROWS.length }, goalsMatch, false);
    await port.writeTables([
      {
        location: goalsLayout.location,
        header: goalsTable.header,
        computed: goalsLayout.computed,
        rows: GOAL_ROWS.map((g) =>
          goalsLayout.byPosition.map((c) =>
            c === undefined
              ? null
              : c.formula
                ? goalsLayout.formulaCell(c)
                : (({ ...g, monthTarget: 100_000 } as Record<string, CellValue>)[c.key] ?? null),
          ),
        ),
      },
    ]);
    // One forecast row of our own for Q2; the link adds Q1 rows for every owner × region of the register.
    const forecastTable = await insert('forecast', false);
    const fMatch = matchHeader(templateById('forecast'), forecastTable.header);
    const fLayout = specLayout(templateById('forecast').columns, { ...forecastTable, rowCount: 1 }, fMatch, false);
    await port.writeTables([
      {
        location: fLayout.location,
        header: forecastTable.header,
        computed: fLayout.computed,
        rows: [
          fLayout.byPosition.map((c) =>
            c === undefined
              ? null
              : c.formula
                ? fLayout.formulaCell(c)
                : (({ owner: '华南区销售', start: Q2.start, end: Q2.end, target: 2_000_000 } as Record<string, CellValue>)[c.key] ?? null),
          ),
        ],
      },
    ]);

    const read = async (name: string) => port.readTable({ sheetName: name });
    const links = planRegisterLinks(
      await read(register.sheetName),
      { funnel: await read(funnel.sheetName), goals: await read(goalsTable.sheetName), forecast: await read(forecastTable.sheetName) },
      { asOf: serialFromDate(2024, 3, 15) },
    );
    if (!links.ok) throw new Error(links.message['en-US']);
    expect(links.counts).toEqual({
      funnelRows: 6,
      goalRows: GOAL_ROWS.length,
      forecastRows: expect.any(Number),
      forecastAdded: expect.any(Number),
    });
    await port.writeTables(links.writes);
    const readAll = async (): Promise<Computed> => ({
      funnel: await read(funnel.sheetName),
      goals: await read(goalsTable.sheetName),
      forecast: await read(forecastTable.sheetName),
    });
    univerComputed = await readAll();

    // Through LibreOffice: the same workbook saved portable, recalculated on load and saved again.
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    const file = join(dir, 'register.xlsx');
    const { buffer } = await writeXlsx(JSON.parse(JSON.stringify(book.save())), { portable: true });
    writeFileSync(file, buffer);
    const [resaved = ''] = resavedByLibreOffice([file]);
    const { snapshot } = await readXlsx(readFileSync(resaved), 'register.xlsx', LOCALE);
    // The values LibreOffice computed, as it cached them in the file (header on the template's row 2).
    const tableOf = (sheetName: string): TableSnapshot => {
      const sheet = Object.values(snapshot.sheets).find((s) => s?.name === sheetName);
      const cells = sheet?.cellData ?? {};
      const value = (r: number, c: number): CellValue => {
        const v = cells[r]?.[c]?.v;
        return v === undefined || v === null ? null : (v as CellValue);
      };
      const header: string[] = [];
      for (let c = 0; value(1, c) !== null; c++) header.push(String(value(1, c)));
      const rows: CellValue[][] = [];
      for (let r = 2; header.some((_h, c) => value(r, c) !== null); r++) rows.push(header.map((_h, c) => value(r, c)));
      return { sheetName, headerRow: 1, firstColumn: 0, header, rows };
    };
    libreOfficeComputed = {
      funnel: tableOf(funnel.sheetName),
      goals: tableOf(goalsTable.sheetName),
      forecast: tableOf(forecastTable.sheetName),
    };

    // A re-import that wins, loses and moves deals: the linked numbers follow by themselves.
    reimportedDeals = DEALS.map((d, i) =>
      i % 7 === 0
        ? { ...d, status: 'won', stage: 'won' }
        : i % 11 === 0
          ? { ...d, closeDate: d.closeDate + 45, amount: d.amount + 5000 }
          : d,
    );
    const again = planDealUpsert(await read(register.sheetName), imported(reimportedDeals), MAPPING, { fullExport: false });
    if (!again.ok) throw new Error(again.message['en-US']);
    await port.writeTables([again.write]);
    reimported = await readAll();
  } finally {
    await host.dispose();
  }
}, 300_000);

test('headless Univer computes the funnel, 表2 actuals and the forecast as the oracle does', () => {
  expectOracle(univerComputed, DEALS);
});

test('LibreOffice computes the same from the portable file', () => {
  expectOracle(libreOfficeComputed, DEALS);
});

test('after a re-import the linked numbers follow the register without linking again', () => {
  expectOracle(reimported, reimportedDeals);
  expect(reimported.goals.rows).not.toEqual(univerComputed.goals.rows);
});

test('the data used covers every case the formulas distinguish', () => {
  const statuses = new Set(DEALS.map((d) => d.status));
  expect([...statuses].sort()).toEqual(['lost', 'open', 'removed', 'won']);
  expect(DEALS.some((d) => d.region === null)).toBe(true);
  expect(DEALS.some((d) => d.category === null)).toBe(true);
  expect(DEAL_FIELDS.length).toBeGreaterThan(10);
});
