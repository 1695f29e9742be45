/**
 * DID: the difference in differences of a pilot group against a control group (source 002 关键提醒:
 * 对比试点组与对照组的业绩差异) — the mean change (after − before) of the pilot's members less the
 * control's. A member without both values is left out; a group with none gives #DIV/0!.
 * How sure the difference is comes from core/domain/pilot.ts (the review's permutation test).
 */
import { divZero, isCalcError } from '../errors';
import { CELL_NAMES, FUNCTION_MESSAGES } from '../functionMessages';
import { filledPairs } from '../lift';
import { type Arg, type Result, finite, toNumber } from '../values';

function meanChange(beforeArg: Arg, afterArg: Arg): number | Result {
  const pairs = filledPairs(beforeArg, afterArg);
  if (isCalcError(pairs)) return pairs;
  if (pairs.length === 0) return divZero(FUNCTION_MESSAGES.emptyGroup);
  let sum = 0;
  for (const [beforeCell, afterCell] of pairs) {
    const before = toNumber(beforeCell, CELL_NAMES.before);
    if (isCalcError(before)) return before;
    const after = toNumber(afterCell, CELL_NAMES.after);
    if (isCalcError(after)) return after;
    sum += after - before;
  }
  return sum / pairs.length;
}

export function DID([pilotBefore, pilotAfter, controlBefore, controlAfter]: readonly Arg[]): Result {
  const pilot = meanChange(pilotBefore as Arg, pilotAfter as Arg);
  if (typeof pilot !== 'number') return pilot;
  const control = meanChange(controlBefore as Arg, controlAfter as Arg);
  if (typeof control !== 'number') return control;
  return finite(pilot - control);
}
