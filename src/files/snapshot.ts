/**
 * The web host's workbook as it is saved: Univer's lossless snapshot (`FWorkbook.save()`), whose
 * `resources` carry the tables, data validation and conditional formats as JSON text per plugin.
 * These helpers read and build the parts the xlsx reader and writer map, and nothing else; the rest
 * of a snapshot passes through untouched.
 */
import type { ICellData, IStyleData, IWorkbookData, IWorksheetData } from '@univerjs/core';
import type { Locale } from '../core';

export type WorkbookSnapshot = IWorkbookData;
export type SheetSnapshot = Partial<IWorksheetData>;

/** Resource names of the Univer plugins whose data the xlsx files carry. */
export const RESOURCE = {
  tables: 'SHEET_TABLE_PLUGIN',
  validation: 'SHEET_DATA_VALIDATION_PLUGIN',
  conditionalFormats: 'SHEET_CONDITIONAL_FORMATTING_PLUGIN',
  notes: 'SHEET_NOTE_PLUGIN',
  drawings: 'SHEET_DRAWING_PLUGIN',
  /** The formula engine's defined names (workbook-wide, by id; see src/files/xlsxExtras.ts). */
  definedNames: 'SHEET_DEFINED_NAME_PLUGIN',
} as const;

/** A picture over the grid as @univerjs/sheets-drawing keeps it (the fields this product reads). */
export interface SnapshotDrawing {
  readonly drawingId: string;
  readonly drawingType?: number;
  readonly imageSourceType?: string;
  /** A data URL (`data:image/png;base64,…`) for the pictures this product places. */
  readonly source?: string;
  readonly title?: string;
  readonly description?: string;
  readonly sheetTransform?: { readonly from?: { readonly row: number; readonly column: number } };
  readonly transform?: { readonly width?: number; readonly height?: number };
}

/** A sheet's drawings: by id, and their order. */
export interface SheetDrawings {
  readonly data: Record<string, SnapshotDrawing>;
  readonly order: readonly string[];
}

/** A cell note as @univerjs/sheets-note keeps it. */
export interface SnapshotNote {
  readonly id?: string;
  readonly row: number;
  readonly col: number;
  readonly width?: number;
  readonly height?: number;
  readonly note: string;
}

/** A sheet's notes by row, then column. */
export type SheetNotes = Record<number, Record<number, SnapshotNote>>;

export interface SnapshotRange {
  readonly startRow: number;
  readonly endRow: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

export interface SnapshotTable {
  readonly id?: string;
  readonly name: string;
  readonly range: SnapshotRange;
  readonly options?: { readonly showHeader?: boolean; readonly tableStyleId?: string };
  readonly columns?: readonly { readonly displayName?: string }[];
}

export interface SnapshotValidation {
  readonly uid: string;
  readonly type: string;
  readonly ranges: readonly SnapshotRange[];
  readonly formula1?: string;
  readonly formula2?: string;
  readonly operator?: string;
  readonly allowBlank?: boolean;
  readonly showDropDown?: boolean;
  /** 1 = stop (refuse), 2 = warning, 3 = information. */
  readonly errorStyle?: number;
  readonly error?: string;
  readonly prompt?: string;
}

export interface SnapshotHighlight {
  readonly type: 'highlightCell';
  readonly subType: 'number' | 'text' | 'formula' | string;
  readonly operator: string;
  readonly value?: number | string | readonly number[];
  readonly style: { readonly bg?: { readonly rgb?: string }; readonly cl?: { readonly rgb?: string }; readonly bl?: number };
}

export interface SnapshotConditionalFormat {
  readonly cfId: string;
  readonly ranges: readonly SnapshotRange[];
  readonly stopIfTrue?: boolean;
  readonly rule: SnapshotHighlight | { readonly type: string };
}

type PerSheet<T> = Record<string, T>;

function resourceData<T>(snapshot: WorkbookSnapshot, name: string): PerSheet<T> {
  const resource = snapshot.resources?.find((r) => r.name === name);
  if (!resource || !resource.data) return {};
  try {
    const parsed: unknown = JSON.parse(resource.data);
    return parsed !== null && typeof parsed === 'object' ? (parsed as PerSheet<T>) : {};
  } catch {
    return {};
  }
}

export function setResourceData(snapshot: WorkbookSnapshot, name: string, data: PerSheet<unknown>): void {
  const resources = (snapshot.resources ??= []);
  const text = JSON.stringify(data);
  const existing = resources.find((r) => r.name === name);
  if (existing) existing.data = text;
  else resources.push({ name, data: text });
}

export const tablesOf = (snapshot: WorkbookSnapshot): PerSheet<{ tables?: SnapshotTable[] }> => resourceData(snapshot, RESOURCE.tables);
export const validationsOf = (snapshot: WorkbookSnapshot): PerSheet<SnapshotValidation[]> => resourceData(snapshot, RESOURCE.validation);
export const conditionalFormatsOf = (snapshot: WorkbookSnapshot): PerSheet<SnapshotConditionalFormat[]> =>
  resourceData(snapshot, RESOURCE.conditionalFormats);
export const notesOf = (snapshot: WorkbookSnapshot): PerSheet<SheetNotes> => resourceData(snapshot, RESOURCE.notes);
export const drawingsOf = (snapshot: WorkbookSnapshot): PerSheet<SheetDrawings> => resourceData(snapshot, RESOURCE.drawings);
export const definedNamesOf = (
  snapshot: WorkbookSnapshot,
): PerSheet<{ name?: string; formulaOrRefString?: string; localSheetId?: string }> => resourceData(snapshot, RESOURCE.definedNames);

/** A cell's style, whether the cell holds a style id (into `snapshot.styles`) or the style itself. */
export function styleOf(snapshot: WorkbookSnapshot, cell: ICellData): IStyleData | undefined {
  const { s } = cell;
  if (s === undefined || s === null) return undefined;
  if (typeof s === 'string') return snapshot.styles[s] ?? undefined;
  return s;
}

/** Sheets in their tab order (ids missing from `sheetOrder` go last, as Univer shows them). */
export function orderedSheets(snapshot: WorkbookSnapshot): SheetSnapshot[] {
  const ids = [...snapshot.sheetOrder, ...Object.keys(snapshot.sheets).filter((id) => !snapshot.sheetOrder.includes(id))];
  return ids.map((id) => snapshot.sheets[id]).filter((sheet): sheet is SheetSnapshot => sheet !== undefined);
}

/** Univer's defaults for a new sheet: 1000 × 20. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 20;

let idCounter = 0;
/** A fresh id for sheets, tables and rules made outside Univer (unique within a process run). */
export function freshId(prefix: string): string {
  idCounter += 1;
  return `${prefix}${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A new workbook's first sheet, named as Univer and Excel name it (in every language). */
const FIRST_SHEET_NAME = 'Sheet1';

/** A new, empty workbook: one sheet, the size Univer gives a new sheet. */
export function blankSnapshot(name: string, locale: Locale): WorkbookSnapshot {
  const sheetId = freshId('s');
  return {
    id: freshId('w'),
    name,
    appVersion: '0.25.1',
    locale: (locale === 'zh-CN' ? 'zhCN' : 'enUS') as WorkbookSnapshot['locale'],
    styles: {},
    sheetOrder: [sheetId],
    sheets: { [sheetId]: { id: sheetId, name: FIRST_SHEET_NAME, rowCount: DEFAULT_ROWS, columnCount: DEFAULT_COLUMNS, cellData: {} } },
    resources: [],
  };
}
