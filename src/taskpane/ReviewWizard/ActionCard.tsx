/**
 * One improvement action of step 4: linked finding, task, owner, dates, output, resources, target
 * metric and value. Each SMART issue from `checkSmart` shows on its own field.
 */
import { Card, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import type { Action, Finding, Locale, SmartField, SmartIssue } from '../../core';
import { CardHeading } from './CardHeading';
import { DateField, NumberField } from './fields';
import type { ActionPatch, WizardAction } from './state';
import { wizardText } from './strings';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  select: { minWidth: 0 },
});

/** A finding as a short option label: 问题 n · its problem. */
function findingLabel(locale: Locale, findings: readonly Finding[], finding: Finding): string {
  const n = findings.indexOf(finding) + 1;
  const problem = finding.problem.trim();
  const short = problem.length > 24 ? `${problem.slice(0, 24)}…` : problem;
  return short ? `${wizardText(locale, 'findingN', { n })} · ${short}` : wizardText(locale, 'findingN', { n });
}

export interface ActionCardProps {
  readonly locale: Locale;
  readonly action: Action;
  readonly index: number;
  readonly findings: readonly Finding[];
  readonly issues: readonly SmartIssue[];
  readonly raw: Readonly<Record<string, string>>;
  readonly dispatch: Dispatch<WizardAction>;
}

/** Each SMART issue on the field that shows it; a missing target on the metric when it has no name, else on the value. */
function issuesByField(action: Action, issues: readonly SmartIssue[], locale: Locale) {
  const issueFor = (field: SmartField) => {
    const messages = issues.filter((i) => i.field === field).map((i) => i.message[locale]);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const target = issueFor('target');
  const metric = target && action.metric.trim() === '' ? target : undefined;
  return {
    finding: issueFor('finding'),
    task: issueFor('task'),
    owner: issueFor('owner'),
    start: issueFor('start'),
    due: issueFor('due'),
    metric,
    value: target && !metric ? target : undefined,
  };
}

export function ActionCard({ locale, action, index, findings, issues, raw, dispatch }: ActionCardProps) {
  const styles = useStyles();
  const id = useId();
  const n = index + 1;
  const update = (patch: ActionPatch) => dispatch({ type: 'updateAction', id: action.id, patch });
  const issue = issuesByField(action, issues, locale);
  const state = (message: string | undefined) => (message ? ('error' as const) : ('none' as const));
  const rawKey = `${action.id}.targetValue`;
  return (
    <Card className={styles.card} role="group" aria-labelledby={`${id}-title`} data-action={action.id}>
      <CardHeading
        id={`${id}-title`}
        title={wizardText(locale, 'actionN', { n })}
        deleteLabel={wizardText(locale, 'deleteAction', { n })}
        onDelete={() => dispatch({ type: 'removeAction', id: action.id })}
      />
      <Field label={wizardText(locale, 'linkedFinding')} required validationState={state(issue.finding)} validationMessage={issue.finding}>
        <Select
          className={styles.select}
          value={action.findingId ?? ''}
          onChange={(_e, data) => update({ findingId: data.value === '' ? null : data.value })}
        >
          <option value="">{wizardText(locale, 'noFindingOption')}</option>
          {findings.map((finding) => (
            <option key={finding.id} value={finding.id}>
              {findingLabel(locale, findings, finding)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={wizardText(locale, 'task')} required validationState={state(issue.task)} validationMessage={issue.task}>
        <Input value={action.task} onChange={(_e, data) => update({ task: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'owner')} required validationState={state(issue.owner)} validationMessage={issue.owner}>
        <Input value={action.owner} onChange={(_e, data) => update({ owner: data.value })} />
      </Field>
      <div className={styles.row}>
        <DateField label={wizardText(locale, 'start')} value={action.start} error={issue.start} onChange={(start) => update({ start })} />
        <DateField label={wizardText(locale, 'due')} required value={action.due} error={issue.due} onChange={(due) => update({ due })} />
      </div>
      <Field label={wizardText(locale, 'output')}>
        <Input value={action.output} onChange={(_e, data) => update({ output: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'resources')}>
        <Input value={action.resources} onChange={(_e, data) => update({ resources: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field label={wizardText(locale, 'targetMetric')} required validationState={state(issue.metric)} validationMessage={issue.metric}>
          <Input value={action.metric} onChange={(_e, data) => update({ metric: data.value })} />
        </Field>
        <NumberField
          locale={locale}
          label={wizardText(locale, 'targetValue')}
          value={action.targetValue}
          raw={raw[rawKey]}
          error={issue.value}
          onChange={(targetValue, text) => {
            dispatch({ type: 'setRaw', key: rawKey, text });
            update({ targetValue, targetText: text });
          }}
        />
      </div>
    </Card>
  );
}
