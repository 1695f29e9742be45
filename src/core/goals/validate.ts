/** Validation of a goal breakdown's input: one message per field, in zh-CN and en-US. */
import { L, type Localized } from '../i18n';
import { decimalOf, pow10 } from './decimal';
import type { GoalError, GoalErrorCode, GoalField, GoalInput } from './types';

/** Limits that keep the split instant and the grid readable in a task pane. */
const MAX_MONTHS = 24;
const MAX_REGIONS = 50;
/** Most whole units a target may hold (beyond it, cells stop being exact integers in a double). */
const MAX_UNITS = 1e15;

const nth = (i: number): Localized => L(`第 ${i + 1} 个`, `#${i + 1}`);

/** Messages by field kind and code: what is wrong and what to do. */
function message(field: GoalField, code: GoalErrorCode, unit?: number): Localized {
  const [kind, index] = field.split('.') as [string, string | undefined];
  const at = index === undefined ? undefined : nth(Number(index));
  switch (`${kind}:${code}`) {
    case 'period:required':
      return L('请填写周期,例如 2024 Q1 或 季度销售额。', 'Enter the period, e.g. 2024 Q1.');
    case 'target:notNumber':
      return L('请输入目标数字,例如 500。', 'Enter the target as a number, e.g. 500.');
    case 'target:notPositive':
      return L('目标必须大于 0。', 'The target must be greater than 0.');
    case 'target:notMultiple':
      return L(
        `目标须是取整单位 ${unit} 的整数倍;请调整目标或选择更小的取整单位。`,
        `The target must be a whole multiple of the rounding unit ${unit}; change the target or pick a smaller unit.`,
      );
    case 'unit:notNumber':
    case 'unit:notPositive':
      return L('取整单位必须是大于 0 的数字,例如 0.01 或 1。', 'The rounding unit must be a number greater than 0, e.g. 0.01 or 1.');
    case 'unit:tooFine':
      return L('取整单位相对目标太小;请选择更大的取整单位。', 'The rounding unit is too small for this target; pick a larger unit.');
    case 'months:required':
      return L('请至少添加一个月份。', 'Add at least one month.');
    case 'months:tooMany':
      return L(`最多 ${MAX_MONTHS} 个月份。`, `At most ${MAX_MONTHS} months.`);
    case 'month:required':
      return L(`请填写${at?.['zh-CN']}月份的名称,例如 1月 或 2024-01。`, `Name month ${at?.['en-US']}, e.g. Jan or 2024-01.`);
    case 'month:duplicate':
      return L('月份名称重复;每个月份只能出现一次。', 'This month is listed twice; each month may appear once.');
    case 'seasonality:lengthMismatch':
      return L('每个月份需要一个季节性权重。', 'Give one seasonality weight per month.');
    case 'seasonality:notNumber':
      return L('季节性权重须是数字,例如 1 或 1.2。', 'The seasonality weight must be a number, e.g. 1 or 1.2.');
    case 'seasonality:negative':
      return L('季节性权重不能为负数。', 'The seasonality weight cannot be negative.');
    case 'seasonality:allZero':
      return L(
        '季节性权重不能全为 0;至少一个月份的权重须大于 0。',
        'Seasonality weights cannot all be 0; give at least one month a weight above 0.',
      );
    case 'regions:required':
      return L('请至少添加一个区域。', 'Add at least one region.');
    case 'regions:tooMany':
      return L(`最多 ${MAX_REGIONS} 个区域。`, `At most ${MAX_REGIONS} regions.`);
    case 'region:required':
      return L(`请填写${at?.['zh-CN']}区域的名称,例如 华南区。`, `Name region ${at?.['en-US']}, e.g. South China.`);
    case 'region:duplicate':
      return L('区域名称重复;请合并或改名。', 'This region is listed twice; merge or rename it.');
    case 'weight:notNumber':
      return L('权重须是数字,例如 0.6 或 60。', 'The weight must be a number, e.g. 0.6 or 60.');
    case 'weight:negative':
      return L('权重不能为负数。', 'The weight cannot be negative.');
    case 'weights:allZero':
      return L(
        '区域权重不能全为 0;请至少给一个区域大于 0 的权重,或打开“平均分配”。',
        'Region weights cannot all be 0; give one region a weight above 0, or switch on equal split.',
      );
    case 'stretch:notNumber':
    case 'challenge:notNumber':
      return L(
        `请输入${kind === 'stretch' ? '冲刺' : '挑战'}目标数字,或留空。`,
        `Enter the ${kind} target as a number, or leave it blank.`,
      );
    case 'stretch:notMultiple':
    case 'challenge:notMultiple':
      return L(
        `${kind === 'stretch' ? '冲刺' : '挑战'}目标须是取整单位 ${unit} 的整数倍。`,
        `The ${kind} target must be a whole multiple of the rounding unit ${unit}.`,
      );
    case 'stretch:belowLowerTier':
      return L('冲刺目标不能低于目标。', 'The stretch target cannot be below the target.');
    case 'challenge:belowLowerTier':
      return L('挑战目标不能低于冲刺目标(或目标)。', 'The challenge target cannot be below the stretch target (or the target).');
    default:
      return L('输入无效。', 'Invalid input.');
  }
}

