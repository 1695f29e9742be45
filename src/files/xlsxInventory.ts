/**
 * What an .xlsx holds, counted from its parts: charts, pivot tables, pictures, names, hyperlinks,
 * array formulas, bordered cells, validations, notes… Each feature is a list of keys (`sheet!A1`,
 * a name, a part), so two inventories compare as multisets: what the original has and a copy
 * lacks is lost. The web host and the command line compare a file with what our own round trip
 * (read, then write) makes of it, and never write over the file when anything would be lost
 * (src/files/xlsxFidelity.ts).
 *
 * Reads the zip's XML with plain patterns: the parts are machine-written, and a pattern over the
 * text costs far less than building a document tree of a 100,000-row sheet.
 */
import JSZip from 'jszip';
import { type Locale, columnIndex, columnLetter } from '../core';
import { attr, decodeXml, relationshipsOf, tagsOf } from './ooxmlText';

/** Every feature the inventory counts, with its words in both languages (one home for these labels). */
export const FEATURES = {
  sheets: { zh: '个工作表', en: ['sheet', 'sheets'] },
  values: { zh: '个单元格的值', en: ["cell's value", "cells' values"] },
  chartSheets: { zh: '个图表工作表', en: ['chart sheet', 'chart sheets'] },
  charts: { zh: '个图表', en: ['chart', 'charts'] },
  pivotTables: { zh: '个数据透视表', en: ['pivot table', 'pivot tables'] },
  pictures: { zh: '张图片', en: ['picture', 'pictures'] },
  shapes: { zh: '个形状', en: ['shape', 'shapes'] },
  macros: { zh: '个宏项目', en: ['macro project', 'macro projects'] },
  slicers: { zh: '个切片器', en: ['slicer', 'slicers'] },
  externalLinks: { zh: '个外部链接', en: ['external link', 'external links'] },
  threadedComments: { zh: '条对话批注', en: ['threaded comment', 'threaded comments'] },
  notes: { zh: '条批注', en: ['note', 'notes'] },
  definedNames: { zh: '个名称定义', en: ['defined name', 'defined names'] },
  hyperlinks: { zh: '个超链接', en: ['hyperlink', 'hyperlinks'] },
  formulas: { zh: '个公式', en: ['formula', 'formulas'] },
  arrayFormulas: { zh: '个数组公式', en: ['array formula', 'array formulas'] },
  borderedCells: { zh: '个带边框的单元格', en: ['bordered cell', 'bordered cells'] },
  fontNames: { zh: '个单元格的字体', en: ["cell's font", "cells' fonts"] },
  defaultFont: { zh: '个默认字体', en: ['default font', 'default fonts'] },
  richText: { zh: '个富文本单元格', en: ['rich-text cell', 'rich-text cells'] },
  validations: { zh: '条数据验证', en: ['data validation', 'data validations'] },
  conditionalFormats: { zh: '条条件格式', en: ['conditional format', 'conditional formats'] },
  tables: { zh: '个表格', en: ['table', 'tables'] },
  mergedCells: { zh: '处合并单元格', en: ['merged range', 'merged ranges'] },
  outlineLevels: { zh: '个分组(大纲)行列', en: ['grouped (outline) row or column', 'grouped (outline) rows and columns'] },
  tabColours: { zh: '个工作表标签颜色', en: ['tab colour', 'tab colours'] },
  hiddenSheets: { zh: '个隐藏工作表', en: ['hidden sheet', 'hidden sheets'] },
  date1904: { zh: '个 1904 日期系统设置', en: ['1904 date system', '1904 date systems'] },
  printSettings: { zh: '个打印设置', en: ['print setting', 'print settings'] },
} as const satisfies Record<string, { zh: string; en: readonly [string, string] }>;

export type FeatureKind = keyof typeof FEATURES;
export const FEATURE_KINDS = Object.keys(FEATURES) as FeatureKind[];

/** Each feature's keys; a key appears once per occurrence. */
export type XlsxInventory = Record<FeatureKind, string[]>;

export interface FeatureCount {
  readonly kind: FeatureKind;
  readonly count: number;
}

/** "3 个图表、1 个数据透视表" / "3 charts, 1 pivot table". */
export function describeFeatures(counts: readonly FeatureCount[], locale: Locale): string {
  if (locale === 'zh-CN') return counts.map(({ kind, count }) => `${count} ${FEATURES[kind].zh}`).join('、');
  return counts.map(({ kind, count }) => `${count} ${FEATURES[kind].en[count === 1 ? 0 : 1]}`).join(', ');
}

/** How many of each feature, for the kinds present. */
export function countsOf(inventory: XlsxInventory): FeatureCount[] {
  return FEATURE_KINDS.filter((kind) => inventory[kind].length > 0).map((kind) => ({ kind, count: inventory[kind].length }));
}

