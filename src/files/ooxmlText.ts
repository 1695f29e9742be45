/**
 * Reading the XML parts of an .xlsx as text: attributes, entities, tags and relationship targets.
 * The parts are machine-written, and a pattern over the text costs far less than building a
 * document tree of a 100,000-row sheet (src/files/xlsxInventory.ts, xlsxPictures.ts, xlsxExtras.ts).
 */
import type JSZip from 'jszip';

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five entities of XML and numeric character references. */
export function decodeXml(text: string): string {
  // Most text holds no entity: a million cells' attributes are read at 100,000 rows.
  if (!text.includes('&')) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    const named = NAMED_ENTITIES[lower];
    if (named !== undefined) return named;
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1)));
  });
}

/** One pattern per attribute name, made once (a pattern per call cost a second per 100,000 rows). */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** An attribute of one tag's text (`name` may carry a prefix: `r:id`), decoded. */
export function attr(tag: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = pattern.exec(tag);
  return m ? decodeXml(m[1] as string) : undefined;
}

/** Element tags (opening or self-closing) of one local name, any namespace prefix. */
export const tagsOf = (xml: string, local: string): string[] => xml.match(new RegExp(`<(?:\\w+:)?${local}\\b[^>]*>`, 'g')) ?? [];

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export const relsOf = (part: string): string => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** A relationship target resolved against the folder of the part that names it. */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

export interface Relationship {
  readonly id: string;
  /** The last segment of the relationship type (`worksheet`, `drawing`, `hyperlink`…). */
  readonly type: string;
  /** A part name inside the package, or the external address as written. */
  readonly target: string;
  readonly external: boolean;
}

/** The relationships a part declares, targets resolved to part names. */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await zip.file(relsOf(part))?.async('string');
  if (!xml) return [];
  return tagsOf(xml, 'Relationship').map((tag) => {
    const external = attr(tag, 'TargetMode') === 'External';
    const target = attr(tag, 'Target') ?? '';
    return {
      id: attr(tag, 'Id') ?? '',
      type: (attr(tag, 'Type') ?? '').replace(/^.*\//, ''),
      target: external ? target : resolvePart(part, target),
      external,
    };
  });
}

/** The workbook's sheets in tab order: name, state and part (chart sheets included, by their relationship type). */
export async function sheetsOf(zip: JSZip): Promise<{ name: string; state?: string; part: string; type: string }[]> {
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = await relationshipsOf(zip, 'xl/workbook.xml');
  return tagsOf(workbookXml, 'sheet').map((tag) => {
    const rel = rels.find((r) => r.id === attr(tag, 'r:id'));
    const state = attr(tag, 'state');
    return { name: attr(tag, 'name') ?? '', ...(state ? { state } : {}), part: rel?.target ?? '', type: rel?.type ?? '' };
  });
}
