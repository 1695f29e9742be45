/**
 * The month that gave "0.0% everywhere": targets in 万元 for 华南/华东/华北, a 纷享销客-style export in
 * 元 whose regions are departments (华南销售部…), then the register link. Through the host-neutral
 * flow (src/workbook/dealImport.ts) on headless Univer and, saved portable, in LibreOffice: 表2's
 * actuals equal a plain JavaScript oracle in 万元; a link that would replace a typed actual writes
 * nothing until agreed; undoing it brings the typed value back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CellValue,
  type RawTable,
  type TableSnapshot,
  autoMap,
  amountUnitOf,
  matchHeader,
  planTemplate,
  serialFromDate,
  specLayout,
  templateById,
} from '../../../src/core';
import { readXlsx } from '../../../src/files/xlsxRead';
import { writeXlsx } from '../../../src/files/xlsxWrite';
import { createHeadlessUniver } from '../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../src/hosts/web/univerWorkbook';
import { findDealTables, runDealImport, saveMoneyUnit } from '../../../src/workbook/dealImport';
import { linkDealRegister, undoRegisterLink } from '../../../src/workbook/registerLink';
import { resavedByLibreOffice } from '../../support/libreoffice';

const REGIONS = ['华南', '华东', '华北'] as const;
const MONTHS = ['2026-01', '2026-02', '2026-03'] as const;
const HEADERS = ['商机编号', '商机名称', '负责人', '所属部门', '商机阶段', '商机金额(元)', '结单日期', '输单原因'];

interface Deal {
  id: string;
  region: (typeof REGIONS)[number];
  stage: string;
  yuan: number;
  close: string;
}

/** 60 deals over Q1: a third won, amounts in 元 with cents, a few lost with blank reasons. */
function makeDeals(): Deal[] {
  const stages = ['赢单', '商务谈判', '输单', '方案报价', '赢单'];
  return Array.from({ length: 60 }, (_v, i) => ({
    id: `FX-${String(i + 1).padStart(3, '0')}`,
    region: REGIONS[i % 3] as (typeof REGIONS)[number],
    stage: stages[i % stages.length] as string,
    yuan: 100_000 + ((i * 73_919) % 900_000) + (i % 4) * 0.25,
    close: `${MONTHS[Math.floor(i / 20)]}-${String((i % 27) + 1).padStart(2, '0')}`,
  }));
}

const DEALS = makeDeals();
const exportTable: RawTable = {
  headers: HEADERS,
  rows: DEALS.map((d) => [
    d.id,
    `商机 ${d.id}`,
    `${d.region}销售`,
    `${d.region}销售部`,
    d.stage,
    d.yuan.toLocaleString('en-US', { minimumFractionDigits: 2 }),
    d.close,
    '',
  ]),
};

/** The oracle: won deals per month and region, in 万元. */
const oracle = (month: string, region: string) =>
  Number(
    (
      DEALS.filter((d) => d.stage === '赢单' && d.close.startsWith(month) && d.region === region).reduce((a, d) => a + d.yuan, 0) / 10_000
    ).toPrecision(15),
  );

const TYPED = 50;
let typedKept: CellValue;
let refused: Awaited<ReturnType<typeof linkDealRegister>>;
let linked: TableSnapshot;
let undone: TableSnapshot;
let libreOffice: TableSnapshot;
let matchedHow: Record<string, string | undefined>;

const actualOf = (table: TableSnapshot, month: string, region: string): CellValue => {
  const { columns } = matchHeader(templateById('goals'), table.header);
  const row = table.rows.find((r) => r[columns.get('month') as number] === month && r[columns.get('region') as number] === region);
  return row?.[columns.get('actual') as number] ?? null;
};

