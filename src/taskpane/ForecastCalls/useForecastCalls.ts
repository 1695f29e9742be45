/**
 * 预测提报's state and workbook traffic: read 预测提报, 组织架构 and 销售预测; the latest call of each
 * rep in the chosen scope, with late and missing calls (core/review/summaryCalls.ts); a call or the
 * manager's adjustment appended as a new row (core/team/callWrite.ts), 预测提报 inserted when missing.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  type DataScope,
  type ForecastCallSummary,
  type Locale,
  type TemplateId,
  type WorkbookData,
  adjustmentOf,
  callTableWrite,
  forecastCallSummary,
  isoFromSerial,
  latestCalls,
  locateTemplate,
  momentSerial,
  quarterBounds,
  readTeamTables,
  registerFigures,
  repsInScope,
  templateById,
  toReadTable,
  todaySerial,
  weekOf,
} from '../../core';
import type { CallSubmission } from '../../core';
import type { WorkbookPort } from '../../workbook/port';
import type { Outcome } from '../OutcomeBanner/OutcomeBanner';
import { readTypedNumber } from '../typedNumber';
import { useWorkbook } from '../workbookContext';
import { ensureTemplates } from '../../workbook/ensureTemplate';
import { callsText } from './strings';

const READ: readonly TemplateId[] = ['forecastCalls', 'orgChart', 'forecast'];

async function readCallData(port: WorkbookPort): Promise<WorkbookData> {
  const sheets = await port.listSheets();
  const data: Record<string, unknown> = {};
  for (const id of READ) {
    const at = locateTemplate(templateById(id), sheets);
    if (at) data[id] = toReadTable(id, await port.readTable(at));
  }
  return data as WorkbookData;
}

export interface CallForm {
  readonly rep: string;
  readonly commit: string;
  readonly bestCase: string;
  readonly submittedBy: string;
}

export interface AdjustForm {
  readonly rep: string;
  readonly adjusted: string;
  readonly note: string;
}

/** A call appended to 预测提报 (inserted when missing); the sheet it went to. */
async function appendCall(
  port: ReturnType<typeof useWorkbook>,
  submission: CallSubmission,
  options: { readonly locale: Locale; readonly portable: boolean },
): Promise<string> {
  const { locale, portable } = options;
  const { locations } = await ensureTemplates(port, ['forecastCalls'], { locale, portable });
  const table = await port.readTable(locations.get('forecastCalls') as NonNullable<ReturnType<typeof locations.get>>);
  const plan = callTableWrite(submission, table, { portable });
  if (!plan.ok) throw new Error(plan.message[locale]);
  await port.writeTables([plan.write]);
  return table.sheetName;
}

/** The call as 预测提报 keeps it, beside what the register says of the rep (without a 销售预测 row: this quarter). */
function submissionOf(
  call: CallForm,
  called: { readonly rep: string; readonly commit: number; readonly bestCase: number | null },
  context: { readonly data: WorkbookData | null; readonly today: number; readonly at: Date },
): CallSubmission {
  const { rep, commit, bestCase } = called;
  const { data, today, at } = context;
  const figures = registerFigures(data?.forecast, rep, today);
  const period = figures ?? quarterBounds(today);
  return {
    rep,
    week: weekOf(today),
    start: period.start,
    end: period.end,
    commit,
    ...(typeof bestCase === 'number' ? { bestCase } : {}),
    ...(figures?.commit !== undefined ? { systemCommit: figures.commit } : {}),
    ...(figures?.bestCase !== undefined ? { systemBestCase: figures.bestCase } : {}),
    submittedAt: momentSerial(at),
    ...(call.submittedBy.trim() !== '' ? { submittedBy: call.submittedBy.trim() } : {}),
  };
}

/** The team as the viewer may see it: 预测提报 and 组织架构 read once per read, the calls' summary and the reps in scope. */
function useTeamView(data: WorkbookData | null, today: number, view: { readonly scope: DataScope; readonly viewer: string }) {
  const { scope, viewer } = view;
  // 预测提报 and 组织架构 parsed once per read, for the summary, the names and the adjustment.
  const team = useMemo(() => (data ? readTeamTables(data) : undefined), [data]);
  const summary: ForecastCallSummary | undefined = useMemo(
    () => (data && team ? forecastCallSummary(data, today, team) : undefined),
    [data, team, today],
  );
  const reps = useMemo(() => {
    const org = team?.org ?? [];
    const calls = team?.calls.calls ?? [];
    const all = [...new Set([...org.filter((a) => (a.end ?? Infinity) >= today).map((a) => a.rep), ...calls.map((c) => c.rep)])];
    if (scope === 'all' || viewer.trim() === '') return all;
    const seen = new Set(repsInScope(org, viewer.trim(), scope, today));
    return all.filter((r) => seen.has(r));
  }, [team, scope, viewer, today]);
  return { team, summary, reps };
}

