/**
 * The wizard's whole state in one reducer: the review draft the manager edits across the five steps,
 * plus what the pane needs to keep it (raw text of number fields, dismissed proposals, thresholds).
 * Moving between steps never drops anything typed.
 */
import {
  type Action,
  type AreaEvaluation,
  DEFAULT_THRESHOLDS,
  type Finding,
  type FollowUpEdit,
  PROCESS_AREAS,
  type ProcessArea,
  type ReviewDraft,
  type ReviewThresholds,
  emptyDraft,
  newReviewId,
} from '../../core';

export const STEP_COUNT = 5;
/** 表1's dimension list, in its order (线索管理 … 团队能力). */

export interface WizardState {
  /** 0-based step. */
  readonly step: number;
  readonly draft: ReviewDraft;
  readonly thresholds: ReviewThresholds;
  /** Ids of proposed findings the manager deleted: a re-read does not bring them back. */
  readonly dismissed: readonly string[];
  /** Ids of proposed findings the manager edited: a re-read keeps the edit. */
  readonly touched: readonly string[];
  /** Text typed into number fields, by field key, so an invalid entry is shown (and blocks) instead of vanishing. */
  readonly raw: Readonly<Record<string, string>>;
  /** Counter for ids of rows added by hand. */
  readonly serial: number;
  /** Set once written: the review id then stays, so writing again updates the same rows. */
  readonly written: boolean;
}

export type FindingPatch = Partial<Pick<Finding, 'dimension' | 'problem' | 'impact' | 'cause' | 'severity'>>;
export type ActionPatch = Partial<Omit<Action, 'id'>>;
export type DraftField = 'period' | 'participants' | 'date' | 'nextReview';

export type WizardAction =
  | { readonly type: 'goTo'; readonly step: number }
  | { readonly type: 'analysed'; readonly areas: readonly AreaEvaluation[]; readonly proposals: readonly Finding[] }
  | { readonly type: 'existingIds'; readonly ids: readonly string[] }
  | { readonly type: 'setField'; readonly field: 'period' | 'participants'; readonly value: string }
  | { readonly type: 'setDate'; readonly field: 'date' | 'nextReview'; readonly value: number | null }
  | { readonly type: 'setNote'; readonly area: ProcessArea; readonly note: string }
  | { readonly type: 'addFinding' }
  | { readonly type: 'updateFinding'; readonly id: string; readonly patch: FindingPatch }
  | { readonly type: 'removeFinding'; readonly id: string }
  | { readonly type: 'addAction' }
  | { readonly type: 'updateAction'; readonly id: string; readonly patch: ActionPatch }
  | { readonly type: 'removeAction'; readonly id: string }
  | { readonly type: 'setFollowUp'; readonly edit: FollowUpEdit }
  | { readonly type: 'setRaw'; readonly key: string; readonly text: string | undefined }
  | { readonly type: 'setThresholds'; readonly patch: Partial<ReviewThresholds> }
  | { readonly type: 'written' };

export function initialState(today: number): WizardState {
  const draft = emptyDraft({ today, existingIds: [] });
  return {
    step: 0,
    draft: { ...draft, areas: PROCESS_AREAS.map((area) => draft.areas.find((a) => a.area === area) ?? { area, evidence: [], note: '' }) },
    thresholds: DEFAULT_THRESHOLDS,
    dismissed: [],
    touched: [],
    raw: {},
    serial: 0,
    written: false,
  };
}

/** Proposals replace earlier untouched proposals; edited and manual findings stay; deleted ones stay deleted. */
function mergeFindings(state: WizardState, proposals: readonly Finding[]): Finding[] {
  const current = new Map(state.draft.findings.map((f) => [f.id, f]));
  const kept = (f: Finding) => f.origin === 'manual' || state.touched.includes(f.id);
  const merged: Finding[] = [];
  for (const proposal of proposals) {
    if (state.dismissed.includes(proposal.id)) continue;
    const existing = current.get(proposal.id);
    merged.push(existing && kept(existing) ? existing : proposal);
  }
  const ids = new Set(merged.map((f) => f.id));
  for (const finding of state.draft.findings) if (kept(finding) && !ids.has(finding.id)) merged.push(finding);
  return merged;
}

function withDraft(state: WizardState, draft: Partial<ReviewDraft>): WizardState {
  return { ...state, draft: { ...state.draft, ...draft } };
}

