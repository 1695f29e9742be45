/**
 * The workbook's file name and save state under the pane's title: 已保存 14:02 / 正在保存… /
 * 已存入版本历史 14:02,正在写入文件… /
 * 未保存: why (with Reload when another tab saved first). Announced politely to screen readers.
 */
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import type { Locale } from '../../core';
import type { Bilingual, SaveState, WorkbookFiles } from '../../workbook/files';
import { fileText, inLocale, shortTime } from '../FilePanel/strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  ok: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

function saveStateText(state: SaveState, locale: Locale): string {
  switch (state.kind) {
    case 'saved':
      return fileText(locale, 'saved', { time: shortTime(state.at) });
    case 'saving':
      return fileText(locale, 'saving');
    case 'writingFile':
      return fileText(locale, 'writingFile', { time: shortTime(state.at) });
    case 'unwritten':
      return fileText(locale, 'unwritten');
    case 'pending':
      return fileText(locale, 'pending');
    case 'unsaved':
      return fileText(locale, 'unsaved', { reason: inLocale(state.reason, locale) });
    case 'conflict':
      return fileText(locale, 'conflict');
    case 'held':
      return fileText(locale, 'held', { reason: inLocale(state.reason, locale) });
  }
}

export interface SaveStatusProps {
  readonly locale: Locale;
  readonly files?: WorkbookFiles;
  /** Why nothing is being saved (the web page could not reach its server). */
  readonly problem?: Bilingual;
}

export function SaveStatus({ locale, files, problem }: SaveStatusProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(
    (listener) => files?.subscribe(listener) ?? (() => undefined),
    () => files?.getState(),
  );
  if (!files || !state) {
    return problem ? (
      <Caption1 role="status" className={styles.problem}>
        {fileText(locale, 'notSaving', { reason: inLocale(problem, locale) })}
      </Caption1>
    ) : null;
  }
  const bad = state.kind === 'unsaved' || state.kind === 'conflict' || state.kind === 'held';
  // The file the changes go to: the user's file, or the copy beside it when writing it would lose something.
  const target = files.getFileStatus()?.targetName ?? files.fileName;
  return (
    <>
      <div className={styles.root} data-save-state={state.kind} data-save-file={target}>
        <Caption1 className={styles.name}>
          {target === files.fileName ? files.fileName : fileText(locale, 'savingTo', { file: target })}
        </Caption1>
        <Caption1 role="status" aria-live="polite" className={bad ? styles.problem : styles.ok}>
          {saveStateText(state, locale)}
        </Caption1>
        {state.kind === 'conflict' && (
          <Button size="small" onClick={() => files.reload()}>
            {fileText(locale, 'reload')}
          </Button>
        )}
        {state.kind === 'held' && state.hold === 'outside' && (
          <>
            <Button size="small" onClick={() => void files.resolveOutside('theirs')}>
              {fileText(locale, 'reloadTheirs')}
            </Button>
            <Button size="small" onClick={() => void files.resolveOutside('mine')}>
              {fileText(locale, 'keepMine')}
            </Button>
          </>
        )}
      </div>
      <Notices locale={locale} notices={files.notices} />
    </>
  );
}

/** What opening the workbook found (versions set aside, parts of a file not brought in), until dismissed. */
function Notices({ locale, notices }: { readonly locale: Locale; readonly notices: readonly Bilingual[] }) {
  const [open, setOpen] = useState(notices.length > 0);
  if (!open) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{notices.map((n) => inLocale(n, locale)).join(' ')}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => setOpen(false)}>
          {fileText(locale, 'dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
