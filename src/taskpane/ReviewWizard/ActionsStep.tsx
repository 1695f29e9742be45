/** Step 4 改进措施: actions linked to findings, each checked for SMART before anything can be written. */
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import type { Action, Finding, Locale, SmartIssue } from '../../core';
import { ActionCard } from './ActionCard';
import type { WizardAction } from './state';
import { wizardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ActionsStepProps {
  readonly locale: Locale;
  readonly actions: readonly Action[];
  readonly findings: readonly Finding[];
  readonly issues: readonly SmartIssue[];
  readonly raw: Readonly<Record<string, string>>;
  readonly dispatch: Dispatch<WizardAction>;
}

export function ActionsStep({ locale, actions, findings, issues, raw, dispatch }: ActionsStepProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>{wizardText(locale, 'actionsIntro')}</Body1>
      {actions.length === 0 && <Body1 className={styles.muted}>{wizardText(locale, 'noActions')}</Body1>}
      {actions.map((action, i) => (
        <ActionCard
          key={action.id}
          locale={locale}
          action={action}
          index={i}
          findings={findings}
          issues={issues.filter((issue) => issue.actionId === action.id)}
          raw={raw}
          dispatch={dispatch}
        />
      ))}
      <Button onClick={() => dispatch({ type: 'addAction' })}>{wizardText(locale, 'addAction')}</Button>
    </div>
  );
}
