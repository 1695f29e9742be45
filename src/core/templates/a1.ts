/** A1 addresses (0-based indices in, spreadsheet text out). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The 0-based index of column letters (`A` → 0, `XFD` → 16383); case does not matter. */
export const columnIndex = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export const cellAddress = (row: number, col: number, absolute = false): string =>
  absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;

export const rangeAddress = (top: number, left: number, bottom: number, right: number, absolute = false): string =>
  `${cellAddress(top, left, absolute)}:${cellAddress(bottom, right, absolute)}`;

/** A sheet name as formulas quote it: `'提成方案'!…` (a quote inside is doubled). */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
