/**
 * Bench section "Google Sheets (strict fake, service calls)": Apps Script calls per template
 * insertion at 5 and 5,000 rows (the same count at both sizes), and per wizard write — the review
 * batch of four keyed tables (表1, 执行计划, 表3, 复盘记录) into templates of 10 and 10,000 rows, first
 * as appends then as the same review again. Every call on a service object counts as one.
 */
import { TEMPLATES, planTemplate } from '../../src/core';
import { createSheetsWorkbook } from '../../src/hosts/sheets/sheetsWorkbook';
import { reviewWrites } from '../../test/hosts/excel/tableFixtures';
import { createFakeSheets } from '../../test/hosts/sheets/fakeSheets';

function insertionRows(): Record<string, string | number>[] {
  return TEMPLATES.map((spec) => {
    const row: Record<string, string | number> = { template: spec.id };
    for (const blankRows of [5, 5000]) {
      const fake = createFakeSheets();
      const host = createSheetsWorkbook(fake.services, 'zh-CN');
      const plan = planTemplate(spec, { locale: 'zh-CN', samples: false, portable: false, blankRows });
      fake.resetCalls();
      const started = performance.now();
      host.insertTemplate(plan);
      row[`calls @${blankRows} rows`] = fake.calls().total;
      row[`ms @${blankRows} rows (fake)`] = +(performance.now() - started).toFixed(1);
    }
    return row;
  });
}

function writeRows(): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const existing of [10, 10_000]) {
    const fake = createFakeSheets();
    const host = createSheetsWorkbook(fake.services, 'zh-CN');
    for (const id of ['diagnosis', 'plan', 'execution', 'reviewLog'] as const) {
      const spec = TEMPLATES.find((t) => t.id === id);
      if (spec) host.insertTemplate(planTemplate(spec, { locale: 'zh-CN', samples: false, portable: false, blankRows: existing }));
    }
    for (const pass of ['first write (append)', 'same review again (update)']) {
      fake.resetCalls();
      const started = performance.now();
      const results = host.writeTables(reviewWrites());
      rows.push({
        'rows per table': existing,
        pass,
        'rows written': results.reduce((sum, r) => sum + r.appended + r.updated, 0),
        'service calls': fake.calls().total,
        'ms (fake)': +(performance.now() - started).toFixed(1),
      });
    }
  }
  return rows;
}

export function sheetsBench(): void {
  const inserts = insertionRows();
  console.log('Template insertion in Google Sheets (strict fake, Apps Script service calls): the same count at 5 and 5,000 rows');
  console.table(inserts);
  const differ = inserts.filter((r) => r['calls @5 rows'] !== r['calls @5000 rows']);
  console.log(
    differ.length === 0 ? 'same count at both sizes for every template\n' : `DIFFERS for ${differ.map((r) => r.template).join(', ')}\n`,
  );
  console.log('Wizard write in Google Sheets (strict fake): 4 keyed tables (表1, 执行计划表, 表3, 复盘记录)');
  console.table(writeRows());
}
