/**
 * `npm run workbook`: help, a new workbook with chosen templates, exit codes and messages for bad
 * input, never replacing a file without --force, and portable rewriting of an existing file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { COMMANDS } from '../../src/cli/commands';
import { runWorkbookCli } from '../../src/cli/workbook';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-'));

async function sheetsOf(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

test('--help prints the usage and exits 0; no command exits 2', async () => {
  const help = capture();
  expect(await runWorkbookCli(['--help'], help.io)).toBe(0);
  expect(help.out.join('\n')).toMatch(/npm run workbook -- new <out\.xlsx>/);
  expect(help.out.join('\n')).toMatch(/portable <in\.xlsx> <out\.xlsx>/);
  expect(await runWorkbookCli([], capture().io)).toBe(2);
});

test('the help is made from the commands’ declarations: each usage and each option it declares', async () => {
  const help = capture();
  await runWorkbookCli(['--help'], help.io);
  const text = help.out.join('\n');
  for (const command of COMMANDS) {
    expect(text).toContain(`npm run workbook -- ${command.usage.split('\n')[0]}`);
    // An option the command takes is one its usage names (so the help never hides one).
    for (const option of Object.keys(command.options))
      expect([command.name, command.usage]).toEqual([command.name, expect.stringContaining(`--${option}`)]);
  }
});

test('new with two templates in English, without samples, SALES formulas kept', async () => {
  const out = join(dir, 'two.xlsx');
  const run = capture();
  expect(
    await runWorkbookCli(['new', out, '--lang', 'en-US', '--templates', 'goals,funnel', '--no-samples', '--sales-functions'], run.io),
  ).toBe(0);
  expect(run.out[0]).toMatch(/2 sheets \(goals, funnel\)/);
  const wb = await sheetsOf(out);
  expect(wb.worksheets.map((ws) => Object.keys((ws as unknown as { tables: object }).tables))).toEqual([['GoalTracking'], ['SalesFunnel']]);
  const goals = wb.worksheets[0];
  expect(goals?.getCell('B2').value).toBe('Quarter target');
  expect(goals?.getCell('A3').value).toBeNull();
  expect((goals?.getCell('H3').value as ExcelJS.CellFormulaValue).formula).toBe('SALES.ATTAINMENT(G3,D3)');
});

test('an existing output is refused without --force and replaced with it', async () => {
  const out = join(dir, 'exists.xlsx');
  writeFileSync(out, 'keep me');
  const refused = capture();
  expect(await runWorkbookCli(['new', out, '--templates', 'goals'], refused.io)).toBe(2);
  expect(refused.err[0]).toMatch(/exists: pass --force/);
  expect(readFileSync(out, 'utf8')).toBe('keep me');
  expect(await runWorkbookCli(['new', out, '--templates', 'goals', '--force'], capture().io)).toBe(0);
  expect((await sheetsOf(out)).worksheets.length).toBe(1);
});

test.each([
  [['new', join(dir, 'x.xlsx'), '--templates', 'goals,nope'], 2, /Unknown template "nope"/],
  [['new', join(dir, 'x.xlsx'), '--lang', 'fr-FR'], 2, /--lang must be one of zh-CN, en-US/],
  [['new', join(dir, 'x.csv')], 2, /must be an \.xlsx file/],
  [['frobnicate'], 2, /Unknown command "frobnicate"/],
  [['new', join(dir, 'x.xlsx'), '--colour'], 2, /Unknown option/],
  // Each command takes only the options it declares (src/cli/commands.ts): --templates is new's alone.
  [['portable', join(dir, 'a.xlsx'), join(dir, 'b.xlsx'), '--templates', 'goals'], 2, /Unknown option '--templates'/],
  [['goals', join(dir, 'a.xlsx'), 'extra'], 2, /Unexpected argument "extra"/],
  [['rollup', join(dir, 'team.xlsx')], 2, /rollup needs the workbooks \(or folders\) to combine and the team workbook/],
  [['import', join(dir, 'a.xlsx')], 2, /Missing the export file/],
  [['portable', join(dir, 'missing.xlsx'), join(dir, 'out.xlsx')], 1, /Cannot read .*missing\.xlsx: ENOENT/],
])('%j exits %d with a message', async (args, code, message) => {
  const run = capture();
  expect(await runWorkbookCli(args, run.io)).toBe(code);
  expect(run.err.join('\n')).toMatch(message);
});

test('portable rewrites every SALES formula of an existing workbook; an unreadable file exits 1', async () => {
  const input = join(dir, 'sales.xlsx');
  const out = join(dir, 'sales-portable.xlsx');
  expect(await runWorkbookCli(['new', input, '--sales-functions'], capture().io)).toBe(0);
  const run = capture();
  expect(await runWorkbookCli(['portable', input, out], run.io)).toBe(0);
  expect(run.out[0]).toMatch(/formulas, all native/);
  const wb = await sheetsOf(out);
  const formulas: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula))));
  expect(formulas.length).toBeGreaterThan(50);
  expect(formulas.filter((f) => /SALES\./i.test(f))).toEqual([]);
  const txt = join(dir, 'notes.xlsx');
  writeFileSync(txt, 'plain text');
  const bad = capture();
  expect(await runWorkbookCli(['portable', txt, join(dir, 'y.xlsx')], bad.io)).toBe(1);
  expect(bad.err[0]).toMatch(/notes\.xlsx.*not an \.xlsx workbook/);
}, 60_000);
