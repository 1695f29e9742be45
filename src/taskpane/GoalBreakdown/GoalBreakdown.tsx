/**
 * 目标分解 Goal breakdown: a period target split over months and regions (pure core split), shown
 * as a month × region grid with totals, and written into 表2 — inserting the goals template first
 * when the workbook has none, appending otherwise (never over existing rows).
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Locale, locateTemplate, planTemplate, templateById } from '../../core';
import { type GoalBreakdown as Breakdown, type GoalError, breakDownGoal, goalTableWrite, validateGoalInput } from '../../core/goals';
import { reasonOf, t } from '../strings';
import { useWorkbook } from '../workbookContext';
import { type GoalForm, type MonthRow, type RegionRow, UNITS, initialForm, toGoalInput } from './form';
import { gt } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  rows: { display: 'grid', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'start', minWidth: 0 },
  monthRows: { gridTemplateColumns: 'minmax(0, 1fr) 32px' },
  monthRowsSeasonal: { gridTemplateColumns: 'minmax(0, 1fr) 64px 32px' },
  regionRows: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 32px' },
  regionRowsWeighted: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 56px 32px' },
  columnTitle: { color: tokens.colorNeutralForeground3 },
  input: { width: '100%', minWidth: 0 },
  add: { alignSelf: 'flex-start' },
  groupError: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  previewScroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Compact enough for 3 months × 2 regions with totals in a 320 px pane; more regions scroll inside the box.
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontVariantNumeric: 'tabular-nums',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'right',
    whiteSpace: 'nowrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  // Region names may wrap; numbers never do.
  columnHeader: { whiteSpace: 'normal', overflowWrap: 'anywhere', verticalAlign: 'bottom' },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  totals: { fontWeight: tokens.fontWeightSemibold },
});

type Outcome = { readonly intent: 'success' | 'error'; readonly text: string };

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

const goalsSpec = templateById('goals')!;

export function GoalBreakdown({ locale, portable = false, initial, onFormChange, now = () => new Date() }: GoalBreakdownProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [form, setFormState] = useState<GoalForm>(() => initial ?? initialForm(now()));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const root = useRef<HTMLElement>(null);

  const input = useMemo(() => toGoalInput(form), [form]);
  const errors = useMemo(() => validateGoalInput(input), [input]);
  const breakdown = useMemo(() => {
    const result = errors.length === 0 ? breakDownGoal(input) : undefined;
    return result?.ok ? result.breakdown : undefined;
  }, [errors, input]);

  // After a refused write, take the keyboard to the first field that needs fixing.
  useEffect(() => {
    if (attempts > 0) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts]);

  const setForm = (next: GoalForm) => {
    setFormState(next);
    onFormChange?.(next);
  };
  const touch = (field: string) => () => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const shown = (field: string): boolean => attempts > 0 || touched.has(field);
  const errorOf = (field: string): GoalError | undefined => (shown(field) ? errors.find((e) => e.field === field) : undefined);
  const fieldState = (field: string) => {
    const error = errorOf(field);
    return error ? { validationState: 'error' as const, validationMessage: error.message[locale] } : {};
  };
  const groupError = (group: string, items: string): string | undefined => {
    const anyTouched = attempts > 0 || [...touched].some((f) => f.startsWith(`${items}.`));
    return anyTouched ? errors.find((e) => e.field === group)?.message[locale] : undefined;
  };

  const updateMonth = (id: number, patch: Partial<MonthRow>) =>
    setForm({ ...form, months: form.months.map((m) => (m.id === id ? { ...m, ...patch } : m)) });
  const updateRegion = (id: number, patch: Partial<RegionRow>) =>
    setForm({ ...form, regions: form.regions.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  const addMonth = () =>
    setForm({ ...form, months: [...form.months, { id: form.nextId, label: '', weight: '1' }], nextId: form.nextId + 1 });
  const addRegion = () =>
    setForm({ ...form, regions: [...form.regions, { id: form.nextId, name: '', owner: '', weight: '1' }], nextId: form.nextId + 1 });

  async function write() {
    setOutcome(null);
    const result = breakDownGoal(input);
    if (!result.ok) {
      setAttempts((n) => n + 1);
      setOutcome({ intent: 'error', text: gt(locale, 'fixFields', { n: result.errors.length }) });
      return;
    }
    setBusy(true);
    let sheetName = goalsSpec.sheetName[locale];
    try {
      let location = locateTemplate(goalsSpec, await workbook.listSheets());
      let created = false;
      if (location === undefined) {
        const inserted = await workbook.insertTemplate(planTemplate(goalsSpec, { locale, samples: false, portable }));
        location = { sheetName: inserted.sheetName, tableName: inserted.tableName };
        created = true;
      }
      sheetName = location.sheetName;
      const snapshot = await workbook.readTable(location);
      const plan = goalTableWrite(result.breakdown, snapshot, { portable });
      if (!plan.ok) {
        setOutcome({ intent: 'error', text: plan.message[locale] });
        return;
      }
      const [written] = await workbook.writeTables([plan.write]);
      sheetName = written?.sheetName ?? sheetName;
      await workbook.activateSheet(sheetName).catch(() => undefined);
      const rows = (written?.appended ?? 0) + (written?.updated ?? 0);
      setOutcome({
        intent: 'success',
        text: gt(locale, created ? 'writtenNew' : 'written', { sheet: sheetName, rows, period: result.breakdown.period }),
      });
    } catch (error) {
      setOutcome({ intent: 'error', text: gt(locale, 'writeFailed', { sheet: sheetName, reason: reasonOf(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const monthsError = groupError('months', 'month') ?? groupError('seasonality', 'seasonality');
  const regionsError = groupError('regions', 'region') ?? groupError('weights', 'weight');

  return (
    <section className={styles.root} aria-label={t(locale, 'goalsTab')} ref={root}>
      <Caption1>{gt(locale, 'intro')}</Caption1>
      <div className={styles.pair}>
        <Field label={gt(locale, 'period')} hint={gt(locale, 'periodHint')} required {...fieldState('period')}>
          <Input
            className={styles.input}
            value={form.period}
            onChange={(_e, d) => setForm({ ...form, period: d.value })}
            onBlur={touch('period')}
          />
        </Field>
        <Field label={gt(locale, 'unit')} hint={gt(locale, 'unitHint')} {...fieldState('unit')}>
          <Select className={styles.input} value={form.unit} onChange={(_e, d) => setForm({ ...form, unit: d.value })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={gt(locale, 'target')} hint={gt(locale, 'targetHint')} required {...fieldState('target')}>
        <Input
          className={styles.input}
          inputMode="decimal"
          value={form.target}
          onChange={(_e, d) => setForm({ ...form, target: d.value })}
          onBlur={touch('target')}
        />
      </Field>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{gt(locale, 'months')}</Text>
        </legend>
        <Switch checked={form.seasonal} onChange={(_e, d) => setForm({ ...form, seasonal: d.checked })} label={gt(locale, 'seasonal')} />
        <div className={mergeClasses(styles.rows, form.seasonal ? styles.monthRowsSeasonal : styles.monthRows)}>
          <Caption1 className={styles.columnTitle} aria-hidden>
            {gt(locale, 'month')}
          </Caption1>
          {form.seasonal && (
            <Caption1 className={styles.columnTitle} aria-hidden>
              {gt(locale, 'weight')}
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
          {gt(locale, 'addMonth')}
        </Button>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{gt(locale, 'regions')}</Text>
        </legend>
        <Switch
          checked={form.equalSplit}
          onChange={(_e, d) => setForm({ ...form, equalSplit: d.checked })}
          label={gt(locale, 'equalSplit')}
        />
        {!form.equalSplit && <Caption1 className={styles.hint}>{gt(locale, 'weightsHint')}</Caption1>}
        <div className={mergeClasses(styles.rows, form.equalSplit ? styles.regionRows : styles.regionRowsWeighted)}>
          <Caption1 className={styles.columnTitle} aria-hidden>
            {gt(locale, 'region')}
          </Caption1>
          <Caption1 className={styles.columnTitle} aria-hidden>
            {gt(locale, 'owner')}
          </Caption1>
          {!form.equalSplit && (
            <Caption1 className={styles.columnTitle} aria-hidden>
              {gt(locale, 'weight')}
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
          {gt(locale, 'addRegion')}
        </Button>
      </fieldset>

      <Text weight="semibold" as="h2" size={300}>
        {gt(locale, 'preview')}
      </Text>
      {breakdown ? (
        <Preview breakdown={breakdown} locale={locale} />
      ) : (
        <Caption1 className={styles.hint}>{gt(locale, 'previewEmpty')}</Caption1>
      )}

      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabledFocusable={busy} aria-busy={busy} onClick={() => void write()}>
        {busy ? gt(locale, 'writing') : gt(locale, 'write')}
      </Button>
    </section>
  );
}

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

function MonthInputs(p: MonthInputsProps) {
  return (
    <>
      <Field {...p.labelState}>
        <Input
          className={p.inputClass}
          aria-label={gt(p.locale, 'monthLabel', { n: p.n })}
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
            aria-label={gt(p.locale, 'monthWeight', { n: p.n })}
            value={p.month.weight}
            onChange={(_e, d) => p.onChange({ weight: d.value })}
            onBlur={p.onBlurWeight}
          />
        </Field>
      )}
      <Button
        appearance="subtle"
        icon={<DeleteRegular />}
        aria-label={gt(p.locale, 'removeMonth', { n: p.n })}
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

function RegionInputs(p: RegionInputsProps) {
  return (
    <>
      <Field {...p.nameState}>
        <Input
          className={p.inputClass}
          aria-label={gt(p.locale, 'regionName', { n: p.n })}
          value={p.region.name}
          onChange={(_e, d) => p.onChange({ name: d.value })}
          onBlur={p.onBlurName}
        />
      </Field>
      <Field>
        <Input
          className={p.inputClass}
          aria-label={gt(p.locale, 'regionOwner', { n: p.n })}
          value={p.region.owner}
          onChange={(_e, d) => p.onChange({ owner: d.value })}
        />
      </Field>
      {p.weighted && (
        <Field {...p.weightState}>
          <Input
            className={p.inputClass}
            inputMode="decimal"
            aria-label={gt(p.locale, 'regionWeight', { n: p.n })}
            value={p.region.weight}
            onChange={(_e, d) => p.onChange({ weight: d.value })}
            onBlur={p.onBlurWeight}
          />
        </Field>
      )}
      <Button
        appearance="subtle"
        icon={<DeleteRegular />}
        aria-label={gt(p.locale, 'removeRegion', { n: p.n })}
        disabled={!p.canRemove}
        onClick={p.onRemove}
      />
    </>
  );
}

/** The month × region grid with totals; it scrolls sideways inside its own box when regions are many. */
function Preview({ breakdown, locale }: { readonly breakdown: Breakdown; readonly locale: Locale }) {
  const styles = useStyles();
  const format = useMemo(
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: breakdown.decimals, maximumFractionDigits: breakdown.decimals }),
    [locale, breakdown.decimals],
  );
  const num = (value: number) => format.format(value);
  const cell = styles.cell;
  return (
    <>
      <div className={styles.previewScroll} role="region" aria-label={gt(locale, 'previewRegion')} tabIndex={0}>
        <table className={styles.table} data-testid="goal-preview">
          <thead>
            <tr className={styles.head}>
              <th scope="col" className={mergeClasses(cell, styles.rowHeader)}>
                {gt(locale, 'month')}
              </th>
              {breakdown.regions.map((r) => (
                <th scope="col" key={r.name} className={mergeClasses(cell, styles.columnHeader)}>
                  {r.name}
                </th>
              ))}
              <th scope="col" className={cell}>
                {gt(locale, 'total')}
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
                {gt(locale, 'total')}
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
      <Caption1 className={styles.hint}>{gt(locale, 'roundingNote', { target: num(breakdown.target) })}</Caption1>
    </>
  );
}
