/**
 * Import mappings saved in the workbook (导入映射 sheet), one block of rows per source: each
 * register field with the export header it comes from, and each of the source's own stage names
 * with the funnel stage (or 赢单 / 输单) it means. Next week the same source's export is mapped
 * without asking again; a second save under a name replaces its rows.
 */
import { FUNNEL_STAGES, type StageKey } from '../domain/stages';
import { L, type Localized, labelOfKey } from '../i18n';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { IMPORT_MAPPING_KINDS, NAME_MATCHES_MAPPING, importMappings } from '../templates/specs/deals';
import type { NameAliases } from './linkNames';
import type { NameKind } from './names';
import { isBlank } from '../values';
import type { TableSnapshot, TableWrite, WriteCell } from '../workbook';
import { DEAL_FIELDS, DEAL_STATUSES, type DealFieldKey } from './fields';
import { type ColumnMapping, type ImportMapping, type StageMeaning, stageMeaning } from './mapping';
import { matchKey } from './normalize';

/** What a stage name means, as the sheet spells it: a funnel stage's label, or 输单 Lost. */
function meaningText(meaning: StageMeaning, locale: 'zh-CN' | 'en-US'): string {
  if (meaning.status === 'lost') return labelOfKey(DEAL_STATUSES, 'lost')[locale];
  return meaning.stage === null ? '' : labelOfKey(FUNNEL_STAGES, meaning.stage)[locale];
}

/** A stage meaning from its text in either language: a funnel stage (成交签约 is won), or 输单 / 赢单. */
export function meaningOfText(text: string): StageMeaning | undefined {
  const key = matchKey(text);
  const stage = FUNNEL_STAGES.find(
    (s) => matchKey(s.label['zh-CN']) === key || matchKey(s.label['en-US']) === key || s.key === text.trim(),
  );
  if (stage) return stage.key === 'won' ? { stage: 'won', status: 'won' } : { stage: stage.key as StageKey };
  const status = DEAL_STATUSES.find(
    (s) => s.key === text.trim() || matchKey(s.label['zh-CN']) === key || matchKey(s.label['en-US']) === key,
  );
  if (status?.key === 'won') return { stage: 'won', status: 'won' };
  if (status?.key === 'lost') return { stage: null, status: 'lost' };
  return undefined;
}

const fieldOfLabel = (text: string): DealFieldKey | undefined => {
  const key = matchKey(text);
  return DEAL_FIELDS.find((f) => f.key === text.trim() || matchKey(f.label['zh-CN']) === key || matchKey(f.label['en-US']) === key)?.key;
};

const isKind = (key: string, kind: keyof typeof IMPORT_MAPPING_KINDS): boolean =>
  key === matchKey(IMPORT_MAPPING_KINDS[kind]['zh-CN']) || key === matchKey(IMPORT_MAPPING_KINDS[kind]['en-US']);

/** Every mapping saved in the table, by name. */
export function readImportMappings(table: Pick<TableSnapshot, 'header' | 'rows'>): Map<string, ImportMapping> {
  const { columns } = matchHeader(importMappings, table.header);
  const at = (row: readonly unknown[], key: string) => {
    const c = columns.get(key);
    const value = c === undefined ? null : row[c];
    return isBlank(value) ? '' : String(value).trim();
  };
  const found = new Map<string, { columns: Partial<Record<DealFieldKey, string>>; stages: Record<string, StageMeaning> }>();
  for (const row of table.rows) {
    const name = at(row, 'name');
    if (name === '') continue;
    const entry = found.get(name) ?? { columns: {}, stages: {} };
    found.set(name, entry);
    const kind = matchKey(at(row, 'kind'));
    const [item, value] = [at(row, 'item'), at(row, 'value')];
    if (isKind(kind, 'column')) {
      const field = fieldOfLabel(item);
      if (field !== undefined && value !== '') entry.columns[field] = value;
    } else if (isKind(kind, 'region') || isKind(kind, 'owner')) {
      continue; // name matches: readNameAliases
    } else if (item !== '') {
      const meaning = meaningOfText(value);
      if (meaning !== undefined) entry.stages[item] = meaning;
    }
  }
  return new Map(
    [...found]
      .filter(([, entry]) => Object.keys(entry.columns).length + Object.keys(entry.stages).length > 0)
      .map(([name, entry]) => [name, { name, ...entry }]),
  );
}

/** The register names the user matched to 表2's and the forecast's, by kind (keys as matchKey). */
export function readNameAliases(table: Pick<TableSnapshot, 'header' | 'rows'>): NameAliases {
  const { columns } = matchHeader(importMappings, table.header);
  const at = (row: readonly unknown[], key: string) => {
    const c = columns.get(key);
    const value = c === undefined ? null : row[c];
    return isBlank(value) ? '' : String(value).trim();
  };
  const aliases: Record<NameKind, Map<string, string>> = { region: new Map(), owner: new Map() };
  for (const row of table.rows) {
    const kind = matchKey(at(row, 'kind'));
    const [item, value] = [at(row, 'item'), at(row, 'value')];
    if (item === '' || value === '') continue;
    for (const k of ['region', 'owner'] as const) if (isKind(kind, k)) aliases[k].set(matchKey(item), value);
  }
  return aliases;
}

