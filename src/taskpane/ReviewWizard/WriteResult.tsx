/** The outcome of "写回 Write back": rows per sheet and the review id, or what stopped the write and what to do. */
import type { Locale } from '../../core';
import type { TableWriteResult } from '../../workbook/port';
import { type Outcome, OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import type { PlanError } from './io';
import { w } from './strings';

export type WriteStatus =
  | {
      readonly kind: 'written';
      readonly reviewId: string;
      readonly results: readonly TableWriteResult[];
      readonly inserted: readonly string[];
    }
  | { readonly kind: 'planErrors'; readonly errors: readonly PlanError[]; readonly inserted: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

function outcomeOf(locale: Locale, status: WriteStatus): Outcome {
  const insertedNote = (inserted: readonly string[]) =>
    inserted.length > 0 ? w(locale, 'insertedTargets', { sheets: inserted.join('、') }) : '';
  switch (status.kind) {
    case 'written':
      return {
        intent: 'success',
        title: w(locale, 'written', { id: status.reviewId }),
        text: insertedNote(status.inserted),
        items: status.results
          .filter((r) => r.appended + r.updated + r.cleared > 0)
          .map(
            (r) =>
              w(locale, 'writtenLine', { sheet: r.sheetName, appended: r.appended, updated: r.updated }) +
              (r.cleared > 0 ? w(locale, 'writtenCleared', { cleared: r.cleared }) : ''),
          ),
      };
    case 'planErrors':
      return {
        intent: 'error',
        title: w(locale, 'planErrorsTitle'),
        text: insertedNote(status.inserted),
        items: status.errors.map(
          (e) =>
            `${e.column ? w(locale, 'planErrorAt', { sheet: e.sheet, column: e.column }) : e.sheet}${w(locale, 'colon')}${e.message[locale]}`,
        ),
      };
    case 'failed':
      return { intent: 'error', text: w(locale, 'writeFailed', { reason: status.message }) };
  }
}

export function WriteResult({ locale, status }: { readonly locale: Locale; readonly status: WriteStatus }) {
  return <OutcomeBanner outcome={outcomeOf(locale, status)} />;
}