/** What `before` holds that `after` does not (multiset difference per kind), kinds in table order. */
export function lostFeatures(before: XlsxInventory, after: XlsxInventory): FeatureCount[] {
  const lost: FeatureCount[] = [];
  for (const kind of FEATURE_KINDS) {
    const left = new Map<string, number>();
    for (const key of after[kind]) left.set(key, (left.get(key) ?? 0) + 1);
    let missing = 0;
    for (const key of before[kind]) {
      const n = left.get(key) ?? 0;
      if (n > 0) left.set(key, n - 1);
      else missing++;
    }
    if (missing > 0) lost.push({ kind, count: missing });
  }
  return lost;
}

// ---------------------------------------------------------------------------------------------

interface CellStyle {
  readonly bordered: boolean;
  readonly fontName: string | undefined;
}

/** cellXfs by index: whether the style draws a border, and its font's name. */
function cellStylesOf(stylesXml: string): { styles: CellStyle[]; defaultFont: string | undefined } {
  const section = (name: string): string =>
    new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(stylesXml)?.[1] ?? '';
  const fonts = (section('fonts').match(/<(?:\w+:)?font\b[\s\S]*?<\/(?:\w+:)?font>|<(?:\w+:)?font\b[^>]*\/>/g) ?? []).map((font) =>
    attr(/<(?:\w+:)?name\b[^>]*>/.exec(font)?.[0] ?? '', 'val'),
  );
  const borders = (section('borders').match(/<(?:\w+:)?border\b[\s\S]*?<\/(?:\w+:)?border>|<(?:\w+:)?border\b[^>]*\/>/g) ?? []).map(
    (border) => /<(?:\w+:)?(?:left|right|top|bottom|diagonal|start|end)\b[^>]*\sstyle="(?!none")[^"]+"/.test(border),
  );
  const styles = tagsOf(section('cellXfs'), 'xf').map((xf) => ({
    bordered: borders[Number(attr(xf, 'borderId') ?? 0)] ?? false,
    fontName: fonts[Number(attr(xf, 'fontId') ?? 0)],
  }));
  return { styles, defaultFont: fonts[0] };
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic guides. */
const textOf = (item: string): string =>
  decodeXml(
    [...item.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t\b[^>]*>([^<]*)</g)]
      .map((t) => t[1] ?? '')
      .join(''),
  );

/** The shared strings' texts, and which carry formatted runs (rich text). */
function sharedStrings(sstXml: string): { texts: string[]; rich: Set<number> } {
  const rich = new Set<number>();
  const texts: string[] = [];
  for (const si of sstXml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    if (/<(?:\w+:)?r\b/.test(si[1] ?? '')) rich.add(texts.length);
    texts.push(textOf(si[1] ?? ''));
  }
  return { texts, rich };
}

/**
 * A cell's value as a comparable key: the type and the value as Excel stores it (shared strings
 * resolved, numbers as the double they denote), so a copy that changes a value, a type or a date
 * does not count as keeping it.
 */
function valueKey(type: string | undefined, body: string, shared: readonly string[]): string | undefined {
  const v = /<(?:\w+:)?v>([^<]*)</.exec(body)?.[1];
  if (type === 'inlineStr') return `s:${textOf(/<(?:\w+:)?is\b[\s\S]*?<\/(?:\w+:)?is>/.exec(body)?.[0] ?? '')}`;
  if (v === undefined || v === '') return undefined;
  if (type === 's') return `s:${shared[Number(v)] ?? ''}`;
  if (type === 'str') return `s:${decodeXml(v)}`;
  if (type === 'b') return `b:${v === '1' || v === 'true' ? 1 : 0}`;
  if (type === 'e') return `e:${decodeXml(v)}`;
  const n = Number(v);
  return Number.isFinite(n) ? `n:${n}` : `s:${decodeXml(v)}`;
}

const emptyInventory = (): XlsxInventory =>
  Object.fromEntries(FEATURE_KINDS.map((kind) => [kind, [] as string[]])) as unknown as XlsxInventory;

type Relationships = Awaited<ReturnType<typeof relationshipsOf>>;

