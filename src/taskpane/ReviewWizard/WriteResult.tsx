/** The outcome of "写回 Write back": rows per sheet and the review id, or what stopped the write and what to do. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core';
import type { TableWriteResult } from '../../workbook/port';
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

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export function WriteResult({ locale, status }: { readonly locale: Locale; readonly status: WriteStatus }) {
  const styles = useStyles();
  const insertedNote = (inserted: readonly string[]) =>
    inserted.length > 0 ? <p>{w(locale, 'insertedTargets', { sheets: inserted.join('、') })}</p> : null;
  switch (status.kind) {
    case 'written':
      return (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{w(locale, 'written', { id: status.reviewId })}</MessageBarTitle>
            {insertedNote(status.inserted)}
            <ul className={styles.list}>
              {status.results
                .filter((r) => r.appended + r.updated + r.cleared > 0)
                .map((r) => (
                  <li key={r.sheetName}>
                    {w(locale, 'writtenLine', { sheet: r.sheetName, appended: r.appended, updated: r.updated })}
                    {r.cleared > 0 ? w(locale, 'writtenCleared', { cleared: r.cleared }) : ''}
                  </li>
                ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
    case 'planErrors':
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{w(locale, 'planErrorsTitle')}</MessageBarTitle>
            {insertedNote(status.inserted)}
            <ul className={styles.list}>
              {status.errors.map((e, i) => (
                <li key={i}>
                  {e.column ? w(locale, 'planErrorAt', { sheet: e.sheet, column: e.column }) : e.sheet}
                  {`${w(locale, 'colon')}${e.message[locale]}`}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody className={styles.body}>{w(locale, 'writeFailed', { reason: status.message })}</MessageBarBody>
        </MessageBar>
      );
  }
}
