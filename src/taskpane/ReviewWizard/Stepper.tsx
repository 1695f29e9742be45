/**
 * The wizard's header: five numbered step buttons (the current one marked `aria-current="step"`),
 * and the step title, which takes focus on every step change so screen readers announce it.
 */
import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Locale } from '../../core';
import { type WizardStringKey, wizardText } from './strings';

export const STEP_KEYS: readonly WizardStringKey[] = ['stepData', 'stepProcess', 'stepDiagnosis', 'stepActions', 'stepFollowUp'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  item: { display: 'flex', alignItems: 'center', flexGrow: 1, minWidth: 0, ':last-child': { flexGrow: 0 } },
  line: {
    flexGrow: 1,
    height: tokens.strokeWidthThin,
    backgroundColor: tokens.colorNeutralStroke2,
    marginLeft: tokens.spacingHorizontalXS,
  },
  lineDone: { backgroundColor: tokens.colorBrandStroke1 },
  dot: { minWidth: '32px', width: '32px', height: '32px', padding: 0, borderRadius: tokens.borderRadiusCircular, flexShrink: 0 },
  title: {
    ...typographyStyles.subtitle2,
    margin: 0,
    outlineStyle: 'none',
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2 },
  },
});

export interface StepperProps {
  readonly locale: Locale;
  readonly step: number;
  /** The furthest step reachable (every step before it is free of blocking errors). */
  readonly reachable: number;
  readonly onGoTo: (step: number) => void;
}

export function Stepper({ locale, step, reachable, onGoTo }: StepperProps) {
  const styles = useStyles();
  const title = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    title.current?.focus();
  }, [step]);
  const name = (i: number) => wizardText(locale, STEP_KEYS[i] ?? 'stepData');
  return (
    <div className={styles.root}>
      <nav aria-label={wizardText(locale, 'steps')}>
        <ol className={styles.list}>
          {STEP_KEYS.map((_key, i) => (
            <li key={i} className={styles.item}>
              <Button
                className={styles.dot}
                shape="circular"
                size="small"
                appearance={i === step ? 'primary' : i < step ? 'outline' : 'subtle'}
                aria-current={i === step ? 'step' : undefined}
                aria-label={wizardText(locale, 'stepButton', { n: i + 1, name: name(i) })}
                title={name(i)}
                disabledFocusable={i > reachable}
                onClick={() => i !== step && onGoTo(i)}
              >
                {i + 1}
              </Button>
              {i < STEP_KEYS.length - 1 && <span aria-hidden className={mergeClasses(styles.line, i < step && styles.lineDone)} />}
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={title} tabIndex={-1} className={styles.title} aria-live="polite">
        {wizardText(locale, 'stepOf', { n: step + 1, total: STEP_KEYS.length, name: name(step) })}
      </h2>
    </div>
  );
}
