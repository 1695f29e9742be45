/** The version history: newest first, each with its time, what made it, and a Restore button. */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core';
import type { VersionEntry } from '../../workbook/files';
import { fileText, inLocale, shortTime } from './strings';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '280px',
    overflowY: 'auto',
  },
  item: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { overflowWrap: 'anywhere' },
});

export interface VersionListProps {
  readonly locale: Locale;
  readonly versions: readonly VersionEntry[];
  readonly busy: string | null;
  /** A version by revision, or a kept file (the original, an outside change) by name. */
  readonly onRestore: (version: { readonly revision?: number; readonly file?: string }) => void;
}

export function VersionList({ locale, versions, busy, onRestore }: VersionListProps) {
  const styles = useStyles();
  const newest = versions.find((v) => v.revision !== undefined);
  return (
    <ul className={styles.list} aria-label={fileText(locale, 'versions')}>
      {versions.map((version) => {
        const time = shortTime(version.savedAt);
        const source = inLocale(version.label, locale) + (version.pinned ? fileText(locale, 'pinned') : '');
        const line =
          version.revision !== undefined
            ? fileText(locale, 'versionLine', { revision: version.revision, time, source })
            : fileText(locale, 'keptLine', { time, source });
        const current = version === newest;
        const key = version.revision !== undefined ? `r${version.revision}` : `f${version.file ?? ''}`;
        return (
          <li key={key} className={styles.item} data-revision={version.revision} data-file={version.file}>
            <Caption1 className={styles.text}>{current ? fileText(locale, 'currentVersion', { line }) : line}</Caption1>
            {!current && (
              <Button
                size="small"
                disabledFocusable={busy !== null}
                aria-label={
                  version.revision !== undefined
                    ? fileText(locale, 'restoreLabel', { revision: version.revision, time })
                    : fileText(locale, 'restoreKeptLabel', { source, time })
                }
                onClick={() => onRestore(version.revision !== undefined ? { revision: version.revision } : { file: version.file ?? '' })}
              >
                {fileText(locale, 'restore')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
