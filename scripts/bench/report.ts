/**
 * The 复盘报告 (issue 13): Excel's report write with its four native charts, in syncs and commands
 * (budget ≤ 2 syncs); and `workbook report` end to end on the sample workbook (read the file, steps
 * 1–3, draw four chart pictures, write the sheet, save), beside LibreOffice converting the same file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseWorkbook, buildReviewReport, diagnose, evaluateProcess, layoutReport, serialFromDate } from '../../src/core';
import { runWorkbookCli } from '../../src/cli/workbook';
import { createExcelWorkbook } from '../../src/hosts/excel/excelWorkbook';
import { MockExcel } from '../../test/hosts/excel/mockExcel';
import { sampleData } from '../../test/core/review/fixtures';
import { libreOfficeSeconds } from './files';

const TODAY = serialFromDate(2024, 4, 1);
const quiet = { out: () => undefined, err: () => undefined };

export async function reportBench(): Promise<void> {
  const data = sampleData('zh-CN');
  const analysis = analyseWorkbook(data, { today: TODAY });
  const findings = diagnose(analysis, { locale: 'zh-CN', today: TODAY });
  const started = performance.now();
  const report = buildReviewReport({
    reviewId: 'R2024-04-01',
    date: TODAY,
    period: '2024-03',
    analysis,
    areas: evaluateProcess(analysis, 'zh-CN'),
    findings,
    actions: [],
    data,
    locale: 'zh-CN',
  });
  const plan = layoutReport(report, report.title);
  const buildMs = performance.now() - started;
  const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], maxSyncsPerRun: 10 });
  const port = createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' });
  const written = await port.writeReportSheet(plan);
  const run = mock.runs.at(-1);

  const book = join(mkdtempSync(join(tmpdir(), 'report-bench-')), 'team.xlsx');
  await runWorkbookCli(['new', book], quiet);
  const cliStarted = performance.now();
  const code = await runWorkbookCli(['report', book, '--as-of', '2024-04-01', '--json'], quiet);
  const cliSeconds = (performance.now() - cliStarted) / 1000;
  const lo = libreOfficeSeconds(book);
  console.log('复盘报告: Excel report write (mock, budget ≤ 2 syncs) and `workbook report` on the sample workbook');
  console.table([
    {
      'report rows × cols': `${plan.cells.length} × ${plan.columnWidths.length}`,
      'build + layout ms': +buildMs.toFixed(1),
      'Excel syncs': run?.syncs ?? -1,
      'Excel commands': run?.commands ?? -1,
      'native charts': written.nativeCharts,
      'workbook report s': code === 0 ? +cliSeconds.toFixed(2) : NaN,
      'LibreOffice convert s (same file)': lo ?? NaN,
      'ratio (ours / LibreOffice)': lo ? +(cliSeconds / lo).toFixed(2) : NaN,
    },
  ]);
}
