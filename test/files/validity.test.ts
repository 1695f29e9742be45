/**
 * What we write is valid OOXML for an independent strict reader: Debian's python3-openpyxl refuses
 * illegal enumerations (a drop-down's errorStyle="error" among them) and broken parts. Every
 * template in both languages, a workbook with its 复盘报告 and pictures, a portable workbook, and a
 * real foreign workbook after our round trip all open there.
 *
 * Where the ECMA-376 transitional schemas are at hand (OOXML_SCHEMAS, or ../shared/ooxml-schemas
 * beside the repository: a folder holding sml.xsd and the schemas it imports), every XML part is
 * also validated with `xmllint --schema`. No npm or Debian package ships them, and this repository
 * takes no copy fetched from elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runWorkbookCli } from '../../src/cli/workbook';
import { WorkbookStore } from '../../src/server/store';
import { stopXlsxExporter } from '../../src/server/xlsxExporter';
import { corpusFiles, requireCorpus } from '../support/corpus';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const dir = mkdtempSync(join(tmpdir(), 'validity-'));
const quiet = { out: () => undefined, err: () => undefined };

afterAll(() => stopXlsxExporter());

/** openpyxl's verdict on each file: '' when it opens, else its error. */
function openpyxlErrors(files: readonly string[]): Record<string, string> {
  const script = `
import json, sys, openpyxl
out = {}
for path in sys.argv[1:]:
    try:
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            ws.max_row
        out[path] = ''
    except Exception as e:
        out[path] = type(e).__name__ + ': ' + str(e)
print(json.dumps(out))
`;
  const run = spawnSync(PYTHON, ['-c', script, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3-openpyxl is needed (scripts/ensure-libreoffice.sh installs it): ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string>;
}

const made: string[] = [];

beforeAll(async () => {
  requireCorpus();
  for (const lang of ['zh-CN', 'en-US']) {
    const book = join(dir, `all-${lang}.xlsx`);
    expect(await runWorkbookCli(['new', book, '--lang', lang], quiet)).toBe(0);
    made.push(book);
    const sales = join(dir, `all-${lang}-sales.xlsx`);
    expect(await runWorkbookCli(['new', sales, '--lang', lang, '--sales-functions'], quiet)).toBe(0);
    made.push(sales);
  }
  const reported = join(dir, 'reported.xlsx');
  copyFileSync(join(dir, 'all-zh-CN-sales.xlsx'), reported);
  expect(await runWorkbookCli(['report', reported, '--as-of', '2024-04-01'], quiet)).toBe(0);
  made.push(reported);
  // A foreign workbook (Excel for Mac, with merged cells and a hidden sheet) through the store.
  const foreign = corpusFiles().find((f) => f.name === 'deaths.xlsx');
  if (!foreign) throw new Error('deaths.xlsx is missing from the corpus list');
  const path = join(dir, 'deaths.xlsx');
  copyFileSync(foreign.local, path);
  const store = new WorkbookStore(path, { exportDelayMs: 5 });
  await store.open();
  const snapshot = JSON.parse(store.current().snapshotText);
  snapshot.sheets[snapshot.sheetOrder[0]].cellData[40] = { 0: { v: 'typed', t: 1 } };
  await store.save(store.current().revision, JSON.stringify(snapshot));
  await store.flush();
  made.push(join(dir, store.fileStatus().targetName));
}, 300_000);

test('openpyxl (a strict independent reader) opens every workbook we write', () => {
  const verdicts = openpyxlErrors(made);
  expect(Object.keys(verdicts)).toHaveLength(made.length);
  expect(Object.entries(verdicts).filter(([, error]) => error !== '')).toEqual([]);
});

test('openpyxl refuses a drop-down with errorStyle="error", as it would have refused our files before', async () => {
  const zip = await JSZip.loadAsync(readFileSync(made[0] as string));
  const part = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && n !== '') as string;
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    if (!xml.includes('errorStyle="stop"')) continue;
    zip.file(name, xml.replace(/errorStyle="stop"/g, 'errorStyle="error"'));
    changed = true;
  }
  expect(part).toBeDefined();
  expect(changed).toBe(true);
  const bad = join(dir, 'bad.xlsx');
  writeFileSync(bad, await zip.generateAsync({ type: 'uint8array' }));
  expect(openpyxlErrors([bad])[bad]).toMatch(/stop.*warning|information/);
});

/**
 * Markup Compatibility (ECMA-376 Part 3) as a consumer applies it before validating: attributes and
 * elements of the namespaces a part declares ignorable (Excel's x14ac:dyDescent and the like) are
 * dropped, with the mc:Ignorable attribute itself.
 */
function withoutIgnorable(xml: string): string {
  const prefixes = (/\smc:Ignorable="([^"]*)"/.exec(xml)?.[1] ?? '').split(/\s+/).filter(Boolean);
  let out = xml.replace(/\smc:Ignorable="[^"]*"/g, '');
  for (const prefix of prefixes) {
    out = out
      .replace(new RegExp(`<${prefix}:(\\w+)\\b[^>]*?/>`, 'g'), '')
      .replace(new RegExp(`<${prefix}:(\\w+)\\b[^>]*>[\\s\\S]*?</${prefix}:\\1>`, 'g'), '')
      .replace(new RegExp(`\\s${prefix}:[\\w-]+="[^"]*"`, 'g'), '');
  }
  return out;
}

const schemas = process.env.OOXML_SCHEMAS ?? join(__dirname, '..', '..', '..', 'shared', 'ooxml-schemas');
(schemas && existsSync(join(schemas, 'sml.xsd')) ? test : test.skip)(
  'every worksheet, styles and workbook part validates against ECMA-376 sml.xsd',
  async () => {
    const failures: string[] = [];
    for (const file of made) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files).filter((n) =>
        /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+|tables\/table\d+)\.xml$/.test(n),
      )) {
        const part = join(dir, 'part.xml');
        writeFileSync(part, withoutIgnorable((await zip.file(name)?.async('string')) ?? ''));
        const run = spawnSync('xmllint', ['--noout', '--schema', join(schemas as string, 'sml.xsd'), part], { encoding: 'utf8' });
        if (run.status !== 0) failures.push(`${file} ${name}: ${run.stderr.split('\n').slice(0, 3).join(' ')}`);
      }
    }
    expect(failures).toEqual([]);
  },
);
