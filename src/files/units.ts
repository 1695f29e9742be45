/**
 * Units shared by the xlsx reader and writer, so a width or colour survives a round trip.
 * Widths: the templates give widths in characters and the web host draws 8 px per character
 * (hosts/web/univerWorkbook.ts `PIXELS_PER_CHARACTER`); an .xlsx stores characters.
 */
export const PIXELS_PER_CHARACTER = 8;

/** Row heights: Univer counts pixels, xlsx points (96 px = 72 pt). */
export const pixelsToPoints = (px: number): number => Math.round(px * 0.75 * 100) / 100;
export const pointsToPixels = (pt: number): number => Math.round(pt / 0.75);

/** `#C6EFCE`, `C6EFCE`, `rgb(198,239,206)` → `FFC6EFCE` (ExcelJS ARGB); undefined for anything else. */
export function argbOf(color: string | undefined | null): string | undefined {
  if (!color) return undefined;
  const text = color.trim();
  const hex = /^#?([0-9a-f]{6})$/i.exec(text);
  if (hex) return `FF${(hex[1] as string).toUpperCase()}`;
  const hex8 = /^#?([0-9a-f]{8})$/i.exec(text);
  if (hex8) return (hex8[1] as string).toUpperCase();
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(text);
  if (rgb)
    return `FF${[rgb[1], rgb[2], rgb[3]]
      .map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase()}`;
  return undefined;
}

/** `FFC6EFCE` → `#C6EFCE` (Univer's colour text); undefined for theme or indexed colours. */
export function hexOfArgb(argb: string | undefined | null): string | undefined {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  return `#${argb.slice(2).toUpperCase()}`;
}
