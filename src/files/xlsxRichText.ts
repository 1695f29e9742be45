/**
 * Rich text: a cell whose text has runs of their own font (a bold word, a red figure). ExcelJS
 * reads them as `{ richText: [{ text, font }] }`; the web spreadsheet keeps them as the cell's
 * document (`p`: one data stream, runs by start and end, one paragraph mark per line). Both ways,
 * so a manager's emphasis in a note or a heading survives a save.
 */
import type ExcelJS from 'exceljs';
import type { ICellData, IDocumentData, ITextRun, ITextStyle } from '@univerjs/core';
import { argbOf, hexOfArgb } from './units';

// A document's text ends with a paragraph mark and a section break; each line break is a paragraph mark.
const PARAGRAPH = '\r';
const END = '\r\n';

function textStyleOf(font: Partial<ExcelJS.Font> | undefined): ITextStyle {
  const ts: ITextStyle = {};
  if (!font) return ts;
  if (font.bold) ts.bl = 1;
  if (font.italic) ts.it = 1;
  if (font.underline) ts.ul = { s: 1 };
  if (font.strike) ts.st = { s: 1 };
  if (font.size) ts.fs = font.size;
  if (font.name) ts.ff = font.name;
  const colour = hexOfArgb(font.color?.argb);
  if (colour) ts.cl = { rgb: colour };
  if (font.vertAlign === 'superscript') ts.va = 3;
  else if (font.vertAlign === 'subscript') ts.va = 2;
  return ts;
}

function fontOf(ts: ITextStyle | undefined): Partial<ExcelJS.Font> | undefined {
  if (!ts) return undefined;
  const font: Partial<ExcelJS.Font> = {};
  if (ts.bl === 1) font.bold = true;
  if (ts.it === 1) font.italic = true;
  if (ts.ul?.s === 1) font.underline = true;
  if (ts.st?.s === 1) font.strike = true;
  if (ts.fs) font.size = ts.fs;
  if (ts.ff) font.name = ts.ff;
  const argb = argbOf(ts.cl?.rgb ?? undefined);
  if (argb) font.color = { argb };
  if (ts.va === 3) font.vertAlign = 'superscript';
  else if (ts.va === 2) font.vertAlign = 'subscript';
  return Object.keys(font).length > 0 ? font : undefined;
}

/** ExcelJS's runs as the cell document the web spreadsheet draws. */
export function richTextDocumentOf(runs: readonly ExcelJS.RichText[], documentId: string): IDocumentData {
  const textRuns: ITextRun[] = [];
  let body = '';
  for (const run of runs) {
    const text = run.text.replace(/\r\n|\n/g, PARAGRAPH);
    if (text === '') continue;
    textRuns.push({ st: body.length, ed: body.length + text.length, ts: textStyleOf(run.font) });
    body += text;
  }
  const paragraphs: { startIndex: number }[] = [];
  for (let i = 0; i < body.length; i++) if (body[i] === PARAGRAPH) paragraphs.push({ startIndex: i });
  paragraphs.push({ startIndex: body.length });
  return {
    id: documentId,
    documentStyle: {},
    body: { dataStream: `${body}${END}`, textRuns, paragraphs },
  } as IDocumentData;
}

/** The plain text a cell document shows (line breaks as `\n`). */
const plainOf = (dataStream: string): string => dataStream.replace(/\r\n$/, '').replace(/\r/g, '\n');

/**
 * A cell's runs for the file, when its document carries any styled run and still shows the cell's
 * value (a value set since, by a formula or a template, wins over a stale document).
 */
export function richTextRunsOf(cell: ICellData): ExcelJS.RichText[] | undefined {
  const body = cell.p?.body;
  const runs = body?.textRuns ?? [];
  if (!body?.dataStream || runs.length === 0) return undefined;
  const text = plainOf(body.dataStream);
  if (cell.v !== undefined && cell.v !== null && String(cell.v) !== text) return undefined;
  const out: ExcelJS.RichText[] = [];
  let at = 0;
  const push = (from: number, to: number, ts?: ITextStyle): void => {
    if (to <= from) return;
    const font = fontOf(ts);
    out.push({ text: text.slice(from, to), ...(font ? { font } : {}) } as ExcelJS.RichText);
  };
  for (const run of [...runs].sort((a, b) => a.st - b.st)) {
    const st = Math.max(at, Math.min(run.st, text.length));
    const ed = Math.min(run.ed, text.length);
    push(at, st);
    push(st, ed, run.ts);
    at = Math.max(at, ed);
  }
  push(at, text.length);
  return out.some((run) => run.font) ? out : undefined;
}
