/**
 * The goal breakdown's state and workbook traffic: the form, which fields to show errors on, the
 * split (pure core), and the write into 表2 through the shared flow (insert if missing → read →
 * plan → write, src/workbook/ensureTemplate.ts). The component only renders what this returns.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Locale, parseMoneyUnit, templateById } from '../../core';
import { findSettings, saveMoneyUnit } from '../../workbook/dealImport';
import { type GoalBreakdown, type GoalError, breakDownGoal, goalTableWrite, validateGoalInput } from '../../core/goals';
import type { Outcome } from '../OutcomeBanner/OutcomeBanner';
import { reasonOf } from '../strings';
import { CHANGE_LABELS } from '../../workbook/changeLabels';
import { useChangeLabel } from '../changeContext';
import { useWorkbook } from '../workbookContext';
import { ensureTemplates } from '../../workbook/ensureTemplate';
import { type GoalForm, type MonthRow, type RegionRow, initialForm, toGoalInput } from './form';
import { goalText } from './strings';

const goalsSpec = templateById('goals');

export interface GoalBreakdownOptions {
  readonly locale: Locale;
  readonly portable: boolean;
  readonly initial?: GoalForm;
  readonly onFormChange?: (form: GoalForm) => void;
  readonly now: () => Date;
}

/**
 * Writes a goal breakdown into 表2 (inserted when missing), keeping the money unit in 工作簿设置
 * first so a new 表2's headers show it; the outcome to show, success or why not.
 */
async function writeGoalBreakdown(
  workbook: ReturnType<typeof useWorkbook>,
  labelChange: ReturnType<typeof useChangeLabel>,
  goal: { readonly breakdown: GoalBreakdown; readonly moneyUnit: string | undefined },
  options: { readonly locale: Locale; readonly portable: boolean },
): Promise<Outcome> {
  const { locale, portable } = options;
  const { breakdown } = goal;
  let sheetName = goalsSpec.sheetName[locale];
  try {
    // The unit the targets are in, kept in 工作簿设置 so imports convert into it — first, so a new 表2's headers show it.
    const unit = goal.moneyUnit ? parseMoneyUnit(goal.moneyUnit) : undefined;
    if (unit) await saveMoneyUnit(workbook, await findSettings(workbook), unit, locale);
    const { locations, inserted } = await ensureTemplates(workbook, ['goals'], { locale, portable });
    const created = inserted.length > 0;
    const location = locations.get('goals');
    // ensureTemplates gives every id it was asked for a location; the check only narrows the type.
    if (location === undefined) throw new Error(goalsSpec.sheetName[locale]);
    sheetName = location.sheetName;
    const snapshot = await workbook.readTable(location);
    const plan = goalTableWrite(breakdown, snapshot, { portable });
    if (!plan.ok) {
      return { intent: 'error', text: plan.message[locale] };
    }
    await labelChange(CHANGE_LABELS.goals(breakdown.period));
    const [written] = await workbook.writeTables([plan.write]);
    sheetName = written?.sheetName ?? sheetName;
    await workbook.activateSheet(sheetName).catch(() => undefined);
    const rows = (written?.appended ?? 0) + (written?.updated ?? 0);
    return {
      intent: 'success',
      text: goalText(locale, created ? 'writtenNew' : 'written', { sheet: sheetName, rows, period: breakdown.period }),
    };
  } catch (error) {
    return { intent: 'error', text: goalText(locale, 'writeFailed', { sheet: sheetName, reason: reasonOf(error) }) };
  }
}

export function useGoalBreakdown({ locale, portable, initial, onFormChange, now }: GoalBreakdownOptions) {
  const workbook = useWorkbook();
  const labelChange = useChangeLabel();
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
      setOutcome({ intent: 'error', text: goalText(locale, 'fixFields', { n: result.errors.length }) });
      return;
    }
    setBusy(true);
    try {
      setOutcome(
        await writeGoalBreakdown(workbook, labelChange, { breakdown: result.breakdown, moneyUnit: form.moneyUnit }, { locale, portable }),
      );
    } finally {
      setBusy(false);
    }
  }

  const monthsError = groupError('months', 'month') ?? groupError('seasonality', 'seasonality');
  const regionsError = groupError('regions', 'region') ?? groupError('weights', 'weight');

  return {
    form,
    busy,
    outcome,
    root,
    breakdown,
    setForm,
    touch,
    fieldState,
    updateMonth,
    updateRegion,
    addMonth,
    addRegion,
    write,
    monthsError,
    regionsError,
  };
}
