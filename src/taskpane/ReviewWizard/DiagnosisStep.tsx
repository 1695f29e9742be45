/** Step 3 问题诊断: the proposed findings (from `diagnose`) and manual ones, each editable; add and delete. */
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Dispatch } from 'react';
import type { Finding, Locale } from '../../core';
import { FindingCard } from './FindingCard';
import type { WizardAction } from './state';
import { wizardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface DiagnosisStepProps {
  readonly locale: Locale;
  readonly findings: readonly Finding[];
  readonly dispatch: Dispatch<WizardAction>;
}

export function DiagnosisStep({ locale, findings, dispatch }: DiagnosisStepProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>{wizardText(locale, 'findingsIntro')}</Body1>
      {findings.length === 0 && <Body1 className={styles.muted}>{wizardText(locale, 'noFindings')}</Body1>}
      {findings.map((finding, i) => (
        <FindingCard key={finding.id} locale={locale} finding={finding} index={i} dispatch={dispatch} />
      ))}
      <Button onClick={() => dispatch({ type: 'addFinding' })}>{wizardText(locale, 'addFinding')}</Button>
    </div>
  );
}
