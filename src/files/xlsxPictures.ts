/**
 * Pictures on sheets of an .xlsx: ExcelJS's streaming writer (src/files/xlsxWrite.ts) writes no
 * drawings, so the report's chart pictures are added to the finished file as DrawingML parts
 * (ECMA-376 Part 1 §20.5: a drawing per sheet, one anchored picture per chart) with JSZip — and read
 * back from a file, so saving a workbook again keeps the pictures of its earlier reports.
 */
import JSZip from 'jszip';
import { attr, relsOf, resolvePart } from './ooxmlText';

export interface SheetPicture {
  readonly sheetName: string;
  readonly png: Uint8Array;
  /** Top-left cell (0-based) and size in pixels. */
  readonly row: number;
  readonly col: number;
  readonly width: number;
  readonly height: number;
  /** Alternative text (the chart's title), for screen readers in Excel. */
  readonly description: string;
}

const EMU_PER_PIXEL = 9525;
const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
};
/** Elements that follow <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string);
interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

async function relationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await zip.file(relsOf(part))?.async('string');
  if (xml === undefined) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
  }));
}

/** Each sheet's name and part path. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = await relationships(zip, 'xl/workbook.xml');
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const rel = rels.find((r) => r.id === id);
    if (name !== undefined && rel) parts.set(name, resolvePart('xl/workbook.xml', rel.target));
  }
  return parts;
}

function nextFree(zip: JSZip, pattern: (n: number) => string): number {
  let n = 1;
  while (zip.file(pattern(n))) n++;
  return n;
}

function drawingXml(pictures: readonly SheetPicture[]): string {
  const anchors = pictures.map((p, i) => {
    const [cx, cy] = [Math.round(p.width * EMU_PER_PIXEL), Math.round(p.height * EMU_PER_PIXEL)];
    const position = `<xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`;
    const name = `<xdr:cNvPr id="${i + 2}" name="Picture ${i + 1}" descr="${escapeXml(p.description)}"/>`;
    return (
      `<xdr:oneCellAnchor>${position}<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr>${name}` +
      `<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/>` +
      `<a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">${anchors.join('')}</xdr:wsDr>`;
}

const relsXml = (rels: readonly Relationship[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`)
    .join('')}</Relationships>`;

/** The workbook with the pictures placed on their sheets (a sheet that has a drawing already is refused). */
export async function addPictures(xlsx: Uint8Array, pictures: readonly SheetPicture[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (pictures.length === 0) return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  const parts = await sheetParts(zip);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (!/Extension="png"/i.test(types))
    types = types.replace(/<Types\b[^>]*>/, (open) => `${open}<Default Extension="png" ContentType="image/png"/>`);
  const bySheet = new Map<string, SheetPicture[]>();
  for (const p of pictures) bySheet.set(p.sheetName, [...(bySheet.get(p.sheetName) ?? []), p]);
  for (const [sheetName, onSheet] of bySheet) {
    const sheetPart = parts.get(sheetName);
    if (sheetPart === undefined) throw new Error(`no sheet "${sheetName}" for its pictures`);
    let sheetXml = (await zip.file(sheetPart)?.async('string')) ?? '';
    if (/<drawing\b/.test(sheetXml)) throw new Error(`sheet "${sheetName}" has a drawing already`);
    const n = nextFree(zip, (k) => `xl/drawings/drawing${k}.xml`);
    const drawingPart = `xl/drawings/drawing${n}.xml`;
    const imageRels: Relationship[] = [];
    for (const p of onSheet) {
      const m = nextFree(zip, (k) => `xl/media/chart${k}.png`);
      zip.file(`xl/media/chart${m}.png`, p.png);
      imageRels.push({ id: `rId${imageRels.length + 1}`, type: NS.image, target: `../media/chart${m}.png` });
    }
    zip.file(drawingPart, drawingXml(onSheet));
    zip.file(relsOf(drawingPart), relsXml(imageRels));
    const sheetRels = await relationships(zip, sheetPart);
    let id = sheetRels.length + 1;
    while (sheetRels.some((r) => r.id === `rId${id}`)) id++;
    zip.file(relsOf(sheetPart), relsXml([...sheetRels, { id: `rId${id}`, type: NS.drawing, target: `../drawings/drawing${n}.xml` }]));
    if (!/xmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet')))))
      sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.rel}"`);
    const element = `<drawing r:id="rId${id}"/>`;
    const follower = AFTER_DRAWING.map((name) => sheetXml.search(new RegExp(`<${name}[\\s/>]`))).filter((i) => i >= 0);
    const at = follower.length > 0 ? Math.min(...follower) : sheetXml.lastIndexOf('</worksheet>');
    zip.file(sheetPart, `${sheetXml.slice(0, at)}${element}${sheetXml.slice(at)}`);
    types = types.replace(
      '</Types>',
      `<Override PartName="/${drawingPart}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
  }
  zip.file('[Content_Types].xml', types);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** The PNG pictures anchored on the sheets `wanted` accepts, as addPictures would place them again. */
export async function readPictures(xlsx: Uint8Array, wanted: (sheetName: string) => boolean): Promise<SheetPicture[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const found: SheetPicture[] = [];
  for (const [sheetName, sheetPart] of await sheetParts(zip)) {
    if (!wanted(sheetName)) continue;
    for (const rel of (await relationships(zip, sheetPart)).filter((r) => r.type === NS.drawing)) {
      const drawingPart = resolvePart(sheetPart, rel.target);
      const xml = (await zip.file(drawingPart)?.async('string')) ?? '';
      const images = await relationships(zip, drawingPart);
      for (const anchor of xml.matchAll(/<xdr:(oneCellAnchor|twoCellAnchor)\b[\s\S]*?<\/xdr:\1>/g)) {
        const body = anchor[0];
        const num = (re: RegExp) => Number(re.exec(body)?.[1] ?? NaN);
        const col = num(/<xdr:from>\s*<xdr:col>(\d+)<\/xdr:col>/);
        const row = num(/<xdr:from>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>/);
        const ext = /<(?:xdr|a):ext cx="(\d+)" cy="(\d+)"/.exec(body);
        const embed = /r:embed="([^"]+)"/.exec(body)?.[1];
        const image = images.find((r) => r.id === embed);
        if (!ext || !image || Number.isNaN(col) || Number.isNaN(row)) continue;
        const mediaPart = resolvePart(drawingPart, image.target);
        if (!/\.png$/i.test(mediaPart)) continue;
        const png = await zip.file(mediaPart)?.async('uint8array');
        if (!png) continue;
        found.push({
          sheetName,
          png,
          row,
          col,
          width: Math.round(Number(ext[1]) / EMU_PER_PIXEL),
          height: Math.round(Number(ext[2]) / EMU_PER_PIXEL),
          description: attr(/<xdr:cNvPr\b[^>]*>/.exec(body)?.[0] ?? '', 'descr') ?? '',
        });
      }
    }
  }
  return found;
}
