/** Names that never clash: a new sheet or table gets a free name instead of replacing one. */

/** Excel's limits: sheet names ≤ 31 characters, none of : \ / ? * [ ]. */
const MAX_SHEET_NAME = 31;

/** `name`, or `name (2)`, `name (3)`… — the first one not taken (case-insensitive, as Excel compares). */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, MAX_SHEET_NAME);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** `Name`, or `Name2`, `Name3`… — table names are workbook-wide and allow no spaces. */
export function uniqueTableName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) if (!used.has(`${name}${n}`.toLowerCase())) return `${name}${n}`;
}
