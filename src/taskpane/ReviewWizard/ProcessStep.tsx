/** Step 2 过程评估: the four areas of source 000 (流程, 团队, 客户, 市场; docs/DOMAIN.md §1), each with evidence from step 1 and a note. */
import { Caption1, Card, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import { AREA_LABELS, type AreaEvaluation, type Locale } from '../../core';
import type { WizardAction } from './state';
import { wizardText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  card: { minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ProcessStepProps {
  readonly locale: Locale;
  readonly areas: readonly AreaEvaluation[];
  readonly dispatch: Dispatch<WizardAction>;
}

export function ProcessStep({ locale, areas, dispatch }: ProcessStepProps) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.root}>
      {areas.map(({ area, evidence, note }) => {
        const label = AREA_LABELS[area][locale];
        return (
          <Card key={area} className={styles.card} role="group" aria-labelledby={`${id}-${area}`}>
            <Subtitle2 as="h3" id={`${id}-${area}`}>
              {label}
            </Subtitle2>
            <Caption1 className={styles.muted}>{wizardText(locale, 'evidence')}</Caption1>
            {evidence.length === 0 ? (
              <Caption1 className={styles.muted}>{wizardText(locale, 'noEvidence')}</Caption1>
            ) : (
              <ul className={styles.list}>
                {evidence.map((line, i) => (
                  <li key={i} className={styles.item}>
                    <Caption1>{line}</Caption1>
                  </li>
                ))}
              </ul>
            )}
            <Field label={wizardText(locale, 'areaNote', { area: label })}>
              <Textarea resize="vertical" value={note} onChange={(_e, data) => dispatch({ type: 'setNote', area, note: data.value })} />
            </Field>
          </Card>
        );
      })}
    </div>
  );
}
