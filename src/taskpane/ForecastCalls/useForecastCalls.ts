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

export function useForecastCalls({ locale, portable, now }: { locale: Locale; portable: boolean; now: () => Date }) {
  const port = useWorkbook();
  const [data, setData] = useState<WorkbookData | null>(null);
  const [viewer, setViewer] = useState('');
  const [scope, setScope] = useState<DataScope>('all');
  const [call, setCall] = useState<CallForm>({ rep: '', commit: '', bestCase: '', submittedBy: '' });
  const [adjust, setAdjust] = useState<AdjustForm>({ rep: '', adjusted: '', note: '' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fail = (error: unknown) =>
    setOutcome({ intent: 'error', text: callsText(locale, 'failed', { reason: error instanceof Error ? error.message : String(error) }) });

  const load = useCallback(async () => {
    try {
      setData(await readCallData(port));
    } catch (error) {
      setData({});
      setOutcome({
        intent: 'error',
        text: callsText(locale, 'failed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    }
  }, [port, locale]);
  useEffect(() => void load(), [load]);

  const today = todaySerial(now());
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

  async function append(submission: CallSubmission): Promise<string> {
    const { locations } = await ensureTemplates(port, ['forecastCalls'], { locale, portable });
    const table = await port.readTable(locations.get('forecastCalls') as NonNullable<ReturnType<typeof locations.get>>);
    const plan = callTableWrite(submission, table, { portable });
    if (!plan.ok) throw new Error(plan.message[locale]);
    await port.writeTables([plan.write]);
    return table.sheetName;
  }

  async function submit() {
    setOutcome(null);
    const rep = call.rep.trim();
    const commit = readTypedNumber(call.commit);
    // Blank best case: none called (null); text that is no number: say so (undefined).
    const bestCase = readTypedNumber(call.bestCase);
    if (rep === '') return setOutcome({ intent: 'error', text: callsText(locale, 'needRep') });
    if (typeof commit !== 'number' || bestCase === undefined) return setOutcome({ intent: 'error', text: callsText(locale, 'needNumber') });
    setBusy(true);
    try {
      const at = now();
      const figures = registerFigures(data?.forecast, rep, today);
      // Without a 销售预测 row for the rep, the call is for this quarter.
      const period = figures ?? quarterBounds(today);
      const week = weekOf(today);
      const sheet = await append({
        rep,
        week,
        start: period.start,
        end: period.end,
        commit,
        ...(typeof bestCase === 'number' ? { bestCase } : {}),
        ...(figures?.commit !== undefined ? { systemCommit: figures.commit } : {}),
        ...(figures?.bestCase !== undefined ? { systemBestCase: figures.bestCase } : {}),
        submittedAt: momentSerial(at),
        ...(call.submittedBy.trim() !== '' ? { submittedBy: call.submittedBy.trim() } : {}),
      });
      // The list first, then the message: what it says is already shown.
      await load();
      setCall({ ...call, commit: '', bestCase: '' });
      setOutcome({ intent: 'success', text: callsText(locale, 'written', { sheet, rep, commit, week: isoFromSerial(week) }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function saveAdjustment() {
    setOutcome(null);
    const rep = adjust.rep.trim();
    const adjusted = readTypedNumber(adjust.adjusted);
    const latest = latestCalls((team?.calls.calls ?? []).filter((c) => c.rep === rep)).sort((a, b) => b.end - a.end)[0];
    if (!latest) return setOutcome({ intent: 'error', text: callsText(locale, rep === '' ? 'needRep' : 'needCall', { rep }) });
    if (typeof adjusted !== 'number') return setOutcome({ intent: 'error', text: callsText(locale, 'needNumber') });
    if (adjust.note.trim() === '') return setOutcome({ intent: 'error', text: callsText(locale, 'needNote') });
    setBusy(true);
    try {
      await append(adjustmentOf(latest, adjusted, adjust.note, momentSerial(now()), viewer.trim() || undefined));
      await load();
      setAdjust({ rep, adjusted: '', note: '' });
      setOutcome({ intent: 'success', text: callsText(locale, 'adjustedWritten', { rep, commit: adjusted }) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
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