/** A new analysis: the areas' evidence and the proposals merged in; actions of findings now gone lose their link. */
function analysed(state: WizardState, action: Extract<WizardAction, { type: 'analysed' }>): WizardState {
  const { draft } = state;
  const areas = PROCESS_AREAS.map((area) => ({
    area,
    evidence: action.areas.find((a) => a.area === area)?.evidence ?? [],
    note: draft.areas.find((a) => a.area === area)?.note ?? '',
  }));
  const findings = mergeFindings(state, action.proposals);
  const ids = new Set(findings.map((f) => f.id));
  const actions = draft.actions.map((a) => (a.findingId !== null && !ids.has(a.findingId) ? { ...a, findingId: null } : a));
  return withDraft(state, { areas, findings, actions });
}

/** A blank finding of the user's own. */
function addFinding(state: WizardState): WizardState {
  const { draft } = state;
  const finding: Finding = {
    id: `manual-${state.serial + 1}`,
    dimension: 'leads',
    problem: '',
    impact: '',
    cause: '',
    severity: 'medium',
    origin: 'manual',
  };
  return { ...withDraft(state, { findings: [...draft.findings, finding] }), serial: state.serial + 1 };
}

/** A finding taken away; a proposed one stays dismissed when the workbook is read again. */
function removeFinding(state: WizardState, id: string): WizardState {
  const { draft } = state;
  const removed = draft.findings.find((f) => f.id === id);
  return {
    ...withDraft(state, {
      findings: draft.findings.filter((f) => f.id !== id),
      actions: draft.actions.map((a) => (a.findingId === id ? { ...a, findingId: null } : a)),
    }),
    dismissed: removed?.origin === 'rule' ? [...state.dismissed, id] : state.dismissed,
  };
}

/** A blank action starting with the review, linked to the finding when there is only one. */
function addAction(state: WizardState): WizardState {
  const { draft } = state;
  const first = draft.findings[0];
  const created: Action = {
    id: `action-${state.serial + 1}`,
    findingId: draft.findings.length === 1 && first ? first.id : null,
    task: '',
    owner: '',
    start: draft.date,
    due: null,
    output: '',
    resources: '',
    metric: '',
    targetValue: null,
  };
  return { ...withDraft(state, { actions: [...draft.actions, created] }), serial: state.serial + 1 };
}

export function reducer(state: WizardState, action: WizardAction): WizardState {
  const { draft } = state;
  switch (action.type) {
    case 'goTo':
      return { ...state, step: Math.max(0, Math.min(STEP_COUNT - 1, action.step)) };
    case 'analysed':
      return analysed(state, action);
    case 'existingIds':
      if (state.written) return state;
      return withDraft(state, { reviewId: newReviewId(draft.date, action.ids) });
    case 'setField':
      return withDraft(state, { [action.field]: action.value });
    case 'setDate':
      if (action.field === 'date' && action.value === null) return state;
      return withDraft(state, { [action.field]: action.value });
    case 'setNote':
      return withDraft(state, { areas: draft.areas.map((a) => (a.area === action.area ? { ...a, note: action.note } : a)) });
    case 'addFinding':
      return addFinding(state);
    case 'updateFinding':
      return {
        ...withDraft(state, { findings: draft.findings.map((f) => (f.id === action.id ? { ...f, ...action.patch } : f)) }),
        touched: state.touched.includes(action.id) ? state.touched : [...state.touched, action.id],
      };
    case 'removeFinding':
      return removeFinding(state, action.id);
    case 'addAction':
      return addAction(state);
    case 'updateAction':
      return withDraft(state, { actions: draft.actions.map((a) => (a.id === action.id ? { ...a, ...action.patch } : a)) });
    case 'removeAction': {
      const raw = Object.fromEntries(Object.entries(state.raw).filter(([key]) => !key.startsWith(`${action.id}.`)));
      return { ...withDraft(state, { actions: draft.actions.filter((a) => a.id !== action.id) }), raw };
    }
    case 'setFollowUp': {
      const { edit } = action;
      const exists = draft.followUps.some((f) => f.row === edit.row);
      return withDraft(state, {
        followUps: exists ? draft.followUps.map((f) => (f.row === edit.row ? edit : f)) : [...draft.followUps, edit],
      });
    }
    case 'setRaw': {
      const raw = { ...state.raw };
      if (action.text === undefined) delete raw[action.key];
      else raw[action.key] = action.text;
      return { ...state, raw };
    }
    case 'setThresholds':
      return { ...state, thresholds: { ...state.thresholds, ...action.patch } };
    case 'written':
      return { ...state, written: true };
  }
}
