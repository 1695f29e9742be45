/** What the import and link commands print: the plain lines and the JSON, apart from their declarations (./commands.ts). */
import type { LinkResult } from '../workbook/registerLink';
import type { ImportSummary } from './importDeals';

/** The import's summary line, the baseline note or the changes, one line per moved deal. */
export function importLines(summary: ImportSummary, target: string): string[] {
  const lines = [
    `Imported into ${target}: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} marked removed, ${summary.invalid} rows left out.`,
  ];
  const moved = Object.entries(summary.changes).filter(([, group]) => group.count > 0);
  if (summary.baseline)
    lines.push(`This first import is the baseline (${summary.takenOn}): the next import reports what changed since it.`);
  else if (moved.length > 0) {
    lines.push(`Changes: ${moved.map(([type, group]) => `${type} ${group.count}`).join(', ')}.`);
    for (const [type, group] of moved)
      for (const deal of group.details)
        lines.push(
          `  ${type} ${deal.id}${deal.name ? ` ${deal.name}` : ''}${deal.owner ? ` (${deal.owner})` : ''}: ${deal.from ?? '—'} → ${deal.to ?? '—'}${deal.row !== undefined ? `, register row ${deal.row}` : ''}`,
        );
  }
  return lines;
}

/** `link --json`: the counts, the sheets, the names matched and 表2's actuals. */
export function linkJson(result: LinkResult): object {
  const goals = result.goals;
  return {
    ...result.counts,
    sheets: result.sheets,
    names: result.names,
    ...(goals
      ? {
          goals: {
            rows: goals.rows,
            wonDeals: goals.wonDeals,
            wonAmount: goals.wonAmount,
            countedDeals: goals.countedDeals,
            countedAmount: goals.countedAmount,
            replaced: goals.replaced,
            replacedSum: goals.replacedSum,
          },
        }
      : {}),
  };
}