/** The date system, the sheets (hidden, chart sheets) and the defined names; returns the worksheets' parts. */
function workbookInventory(inv: XlsxInventory, workbookXml: string, rels: Relationships): { name: string; part: string }[] {
  const workbookPr = tagsOf(workbookXml, 'workbookPr')[0] ?? '';
  if (/^(1|true)$/.test(attr(workbookPr, 'date1904') ?? '')) inv.date1904.push('date1904');
  const sheetNames: string[] = [];
  const sheetParts: { name: string; part: string }[] = [];
  for (const tag of tagsOf(workbookXml, 'sheet')) {
    const name = attr(tag, 'name') ?? '';
    sheetNames.push(name);
    const rel = rels.find((r) => r.id === attr(tag, 'r:id'));
    const state = attr(tag, 'state');
    if (state === 'hidden' || state === 'veryHidden') inv.hiddenSheets.push(`${name}:${state}`);
    if (rel?.type === 'chartsheet') inv.chartSheets.push(name);
    else if (rel) {
      inv.sheets.push(name);
      sheetParts.push({ name, part: rel.target });
    }
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>/g)) {
    const name = attr(m[0], 'name') ?? '';
    // Excel's own bookkeeping of an autofilter, not a name anyone made.
    if (/^_xlnm\._FilterDatabase$/i.test(name)) continue;
    const scope = attr(m[0], 'localSheetId');
    inv.definedNames.push(`${scope === undefined ? '' : (sheetNames[Number(scope)] ?? scope)}!${name}`);
  }
  return sheetParts;
}

