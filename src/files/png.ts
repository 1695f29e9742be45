/** SVG → PNG in Node with resvg (system fonts, so CJK text needs a CJK font installed: README). */
import { Resvg } from '@resvg/resvg-js';

export function pngFromSvg(svg: string): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' } })
    .render()
    .asPng();
}

/** A PNG's size from its IHDR chunk (bytes 16–23), or undefined for bytes that are no PNG. */
export function pngSize(png: Uint8Array): { readonly width: number; readonly height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
