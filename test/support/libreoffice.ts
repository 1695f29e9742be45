/**
 * LibreOffice (Debian's libreoffice-calc-nogui) as the independent spreadsheet application: opens
 * files we write with every formula recalculated on load (a throwaway profile switches the
 * default "never recalculate" off) and writes what it computed as CSV (values as displayed) or as
 * a new .xlsx. `.ci/run` installs it (scripts/ensure-libreoffice.sh).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';

function sofficePath(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error('LibreOffice is not installed: run scripts/ensure-libreoffice.sh (apt-get install libreoffice-calc-nogui).');
  return found;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile that recalculates every formula on load (one per parallel job). */
function recalcProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  return dir;
}

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function convert(files: readonly string[], target: string, outDir: string, profile = recalcProfile()): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    sofficePath(),
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', target, '--outdir', outDir, ...files],
    {
      stdio: 'pipe',
      timeout: 180_000,
    },
  );
}

/** Every sheet of every file as LibreOffice displays it after recalculating: file → sheet → rows of text. */
export function computedSheets(
  files: readonly string[],
  outDir = mkdtempSync(join(tmpdir(), 'lo-csv-')),
): Map<string, Map<string, string[][]>> {
  convert(files, CSV_FILTER, outDir);
  const result = new Map<string, Map<string, string[][]>>();
  const produced = readdirSync(outDir);
  for (const file of files) {
    const stem = basename(file).replace(/\.[^.]+$/, '');
    const sheets = new Map<string, string[][]>();
    for (const name of produced.filter((n) => n.startsWith(`${stem}-`) && n.endsWith('.csv'))) {
      const sheet = name.slice(stem.length + 1, -4);
      sheets.set(sheet, Papa.parse<string[]>(readFileSync(join(outDir, name), 'utf8')).data);
    }
    // A one-sheet workbook is written as <stem>.csv.
    if (sheets.size === 0 && produced.includes(`${stem}.csv`))
      sheets.set('', Papa.parse<string[]>(readFileSync(join(outDir, `${stem}.csv`), 'utf8')).data);
    result.set(file, sheets);
  }
  return result;
}

/** The files opened, recalculated and saved again as .xlsx by LibreOffice; returns the new paths. */
export function resavedByLibreOffice(files: readonly string[], outDir = mkdtempSync(join(tmpdir(), 'lo-xlsx-'))): string[] {
  convert(files, 'xlsx:Calc MS Excel 2007 XML', outDir);
  return files.map((f) => join(outDir, basename(f)));
}
