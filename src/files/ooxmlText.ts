/**
 * Reading the XML parts of an .xlsx as text: attributes, entities, tags and relationship targets.
 * The parts are machine-written, and a pattern over the text costs far less than building a
 * document tree of a 100,000-row sheet (src/files/xlsxInventory.ts, xlsxPictures.ts, xlsxExtras.ts).
 */

/** The five entities of XML and numeric character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[lower] !== undefined) return named[lower];
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1)));
  });
}

/** An attribute of one tag's text (`name` may carry a prefix: `r:id`), decoded. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
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