const normalized = (text: string): string => text.trim().toLowerCase();

/** Every problem with the input, each attached to its field; empty when the input can be split. */
export function validateGoalInput(input: GoalInput): GoalError[] {
  const errors: GoalError[] = [];
  const fail = (field: GoalField, code: GoalErrorCode, unit?: number) => errors.push({ field, code, message: message(field, code, unit) });

  if (input.period.trim() === '') fail('period', 'required');

  const unitOk = Number.isFinite(input.unit) && input.unit > 0;
  if (!Number.isFinite(input.unit)) fail('unit', 'notNumber');
  else if (input.unit <= 0) fail('unit', 'notPositive');

  if (!Number.isFinite(input.target)) fail('target', 'notNumber');
  else if (input.target <= 0) fail('target', 'notPositive');
  else if (unitOk) {
    const units = unitsOf(input.target, input.unit);
    if (units === undefined) fail('target', 'notMultiple', input.unit);
    else if (units > BigInt(MAX_UNITS)) fail('unit', 'tooFine');
  }

  checkTiers(input, unitOk, fail);

  if (input.months.length === 0) fail('months', 'required');
  else if (input.months.length > MAX_MONTHS) fail('months', 'tooMany');
  const seenMonths = new Set<string>();
  input.months.forEach((label, i) => {
    if (label.trim() === '') fail(`month.${i}`, 'required');
    else if (seenMonths.has(normalized(label))) fail(`month.${i}`, 'duplicate');
    seenMonths.add(normalized(label));
  });

  if (input.seasonality !== undefined) {
    if (input.seasonality.length !== input.months.length) fail('seasonality', 'lengthMismatch');
    else checkWeights(input.seasonality, 'seasonality', 'seasonality', fail);
  }

  if (input.regions.length === 0) fail('regions', 'required');
  else if (input.regions.length > MAX_REGIONS) fail('regions', 'tooMany');
  const seenRegions = new Set<string>();
  input.regions.forEach((region, i) => {
    if (region.name.trim() === '') fail(`region.${i}`, 'required');
    else if (seenRegions.has(normalized(region.name))) fail(`region.${i}`, 'duplicate');
    seenRegions.add(normalized(region.name));
  });
  if (!input.equalSplit && input.regions.length > 0) {
    checkWeights(
      input.regions.map((r) => r.weight ?? Number.NaN),
      'weight',
      'weights',
      fail,
    );
  }
  return errors;
}

/** 冲刺 ≥ 目标 and 挑战 ≥ 冲刺 (or 目标), each a whole multiple of the unit; a blank tier is fine. */
function checkTiers(input: GoalInput, unitOk: boolean, fail: (field: GoalField, code: GoalErrorCode, unit?: number) => void): void {
  let floor = input.target;
  for (const tier of ['stretch', 'challenge'] as const) {
    const value = input[tier];
    if (value === undefined) continue;
    if (!Number.isFinite(value)) fail(tier, 'notNumber');
    else if (Number.isFinite(floor) && value < floor) fail(tier, 'belowLowerTier');
    else if (unitOk && unitsOf(value, input.unit) === undefined) fail(tier, 'notMultiple', input.unit);
    if (Number.isFinite(value)) floor = Math.max(floor, value);
  }
}

function checkWeights(
  weights: readonly number[],
  item: 'weight' | 'seasonality',
  group: 'weights' | 'seasonality',
  fail: (field: GoalField, code: GoalErrorCode) => void,
): void {
  let itemErrors = false;
  weights.forEach((w, i) => {
    if (!Number.isFinite(w)) fail(`${item}.${i}`, 'notNumber');
    else if (w < 0) fail(`${item}.${i}`, 'negative');
    else return;
    itemErrors = true;
  });
  if (!itemErrors && weights.every((w) => w === 0)) fail(group, 'allZero');
}

/** `target / unit` when it is a whole number (exactly, in decimal), else undefined. */
export function unitsOf(target: number, unit: number): bigint | undefined {
  const t = decimalOf(target);
  const u = decimalOf(unit);
  const numerator = t.n * pow10(u.scale);
  const denominator = u.n * pow10(t.scale);
  return numerator % denominator === BigInt(0) ? numerator / denominator : undefined;
}
