/**
 * `report --json` on a workbook made by `new` with 销售例会 and 行动项: the documents' samples, all done,
 * raise nothing; with two of them reopened (as a manager would type), the one overdue on the review
 * day is listed with its days and the finding names it; the one done and the one not yet due are not.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/cli';

const run = runCli;

test('the report lists the overdue action item and finds it; done and not-yet-due ones stay out', async () => {
  const book = join(mkdtempSync(join(tmpdir(), 'cli-meetings-')), 'team.xlsx');
  await run('new', book, '--templates', 'goals,meetings');
  const samples = JSON.parse(await run('report', book, '--json', '--as-of', '2024-03-25')) as { overdueActions: unknown[] };
  expect(samples.overdueActions).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const sheet = wb.getWorksheet('行动项');
  if (!sheet) throw new Error('no 行动项');
  const header = (sheet.getRow(2).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const [status, doneOn] = [header.indexOf('状态'), header.indexOf('完成日期')];
  for (const [row, reopened] of [
    [4, '进行中'],
    [5, '未开始'],
  ] as const) {
    sheet.getRow(row).getCell(status).value = reopened;
    sheet.getRow(row).getCell(doneOn).value = null;
  }
  await wb.xlsx.writeFile(book);
  // ExcelJS's own save changes two drop-downs, so the report writes beside the file (--output), as a user would.
  const summary = JSON.parse(
    await run('report', book, '--json', '--as-of', '2024-03-25', '--output', book.replace('.xlsx', '-review.xlsx')),
  ) as {
    overdueActions: { item: string; owner: string; due: string; daysOverdue: number; meetingId: string; department: string }[];
    findings: { problem: string; sheet: string }[];
  };
  expect(summary.overdueActions).toEqual([
    expect.objectContaining({
      item: '与售后建立客户问题共享群',
      owner: '华南区经理',
      due: '2024-03-15',
      daysOverdue: 10,
      meetingId: 'M2024-03-04',
      department: '售后部',
    }),
  ]);
  const problems = summary.findings.map((f) => f.problem).join('\n');
  expect(problems).toContain('与售后建立客户问题共享群');
  expect(problems).not.toContain('客户跟进话术标准化');
  expect(problems).not.toContain('法务提前介入');
}, 120_000);

test('new with 销售例会 and 行动项 in either order makes one 行动项 (the one 销售例会 brings along)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-meetings-new-'));
  for (const templates of ['meetings,actionItems', 'actionItems,meetings']) {
    const book = join(dir, `${templates.replace(',', '-')}.xlsx`);
    await run('new', book, '--templates', templates);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(['行动项', '销售例会']);
  }
}, 120_000);
