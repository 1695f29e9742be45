/**
 * 预测提报 in the pane, the same in every host: each rep's latest call in the chosen scope (本人 /
 * 下属 / 全部) with late and missing calls flagged, a call to submit, and the manager's adjustment
 * with its note — each a new row of 预测提报, the earlier rows kept.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useId } from 'react';
import { DATA_SCOPES, type DataScope, type Locale, formatNumber, formatPercent } from '../../core';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { TeamRollup } from '../TeamRollup/TeamRollup';
import { paneText } from '../strings';
import { callsText } from './strings';
import { useCallStyles } from './styles';
import { useForecastCalls } from './useForecastCalls';

const SCOPE_LABEL = { self: 'scopeSelf', subordinates: 'scopeSubordinates', all: 'scopeAll' } as const satisfies Record<DataScope, string>;
const num = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));
const pct = (n: number | undefined) => (n === undefined ? '—' : formatPercent(n));

export interface ForecastCallsProps {
  readonly locale: Locale;
  readonly portable: boolean;
  readonly now?: () => Date;
}

type CallsState = ReturnType<typeof useForecastCalls>;
type RepLine = NonNullable<CallsState['summary']>['reps'][number];

/** Each rep's call against the system's commit, its accuracy, and whether it came in on time. */
function CallsTable({
  locale,
  s,
  shown,
  never,
}: {
  readonly locale: Locale;
  readonly s: CallsState;
  readonly shown: readonly RepLine[];
  readonly never: readonly string[];
}) {
  const styles = useCallStyles();
  const missing = new Map((s.summary?.missing ?? []).map((m) => [m.rep, m]));
  const status = (rep: string) => {
    if (never.includes(rep)) return <span className={styles.late}>{callsText(locale, 'never')}</span>;
    const m = missing.get(rep);
    if (!m) return <span>{callsText(locale, 'onTime')}</span>;
    return (
      <span className={styles.late}>
        {m.daysSince === undefined ? callsText(locale, 'never') : callsText(locale, 'late', { days: m.daysSince })}
      </span>
    );
  };
  return s.data === null ? (
    <Spinner size="tiny" label={callsText(locale, 'reading')} />
  ) : shown.length + never.length === 0 ? (
    <Caption1 className={styles.muted}>{callsText(locale, 'none')}</Caption1>
  ) : (
    <div className={styles.scroll} role="region" aria-label={callsText(locale, 'tableLabel')} tabIndex={0}>
      <Table size="small" className={styles.table} aria-label={callsText(locale, 'tableLabel')}>
        <TableHeader>
          <TableRow>
            {(['rep', 'called', 'system', 'accuracy', 'status'] as const).map((key) => (
              <TableHeaderCell key={key} className={styles.cell}>
                {callsText(locale, key)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.rep}>
              <TableCell className={styles.cell}>{r.rep}</TableCell>
              <TableCell className={styles.cell}>
                {num(r.called)}
                {r.adjustedCommit !== undefined && (
                  <span className={styles.muted}>{callsText(locale, 'adjusted', { commit: num(r.commit) })}</span>
                )}
              </TableCell>
              <TableCell className={styles.cell}>{num(r.systemCommit)}</TableCell>
              <TableCell className={styles.cell}>{pct(r.accuracy)}</TableCell>
              <TableCell className={styles.cell}>{status(r.rep)}</TableCell>
            </TableRow>
          ))}
          {never.map((rep) => (
            <TableRow key={rep}>
              <TableCell className={styles.cell}>{rep}</TableCell>
              <TableCell className={styles.cell}>—</TableCell>
              <TableCell className={styles.cell}>—</TableCell>
              <TableCell className={styles.cell}>—</TableCell>
              <TableCell className={styles.cell}>{status(rep)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** 提交预测: a rep's (or their manager's) commit and best case. */
function SubmitCall({ locale, s }: { readonly locale: Locale; readonly s: CallsState }) {
  const styles = useCallStyles();
  const id = useId();
  return (
    <fieldset className={styles.group} aria-labelledby={`${id}-submit`}>
      <Subtitle2 as="h3" id={`${id}-submit`}>
        {callsText(locale, 'submitTitle')}
      </Subtitle2>
      <div className={styles.pair}>
        <Field label={callsText(locale, 'rep')} required>
          <Input
            className={styles.input}
            value={s.call.rep}
            list={`${id}-reps`}
            onChange={(_e, d) => s.setCall({ ...s.call, rep: d.value })}
          />
        </Field>
        <Field label={callsText(locale, 'submittedBy')}>
          <Input className={styles.input} value={s.call.submittedBy} onChange={(_e, d) => s.setCall({ ...s.call, submittedBy: d.value })} />
        </Field>
        <Field label={callsText(locale, 'commit')} required>
          <Input
            className={styles.input}
            inputMode="decimal"
            value={s.call.commit}
            onChange={(_e, d) => s.setCall({ ...s.call, commit: d.value })}
          />
        </Field>
        <Field label={callsText(locale, 'bestCase')}>
          <Input
            className={styles.input}
            inputMode="decimal"
            value={s.call.bestCase}
            onChange={(_e, d) => s.setCall({ ...s.call, bestCase: d.value })}
          />
        </Field>
      </div>
      <datalist id={`${id}-reps`}>
        {s.reps.map((rep) => (
          <option key={rep} value={rep} />
        ))}
      </datalist>
      <Button appearance="primary" disabledFocusable={s.busy} onClick={() => void s.submit()}>
        {callsText(locale, 'submit')}
      </Button>
    </fieldset>
  );
}

/** 调整预测: a manager's adjusted commit for a rep, with the reason. */
function AdjustCall({ locale, s, shown }: { readonly locale: Locale; readonly s: CallsState; readonly shown: readonly RepLine[] }) {
  const styles = useCallStyles();
  const id = useId();
  return (
    <fieldset className={styles.group} aria-labelledby={`${id}-adjust`}>
      <Subtitle2 as="h3" id={`${id}-adjust`}>
        {callsText(locale, 'adjustTitle')}
      </Subtitle2>
      <div className={styles.pair}>
        <Field label={callsText(locale, 'adjustRep')} required>
          <Select className={styles.input} value={s.adjust.rep} onChange={(_e, d) => s.setAdjust({ ...s.adjust, rep: d.value })}>
            <option value="" />
            {shown.map((r) => (
              <option key={r.rep} value={r.rep}>
                {r.rep}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={callsText(locale, 'adjustedCommit')} required>
          <Input
            className={styles.input}
            inputMode="decimal"
            value={s.adjust.adjusted}
            onChange={(_e, d) => s.setAdjust({ ...s.adjust, adjusted: d.value })}
          />
        </Field>
      </div>
      <Field label={callsText(locale, 'note')} required>
        <Input className={styles.input} value={s.adjust.note} onChange={(_e, d) => s.setAdjust({ ...s.adjust, note: d.value })} />
      </Field>
      <Button disabledFocusable={s.busy} onClick={() => void s.saveAdjustment()}>
        {callsText(locale, 'adjust')}
      </Button>
    </fieldset>
  );
}

export function ForecastCalls({ locale, portable, now = () => new Date() }: ForecastCallsProps) {
  const styles = useCallStyles();
  const s = useForecastCalls({ locale, portable, now });
  const shown = s.summary?.reps.filter((r) => s.reps.includes(r.rep)) ?? [];
  const never = s.reps.filter((rep) => !shown.some((r) => r.rep === rep));

  return (
    <section className={styles.root} aria-label={paneText(locale, 'callsTab')}>
      <Caption1>{callsText(locale, 'intro')}</Caption1>
      <div className={styles.pair}>
        <Field label={callsText(locale, 'viewer')} hint={callsText(locale, 'viewerHint')}>
          <Input className={styles.input} value={s.viewer} onChange={(_e, d) => s.setViewer(d.value)} />
        </Field>
        <Field label={callsText(locale, 'scope')}>
          <Select className={styles.input} value={s.scope} onChange={(_e, d) => s.setScope(d.value as DataScope)}>
            {DATA_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {callsText(locale, SCOPE_LABEL[scope])}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <CallsTable locale={locale} s={s} shown={shown} never={never} />

      <SubmitCall locale={locale} s={s} />

      <AdjustCall locale={locale} s={s} shown={shown} />
      <OutcomeBanner outcome={s.outcome} />
      <TeamRollup locale={locale} />
    </section>
  );
}
