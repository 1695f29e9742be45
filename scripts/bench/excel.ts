/**
 * Bench section "Wizard write in Excel (sync-counting mock)": the review write batch (表1, 执行计划,
 * 表3, 复盘记录 — four keyed TableWrites) against tables of 10 and 100,000 existing rows, first as
 * appends then as the same review again (updates in place), with syncs (budget ≤ 2), queued
 * commands, bytes sent/received per sync and time; then a chunked read of a 100,000-row 表2
 * (budget ≤ 4 MB per response).
 */
import { MAX_RESPONSE_BYTES } from '../../src/hosts/excel/excelReads';
import { createExcelWorkbook } from '../../src/hosts/excel/excelWorkbook';
import { MockExcel, type RunRecord } from '../../test/hosts/excel/mockExcel';
import { goalsSheet, reviewSheets, reviewWrites, templateSheet } from '../../test/hosts/excel/tableFixtures';

const MB = 1024 * 1024;
const SYNC_BUDGET = 2;

const lastRun = (mock: MockExcel): RunRecord => {
  const run = mock.runs[mock.runs.length - 1];
  if (!run) throw new Error('no run');
  return run;
};
const kb = (bytes: readonly number[]): number => +(Math.max(0, ...bytes) / 1024).toFixed(1);

async function writeRows(): Promise<Record<string, string | number>[]> {
  const rows: Record<string, string | number>[] = [];
  for (const existing of [10, 100_000]) {
    const mock = new MockExcel({ sheets: reviewSheets(existing) });
    const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
    for (const pass of ['first write (append)', 'same review again (update)']) {
      const started = performance.now();
      const results = await port.writeTables(reviewWrites());
      const ms = performance.now() - started;
      const run = lastRun(mock);
      rows.push({
        'existing rows': existing,
        pass,
        'rows written': results.reduce((sum, r) => sum + r.appended + r.updated, 0),
        syncs: run.syncs,
        commands: run.commands,
        'max sent KB': kb(run.requestBytes),
        'max received KB': kb(run.responseBytes),
        'ms (mock)': +ms.toFixed(1),
      });
    }
  }
  return rows;
}

async function readRow(): Promise<Record<string, string | number>> {
  const rows = 100_000;
  const goals = templateSheet('goals');
  const mock = new MockExcel({ sheets: [goalsSheet(rows)], maxSyncsPerRun: 1000 });
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
  const started = performance.now();
  const snapshot = await port.readTable({ sheetName: goals.sheetName, tableName: goals.tableName });
  const ms = performance.now() - started;
  const run = lastRun(mock);
  const largest = Math.max(...run.responseBytes);
  return {
    read: `${rows.toLocaleString('en-US')}-row 表2 (10 columns)`,
    'rows read': snapshot.rows.length,
    syncs: run.syncs,
    chunks: run.syncs - 1, // the first sync finds the table
    'max MB per request': +(largest / MB).toFixed(2),
    'total MB': +(run.responseBytes.reduce((a, b) => a + b, 0) / MB).toFixed(1),
    'ms (mock)': +ms.toFixed(1),
  };
}

export async function excelTablesBench(): Promise<void> {
  const writes = await writeRows();
  console.log(`Wizard write in Excel (sync-counting mock): 4 tables (表1, 执行计划表, 表3, 复盘记录), budget ≤ ${SYNC_BUDGET} syncs`);
  console.table(writes);
  const over = writes.filter((w) => Number(w.syncs) > SYNC_BUDGET);
  console.log(
    over.length === 0
      ? `within budget: every write ≤ ${SYNC_BUDGET} syncs\n`
      : `OVER BUDGET: ${over.length} write(s) > ${SYNC_BUDGET} syncs\n`,
  );

  const read = await readRow();
  console.log(`Chunked read in Excel (sync-counting mock): budget ≤ ${MAX_RESPONSE_BYTES / MB} MB per request`);
  console.table([read]);
  console.log(Number(read['max MB per request']) * MB <= MAX_RESPONSE_BYTES ? 'within budget\n' : 'OVER BUDGET\n');
}
