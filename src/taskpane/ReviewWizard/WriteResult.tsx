/** The outcome of "写回 Write back": rows per sheet and the review id, or what stopped the write and what to do. */
import type { Locale } from '../../core';
import type { TableWriteResult } from '../../workbook/port';
import { type Outcome, OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import type { PlanError } from './io';
import { wizardText } from './strings';

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
    inserted.length > 0 ? wizardText(locale, 'insertedTargets', { sheets: inserted.join('、') }) : '';
  switch (status.kind) {
    case 'written':
      return {
        intent: 'success',
        title: wizardText(locale, 'written', { id: status.reviewId }),
        text: insertedNote(status.inserted),
        items: status.results
          .filter((r) => r.appended + r.updated + r.cleared > 0)
          .map(
            (r) =>
              wizardText(locale, 'writtenLine', { sheet: r.sheetName, appended: r.appended, updated: r.updated }) +
              (r.cleared > 0 ? wizardText(locale, 'writtenCleared', { cleared: r.cleared }) : ''),
          ),
      };
    case 'planErrors':
      return {
        intent: 'error',
        title: wizardText(locale, 'planErrorsTitle'),
        text: insertedNote(status.inserted),
        items: status.errors.map(
          (e) =>
            `${e.column ? wizardText(locale, 'planErrorAt', { sheet: e.sheet, column: e.column }) : e.sheet}${wizardText(locale, 'colon')}${e.message[locale]}`,
        ),
      };
    case 'failed':
      return { intent: 'error', text: wizardText(locale, 'writeFailed', { reason: status.message }) };
  }
}

export function WriteResult({ locale, status }: { readonly locale: Locale; readonly status: WriteStatus }) {
  return <OutcomeBanner outcome={outcomeOf(locale, status)} />;
}
