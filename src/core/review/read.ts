/**
 * Reading template tables as the user left them: columns matched by header label in either
 * language (`matchHeader`), cells read leniently but never trusted to be computed — the analysis
 * works only from input columns.
 */
import { isoFromSerial, serialFromIso } from '../dates';
import type { Locale } from '../i18n';
import { templateById } from '../templates';
import { matchHeader } from '../templates/locate';
import type { ColumnSpec, TemplateId, TemplateSpec } from '../templates/types';
import type { TableSnapshot } from '../workbook';
import type { ReadTable, ReadValue, WorkbookData } from './types';

/** What step 1 reads, in the order the wizard shows it. */
export const REVIEW_SOURCES: readonly TemplateId[] = ['goals', 'funnel', 'leads', 'execution', 'plan', 'evaluation', 'kpi', 'deals'];
/** Read too when the workbook has them, never reported missing: the forecast and its calls, the org chart, the register's snapshots, the team's records and the earlier reports' rankings. */
export const REVIEW_EXTRAS: readonly TemplateId[] = [
  'forecast',
  'forecastCalls',
  'orgChart',
  'dealSnapshots',
  'activity',
  'feedback',
  'oneOnOne',
  'weeklyReport',
  'training',
  'meetings',
  'actionItems',
  'planFeedback',
  'reviewRankings',
];
/** The team's records among the extras: cleaned like the sources, summarised for 过程评估. */
export const RECORD_SOURCES: readonly TemplateId[] = ['activity', 'feedback', 'oneOnOne', 'weeklyReport', 'training'];
/** What the write touches. */
export const REVIEW_TARGETS: readonly TemplateId[] = ['diagnosis', 'plan', 'execution', 'evaluation', 'reviewLog'];

export function toReadTable(templateId: TemplateId, snapshot: TableSnapshot): ReadTable {
  return { ...snapshot, templateId };
}

export interface TableView {
  readonly spec: TemplateSpec;
  readonly table: ReadTable;
  /** The language the sheet's header is written in. */
  readonly locale: Locale;
  /** Column key → 0-based position in the header. */
  readonly columns: ReadonlyMap<string, number>;
  readonly missing: readonly ColumnSpec[];
}

export function viewOf(data: WorkbookData, id: TemplateId): TableView | undefined {
  const table = data[id];
  if (table === undefined) return undefined;
  const spec = templateById(id);
  const match = matchHeaderSafe(spec, table.header);
  return { spec, table, locale: match.locale, columns: match.columns, missing: match.missing };
}

/** A row's cell by column key (undefined when the sheet lacks the column), typed for the read* helpers. */
export const cellOf =
  (view: TableView) =>
  (row: readonly unknown[], key: string): never | undefined => {
    const i = view.columns.get(key);
    return i === undefined ? undefined : (row[i] as never);
  };

// A host may hand over a header with blanks or numbers; matchHeader wants strings.
function matchHeaderSafe(spec: TemplateSpec, header: readonly unknown[]) {
  return matchHeader(
    spec,
    header.map((h) => (h === null || h === undefined ? '' : String(h))),
  );
}

/** 1-based sheet row of data row `i`, as the user sees it. */
export const sheetRowOf = (table: TableSnapshot, i: number): number => table.headerRow + 2 + i;

export function readText(v: ReadValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** A finite number, else null (text, blanks and booleans are not numbers: the cleaning reports them). */
export const readNumber = (v: ReadValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Excel's last date is 9999-12-31 (serial 2,958,465); beyond it a number is no date. */
export const MAX_SERIAL = 2958466;
export const isSerial = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < MAX_SERIAL;

const ISO_DATETIME = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A day serial: a number as hosts read dates, or ISO text (`2024-03-25`, `2024/03/25 09:00`) as a
 * pasted CSV leaves it — spreadsheets coerce such text in date arithmetic too.
 */
export function readDate(v: ReadValue | undefined): number | null {
  if (typeof v === 'number') return isSerial(v) ? v : null;
  if (typeof v !== 'string') return null;
  const match = ISO_DATETIME.exec(v.trim());
  if (!match) return null;
  const serial = serialFromIso((match[1] ?? '').replace(/\//g, '-'));
  if (serial === undefined) return null;
  const [h, m, s] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return null;
  return serial + (h * 3600 + m * 60 + s) / 86400;
}

/** Reads a cell of a text column that a host may have turned into a date serial (a month typed as 2024-03). */
export function readMonth(v: ReadValue | undefined): string {
  if (typeof v === 'number' && v > 20000 && v < 80000) return isoFromSerial(v).slice(0, 7);
  return readText(v);
}
