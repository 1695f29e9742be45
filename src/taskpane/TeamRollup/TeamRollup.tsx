/**
 * 团队汇总 in the pane: the managers' spreadsheets listed in 汇总来源 combined into this one. Shown
 * only where the host can read other spreadsheets (Google Sheets); elsewhere the command line's
 * `workbook rollup` and the README's Power Query recipe do the same.
 */
import { Button, Caption1, ProgressBar, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import type { Locale } from '../../core';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { rollupText } from './strings';
import { useRollupStyles } from './styles';
import { useTeamRollup } from './useTeamRollup';

export function TeamRollup({ locale }: { readonly locale: Locale }) {
  const styles = useRollupStyles();
  const id = useId();
  const s = useTeamRollup(locale);
  if (!s.available) return null;
  return (
    <fieldset className={styles.root} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h3" id={`${id}-title`}>
        {rollupText(locale, 'title')}
      </Subtitle2>
      <Caption1>{rollupText(locale, 'intro')}</Caption1>
      <div className={styles.actions}>
        <Button disabledFocusable={s.busy} onClick={() => void s.openSources()}>
          {rollupText(locale, 'sources')}
        </Button>
        <Button appearance="primary" disabledFocusable={s.busy} onClick={() => void s.run()}>
          {rollupText(locale, 'run')}
        </Button>
      </div>
      {s.progress && (
        <ProgressBar
          value={s.progress.total === 0 ? undefined : s.progress.done / s.progress.total}
          aria-label={rollupText(locale, 'reading', { source: s.progress.source, done: s.progress.done, total: s.progress.total })}
        />
      )}
      {s.progress && <Caption1 aria-live="polite">{rollupText(locale, 'reading', { ...s.progress })}</Caption1>}
      <OutcomeBanner outcome={s.outcome} />
    </fieldset>
  );
}
