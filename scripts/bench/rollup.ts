/**
 * Bench section "rollup": `workbook rollup` over 50 managers' workbooks of 5,000 deals each (表2 and
 * the deal register, made here from the templates), beside LibreOffice opening the same 50 files.
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IWorkbookData } from '@univerjs/core';
import { type Locale, planTemplate, templateById } from '../../src/core';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../src/hosts/web/univerWorkbook';
import { rollupWorkbooks } from '../../src/cli/rollup';
import { readerCount } from '../../src/cli/rollupReaders';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { writeFileAtomic } from '../../src/files/atomic';
import { libreOfficeSeconds } from './files';

const BOOKS = 50;
const DEALS = 5_000;
const LOCALE: Locale = 'zh-CN';

/** The register's sheet of a new workbook, its data rows filled with `DEALS` deals of manager `m`. */
function withDeals(base: IWorkbookData, m: number): IWorkbookData {
  const book = structuredClone(base);
  const spec = templateById('deals');
  const sheet = Object.values(book.sheets).find((s) => s.name === spec.sheetName[LOCALE]);
  if (!sheet) throw new Error('no register sheet');
  const keys = spec.columns.map((c) => c.key);
  const at = (key: string) => keys.indexOf(key);
  const cells = sheet.cellData ?? {};
  for (let i = 0; i < DEALS; i++) {
    const row = 2 + i;
    const values: Record<string, string | number> = {
      dealId: `M${m}-${i}`,
      name: `商机 ${i}`,
      customer: `客户 ${i % 700}`,
      owner: `销售 ${m}-${i % 6}`,
      region: `区域 ${m}`,
      stage: i % 4 === 0 ? '成交签约' : '商务谈判',
      amount: 5 + (i % 40),
      closeDate: 45300 + (i % 90),
    };
    cells[row] = { ...(cells[row] ?? {}) };
    for (const [key, v] of Object.entries(values))
      if (at(key) >= 0) (cells[row] as Record<number, { v: string | number }>)[at(key)] = { v };
  }
  sheet.cellData = cells;
  return book;
}

/** 表2 and a register whose table spans `DEALS` rows, as after an import of that many deals. */
async function baseWorkbook(): Promise<IWorkbookData> {
  const host = createHeadlessUniver(LOCALE);
  try {
    const book = host.api.getActiveWorkbook();
    if (!book) throw new Error('no workbook');
    const port = createUniverWorkbook(host.api, { workbook: book, locale: LOCALE });
    await port.insertTemplate(planTemplate(templateById('goals'), { locale: LOCALE, samples: true, portable: true }));
    await port.insertTemplate(planTemplate(templateById('deals'), { locale: LOCALE, samples: false, portable: true, blankRows: DEALS }));
    return JSON.parse(JSON.stringify(book.save())) as IWorkbookData;
  } finally {
    await host.dispose();
  }
}

export async function rollupBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rollup-bench-'));
  const managers = join(dir, 'managers');
  mkdirSync(managers);
  const base = await baseWorkbook();
  const files: string[] = [];
  for (let m = 0; m < BOOKS; m++) {
    const file = join(managers, `经理${String(m).padStart(2, '0')}.xlsx`);
    await writeFileAtomic(file, (await writeXlsx(withDeals(base, m), { portable: true })).buffer);
    files.push(file);
  }
  const started = performance.now();
  // The last "(50/50) …" line marks the end of reading (parallel readers, src/cli/rollupReaders.ts).
  let readEnd = started;
  const summary = await rollupWorkbooks({ inputs: [managers], out: join(dir, 'team.xlsx'), locale: LOCALE }, () => {
    readEnd = performance.now();
  });
  const seconds = +((performance.now() - started) / 1000).toFixed(2);
  const reading = +((readEnd - started) / 1000).toFixed(2);
  const combined = summary.sources.filter((s) => s.combined).reduce((n, s) => n + (s.rows?.deals ?? 0), 0);
  const lo = libreOfficeSeconds(files);
  console.log(
    `Roll-up: ${BOOKS} workbooks × ${DEALS.toLocaleString('en-US')} deals → one team workbook (${combined.toLocaleString('en-US')} deals combined)`,
  );
  console.table([
    {
      step: 'workbook rollup (read 50 files, combine, write team.xlsx)',
      seconds,
      'LibreOffice opening the same 50 files (s)': lo ?? '',
      ratio: lo ? +(seconds / lo).toFixed(2) : '',
    },
    {
      step: `  of which reading (${readerCount(BOOKS)} parallel readers)`,
      seconds: reading,
      'LibreOffice opening the same 50 files (s)': lo ?? '',
      ratio: lo ? +(reading / lo).toFixed(2) : '',
    },
    {
      step: '  of which combining and writing team.xlsx',
      seconds: +(seconds - reading).toFixed(2),
      'LibreOffice opening the same 50 files (s)': '',
      ratio: '',
    },
  ]);
}
