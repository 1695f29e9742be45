/**
 * 导入 Import: a CRM export into the deal register in every host (the file is read in the pane, so
 * Excel works as the web host and Sheets do). Pick a file → confirm or change the column mapping
 * → answer the stages no map knows → check the preview (rows with problems are listed and left
 * out) → import; then a snapshot or the register link on demand.
 */
import { Body1, Button, Caption1, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import type { Locale } from '../../core';
import { ImportOutcome } from './ImportOutcome';
import { MappingSection, PreviewSection, StagesSection } from './ImportSections';
import { importText } from './strings';
import { useImportStyles } from './styles';
import { useDealImport } from './useDealImport';

export function DealImport({ locale, portable = false }: { readonly locale: Locale; readonly portable?: boolean }) {
  const styles = useImportStyles();
  const state = useDealImport(locale, portable);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const { picked, busy } = state;
  const headers = picked?.exported.table.headers ?? [];
  const waiting = busy !== null;
  const spinner = (kind: typeof busy) => (busy === kind ? <Spinner size="tiny" /> : undefined);
  // The outcome shows beside the button that caused it: the import's under Import, the register's under its buttons.
  const outcome = state.outcome && (
    <ImportOutcome
      locale={locale}
      outcome={state.outcome}
      actions={{
        busy: waiting,
        onReplace: () => void state.link(true),
        onCancel: state.cancelLink,
        onUndo: () => void state.undoLink(),
        onGoToRow: state.goToRow,
      }}
    />
  );

  return (
    <div className={styles.root}>
      <Body1>{importText(locale, 'intro')}</Body1>
      <div className={styles.group}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".csv,.txt,.tsv,.xlsx"
          data-testid="deal-import-input"
          onChange={() => {
            const file = input.current?.files?.[0];
            if (file) void state.pick(file);
            if (input.current) input.current.value = '';
          }}
        />
        <Button
          appearance={picked ? 'secondary' : 'primary'}
          disabledFocusable={waiting}
          icon={spinner('read')}
          onClick={() => input.current?.click()}
        >
          {busy === 'read' ? importText(locale, 'reading') : importText(locale, 'pickFile')}
        </Button>
        {picked && (
          <Caption1 role="status" className={styles.muted}>
            {importText(locale, 'fileLine', {
              file: picked.name,
              rows: picked.exported.table.rows.length,
              columns: headers.length,
              encoding: picked.exported.encoding ? ` · ${picked.exported.encoding}` : '',
            })}
          </Caption1>
        )}
      </div>

      <MappingSection locale={locale} state={state} id={id} />

      <StagesSection locale={locale} state={state} id={id} />

      <PreviewSection locale={locale} state={state} id={id} outcome={outcome} />
      {!picked && state.outcomeOf === 'import' && outcome}

      <section className={styles.group} aria-labelledby={`${id}-register`}>
        <Subtitle2 as="h2" id={`${id}-register`}>
          {importText(locale, 'registerTitle')}
        </Subtitle2>
        <div className={styles.row}>
          <Button disabledFocusable={waiting} icon={spinner('snapshot')} onClick={() => void state.snapshot()}>
            {importText(locale, 'snapshotButton')}
          </Button>
          <Button disabledFocusable={waiting} icon={spinner('link')} onClick={() => void state.link(false)}>
            {importText(locale, 'linkButton')}
          </Button>
        </div>
        <Caption1 className={styles.muted}>{importText(locale, 'linkHint')}</Caption1>
        {state.outcomeOf === 'register' && outcome}
      </section>
    </div>
  );
}
