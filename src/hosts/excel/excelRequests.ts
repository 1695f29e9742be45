/**
 * Writes sent in requests Excel on the web accepts: it refuses a request over 5 MB
 * (RequestPayloadSizeLimitExceeded), so a big write-back is split by rows and sent over as many
 * syncs as it needs, in order, each under 4 MB. The result is the same as one batch; only the
 * number of round trips grows, and only for writes that large.
 */
import { rangeAddress } from '../../core';
import { type FormulaLanguage, propertyBlocks, utf8Bytes, writtenCell } from './excelCells';
import type { Block } from './excelWritePlan';

/** The most one request's written data may weigh: 5 MB less a fifth for addresses and framing. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** An Office.js call to queue, and the bytes of data it sends. */
export interface QueuedCall {
  readonly bytes: number;
  readonly queue: () => void;
}

type Written = ReturnType<typeof writtenCell>;

const weigh = (rows: readonly (readonly Written[])[]): number => utf8Bytes(JSON.stringify(rows));

/** Rows [from, to) of `rows`, split in halves until each piece fits the budget (a single row always goes). */
function pieces(rows: readonly (readonly Written[])[], budget: number): { from: number; rows: Written[][]; bytes: number }[] {
  const out: { from: number; rows: Written[][]; bytes: number }[] = [];
  const split = (from: number, to: number): void => {
    const part = rows.slice(from, to) as Written[][];
    const bytes = weigh(part);
    if (bytes <= budget || to - from === 1) out.push({ from, rows: part, bytes });
    else {
      const middle = from + Math.floor((to - from) / 2);
      split(from, middle);
      split(middle, to);
    }
  };
  if (rows.length > 0) split(0, rows.length);
  return out;
}

/**
 * The calls that write a block of data cells (rows relative to `firstRow`, columns to `firstColumn`
 * on the sheet), as few as fit the budget.
 */
export function blockWrites(
  sheet: Excel.Worksheet,
  block: Block,
  origin: { readonly firstRow: number; readonly firstColumn: number },
  language: FormulaLanguage,
  budget = MAX_REQUEST_BYTES,
): QueuedCall[] {
  const top = origin.firstRow + block.firstRow;
  const width = block.lastColumn - block.firstColumn + 1;
  const formulaAt = (r: number, c: number): string | undefined => {
    const cell = block.cells[r]?.[c];
    return typeof cell === 'object' && cell !== null ? cell.formulaAt(top + r) : undefined;
  };
  return propertyBlocks(block.cells.length, width, formulaAt, language).flatMap((part) => {
    const values = block.cells
      .slice(part.top, part.bottom + 1)
      .map((cells, r) =>
        cells.slice(part.first, part.last + 1).map((cell) => writtenCell(cell, top + part.top + r, language, part.property)),
      );
    const left = origin.firstColumn + block.firstColumn + part.first;
    return pieces(values, budget).map((piece) => ({
      bytes: piece.bytes,
      queue: () => {
        const first = top + part.top + piece.from;
        const range = sheet.getRange(rangeAddress(first, left, first + piece.rows.length - 1, left + part.last - part.first));
        range[part.property] = piece.rows;
      },
    }));
  });
}

/**
 * Queues the calls in order, syncing before a call that would take the pending request over the
 * budget; the last request is left for the caller's sync. Returns how many syncs it made.
 */
export async function queueInRequests(
  context: Excel.RequestContext,
  calls: readonly QueuedCall[],
  budget = MAX_REQUEST_BYTES,
): Promise<number> {
  let pending = 0;
  let syncs = 0;
  for (const call of calls) {
    if (pending > 0 && pending + call.bytes > budget) {
      await context.sync();
      syncs += 1;
      pending = 0;
    }
    call.queue();
    pending += call.bytes;
  }
  return syncs;
}