/** A sheet's tab colour, grouped rows and columns, merges, links, validations, conditional formats and print settings. */
function sheetLayoutInventory(inv: XlsxInventory, name: string, xml: string): void {
  const tab = /<(?:\w+:)?tabColor\b[^>]*>/.exec(xml)?.[0];
  if (tab) {
    const rgb = attr(tab, 'rgb');
    const theme = attr(tab, 'theme');
    const colour =
      rgb ?? (theme !== undefined ? `theme${theme}:${Number(attr(tab, 'tint') ?? 0)}` : `indexed${attr(tab, 'indexed') ?? ''}`);
    inv.tabColours.push(`${name}:${colour}`);
  }
  for (const row of tagsOf(xml, 'row')) {
    const level = Number(attr(row, 'outlineLevel') ?? 0);
    if (level > 0) inv.outlineLevels.push(`${name}!row${attr(row, 'r') ?? ''}:${level}`);
  }
  for (const col of tagsOf(xml, 'col')) {
    const level = Number(attr(col, 'outlineLevel') ?? 0);
    if (level <= 0) continue;
    const [min, max] = [Number(attr(col, 'min') ?? 0), Number(attr(col, 'max') ?? 0)];
    // A <col> may cover the whole width: count a run once per column, but no more than 1,000.
    for (let c = min; c <= Math.min(max, min + 999); c++) inv.outlineLevels.push(`${name}!col${c}:${level}`);
  }
  tagsOf(xml, 'mergeCell').forEach((tag) => inv.mergedCells.push(`${name}!${attr(tag, 'ref') ?? ''}`));
  tagsOf(xml, 'hyperlink').forEach((tag) => inv.hyperlinks.push(`${name}!${attr(tag, 'ref') ?? ''}`));
  for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?dataValidation>)/g)) {
    const formulas = [...(m[2] ?? '').matchAll(/<(?:\w+:)?(?:formula[12]|f)\b[^>]*>([\s\S]*?)<\//g)].map((f) =>
      decodeXml(f[1] ?? '').trim(),
    );
    inv.validations.push(`${name}:${attr(m[0], 'type') ?? 'none'}:${attr(m[0], 'operator') ?? ''}:${formulas.join('|')}`);
  }
  for (const m of xml.matchAll(/<(?:\w+:)?conditionalFormatting\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?conditionalFormatting>/g)) {
    const sqref = attr(m[0], 'sqref') ?? /<(?:\w+:)?sqref>([^<]*)</.exec(m[2] ?? '')?.[1] ?? '';
    tagsOf(m[2] ?? '', 'cfRule').forEach((rule) => inv.conditionalFormats.push(`${name}!${sqref}:${attr(rule, 'type') ?? ''}`));
  }
  const pageSetup = tagsOf(xml, 'pageSetup')[0];
  if (pageSetup && /\s(orientation|paperSize|scale|fitToWidth|fitToHeight)="/.test(pageSetup)) inv.printSettings.push(`${name}:page`);
  if (/<(?:\w+:)?(?:oddHeader|oddFooter)>[^<]+</.test(xml)) inv.printSettings.push(`${name}:headerFooter`);
}

/** A sheet's cells: values, formulas, array formulas, rich text, borders and fonts other than the default. */
function sheetCellsInventory(
  inv: XlsxInventory,
  name: string,
  xml: string,
  book: {
    readonly styles: ReturnType<typeof cellStylesOf>['styles'];
    readonly defaultFont: string | undefined;
    readonly shared: ReturnType<typeof sharedStrings>['texts'];
    readonly rich: ReturnType<typeof sharedStrings>['rich'];
  },
): void {
  const { styles, defaultFont, shared, rich } = book;
  // Cells may omit their reference (`r`): their place is then the next row or column.
  let rowNumber = 0;
  for (const row of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    rowNumber = Number(attr(row[0], 'r') ?? rowNumber + 1);
    let columnNumber = 0;
    for (const cell of (row[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const open = cell[1] ?? '';
      const body = cell[2] ?? '';
      const given = attr(open, 'r');
      columnNumber = given ? columnIndex(/^\$?([A-Z]+)/i.exec(given)?.[1] ?? '') + 1 : columnNumber + 1;
      const ref = `${name}!${given ?? `${columnLetter(columnNumber - 1)}${rowNumber}`}`;
      const style = styles[Number(attr(open, 's') ?? 0)];
      const hasContent = body.trim() !== '';
      if (style?.bordered) inv.borderedCells.push(ref);
      if (style?.fontName !== undefined && style.fontName !== defaultFont && hasContent) inv.fontNames.push(`${ref}:${style.fontName}`);
      const formula = /<(?:\w+:)?f\b([^>]*)(?:\/>|>)/.exec(body);
      if (formula) {
        inv.formulas.push(ref);
        if (attr(formula[0], 't') === 'array') inv.arrayFormulas.push(`${ref}:${attr(formula[0], 'ref') ?? ''}`);
      }
      const type = attr(open, 't');
      const value = valueKey(type, body, shared);
      if (value !== undefined) inv.values.push(`${ref}=${value}`);
      if (type === 's') {
        const index = Number(/<(?:\w+:)?v>(\d+)</.exec(body)?.[1] ?? -1);
        if (rich.has(index)) inv.richText.push(ref);
      } else if (type === 'inlineStr' && /<(?:\w+:)?is\b[\s\S]*<(?:\w+:)?r\b/.test(body)) inv.richText.push(ref);
    }
  }
}

/** Counts what an .xlsx holds. The bytes must have passed inspectXlsx (src/files/xlsxGuard.ts). */
export async function inventoryXlsx(bytes: Uint8Array): Promise<XlsxInventory> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const inv = emptyInventory();
  const names = Object.keys(zip.files);
  const text = async (part: string): Promise<string> => (await zip.file(part)?.async('string')) ?? '';
  const count = (kind: FeatureKind, pattern: RegExp): void => {
    names.filter((n) => pattern.test(n)).forEach((n) => inv[kind].push(n));
  };
  count('charts', /^xl\/charts\/chart\d*\.xml$/i);
  count('pivotTables', /^xl\/pivotTables\/pivotTable\d*\.xml$/i);
  count('macros', /^xl\/vbaProject\.bin$/i);
  count('slicers', /^xl\/slicers\/slicer\d*\.xml$/i);
  count('externalLinks', /^xl\/externalLinks\/externalLink\d*\.xml$/i);

  const sheetParts = workbookInventory(inv, await text('xl/workbook.xml'), await relationshipsOf(zip, 'xl/workbook.xml'));
  const { styles, defaultFont } = cellStylesOf(await text('xl/styles.xml'));
  if (defaultFont !== undefined) inv.defaultFont.push(defaultFont);
  const { texts: shared, rich } = sharedStrings(await text('xl/sharedStrings.xml'));

  for (const tableName of names.filter((n) => /^xl\/tables\/table\d*\.xml$/i.test(n))) {
    const tag = tagsOf(await text(tableName), 'table')[0] ?? '';
    inv.tables.push(attr(tag, 'displayName') ?? attr(tag, 'name') ?? tableName);
  }
  for (const part of names.filter((n) => /^xl\/threadedComments\/.+\.xml$/i.test(n))) {
    tagsOf(await text(part), 'threadedComment').forEach((tag) => inv.threadedComments.push(`${part}!${attr(tag, 'ref') ?? ''}`));
  }

  for (const { name, part } of sheetParts) {
    const xml = await text(part);
    sheetLayoutInventory(inv, name, xml);
    sheetCellsInventory(inv, name, xml, { styles, defaultFont, shared, rich });
    for (const rel of await relationshipsOf(zip, part)) {
      if (rel.external) continue;
      if (rel.type === 'comments')
        tagsOf(await text(rel.target), 'comment').forEach((tag) => inv.notes.push(`${name}!${attr(tag, 'ref') ?? ''}`));
      if (rel.type === 'drawing') {
        const drawing = await text(rel.target);
        tagsOf(drawing, 'pic').forEach((_, i) => inv.pictures.push(`${name}#${i}`));
        tagsOf(drawing, 'sp').forEach((_, i) => inv.shapes.push(`${name}#${i}`));
      }
    }
  }
  return inv;
}
