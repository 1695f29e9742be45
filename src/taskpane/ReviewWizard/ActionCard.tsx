/**
 * One improvement action of step 4: linked finding, task, owner, dates, output, resources, target
 * metric and value. Each SMART issue from `checkSmart` shows on its own field.
 */
import { Button, Card, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import type { Action, Finding, Locale, SmartField, SmartIssue } from '../../core';
import { DateField, NumberField } from './fields';
import type { ActionPatch, WizardAction } from './state';
import { wizardText } from './strings';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1 },
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

export function ActionCard({ locale, action, index, findings, issues, raw, dispatch }: ActionCardProps) {
  const styles = useStyles();
  const id = useId();
  const n = index + 1;
  const update = (patch: ActionPatch) => dispatch({ type: 'updateAction', id: action.id, patch });
  const issueFor = (field: SmartField) => {
    const messages = issues.filter((i) => i.field === field).map((i) => i.message[locale]);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const state = (message: string | undefined) => (message ? ('error' as const) : ('none' as const));
  // A missing measurable target is the metric's fault when it has no name, else the value's.
  const targetIssue = issueFor('target');
  const metricIssue = targetIssue && action.metric.trim() === '' ? targetIssue : undefined;
  const valueIssue = targetIssue && !metricIssue ? targetIssue : undefined;
  const findingIssue = issueFor('finding');
  const taskIssue = issueFor('task');
  const ownerIssue = issueFor('owner');
  const rawKey = `${action.id}.targetValue`;
  return (
    <Card className={styles.card} role="group" aria-labelledby={`${id}-title`} data-action={action.id}>
      <div className={styles.header}>
        <Subtitle2 as="h3" id={`${id}-title`} className={styles.title}>
          {wizardText(locale, 'actionN', { n })}
        </Subtitle2>
        <Button
          size="small"
          appearance="subtle"
          aria-label={wizardText(locale, 'deleteAction', { n })}
          onClick={() => dispatch({ type: 'removeAction', id: action.id })}
        >
          ✕
        </Button>
      </div>
      <Field label={wizardText(locale, 'linkedFinding')} required validationState={state(findingIssue)} validationMessage={findingIssue}>
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
      <Field label={wizardText(locale, 'task')} required validationState={state(taskIssue)} validationMessage={taskIssue}>
        <Input value={action.task} onChange={(_e, data) => update({ task: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'owner')} required validationState={state(ownerIssue)} validationMessage={ownerIssue}>
        <Input value={action.owner} onChange={(_e, data) => update({ owner: data.value })} />
      </Field>
      <div className={styles.row}>
        <DateField
          label={wizardText(locale, 'start')}
          value={action.start}
          error={issueFor('start')}
          onChange={(start) => update({ start })}
        />
        <DateField
          label={wizardText(locale, 'due')}
          required
          value={action.due}
          error={issueFor('due')}
          onChange={(due) => update({ due })}
        />
      </div>
      <Field label={wizardText(locale, 'output')}>
        <Input value={action.output} onChange={(_e, data) => update({ output: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'resources')}>
        <Input value={action.resources} onChange={(_e, data) => update({ resources: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field label={wizardText(locale, 'targetMetric')} required validationState={state(metricIssue)} validationMessage={metricIssue}>
          <Input value={action.metric} onChange={(_e, data) => update({ metric: data.value })} />
        </Field>
        <NumberField
          locale={locale}
          label={wizardText(locale, 'targetValue')}
          value={action.targetValue}
          raw={raw[rawKey]}
          error={valueIssue}
          onChange={(targetValue, text) => {
            dispatch({ type: 'setRaw', key: rawKey, text });
            update({ targetValue, targetText: text });
          }}
        />
      </div>
    </Card>
  );
}
