/**
 * 保存位置: where the pane's changes are written. When the user's file holds what our copy cannot
 * keep (or is read-only, or unreadable), the work goes to a copy beside it; converting the original
 * deliberately is a choice confirmed in words that name what is lost.
 */
import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import type { Locale } from '../../core';
import type { WorkbookFiles } from '../../workbook/files';
import { fileText, inLocale } from './strings';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  text: { overflowWrap: 'anywhere' },
});

export interface SaveTargetProps {
  readonly locale: Locale;
  readonly files: WorkbookFiles;
  readonly busy: boolean;
  readonly onChoose: (target: 'original' | 'copy') => void;
}

export function SaveTarget({ locale, files, busy, onChoose }: SaveTargetProps) {
  const styles = useStyles();
  // The status changes with every save: follow the save state to show the latest.
  useSyncExternalStore(
    (listener) => files.subscribe(listener),
    () => files.getState(),
  );
  const status = files.getFileStatus();
  const [confirming, setConfirming] = useState(false);
  if (!status) return null;
  const lost = inLocale(status.lostText, locale);
  const canConvert = status.target === 'copy' && !status.readOnly && status.unreadable === undefined;
  return (
    <div className={styles.group} data-save-target={status.target}>
      <Subtitle2 as="h2">{fileText(locale, 'target')}</Subtitle2>
      {status.target === 'copy' ? (
        <>
          <Caption1 className={styles.text}>{fileText(locale, 'targetCopy', { file: status.fileName, copy: status.targetName })}</Caption1>
          {status.lost.length > 0 && <Caption1 className={styles.text}>{fileText(locale, 'targetLost', { lost })}</Caption1>}
          {canConvert && !confirming && (
            <div className={styles.row}>
              <Button disabledFocusable={busy} onClick={() => setConfirming(true)}>
                {fileText(locale, 'convert')}
              </Button>
            </div>
          )}
          {canConvert && confirming && (
            <div className={styles.row} role="group" aria-label={fileText(locale, 'convert')}>
              <Caption1 className={styles.text}>
                {fileText(locale, 'convertConfirm', { file: status.fileName, lost: lost || '—' })}
              </Caption1>
              <Button
                appearance="primary"
                disabledFocusable={busy}
                onClick={() => {
                  setConfirming(false);
                  onChoose('original');
                }}
              >
                {fileText(locale, 'convertYes')}
              </Button>
              <Button disabledFocusable={busy} onClick={() => setConfirming(false)}>
                {fileText(locale, 'keepCopy')}
              </Button>
            </div>
          )}
        </>
      ) : (
        <>
          <Caption1 className={styles.text}>{fileText(locale, 'targetOriginal', { file: status.targetName })}</Caption1>
          {status.lost.length > 0 && (
            <div className={styles.row}>
              <Button disabledFocusable={busy} onClick={() => onChoose('copy')}>
                {fileText(locale, 'backToCopy')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
