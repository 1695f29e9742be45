/**
 * 团队汇总's state: the roll-up of the spreadsheets 汇总来源 lists (src/workbook/linkedRollup.ts),
 * offered where the host can read other spreadsheets (port.linked: Google Sheets), with progress
 * per source and an outcome naming every source left out and why.
 */
import { useCallback, useState } from 'react';
import type { Locale } from '../../core';
import { ensureRollupSources, rollupLinked } from '../../workbook/linkedRollup';
import type { Outcome } from '../OutcomeBanner/OutcomeBanner';
import { useWorkbook } from '../workbookContext';
import { rollupText } from './strings';

export interface RollupProgress {
  readonly done: number;
  readonly total: number;
  readonly source: string;
}

export function useTeamRollup(locale: Locale) {
  const port = useWorkbook();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RollupProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fail = useCallback(
    (error: unknown) =>
      setOutcome({
        intent: 'error',
        text: rollupText(locale, 'failed', { reason: error instanceof Error ? error.message : String(error) }),
      }),
    [locale],
  );

  const openSources = useCallback(async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { location } = await ensureRollupSources(port, locale);
      await port.activateSheet(location.sheetName);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }, [port, locale, fail]);

  const run = useCallback(async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await rollupLinked(port, locale, (done, total, source) => setProgress({ done, total, source }));
      const { rollup } = result;
      const left = [
        ...rollup.failed.map((f) => rollupText(locale, 'left', { source: f.name, reason: f.reason })),
        ...result.problems.map((p) => p[locale]),
        ...rollup.notes.map((n) => `${n.source}: ${n.message[locale]}`),
      ];
      const rows = rollup.counts.map((c) =>
        rollupText(locale, 'rows', { source: c.source, rows: Object.values(c.rows).reduce((sum: number, n) => sum + (n ?? 0), 0) }),
      );
      setOutcome({
        intent: left.length > 0 ? 'warning' : 'success',
        text: rollupText(locale, 'done', { combined: rollup.counts.length, listed: result.listed, sheets: result.sheets.join('、') }),
        items: [...rows, ...left],
      });
    } catch (error) {
      fail(error);
    } finally {
      setProgress(null);
      setBusy(false);
    }
  }, [port, locale, fail]);

  return { available: port.linked !== undefined, busy, progress, outcome, openSources, run };
}
