/**
 * The Google Sheets roll-up's pure part (issue 24): the list of sources in 汇总来源, the IMPORTRANGE
 * formulas that bring a source's tables in, and what an imported range says — the table, or why not.
 * Google shows #REF! both when the user has not yet allowed a source and when the range does not
 * exist there; the connection check (a raw IMPORTRANGE of the source's first cell) tells them apart.
 */
import type { Locale, Localized } from '../i18n';
import { L } from '../i18n';
import { matchHeader } from '../templates/locate';
import type { TemplateSpec } from '../templates/types';
import type { CellValue, TableSnapshot } from '../workbook';

/** A source as 汇总来源 lists it: the 0-based data row, its name and link. */
export interface LinkedSource {
  readonly row: number;
  readonly name: string;
  readonly url: string;
}

/** A row of 汇总来源 that cannot be used, and why. */
export interface LinkedSourceProblem {
  readonly row: number;
  readonly message: Localized;
}

/** A Google Sheets document link: the id is what IMPORTRANGE needs (a bare id works too). */
const SHEETS_URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/;
const BARE_ID = /^[A-Za-z0-9_-]{30,}$/;

/** The spreadsheet id of a link or bare id; undefined when it is neither. */
export function spreadsheetIdOf(link: string): string | undefined {
  const text = link.trim();
  return SHEETS_URL.exec(text)?.[1] ?? (BARE_ID.test(text) ? text : undefined);
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * The sources 汇总来源 lists, in order; rows with a link that is not a Google spreadsheet, a
 * spreadsheet listed twice, or a name without a link are named with their sheet row.
 */
export function readLinkedSources(
  spec: TemplateSpec,
  table: TableSnapshot,
  locale: Locale,
): { sources: LinkedSource[]; problems: LinkedSourceProblem[] } {
  const match = matchHeader(spec, table.header);
  const at = (row: readonly CellValue[], key: string) => {
    const column = match.columns.get(key);
    return column === undefined ? '' : text(row[column]);
  };
  const sources: LinkedSource[] = [];
  const problems: LinkedSourceProblem[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const sheetRow = table.headerRow + 2 + i;
    const url = at(row, 'url');
    const given = at(row, 'name');
    if (url === '') {
      if (given !== '')
        problems.push({
          row: i,
          message: L(`第 ${sheetRow} 行:${given} 没有表格链接`, `Row ${sheetRow}: ${given} has no spreadsheet link`),
        });
      return;
    }
    const id = spreadsheetIdOf(url);
    if (id === undefined) {
      problems.push({
        row: i,
        message: L(
          `第 ${sheetRow} 行:“${url}”不是 Google 表格的链接(应以 https://docs.google.com/spreadsheets/d/ 开头)`,
          `Row ${sheetRow}: “${url}” is not a Google Sheets link (it starts with https://docs.google.com/spreadsheets/d/)`,
        ),
      });
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        row: i,
        message: L(
          `第 ${sheetRow} 行:与第 ${first} 行是同一个表格,未重复汇总`,
          `Row ${sheetRow}: the same spreadsheet as row ${first}; not counted twice`,
        ),
      });
      return;
    }
    seen.set(id, sheetRow);
    sources.push({ row: i, name: given === '' ? L(`来源 ${sheetRow}`, `Source ${sheetRow}`)[locale] : given, url });
  });
  return { sources, problems };
}

const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** `=IMPORTRANGE("link","range")`: a named range (a table) or `Sheet!A1`. */
export const importRangeFormula = (url: string, range: string): string => `=IMPORTRANGE(${quoted(url.trim())},${quoted(range)})`;

/** The connection check: the source's first cell, which shows #REF! with Google's "Allow access" until allowed. */
export const CONNECTION_RANGE = 'A1';

/** What an IMPORTRANGE cell shows: a result, still loading, or an error (access not allowed, or no such range). */
export type ImportState = 'ok' | 'loading' | 'error';

/** Google's loading value (`getValues` gives #N/A; the cell shows "Loading..."). */
const LOADING = new Set(['#N/A', 'Loading...', '加载中...']);
const ERROR = /^#(REF!|VALUE!|ERROR!|NAME\?)$/;

export function importStateOf(first: unknown): ImportState {
  if (typeof first !== 'string') return 'ok';
  if (LOADING.has(first)) return 'loading';
  return ERROR.test(first) ? 'error' : 'ok';
}

/** An imported table as a snapshot: its header and the rows up to the last that holds anything. */
export function importedTable(sheetName: string, tableName: string, grid: readonly (readonly CellValue[])[]): TableSnapshot {
  const [header = [], ...rows] = grid;
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((v) => v === null || v === '')) end -= 1;
  return {
    sheetName,
    tableName,
    headerRow: 0,
    firstColumn: 0,
    header: header.map((v) => text(v)),
    rows: rows.slice(0, end).map((row) => [...row]),
  };
}
