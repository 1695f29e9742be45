/** The goal breakdown form as typed (text), and its reading into the core's `GoalInput`. */
import type { GoalInput } from '../../core/goals';
import { monthsOfPeriod, parsePeriod } from '../../core/periods';
import { readTypedNumber } from '../typedNumber';

export interface MonthRow {
  readonly id: number;
  readonly label: string;
  /** Seasonality weight as typed. */
  readonly weight: string;
}

export interface RegionRow {
  readonly id: number;
  readonly name: string;
  readonly owner: string;
  readonly weight: string;
}

export interface GoalForm {
  readonly period: string;
  readonly target: string;
  readonly unit: string;
  readonly months: readonly MonthRow[];
  readonly seasonal: boolean;
  readonly regions: readonly RegionRow[];
  readonly equalSplit: boolean;
  /** Next row id (React keys stay stable when rows are removed). */
  readonly nextId: number;
  /** The workbook's money unit to keep (its English label, e.g. `CNY 10k`); blank keeps the workbook's own. */
  readonly moneyUnit?: string;
  /** 冲刺目标 and 挑战目标 as typed; blank: no such tier. */
  readonly stretch?: string;
  readonly challenge?: string;
}

export const UNITS = ['0.01', '0.1', '1', '10', '100'] as const;

/** The current quarter as `2024 Q1` with its months `2024-01`…`2024-03`; one region; equal split. */
export function initialForm(today: Date): GoalForm {
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3);
  const months = [0, 1, 2].map((i) => ({ id: i + 1, label: `${year}-${String(quarter * 3 + i + 1).padStart(2, '0')}`, weight: '1' }));
  return {
    period: `${year} Q${quarter + 1}`,
    target: '',
    // 表2 shows one decimal (#,##0.0): at 0.1 what the sheet shows adds up to the target too.
    unit: '0.1',
    months,
    seasonal: false,
    regions: [{ id: 4, name: '', owner: '', weight: '1' }],
    equalSplit: true,
    nextId: 5,
  };
}

/**
 * The form with a new 周期: when it names a quarter or a year (`2026 Q1`, `2026年`), the months become
 * its months (weights kept where the count stays), so 表2's months follow the period typed.
 */
export function withPeriod(form: GoalForm, period: string): GoalForm {
  const parsed = parsePeriod(period);
  if (parsed === undefined || parsed.kind === 'month') return { ...form, period };
  const labels = monthsOfPeriod(parsed);
  const same = labels.length === form.months.length;
  const months = labels.map((label, i) => ({
    id: same ? (form.months[i]?.id ?? form.nextId + i) : form.nextId + i,
    label,
    weight: same ? (form.months[i]?.weight ?? '1') : '1',
  }));
  return { ...form, period, months, nextId: same ? form.nextId : form.nextId + labels.length };
}

/** A typed number for the core's validation: blank or unreadable is NaN (it says "enter a number"). */
export function numberOrNaN(text: string): number {
  return readTypedNumber(text) ?? Number.NaN;
}

export function toGoalInput(form: GoalForm): GoalInput {
  return {
    period: form.period,
    target: numberOrNaN(form.target),
    unit: numberOrNaN(form.unit),
    months: form.months.map((m) => m.label),
    ...(form.seasonal ? { seasonality: form.months.map((m) => numberOrNaN(m.weight)) } : {}),
    regions: form.regions.map((r) => ({ name: r.name, owner: r.owner, weight: numberOrNaN(r.weight) })),
    equalSplit: form.equalSplit,
    // A blank tier is no tier; anything typed is checked (unreadable text says "enter a number").
    ...((form.stretch ?? '').trim() !== '' ? { stretch: numberOrNaN(form.stretch ?? '') } : {}),
    ...((form.challenge ?? '').trim() !== '' ? { challenge: numberOrNaN(form.challenge ?? '') } : {}),
  };
}
