/**
 * The money units as <option>s of a <Select>: the value is the unit's English label (what
 * parseMoneyUnit reads back), the text the pane's language. One list for 目标分解, the import and
 * Settings (core/money.ts MONEY_UNITS).
 */
import { type Locale, MONEY_UNITS, type MoneyUnit, moneyUnitLabel } from '../../core';

/** The <option> value of a unit, for a Select's `value`. */
export const moneyUnitValue = (unit: MoneyUnit): string => moneyUnitLabel(unit, 'en-US');

export function MoneyUnitOptions({ locale, units = MONEY_UNITS }: { readonly locale: Locale; readonly units?: readonly MoneyUnit[] }) {
  return (
    <>
      {units.map((unit) => (
        <option key={moneyUnitValue(unit)} value={moneyUnitValue(unit)}>
          {moneyUnitLabel(unit, locale)}
        </option>
      ))}
    </>
  );
}
