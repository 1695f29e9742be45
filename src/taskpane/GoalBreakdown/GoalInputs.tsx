/** The goal breakdown's month and region rows and the month × region preview. */
import { Button, Caption1, Field, Input, mergeClasses } from '@fluentui/react-components';
import { useMemo } from 'react';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Locale } from '../../core';
import type { GoalBreakdown as Breakdown } from '../../core/goals';
import type { MonthRow, RegionRow } from './form';
import { goalText } from './strings';
import { useGoalStyles } from './styles';

type FieldState = { validationState?: 'error'; validationMessage?: string };

interface MonthInputsProps {
  readonly month: MonthRow;
  readonly n: number;
  readonly locale: Locale;
  readonly seasonal: boolean;
  readonly canRemove: boolean;
  readonly labelState: FieldState;
  readonly weightState: FieldState;
  readonly onChange: (patch: Partial<MonthRow>) => void;
  readonly onBlurLabel: () => void;
  readonly onBlurWeight: () => void;
  readonly onRemove: () => void;
  readonly inputClass: string;
}

export function MonthInputs(p: MonthInputsProps) {
  return (
    <>
      <Field {...p.labelState}>
        <Input
          className={p.inputClass}
          aria-label={goalText(p.locale, 'monthLabel', { n: p.n })}
          value={p.month.label}
          onChange={(_e, d) => p.onChange({ label: d.value })}
          onBlur={p.onBlurLabel}
        />
      </Field>
      {p.seasonal && (
        <Field {...p.weightState}>
          <Input
            className={p.inputClass}
            inputMode="decimal"
            aria-label={goalText(p.locale, 'monthWeight', { n: p.n })}
            value={p.month.weight}
            onChange={(_e, d) => p.onChange({ weight: d.value })}
            onBlur={p.onBlurWeight}
          />
        </Field>
      )}
      <Button
        appearance="subtle"
        icon={<DeleteRegular />}
        aria-label={goalText(p.locale, 'removeMonth', { n: p.n })}
        disabled={!p.canRemove}
        onClick={p.onRemove}
      />
    </>
  );
}

interface RegionInputsProps {
  readonly region: RegionRow;
  readonly n: number;
  readonly locale: Locale;
  readonly weighted: boolean;
  readonly canRemove: boolean;
  readonly nameState: FieldState;
  readonly weightState: FieldState;
  readonly onChange: (patch: Partial<RegionRow>) => void;
  readonly onBlurName: () => void;
  readonly onBlurWeight: () => void;
  readonly onRemove: () => void;
  readonly inputClass: string;
}

export function RegionInputs(p: RegionInputsProps) {
  return (
    <>
      <Field {...p.nameState}>
        <Input
          className={p.inputClass}
          aria-label={goalText(p.locale, 'regionName', { n: p.n })}
          value={p.region.name}
          onChange={(_e, d) => p.onChange({ name: d.value })}
          onBlur={p.onBlurName}
        />
      </Field>
      <Field>
        <Input
          className={p.inputClass}
          aria-label={goalText(p.locale, 'regionOwner', { n: p.n })}
          value={p.region.owner}
          onChange={(_e, d) => p.onChange({ owner: d.value })}
        />
      </Field>
      {p.weighted && (
        <Field {...p.weightState}>
          <Input
            className={p.inputClass}
            inputMode="decimal"
            aria-label={goalText(p.locale, 'regionWeight', { n: p.n })}
            value={p.region.weight}
            onChange={(_e, d) => p.onChange({ weight: d.value })}
            onBlur={p.onBlurWeight}
          />
        </Field>
      )}
      <Button
        appearance="subtle"
        icon={<DeleteRegular />}
        aria-label={goalText(p.locale, 'removeRegion', { n: p.n })}
        disabled={!p.canRemove}
        onClick={p.onRemove}
      />
    </>
  );
}

/** The month × region grid with totals; it scrolls sideways inside its own box when regions are many. */
export function Preview({ breakdown, locale }: { readonly breakdown: Breakdown; readonly locale: Locale }) {
  const styles = useGoalStyles();
  const format = useMemo(
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: breakdown.decimals, maximumFractionDigits: breakdown.decimals }),
    [locale, breakdown.decimals],
  );
  const num = (value: number) => format.format(value);
  const cell = styles.cell;
  return (
    <>
      <div className={styles.previewScroll} role="region" aria-label={goalText(locale, 'previewRegion')} tabIndex={0}>
        <table className={styles.table} data-testid="goal-preview">
          <thead>
            <tr className={styles.head}>
              <th scope="col" className={mergeClasses(cell, styles.rowHeader)}>
                {goalText(locale, 'month')}
              </th>
              {breakdown.regions.map((r) => (
                <th scope="col" key={r.name} className={mergeClasses(cell, styles.columnHeader)}>
                  {r.name}
                </th>
              ))}
              <th scope="col" className={cell}>
                {goalText(locale, 'total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.months.map((month, m) => (
              <tr key={month}>
                <th scope="row" className={mergeClasses(cell, styles.rowHeader)}>
                  {month}
                </th>
                {breakdown.cells[m]!.map((value, r) => (
                  <td key={r} className={cell}>
                    {num(value)}
                  </td>
                ))}
                <td className={mergeClasses(cell, styles.totals)}>{num(breakdown.monthTotals[m]!)}</td>
              </tr>
            ))}
            <tr className={styles.totals}>
              <th scope="row" className={mergeClasses(cell, styles.rowHeader, styles.totals)}>
                {goalText(locale, 'total')}
              </th>
              {breakdown.regionTotals.map((value, r) => (
                <td key={r} className={cell}>
                  {num(value)}
                </td>
              ))}
              <td className={cell}>{num(breakdown.total)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <Caption1 className={styles.hint}>{goalText(locale, 'roundingNote', { target: num(breakdown.target) })}</Caption1>
    </>
  );
}
