/**
 * Bench section "Deal import": a 50,000-row CRM export (HubSpot's headers) through the import's core
 * — parse (CSV), map, validate and normalise, plan the upsert into a register that already holds the
 * deals (a weekly re-import: every deal matched by ID) — against 2 s; the change report between two
 * 50,000-deal snapshots against 200 ms; beside LibreOffice headless converting the same CSV to .xlsx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CellValue,
  type DealSnapshot,
  autoMap,
  compareSnapshots,
  planDealUpsert,
  planTemplate,
  previewImport,
  registerSnapshot,
  templateById,
} from '../../src/core';
import { parseCsv } from '../../src/files/csv';

const ROWS = 50_000;
const STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Contract Sent', 'Closed Won', 'Closed Lost'];

function exportCsv(week: number): string {
  const lines = ['Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Associated Company,Deal probability,Forecast category'];
  for (let i = 0; i < ROWS; i++) {
    const month = 1 + ((i + week * (i % 7 === 0 ? 1 : 0)) % 12);
    lines.push(
      `${100000 + i},Deal ${i},${STAGES[(i + week) % STAGES.length]},"$${(10_000 + ((i * 37) % 90_000)).toLocaleString('en-US')}",2024-${String(month).padStart(2, '0')}-15,Rep ${i % 40},Customer ${i % 5000},0.${(i % 9) + 1},Pipeline`,
    );
  }
  return lines.join('\n');
}

const ms = (started: number) => +(performance.now() - started).toFixed(0);

function libreOfficeSeconds(file: string): number | undefined {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!soffice) return undefined;
  const profile = mkdtempSync(join(tmpdir(), 'lo-deals-'));
  const out = mkdtempSync(join(tmpdir(), 'lo-deals-out-'));
  const started = performance.now();
  execFileSync(
    soffice,
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', out, file],
    {
      stdio: 'pipe',
      timeout: 600_000,
    },
  );
  return +((performance.now() - started) / 1000).toFixed(2);
}

export function dealsBench(): void {
  const csv = exportCsv(0);
  const file = join(mkdtempSync(join(tmpdir(), 'deals-bench-')), 'hubspot-50k.csv');
  writeFileSync(file, csv);
  const bytes = new TextEncoder().encode(csv);
  const plan = planTemplate(templateById('deals'), { locale: 'zh-CN', samples: false, portable: false, blankRows: 1 });

  let started = performance.now();
  const parsed = parseCsv(bytes);
  const [header = [], ...body] = parsed.rows;
  const table = {
    headers: header.map((h) => String(h?.v ?? '')),
    rows: body.map((row) => Array.from({ length: parsed.columnCount }, (_v, c): CellValue => row[c]?.v ?? null)),
  };
  const parseMs = ms(started);
  started = performance.now();
  const mapping = autoMap(table.headers);
  const preview = previewImport(table, mapping, { locale: 'zh-CN' });
  const validateMs = ms(started);

  // The register as last week's import left it: the same deals, so every row is matched by ID.
  const register = {
    sheetName: plan.sheetName,
    tableName: plan.tableName,
    headerRow: plan.headerRow,
    firstColumn: 0,
    header: plan.columns.map((c) => c.label),
    rows: preview.deals.map((deal) => plan.columns.map((c) => (deal.values as Record<string, CellValue>)[c.key] ?? null)),
  };
  started = performance.now();
  const upsert = planDealUpsert(register, preview.deals, mapping, { fullExport: true });
  const upsertMs = ms(started);

  const before: DealSnapshot = registerSnapshot(register, 45370);
  const nextWeek = previewImport({ ...table, rows: table.rows }, mapping, { locale: 'zh-CN' });
  const after: DealSnapshot = {
    takenOn: 45377,
    deals: nextWeek.deals.map((_deal, i) => ({
      ...(before.deals[i] as DealSnapshot['deals'][number]),
      amount: i % 10 === 0 ? (before.deals[i]?.amount ?? 0) + 1000 : (before.deals[i]?.amount ?? null),
      closeDate: i % 13 === 0 ? (before.deals[i]?.closeDate ?? 45000) + 40 : (before.deals[i]?.closeDate ?? null),
    })),
  };
  started = performance.now();
  const report = compareSnapshots(before, after);
  const diffMs = ms(started);

  const total = parseMs + validateMs + upsertMs;
  const lo = libreOfficeSeconds(file);
  console.log(`Deal import: ${ROWS.toLocaleString('en-US')}-row HubSpot export (re-import into a register holding them)`);
  console.table([
    { step: 'parse CSV (papaparse, typing)', ms: parseMs, budget: '', 'LibreOffice CSV → xlsx (s)': '', ratio: '' },
    { step: 'map + validate + normalise', ms: validateMs, budget: '', 'LibreOffice CSV → xlsx (s)': '', ratio: '' },
    { step: 'plan upsert by deal ID', ms: upsertMs, budget: '', 'LibreOffice CSV → xlsx (s)': '', ratio: '' },
    {
      step: 'parse + map + validate + upsert',
      ms: total,
      budget: '≤ 2000 ms',
      'LibreOffice CSV → xlsx (s)': lo ?? 'n/a',
      ratio: lo === undefined ? '' : +(total / 1000 / lo).toFixed(2),
    },
    {
      step: `change report, 2 × ${ROWS.toLocaleString('en-US')} deals`,
      ms: diffMs,
      budget: '≤ 200 ms',
      'LibreOffice CSV → xlsx (s)': '',
      ratio: '',
    },
  ]);
  const ok = upsert.ok ? upsert.counts : undefined;
  console.log(
    `${preview.deals.length} deals read, ${preview.problems.length} problems; upsert: ${JSON.stringify(ok)}; changes: amountUp ${report.amountUp.count}, slipped ${report.slipped.count}\n` +
      (total <= 2000 && diffMs <= 200 ? 'within budget\n' : 'OVER BUDGET\n'),
  );
}
