/** One 问题 → 影响 → 原因 row of step 3, with cause suggestions for its dimension as clickable chips. */
import { Badge, Button, Caption1, Card, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import { type Finding, type Locale, type Severity, causeSuggestions, dimensionLabel } from '../../core';
import { DIMENSION_KEYS } from '../../core';
import { CardHeading } from './CardHeading';
import { type FindingPatch, type WizardAction } from './state';
import { wizardText } from './strings';

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

const useStyles = makeStyles({
  card: { minWidth: 0 },
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1 },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  chip: { minWidth: 0, maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Adds a suggested cause to what is there (the documents join causes with ,). */
function withCause(current: string, cause: string): string {
  const trimmed = current.trim();
  if (trimmed === '') return cause;
  if (trimmed.split(/[,,;;]/).some((part) => part.trim() === cause)) return current;
  return `${trimmed},${cause}`;
}

export interface FindingCardProps {
  readonly locale: Locale;
  readonly finding: Finding;
  readonly index: number;
  readonly dispatch: Dispatch<WizardAction>;
}

/** Causes often found for the dimension, one click each to add to the finding's cause. */
function CauseSuggestions({
  locale,
  dimension,
  onPick,
}: {
  readonly locale: Locale;
  readonly dimension: Finding['dimension'];
  readonly onPick: (cause: string) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const suggestions = causeSuggestions(dimension);
  if (suggestions.length === 0) return null;
  return (
    <div role="group" aria-labelledby={`${id}-causes`}>
      <Caption1 id={`${id}-causes`} className={styles.muted}>
        {wizardText(locale, 'causeSuggestions')}
      </Caption1>
      <div className={styles.chips}>
        {suggestions.map((suggestion) => {
          const cause = suggestion[locale];
          return (
            <Button
              key={cause}
              className={styles.chip}
              size="small"
              shape="circular"
              appearance="outline"
              aria-label={wizardText(locale, 'addCause', { cause })}
              onClick={() => onPick(cause)}
            >
              {cause}
            </Button>
          );
        })}
      </div>
    </div>
  );
}

export function FindingCard({ locale, finding, index, dispatch }: FindingCardProps) {
  const styles = useStyles();
  const id = useId();
  const n = index + 1;
  const update = (patch: FindingPatch) => dispatch({ type: 'updateFinding', id: finding.id, patch });
  const problemMissing = finding.problem.trim() === '';
  return (
    <Card className={styles.card} role="group" aria-labelledby={`${id}-title`} data-finding={finding.id}>
      <CardHeading
        id={`${id}-title`}
        title={wizardText(locale, 'findingN', { n })}
        badge={
          <Badge appearance="tint" color={finding.origin === 'rule' ? 'brand' : 'informative'}>
            {wizardText(locale, finding.origin === 'rule' ? 'proposed' : 'manual')}
          </Badge>
        }
        deleteLabel={wizardText(locale, 'deleteFinding', { n })}
        onDelete={() => dispatch({ type: 'removeFinding', id: finding.id })}
      />
      <div className={styles.row}>
        <Field label={wizardText(locale, 'dimension')}>
          <Select value={finding.dimension} onChange={(_e, data) => update({ dimension: data.value as Finding['dimension'] })}>
            {DIMENSION_KEYS.map((d) => (
              <option key={d} value={d}>
                {dimensionLabel(d, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={wizardText(locale, 'severity')}>
          <Select value={finding.severity} onChange={(_e, data) => update({ severity: data.value as Severity })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {wizardText(locale, s)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label={wizardText(locale, 'problem')}
        required
        validationState={problemMissing ? 'error' : 'none'}
        validationMessage={problemMissing ? wizardText(locale, 'problemRequired') : undefined}
      >
        <Textarea resize="vertical" value={finding.problem} onChange={(_e, data) => update({ problem: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'impact')}>
        <Input value={finding.impact} onChange={(_e, data) => update({ impact: data.value })} />
      </Field>
      <Field label={wizardText(locale, 'cause')}>
        <Textarea resize="vertical" value={finding.cause} onChange={(_e, data) => update({ cause: data.value })} />
      </Field>
      <CauseSuggestions
        locale={locale}
        dimension={finding.dimension}
        onPick={(cause) => update({ cause: withCause(finding.cause, cause) })}
      />
    </Card>
  );
}
