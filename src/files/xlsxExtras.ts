/**
 * The parts of a user's workbook beyond values and formats that the round trip carries through the
 * Univer snapshot, both ways (read by xlsxRead.ts, written by xlsxWrite.ts):
 * - borders (cell style `bd`), font names (`ff`) and the workbook's default font (`defaultStyle`);
 * - tab colours (sheet `tabColor`; a theme or indexed colour is shown as its RGB and written back
 *   as it was while the tab keeps that colour);
 * - hyperlinks (the cell's `custom.hyperlink`: Univer's open-source build has no link model, and
 *   keeps a cell's custom data as it is), with their tooltips; a link to a place in the workbook
 *   (`location`, which ExcelJS drops) is kept as `#` and the place (`#'Sheet 2'!A1`);
 * - defined names (the `SHEET_DEFINED_NAME_PLUGIN` resource the formula engine reads, so formulas
 *   that use a name go on computing).
 * Whatever is still not carried is counted by src/files/xlsxInventory.ts and sends the work to a copy.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { IBorderData, IBorderStyleData, ICellData } from '@univerjs/core';
import { attr, decodeXml, sheetsOf, tagsOf } from './ooxmlText';
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

/** What the sheets' <hyperlink> elements say that ExcelJS does not keep: in-workbook places and tooltips, by sheet, then cell. */
export async function linksOfFile(bytes: Uint8Array): Promise<Map<string, Map<string, { location?: string; tooltip?: string }>>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const out = new Map<string, Map<string, { location?: string; tooltip?: string }>>();
  for (const sheet of await sheetsOf(zip)) {
    const xml = (await zip.file(sheet.part)?.async('string')) ?? '';
    const section = /<(?:\w+:)?hyperlinks>[\s\S]*?<\/(?:\w+:)?hyperlinks>/.exec(xml)?.[0];
    if (!section) continue;
    const links = new Map<string, { location?: string; tooltip?: string }>();
    for (const tag of tagsOf(section, 'hyperlink')) {
      const ref = attr(tag, 'ref');
      const location = attr(tag, 'r:id') === undefined ? attr(tag, 'location') : undefined;
      const tooltip = attr(tag, 'tooltip');
      if (ref && (location || tooltip)) links.set(ref, { ...(location ? { location } : {}), ...(tooltip ? { tooltip } : {}) });
    }
    if (links.size > 0) out.set(sheet.name, links);
  }
  return out;
}

/** A cell's link with what the file says of it beyond ExcelJS's reading (see linksOfFile). */
export function withFileLink(data: ICellData, raw: { location?: string; tooltip?: string } | undefined): void {
  if (!raw) return;
  const custom = { ...(data.custom ?? {}) } as Record<string, unknown>;
  if (raw.location && custom.hyperlink === undefined) custom.hyperlink = `#${raw.location}`;
  if (custom.hyperlink === undefined) return;
  if (raw.tooltip) custom.tooltip = raw.tooltip;
  data.custom = custom;
}

/** ExcelJS's streaming worksheet, as far as links reach into it (exceljs 4.4.0, pinned). */
interface LinkingWorksheet {
  _sheetRelsWriter: {
    addRelationship(rel: { Type: string; Target: string; TargetMode?: string }): string;
    _hyperlinks: { address: string; rId?: string; location?: string; tooltip?: string }[];
  };
  _writeHyperlinks(): void;
  _write(text: string): void;
}

const HYPERLINK_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const xmlText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A link over a cell of the sheet being written: an address outside (a relationship) or a place
 * inside the workbook (`#…`, an attribute), with its tooltip. ExcelJS's own element writer knows
 * places only of the form `Sheet!A1`, so this sheet's <hyperlinks> is written here.
 */
