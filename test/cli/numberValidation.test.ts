/**
 * The files carry the templates' number validation: 表2's typed number columns refuse text in the
 * .xlsx we write, with the message naming the column and its unit, and LibreOffice keeps the rule
 * when it saves the file again.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runWorkbookCli } from '../../src/cli/workbook';
import { resavedByLibreOffice } from '../support/libreoffice';

const quiet = { out: () => undefined, err: () => undefined };

async function validations(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const xml = (await Promise.all(sheets.map((name) => zip.file(name)!.async('string')))).join('\n');
  return [...xml.matchAll(/<dataValidation\b[^>]*>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[0])?.[1] ?? '';
    return `${attr('type')} ${attr('sqref')} ${attr('error')}`;
  });
}

test('表2 in a new workbook: decimal rules on the typed number columns, kept by LibreOffice', async () => {
  const book = join(mkdtempSync(join(tmpdir(), 'cli-validation-')), 'team.xlsx');
  expect(await runWorkbookCli(['new', book, '--templates', 'goals'], quiet)).toBe(0);
  const written = await validations(book);
  expect(written).toEqual([
    'decimal B3:B9 “季度目标(万元)”只能填数字。',
    'decimal D3:D9 “月度分解目标(万元)”只能填数字。',
    'decimal G3:G9 “月度实际完成(万元)”只能填数字。',
    'decimal K3:K9 “冲刺目标(万元)”只能填数字。',
    'decimal L3:L9 “挑战目标(万元)”只能填数字。',
  ]);
  const [resaved = ''] = resavedByLibreOffice([book]);
  const kept = await validations(resaved);
  for (const rule of ['B3:B9', 'D3:D9', 'G3:G9', 'K3:K9', 'L3:L9'])
    expect(kept.some((v) => v.startsWith('decimal ') && v.includes(rule))).toBe(true);
}, 120_000);
