/** The version history: newest first, each with its time, what made it, and a Restore button. */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core';
import type { VersionEntry } from '../../workbook/files';
import { ft, shortTime } from './strings';

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

const SOURCE_KEY = { new: 'sourceNew', edit: 'sourceEdit', restore: 'sourceRestore', import: 'sourceImport' } as const;

export interface VersionListProps {
  readonly locale: Locale;
  readonly versions: readonly VersionEntry[];
  readonly busy: string | null;
  readonly onRestore: (revision: number) => void;
}

export function VersionList({ locale, versions, busy, onRestore }: VersionListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={ft(locale, 'versions')}>
      {versions.map((version, i) => {
        const time = shortTime(version.savedAt);
        const line = ft(locale, 'versionLine', { revision: version.revision, time, source: ft(locale, SOURCE_KEY[version.source]) });
        return (
          <li key={version.revision} className={styles.item} data-revision={version.revision}>
            <Caption1 className={styles.text}>{i === 0 ? ft(locale, 'currentVersion', { line }) : line}</Caption1>
            {i > 0 && (
              <Button
                size="small"
                disabledFocusable={busy !== null}
                aria-label={ft(locale, 'restoreLabel', { revision: version.revision, time })}
                onClick={() => onRestore(version.revision)}
              >
                {ft(locale, 'restore')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
