/**
 * A number as a manager types it into the pane: spaces and thousands separators ignored,
 * full-width digits and points accepted, `60%` is 0.6. Blank → null; anything else that is not a
 * finite number → undefined, so a field can say so instead of silently dropping it.
 */
export function readTypedNumber(text: string): number | null | undefined {
  const cleaned = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, '.')
    .replace(/[\s,\uFF0C]/g, '');
  if (cleaned === '') return null;
  const percent = cleaned.endsWith('%') || cleaned.endsWith('\uFF05');
  const body = percent ? cleaned.slice(0, -1) : cleaned;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return undefined;
  const value = Number(body);
  if (!Number.isFinite(value)) return undefined;
  return percent ? value / 100 : value;
}
