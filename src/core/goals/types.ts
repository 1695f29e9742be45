/** The goal breakdown's input, output and validation errors. */
import type { Localized } from '../i18n';

export interface RegionInput {
  /** Region (负责区域), required and unique. */
  readonly name: string;
  /** Owner (负责人), optional. */
  readonly owner?: string;
  /** Share weight ≥ 0; ignored with `equalSplit`. Weights need not add up to 1. */
  readonly weight?: number;
}

export interface GoalInput {
  /** Period label written in 季度: `2024 Q1`, `季度销售额`. */
  readonly period: string;
  /** The period target (> 0), a whole multiple of `unit`. */
  readonly target: number;
  /** Month labels, in order: `1月`, `2024-01`. */
  readonly months: readonly string[];
  /** Monthly seasonality weights ≥ 0, one per month; absent: every month weighs the same. */
  readonly seasonality?: readonly number[];
  readonly regions: readonly RegionInput[];
  /** Every region weighs the same (region weights ignored). */
  readonly equalSplit?: boolean;
  /** Rounding unit (> 0): every cell is a whole multiple of it, e.g. 0.01 or 1. */
  readonly unit: number;
  /** 冲刺目标: a higher period target (≥ the target), split the same way; optional. */
  readonly stretch?: number;
  /** 挑战目标: higher still (≥ the stretch, else the target); optional. */
  readonly challenge?: number;
}

/** A tier's period target split over the same months and regions as the target (core/domain/tiers.ts). */
export interface TierSplit {
  readonly tier: 'stretch' | 'challenge';
  readonly target: number;
  readonly cells: readonly (readonly number[])[];
  readonly monthTotals: readonly number[];
  readonly regionTotals: readonly number[];
  readonly total: number;
}

export interface GoalBreakdown {
  readonly period: string;
  readonly target: number;
  readonly unit: number;
  /** Digits after the decimal point of the unit (0.01 → 2), for display. */
  readonly decimals: number;
  readonly months: readonly string[];
  readonly regions: readonly { readonly name: string; readonly owner: string }[];
  /** `cells[m][r]`: target of region r in month m. */
  readonly cells: readonly (readonly number[])[];
  /** The same cells in whole units (exact integers): they add up to `target / unit`. */
  readonly cellUnits: readonly (readonly number[])[];
  readonly monthTotals: readonly number[];
  readonly regionTotals: readonly number[];
  /** Sum of every cell: equal to `target`. */
  readonly total: number;
  /** The stretch and challenge targets split alike, those given. */
  readonly tiers: readonly TierSplit[];
}

/**
 * Which input a message belongs to: a whole field (`target`), a group (`weights` when all are
 * zero) or one item of a list (`region.1`, `weight.0`, `month.2`, `seasonality.2`).
 */
export type GoalField =
  | 'period'
  | 'target'
  | 'unit'
  | 'months'
  | 'seasonality'
  | 'regions'
  | 'weights'
  | 'stretch'
  | 'challenge'
  | `month.${number}`
  | `seasonality.${number}`
  | `region.${number}`
  | `weight.${number}`;

export type GoalErrorCode =
  | 'required'
  | 'notNumber'
  | 'notPositive'
  | 'negative'
  | 'allZero'
  | 'duplicate'
  | 'notMultiple'
  | 'tooFine'
  | 'tooMany'
  | 'lengthMismatch'
  | 'belowLowerTier';

export interface GoalError {
  readonly field: GoalField;
  readonly code: GoalErrorCode;
  /** What is wrong and what to do, in both languages. */
  readonly message: Localized;
}

export type GoalResult =
  | { readonly ok: true; readonly breakdown: GoalBreakdown }
  | { readonly ok: false; readonly errors: readonly GoalError[] };
