/**
 * `npm run bench`: the budgets of docs/DESIGN.md §4 that this release can measure, printed as tables.
 *  - Excel task pane initial JavaScript (taskpane.js + functions.js, gzip) against 250 KB;
 *  - context.sync() calls per template insertion, 5 and 5,000 rows, against ≤ 2;
 *  - Google Sheets service calls per template insertion and wizard write (scripts/bench/sheets.ts);
 *  - what the .xlsx round trip keeps of 49 real workbooks, per feature (scripts/bench/fidelity.ts).
 *  - `npm start` cold and warm, and the workbook command line beside `node -e 0` (scripts/bench/start.ts);
 *  - `workbook rollup` of 50 workbooks × 5,000 deals beside LibreOffice opening them (scripts/bench/rollup.ts).
 * `npm run bench -- files start` runs those sections only (names: SECTIONS below); the bundle
 * figures need a build (the start section makes one).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEMPLATES, planTemplate } from '../src/core';
import { createExcelWorkbook } from '../src/hosts/excel/excelWorkbook';
import { MockExcel } from '../test/hosts/excel/mockExcel';
import { reviewBench } from './bench/review';
import { reportBench } from './bench/report';
import { excelTablesBench } from './bench/excel';
import { filesBench } from './bench/files';
import { sheetsBench } from './bench/sheets';
import { dealsBench } from './bench/deals';
import { fidelityBench } from './bench/fidelity';
import { startBench } from './bench/start';
import { rollupBench } from './bench/rollup';

const DIST = join(__dirname, '..', 'dist');
const BUDGET_KB = 250;

function bundleTable(): void {
  const files = ['taskpane.js', 'functions.js'];
  if (!files.every((f) => existsSync(join(DIST, f)))) {
    console.log('Bundle size: dist/ not built — run `npm run build` first.\n');
    return;
  }
  const rows = files.map((file) => {
    const raw = readFileSync(join(DIST, file));
    return { file, rawKB: +(raw.length / 1024).toFixed(1), gzipKB: +(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1) };
  });
  const total = rows.reduce((sum, r) => sum + r.gzipKB, 0);
  console.log('Excel task pane initial JavaScript');
  console.table([...rows, { file: 'total (budget 250 KB gzip)', rawKB: NaN, gzipKB: +total.toFixed(1) }]);
  console.log(
    total <= BUDGET_KB
      ? `within budget: ${total.toFixed(1)} KB ≤ ${BUDGET_KB} KB\n`
      : `OVER BUDGET: ${total.toFixed(1)} KB > ${BUDGET_KB} KB\n`,
  );
}

async function syncTable(): Promise<void> {
  const rows = [];
  for (const spec of TEMPLATES) {
    const row: Record<string, string | number> = { template: spec.id };
    for (const blankRows of [5, 5000]) {
      const mock = new MockExcel({ maxSyncsPerRun: 10 });
      const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
      const started = performance.now();
      await port.insertTemplate(planTemplate(spec, { locale: 'zh-CN', samples: false, portable: false, blankRows }));
      const run = mock.runs[mock.runs.length - 1];
      row[`syncs @${blankRows} rows`] = run?.syncs ?? -1;
      row[`commands @${blankRows} rows`] = run?.commands ?? -1;
      row[`ms @${blankRows} rows`] = +(performance.now() - started).toFixed(1);
    }
    rows.push(row);
  }
  console.log('Template insertion in Excel (office-addin-mock, sync-counting): budget ≤ 2 syncs');
  console.table(rows);
}

/** The bench's sections, in the order a full run takes them. */
const SECTIONS: Record<string, () => Promise<void> | void> = {
  start: startBench,
  bundle: bundleTable,
  excel: async () => {
    await syncTable();
    await excelTablesBench();
  },
  sheets: sheetsBench,
  deals: dealsBench,
  review: reviewBench,
  report: reportBench,
  files: filesBench,
  rollup: rollupBench,
  fidelity: fidelityBench,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    console.error(`Unknown bench section ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`);
    process.exit(2);
  }
  const started = performance.now();
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (asked.length > 0 && !asked.includes(name)) continue;
    const sectionStarted = performance.now();
    await run();
    console.log(`(${name}: ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s)\n`);
  }
  console.log(`Bench done in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

void main();