beforeAll(async () => {
  const host = createHeadlessUniver('zh-CN');
  try {
    const book = host.api.createWorkbook({});
    const port = createUniverWorkbook(host.api, { workbook: book, locale: 'zh-CN' });
    const inserted = await port.insertTemplate(planTemplate(templateById('goals'), { locale: 'zh-CN', samples: false, portable: true }));
    const goals = await port.readTable({ sheetName: inserted.sheetName });
    const match = matchHeader(templateById('goals'), goals.header);
    const rows = MONTHS.flatMap((month) => REGIONS.map((region) => ({ month, region })));
    const layout = specLayout(templateById('goals').columns, { ...goals, rowCount: rows.length }, match, true);
    await port.writeTables([
      {
        location: layout.location,
        header: goals.header,
        computed: layout.computed,
        rows: rows.map((r) =>
          layout.byPosition.map((c) => {
            if (c === undefined) return null;
            if (c.formula) return layout.formulaCell(c);
            const typed = r.month === '2026-01' && r.region === '华南' ? TYPED : null;
            return ({ ...r, monthTarget: 500 / 9, actual: typed } as Record<string, CellValue>)[c.key] ?? null;
          }),
        ),
      },
    ]);
    await saveMoneyUnit(port, {}, { scale: 10_000, currency: 'CNY' }, 'zh-CN');

    const mapping = autoMap(exportTable.headers);
    const amountUnit = amountUnitOf(exportTable.headers, mapping);
    await runDealImport(port, await findDealTables(port), {
      table: exportTable,
      mapping,
      stages: {},
      full: false,
      takenOn: serialFromDate(2026, 3, 31),
      locale: 'zh-CN',
      ...(amountUnit ? { amountUnit } : {}),
    });

    const asOf = serialFromDate(2026, 4, 2);
    refused = await linkDealRegister(port, { asOf, locale: 'zh-CN', portable: true });
    typedKept = actualOf(await port.readTable({ sheetName: inserted.sheetName }), '2026-01', '华南');
    const done = await linkDealRegister(port, { asOf, locale: 'zh-CN', portable: true, replaceTyped: true });
    matchedHow = Object.fromEntries(done.names.region.map((m) => [m.name, m.target]));
    linked = await port.readTable({ sheetName: inserted.sheetName });

    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    const file = join(dir, 'month.xlsx');
    writeFileSync(file, (await writeXlsx(JSON.parse(JSON.stringify(book.save())), { portable: true })).buffer);
    const [resaved = ''] = resavedByLibreOffice([file]);
    const { snapshot } = await readXlsx(readFileSync(resaved), 'month.xlsx', 'zh-CN');
    const sheet = Object.values(snapshot.sheets).find((s) => s?.name === inserted.sheetName);
    const cells = sheet?.cellData ?? {};
    const value = (r: number, c: number): CellValue => (cells[r]?.[c]?.v as CellValue | undefined) ?? null;
    const header = goals.header.map((_h, c) => String(value(goals.headerRow, c)));
    libreOffice = {
      ...goals,
      header,
      rows: rows.map((_r, i) => header.map((_h, c) => value(goals.headerRow + 1 + i, c))),
    };

    await undoRegisterLink(port, done);
    undone = await port.readTable({ sheetName: inserted.sheetName });
  } finally {
    await host.dispose();
  }
}, 300_000);

test('a link that would replace a typed actual writes nothing and says how much', () => {
  expect(refused.linked).toBe(false);
  expect(refused.goals?.replaced).toHaveLength(1);
  expect(refused.goals?.replacedSum).toBe(TYPED);
  expect(typedKept).toBe(TYPED);
});

test('departments are matched to regions and every won deal lands in a 表2 row', () => {
  expect(matchedHow).toEqual({ 华南销售部: '华南', 华东销售部: '华东', 华北销售部: '华北' });
  expect(refused.goals?.countedDeals).toBe(DEALS.filter((d) => d.stage === '赢单').length);
});

test('表2 actuals equal the oracle in 万元, in headless Univer and in LibreOffice', () => {
  for (const month of MONTHS)
    for (const region of REGIONS) {
      expect(actualOf(linked, month, region) as number).toBeCloseTo(oracle(month, region), 6);
      expect(actualOf(libreOffice, month, region) as number).toBeCloseTo(oracle(month, region), 6);
    }
  expect(oracle('2026-01', '华南')).toBeGreaterThan(0);
});

test('undoing the link brings the typed actual back', () => {
  expect(actualOf(undone, '2026-01', '华南')).toBe(TYPED);
});
