/**
 * 目标分解 Goal breakdown: a period target split over months and regions (pure core split), shown
 * as a month × region grid with totals, and written into 表2 — inserting the goals template first
 * when the workbook has none, appending otherwise (never over existing rows). State and workbook
 * traffic are in useGoalBreakdown.ts, styles in styles.ts, the row inputs and preview in GoalInputs.tsx.
 */
import { Button, Caption1, Field, Input, Select, Switch, Text, mergeClasses } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { Locale } from '../../core';
import { MoneyUnitOptions } from '../MoneyUnitOptions/MoneyUnitOptions';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { paneText } from '../strings';
import { type GoalForm, UNITS, withPeriod } from './form';
import { MonthInputs, Preview, RegionInputs } from './GoalInputs';
import { goalText } from './strings';
import { useGoalStyles } from './styles';
import { useGoalBreakdown } from './useGoalBreakdown';

export interface GoalBreakdownProps {
  readonly locale: Locale;
  /** Write native formulas (the portable-formulas setting). */
  readonly portable?: boolean;
  /** The form to start from (the last one, when the pane comes back to this tab). */
  readonly initial?: GoalForm;
  readonly onFormChange?: (form: GoalForm) => void;
  /** Today, for the default period (tests pass a fixed date). */
  readonly now?: () => Date;
}

type GoalState = ReturnType<typeof useGoalBreakdown>;

/** The months of the period, with their seasonal weights when the target is not spread evenly. */
function MonthsFieldset({ locale, goals }: { readonly locale: Locale; readonly goals: GoalState }) {
  const styles = useGoalStyles();
  const { form, setForm, touch, fieldState, updateMonth, addMonth, monthsError } = goals;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <Text weight="semibold">{goalText(locale, 'months')}</Text>
      </legend>
      <Switch
        checked={form.seasonal}
        onChange={(_e, d) => setForm({ ...form, seasonal: d.checked })}
        label={goalText(locale, 'seasonal')}
      />
      <div className={mergeClasses(styles.rows, form.seasonal ? styles.monthRowsSeasonal : styles.monthRows)}>
        <Caption1 className={styles.columnTitle} aria-hidden>
          {goalText(locale, 'month')}
        </Caption1>
        {form.seasonal && (
          <Caption1 className={styles.columnTitle} aria-hidden>
            {goalText(locale, 'weight')}
          </Caption1>
        )}
        <span />
        {form.months.map((month, i) => (
          <MonthInputs
            key={month.id}
            month={month}
            n={i + 1}
            locale={locale}
            seasonal={form.seasonal}
            canRemove={form.months.length > 1}
            labelState={fieldState(`month.${i}`)}
            weightState={fieldState(`seasonality.${i}`)}
            onChange={(patch) => updateMonth(month.id, patch)}
            onBlurLabel={touch(`month.${i}`)}
            onBlurWeight={touch(`seasonality.${i}`)}
            onRemove={() => setForm({ ...form, months: form.months.filter((m) => m.id !== month.id) })}
            inputClass={styles.input}
          />
        ))}
      </div>
      {monthsError && (
        <Caption1 className={styles.groupError} role="alert">
          {monthsError}
        </Caption1>
      )}
      <Button className={styles.add} icon={<AddRegular />} onClick={addMonth}>
        {goalText(locale, 'addMonth')}
      </Button>
    </fieldset>
  );
}

