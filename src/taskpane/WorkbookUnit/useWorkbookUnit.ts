/** The workbook's money unit on the Settings tab: read from 工作簿设置 (and the money headers), chosen, saved. */
import { useCallback, useEffect, useState } from 'react';
import { type Locale, type MoneyUnit, moneyUnitLabel, sameMoneyUnit } from '../../core';
import { findSettings, saveMoneyUnit } from '../../workbook/dealImport';
import { type MoneyUnits, workbookMoneyUnits } from '../../workbook/moneyUnit';
import type { Outcome } from '../OutcomeBanner/OutcomeBanner';
import { useWorkbook } from '../workbookContext';
import { unitText } from './strings';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useWorkbookUnit(locale: Locale) {
  const port = useWorkbook();
  const [units, setUnits] = useState<MoneyUnits | null>(null);
  const [choice, setChoice] = useState<MoneyUnit | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(async () => {
    try {
      const read = await workbookMoneyUnits(port);
      setUnits(read);
      setChoice(read.said ?? read.headers[0]?.unit);
    } catch (error) {
      setUnits({ headers: [] });
      setOutcome({ intent: 'error', text: unitText(locale, 'failed', { reason: reasonOf(error) }) });
    }
  }, [port, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      const sheet = await saveMoneyUnit(port, await findSettings(port), choice, locale);
      const read = await workbookMoneyUnits(port);
      setUnits(read);
      // A unit is a label, not a conversion: tables already written in another unit are named, never silently rescaled.
      const other = read.headers.filter((h) => !sameMoneyUnit(h.unit, choice));
      const text = unitText(locale, 'saved', { unit: moneyUnitLabel(choice, locale), sheet });
      setOutcome(
        other.length === 0
          ? { intent: 'success', text }
          : {
              intent: 'warning',
              text,
              items: [...new Set(other.map((h) => moneyUnitLabel(h.unit, locale)))].map((unit) =>
                unitText(locale, 'stillOther', {
                  unit,
                  sheets: other
                    .filter((h) => moneyUnitLabel(h.unit, locale) === unit)
                    .map((h) => h.sheet)
                    .join(locale === 'zh-CN' ? '、' : ', '),
                }),
              ),
            },
      );
    } catch (error) {
      setOutcome({ intent: 'error', text: unitText(locale, 'failed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return { units, choice, setChoice, busy, outcome, save };
}
