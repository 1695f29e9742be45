/** What keeps each step from advancing (and the final write from running), in the pane's language. */
import { type FollowUpItem, type Locale, type ReviewDraft, type SmartIssue, followUpProblem } from '../../core';
import { editFor } from './FollowUpCard';
import { isInvalidNumber } from './fields';
import { wizardText } from './strings';

export interface ValidationInput {
  readonly read: boolean;
  readonly draft: ReviewDraft;
  readonly smart: readonly SmartIssue[];
  readonly raw: Readonly<Record<string, string>>;
  readonly followUps: readonly FollowUpItem[] | null;
}

/** Blocking messages per step (index = step). */
export function stepBlockers(locale: Locale, { read, draft, smart, raw, followUps }: ValidationInput): string[][] {
  const invalidRaw = (test: (key: string) => boolean) => Object.entries(raw).some(([key, text]) => test(key) && isInvalidNumber(text));
  const data: string[] = [];
  if (!read) data.push(wizardText(locale, 'notRead'));
  if (invalidRaw((key) => key.startsWith('threshold.'))) data.push(wizardText(locale, 'numberBlocked'));

  const unnamed = draft.findings.filter((f) => f.problem.trim() === '').length;
  const diagnosis = unnamed > 0 ? [wizardText(locale, 'findingsBlocked', { n: unnamed })] : [];

  const actions: string[] = [];
  if (smart.length > 0) actions.push(wizardText(locale, 'smartBlocked', { n: smart.length }));
  const actionIds = new Set(draft.actions.map((a) => a.id));
  if (invalidRaw((key) => actionIds.has(key.slice(0, key.lastIndexOf('.'))))) actions.push(wizardText(locale, 'numberBlocked'));

  const followUp: string[] = [];
  const rows = new Set((followUps ?? []).map((item) => item.row));
  const badNumber = invalidRaw((key) => {
    const match = /^followUp\.(\d+)\./.exec(key);
    return match !== null && rows.has(Number(match[1]));
  });
  const badMetric = (followUps ?? []).some((item) => followUpProblem(editFor(item, draft.followUps)) !== undefined);
  if (badNumber || badMetric) followUp.push(wizardText(locale, 'followUpBlocked'));

  return [data, [], diagnosis, actions, followUp];
}