/** The regions and their owners, with weights when the target is not split equally. */
function RegionsFieldset({ locale, goals }: { readonly locale: Locale; readonly goals: GoalState }) {
  const styles = useGoalStyles();
  const { form, setForm, touch, fieldState, updateRegion, addRegion, regionsError } = goals;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <Text weight="semibold">{goalText(locale, 'regions')}</Text>
      </legend>
      <Switch
        checked={form.equalSplit}
        onChange={(_e, d) => setForm({ ...form, equalSplit: d.checked })}
        label={goalText(locale, 'equalSplit')}
      />
      {!form.equalSplit && <Caption1 className={styles.hint}>{goalText(locale, 'weightsHint')}</Caption1>}
      <div className={mergeClasses(styles.rows, form.equalSplit ? styles.regionRows : styles.regionRowsWeighted)}>
        <Caption1 className={styles.columnTitle} aria-hidden>
          {goalText(locale, 'region')}
        </Caption1>
        <Caption1 className={styles.columnTitle} aria-hidden>
          {goalText(locale, 'owner')}
        </Caption1>
        {!form.equalSplit && (
          <Caption1 className={styles.columnTitle} aria-hidden>
            {goalText(locale, 'weight')}
          </Caption1>
        )}
        <span />
        {form.regions.map((region, i) => (
          <RegionInputs
            key={region.id}
            region={region}
            n={i + 1}
            locale={locale}
            weighted={!form.equalSplit}
            canRemove={form.regions.length > 1}
            nameState={fieldState(`region.${i}`)}
            weightState={fieldState(`weight.${i}`)}
            onChange={(patch) => updateRegion(region.id, patch)}
            onBlurName={touch(`region.${i}`)}
            onBlurWeight={touch(`weight.${i}`)}
            onRemove={() => setForm({ ...form, regions: form.regions.filter((r) => r.id !== region.id) })}
            inputClass={styles.input}
          />
        ))}
      </div>
      {regionsError && (
        <Caption1 className={styles.groupError} role="alert">
          {regionsError}
        </Caption1>
      )}
      <Button className={styles.add} icon={<AddRegular />} onClick={addRegion}>
        {goalText(locale, 'addRegion')}
      </Button>
    </fieldset>
  );
}

export function GoalBreakdown({ locale, portable = false, initial, onFormChange, now = () => new Date() }: GoalBreakdownProps) {
  const styles = useGoalStyles();
  const goals = useGoalBreakdown({ locale, portable, now, ...(initial ? { initial } : {}), ...(onFormChange ? { onFormChange } : {}) });
  const { form, busy, outcome, root, breakdown, setForm, touch, fieldState, write } = goals;

  return (
    <section className={styles.root} aria-label={paneText(locale, 'goalsTab')} ref={root}>
      <Caption1>{goalText(locale, 'intro')}</Caption1>
      <div className={styles.pair}>
        <Field label={goalText(locale, 'period')} hint={goalText(locale, 'periodHint')} required {...fieldState('period')}>
          <Input
            className={styles.input}
            value={form.period}
            onChange={(_e, d) => setForm(withPeriod(form, d.value))}
            onBlur={touch('period')}
          />
        </Field>
        <Field label={goalText(locale, 'unit')} hint={goalText(locale, 'unitHint')} {...fieldState('unit')}>
          <Select className={styles.input} value={form.unit} onChange={(_e, d) => setForm({ ...form, unit: d.value })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={goalText(locale, 'target')} hint={goalText(locale, 'targetHint')} required {...fieldState('target')}>
        <Input
          className={styles.input}
          inputMode="decimal"
          value={form.target}
          onChange={(_e, d) => setForm({ ...form, target: d.value })}
          onBlur={touch('target')}
        />
      </Field>
      <div className={styles.pair}>
        {(['stretch', 'challenge'] as const).map((tier) => (
          <Field key={tier} label={goalText(locale, tier)} hint={goalText(locale, 'tierHint')} {...fieldState(tier)}>
            <Input
              className={styles.input}
              inputMode="decimal"
              value={form[tier] ?? ''}
              onChange={(_e, d) => setForm({ ...form, [tier]: d.value })}
              onBlur={touch(tier)}
            />
          </Field>
        ))}
      </div>
      <Field label={goalText(locale, 'moneyUnit')} hint={goalText(locale, 'moneyUnitHint')}>
        <Select className={styles.input} value={form.moneyUnit ?? ''} onChange={(_e, d) => setForm({ ...form, moneyUnit: d.value })}>
          <option value="">{goalText(locale, 'moneyUnitKeep')}</option>
          <MoneyUnitOptions locale={locale} />
        </Select>
      </Field>

      <MonthsFieldset locale={locale} goals={goals} />

      <RegionsFieldset locale={locale} goals={goals} />

      <Text weight="semibold" as="h2" size={300}>
        {goalText(locale, 'preview')}
      </Text>
      {breakdown ? (
        <Preview breakdown={breakdown} locale={locale} />
      ) : (
        <Caption1 className={styles.hint}>{goalText(locale, 'previewEmpty')}</Caption1>
      )}

      <OutcomeBanner outcome={outcome} />
      <Button appearance="primary" disabledFocusable={busy} aria-busy={busy} onClick={() => void write()}>
        {busy ? goalText(locale, 'writing') : goalText(locale, 'write')}
      </Button>
    </section>
  );
}
