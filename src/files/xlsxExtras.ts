/**
 * The parts of a user's workbook beyond values and formats that the round trip carries through the
 * Univer snapshot, both ways (read by xlsxRead.ts, written by xlsxWrite.ts):
 * - borders (cell style `bd`), font names (`ff`) and the workbook's default font (`defaultStyle`);
 * - tab colours (sheet `tabColor`);
 * - hyperlinks (the cell's `custom.hyperlink`: Univer's open-source build has no link model, and
 *   keeps a cell's custom data as it is);
 * - defined names (the `SHEET_DEFINED_NAME_PLUGIN` resource the formula engine reads, so formulas
 *   that use a name go on computing).
 * Whatever is still not carried is counted by src/files/xlsxInventory.ts and sends the work to a copy.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { IBorderData, IBorderStyleData, ICellData } from '@univerjs/core';
import { decodeXml } from './ooxmlText';
import { argbOf, hexOfArgb } from './units';

/** ExcelJS border style names by Univer's BorderStyleTypes number (@univerjs/core). */
const BORDER_STYLES: readonly (ExcelJS.BorderStyle | undefined)[] = [
  undefined,
  'thin',
  'hair',
  'dotted',
  'dashed',
  'dashDot',
  'dashDotDot',
  'double',
  'medium',
  'mediumDashed',
  'mediumDashDot',
  'mediumDashDotDot',
  'slantDashDot',
  'thick',
];

const SIDES = [
  ['top', 't'],
  ['bottom', 'b'],
  ['left', 'l'],
  ['right', 'r'],
] as const;

/** A cell's ExcelJS border as Univer's `bd`, or undefined when it draws none. */
export function bordersOfCell(border: Partial<ExcelJS.Borders> | undefined): IBorderData | undefined {
  if (!border) return undefined;
  const out: IBorderData = {};
  for (const [side, key] of SIDES) {
    const line = border[side];
    const style = line?.style ? BORDER_STYLES.indexOf(line.style) : -1;
    if (style <= 0) continue;
    const rgb = hexOfArgb(line?.color?.argb);
    out[key] = { s: style, cl: { rgb: rgb ?? '#000000' } } as IBorderStyleData;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Univer's `bd` as an ExcelJS border. */
export function excelBorderOf(bd: IBorderData | null | undefined): Partial<ExcelJS.Borders> | undefined {
  if (!bd) return undefined;
  const out: Partial<ExcelJS.Borders> = {};
  for (const [side, key] of SIDES) {
    const line = bd[key];
    const style = line ? BORDER_STYLES[line.s] : undefined;
    if (!line || !style) continue;
    const argb = argbOf(line.cl?.rgb ?? undefined);
    out[side] = { style, ...(argb ? { color: { argb } } : {}) } as ExcelJS.Border;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export interface DefaultFont {
  readonly name: string;
  readonly size: number;
}

/** The workbook's default font (the first font of styles.xml), which every unstyled cell shows. */
export async function defaultFontOf(bytes: Uint8Array): Promise<DefaultFont | undefined> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
  const font = /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(
    /<(?:\w+:)?fonts\b[\s\S]*?<\/(?:\w+:)?fonts>/.exec(styles)?.[0] ?? '',
  )?.[1];
  if (!font) return undefined;
  const name = /<(?:\w+:)?name\b[^>]*\sval="([^"]*)"/.exec(font)?.[1];
  const size = Number(/<(?:\w+:)?sz\b[^>]*\sval="([^"]*)"/.exec(font)?.[1] ?? 11);
  return name ? { name, size: Number.isFinite(size) && size > 0 ? size : 11 } : undefined;
}

export interface HyperlinkData {
  readonly hyperlink: string;
  readonly tooltip?: string;
}

/** The link of an ExcelJS cell (`{ text, hyperlink }`), kept in the Univer cell's custom data. */
export function hyperlinkOfCell(cell: ExcelJS.Cell): HyperlinkData | undefined {
  const link = cell.hyperlink;
  if (!link) return undefined;
  const value = cell.value as { tooltip?: string } | null;
  return { hyperlink: link, ...(value && typeof value === 'object' && value.tooltip ? { tooltip: value.tooltip } : {}) };
}

export function hyperlinkOf(cell: ICellData): HyperlinkData | undefined {
  const link = (cell.custom as { hyperlink?: unknown } | null | undefined)?.hyperlink;
  return typeof link === 'string' && link !== ''
    ? { hyperlink: link, ...(typeof cell.custom?.tooltip === 'string' ? { tooltip: cell.custom.tooltip } : {}) }
    : undefined;
}

export interface DefinedName {
  readonly id: string;
  readonly name: string;
  /** `Sheet1!$A$1:$B$9` (several areas joined by commas). */
  readonly formulaOrRefString: string;
  readonly localSheetId?: string;
  readonly hidden?: boolean;
}

/**
 * The workbook's defined names, read from workbook.xml itself: ExcelJS keeps only ranges and merges
 * names of the same text in different sheets' scopes. Excel's own `_xlnm.*` names (print areas and
 * titles, filters) are left to ExcelJS's page setup.
 */
export async function definedNamesOfFile(bytes: Uint8Array, sheetIds: readonly string[]): Promise<Record<string, DefinedName>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const out: Record<string, DefinedName> = {};
  let n = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const attrs = m[1] ?? '';
    const name = decodeXml(/\sname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const text = decodeXml(m[2] ?? '').trim();
    if (!name || !text || /^_xlnm\./i.test(name)) continue;
    const scope = /\slocalSheetId="(\d+)"/.exec(attrs)?.[1];
    const localSheetId = scope === undefined ? undefined : sheetIds[Number(scope)];
    if (scope !== undefined && localSheetId === undefined) continue;
    const id = `name-${++n}`;
    out[id] = {
      id,
      name,
      formulaOrRefString: text,
      ...(localSheetId !== undefined ? { localSheetId } : {}),
      ...(/\shidden="(1|true)"/.test(attrs) ? { hidden: true } : {}),
    };
  }
  return out;
}

/** The snapshot's names as the workbook part lists them (`localSheetId` is the sheet's position). */
export function definedNamesForFile(
  names: Record<string, { name?: string; formulaOrRefString?: string; localSheetId?: string; hidden?: boolean }>,
  sheetIds: readonly string[],
): { name: string; ranges: string[]; localSheetId?: number }[] {
  const out: { name: string; ranges: string[]; localSheetId?: number }[] = [];
  for (const entry of Object.values(names)) {
    if (!entry?.name || !entry.formulaOrRefString) continue;
    const index = entry.localSheetId === undefined ? undefined : sheetIds.indexOf(entry.localSheetId);
    if (index === -1) continue;
    // The part holds the name's text as it is: a range, several, or a formula.
    out.push({
      name: entry.name,
      ranges: [entry.formulaOrRefString.replace(/^=/, '')],
      ...(index !== undefined ? { localSheetId: index } : {}),
    });
  }
  return out;
}