/** The call as typed, or what it lacks. */
function readCall(call: CallForm): { rep: string; commit: number; bestCase: number | null } | 'needRep' | 'needNumber' {
  const rep = call.rep.trim();
  const commit = readTypedNumber(call.commit);
  // Blank best case: none called (null); text that is no number: say so (undefined).
  const bestCase = readTypedNumber(call.bestCase);
  if (rep === '') return 'needRep';
  if (typeof commit !== 'number' || bestCase === undefined) return 'needNumber';
  return { rep, commit, bestCase };
}

const failureOutcome = (locale: Locale, error: unknown): Outcome => ({
  intent: 'error',
  text: callsText(locale, 'failed', { reason: error instanceof Error ? error.message : String(error) }),
});

export function useForecastCalls({ locale, portable, now }: { locale: Locale; portable: boolean; now: () => Date }) {
  const port = useWorkbook();
  const [data, setData] = useState<WorkbookData | null>(null);
  const [viewer, setViewer] = useState('');
  const [scope, setScope] = useState<DataScope>('all');
  const [call, setCall] = useState<CallForm>({ rep: '', commit: '', bestCase: '', submittedBy: '' });
  const [adjust, setAdjust] = useState<AdjustForm>({ rep: '', adjusted: '', note: '' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fail = (error: unknown) => setOutcome(failureOutcome(locale, error));

  const load = useCallback(async () => {
    try {
      setData(await readCallData(port));
    } catch (error) {
      setData({});
      setOutcome(failureOutcome(locale, error));
    }
  }, [port, locale]);
  useEffect(() => void load(), [load]);

  /** Runs a write with the buttons held; a failure is said. */
  const busyWhile = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const today = todaySerial(now());
  const { team, summary, reps } = useTeamView(data, today, { scope, viewer });

  async function submit() {
    setOutcome(null);
    const typed = readCall(call);
    if (typeof typed === 'string') return setOutcome({ intent: 'error', text: callsText(locale, typed) });
    const { rep, commit, bestCase } = typed;
    await busyWhile(async () => {
      const sheet = await appendCall(port, submissionOf(call, { rep, commit, bestCase }, { data, today, at: now() }), { locale, portable });
      // The list first, then the message: what it says is already shown.
      await load();
      setCall({ ...call, commit: '', bestCase: '' });
      setOutcome({ intent: 'success', text: callsText(locale, 'written', { sheet, rep, commit, week: isoFromSerial(weekOf(today)) }) });
    });
  }

  async function saveAdjustment() {
    setOutcome(null);
    const rep = adjust.rep.trim();
    const adjusted = readTypedNumber(adjust.adjusted);
    const latest = latestCalls((team?.calls.calls ?? []).filter((c) => c.rep === rep)).sort((a, b) => b.end - a.end)[0];
    if (!latest) return setOutcome({ intent: 'error', text: callsText(locale, rep === '' ? 'needRep' : 'needCall', { rep }) });
    if (typeof adjusted !== 'number') return setOutcome({ intent: 'error', text: callsText(locale, 'needNumber') });
    if (adjust.note.trim() === '') return setOutcome({ intent: 'error', text: callsText(locale, 'needNote') });
    await busyWhile(async () => {
      await appendCall(port, adjustmentOf(latest, adjusted, adjust.note, momentSerial(now()), viewer.trim() || undefined), {
        locale,
        portable,
      });
      await load();
      setAdjust({ rep, adjusted: '', note: '' });
      setOutcome({ intent: 'success', text: callsText(locale, 'adjustedWritten', { rep, commit: adjusted }) });
    });
  }

  return {
    data,
    summary,
    reps,
    viewer,
    setViewer,
    scope,
    setScope,
    call,
    setCall,
    adjust,
    setAdjust,
    busy,
    outcome,
    submit,
    saveAdjustment,
  };
}