export function addLink(worksheet: unknown, address: string, link: HyperlinkData): void {
  const ws = worksheet as LinkingWorksheet;
  const links = ws._sheetRelsWriter._hyperlinks;
  if (links.length === 0)
    ws._writeHyperlinks = () => {
      const items = ws._sheetRelsWriter._hyperlinks.map(
        (l) =>
          `<hyperlink ref="${xmlText(l.address)}"${l.rId ? ` r:id="${l.rId}"` : ''}${l.location ? ` location="${xmlText(l.location)}"` : ''}${l.tooltip ? ` tooltip="${xmlText(l.tooltip)}"` : ''}/>`,
      );
      if (items.length > 0) ws._write(`<hyperlinks>${items.join('')}</hyperlinks>`);
    };
  const tooltip = link.tooltip ? { tooltip: link.tooltip } : {};
  if (link.hyperlink.startsWith('#')) links.push({ address, location: link.hyperlink.slice(1), ...tooltip });
  else {
    const rId = ws._sheetRelsWriter.addRelationship({ Type: HYPERLINK_RELATIONSHIP, Target: link.hyperlink, TargetMode: 'External' });
    links.push({ address, rId, ...tooltip });
  }
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

/** SpreadsheetML's default indexed colours (ECMA-376 Part 1, 18.8.27), 64 and 65 being the system's text and window colours. */
const INDEXED_COLOURS =
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
  '000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
  '3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333 ' +
  '000000 FFFFFF';

/** A theme's colours in SpreadsheetML's order (lt1, dk1, lt2, dk2, accent1–6, hlink, folHlink). */
function themeColours(themeXml: string | undefined): string[] {
  const scheme = /<(?:\w+:)?clrScheme\b[\s\S]*?<\/(?:\w+:)?clrScheme>/.exec(themeXml ?? '')?.[0] ?? '';
  const colour = (name: string): string => {
    const body = new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(scheme)?.[1] ?? '';
    const tag = tagsOf(body, 'srgbClr')[0] ?? tagsOf(body, 'sysClr')[0] ?? '';
    return attr(tag, 'lastClr') ?? attr(tag, 'val') ?? '';
  };
  const [dk1, lt1, dk2, lt2] = ['dk1', 'lt1', 'dk2', 'lt2'].map(colour);
  return [lt1, dk1, lt2, dk2, ...['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'].map(colour)].map(
    (c) => c ?? '',
  );
}

/** A tint (-1 darker … 1 lighter) over an RGB colour, channel by channel: near enough to show a tab. */
function tinted(hex: string, tint: number): string {
  return hex.replace(/[0-9a-f]{2}/gi, (pair) => {
    const c = parseInt(pair, 16);
    const out = tint < 0 ? c * (1 + tint) : c + (255 - c) * tint;
    return Math.round(Math.min(255, Math.max(0, out)))
      .toString(16)
      .padStart(2, '0')
      .toUpperCase();
  });
}

export interface FileTabColour {
  /** The colour as the file names it (theme or indexed). */
  readonly colour: { theme?: number; tint?: number; indexed?: number };
  /** The RGB the web spreadsheet shows for it. */
  readonly shown: string;
}

/**
 * A sheet's tab colour as the web spreadsheet shows it (`#RRGGBB`), and, for a theme or indexed
 * colour, the file's own form to write back.
 */
export function tabColourOf(
  colour: (Partial<ExcelJS.Color> & { indexed?: number; tint?: number }) | undefined,
  themeXml: string | undefined,
): { tabColor?: string; file?: FileTabColour } {
  if (!colour) return {};
  const rgb = hexOfArgb(colour.argb);
  if (rgb) return { tabColor: rgb };
  let hex: string | undefined;
  const kept: FileTabColour['colour'] = {};
  if (typeof colour.theme === 'number') {
    hex = themeColours(themeXml)[colour.theme];
    Object.assign(kept, { theme: colour.theme }, typeof colour.tint === 'number' ? { tint: colour.tint } : {});
    if (hex && typeof colour.tint === 'number') hex = tinted(hex, colour.tint);
  } else if (typeof colour.indexed === 'number') {
    hex = INDEXED_COLOURS.split(' ')[colour.indexed];
    kept.indexed = colour.indexed;
  }
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return {};
  const shown = `#${hex.toUpperCase()}`;
  return { tabColor: shown, file: { colour: kept, shown } };
}

/** The tab colour to write: the file's own theme or indexed colour while the tab still shows it. */
export function fileTabColourOf(tabColor: string | undefined, kept: unknown): Partial<ExcelJS.Color> | undefined {
  const file = kept as FileTabColour | undefined;
  if (file?.shown && tabColor?.toUpperCase() === file.shown && typeof file.colour === 'object')
    return file.colour as Partial<ExcelJS.Color>;
  const argb = argbOf(tabColor);
  return argb ? { argb } : undefined;
}