/** The write that keeps every name match (replacing the set kept before). */
export function nameAliasesWrite(
  aliases: Readonly<Record<NameKind, ReadonlyMap<string, { readonly name: string; readonly target: string }>>>,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
): TableWrite {
  const match = matchHeader(importMappings, table.header);
  const layout = specLayout(importMappings.columns, table, match, true);
  const locale = match.locale;
  const name = NAME_MATCHES_MAPPING[locale];
  const rows = (['region', 'owner'] as const).flatMap((kind) =>
    [...aliases[kind].values()].map(
      (alias): Record<string, WriteCell> => ({ name, kind: IMPORT_MAPPING_KINDS[kind][locale], item: alias.name, value: alias.target }),
    ),
  );
  const key = match.columns.get('name');
  return {
    location: layout.location,
    header: table.header,
    computed: layout.computed,
    rows: rows.map((values) => layout.byPosition.map((column) => (column === undefined ? null : (values[column.key] ?? null)))),
    ...(key !== undefined ? { key: { column: key, value: name } } : {}),
  };
}

/** Whether a header is the saved mappings table's. */
export const isImportMappingsTable = (header: readonly string[]): boolean => {
  const { columns } = matchHeader(importMappings, header);
  return columns.has('name') && columns.has('kind') && columns.has('item');
};

/** The mapping a user confirmed for an export's headers, with the stage names they answered. */
export function importMappingOf(
  name: string,
  headers: readonly string[],
  mapping: ColumnMapping,
  stages: Readonly<Record<string, StageMeaning>>,
): ImportMapping {
  const columns: Partial<Record<DealFieldKey, string>> = {};
  for (const [field, index] of Object.entries(mapping) as [DealFieldKey, number][]) {
    const header = headers[index];
    if (header !== undefined && header.trim() !== '') columns[field] = header;
  }
  return { name, columns, stages };
}

/** The write that saves `mapping` (replacing rows saved before under its name). */
export function importMappingWrite(
  mapping: ImportMapping,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
): TableWrite | { readonly message: Localized } {
  if (mapping.name.trim() === '') return { message: L('映射名称不能为空', 'The mapping needs a name') };
  const match = matchHeader(importMappings, table.header);
  const layout = specLayout(importMappings.columns, table, match, true);
  const locale = match.locale;
  const rows: Record<string, WriteCell>[] = [
    ...(Object.entries(mapping.columns) as [DealFieldKey, string][]).map(([field, header]) => ({
      name: mapping.name,
      kind: IMPORT_MAPPING_KINDS.column[locale],
      item: labelOfKey(DEAL_FIELDS, field)[locale],
      value: header,
    })),
    ...Object.entries(mapping.stages).map(([stage, meaning]) => ({
      name: mapping.name,
      kind: IMPORT_MAPPING_KINDS.stage[locale],
      item: stage,
      value: meaningText(meaning, locale),
    })),
  ];
  const key = match.columns.get('name');
  return {
    location: layout.location,
    header: table.header,
    computed: layout.computed,
    rows: rows.map((values) => layout.byPosition.map((column) => (column === undefined ? null : (values[column.key] ?? null)))),
    ...(key !== undefined ? { key: { column: key, value: mapping.name } } : {}),
  };
}

/** The saved mapping whose headers this export has most of (at least one): the source it most likely came from. */
export function bestSavedMapping(headers: readonly string[], saved: ReadonlyMap<string, ImportMapping>): ImportMapping | undefined {
  const keys = new Set(headers.map(matchKey));
  let best: { mapping: ImportMapping; hits: number } | undefined;
  for (const mapping of saved.values()) {
    const hits = Object.values(mapping.columns).filter((h) => h !== undefined && keys.has(matchKey(h))).length;
    if (hits > 0 && (best === undefined || hits > best.hits)) best = { mapping, hits };
  }
  return best?.mapping;
}

/**
 * The export's stage names that neither the funnel, the CRMs' defaults nor the saved answers know,
 * with how many rows carry each: what the import must ask once per name.
 */
export function unknownStages(
  rows: readonly (readonly unknown[])[],
  stageColumn: number,
  savedStages: Readonly<Record<string, StageMeaning>> = {},
): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const cell = row[stageColumn];
    if (cell === null || cell === undefined || String(cell).trim() === '') continue;
    const name = String(cell).trim();
    if (counts.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
    else if (stageMeaning(name, savedStages) === undefined) counts.set(name, 1);
  }
  return [...counts.entries()];
}
