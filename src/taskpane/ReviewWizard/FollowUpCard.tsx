/**
 * One open action of an earlier review (from 表3): its status, and what the manager records now —
 * actual completion date, quality and, once complete, the metric before/after for 效果评估.
 */
import { Badge, type BadgeProps, Caption1, Card, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { type Dispatch, useId } from 'react';
import { type FollowUpEdit, type FollowUpItem, type FollowUpStatus, type Locale, followUpProblem } from '../../core';
import { DateField, NumberField } from './fields';
import { isoOrEmpty } from './format';
import type { WizardAction } from './state';
import { type WizardStringKey, wizardText } from './strings';

const QUALITY_KEYS: readonly WizardStringKey[] = ['excellent', 'good', 'fair', 'poor'];

const useStyles = makeStyles({
  card: { minWidth: 0 },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { overflowWrap: 'anywhere', minWidth: 0 },
  badge: { flexShrink: 0 },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
});

function statusBadge(locale: Locale, status: FollowUpStatus): { readonly text: string; readonly color: BadgeProps['color'] } {
  switch (status.kind) {
    case 'onTime':
      return { text: wizardText(locale, 'statusOnTime'), color: 'success' };
    case 'late':
      return { text: wizardText(locale, 'statusLate', { days: status.days }), color: 'warning' };
    case 'overdue':
      return { text: wizardText(locale, 'statusOverdue', { days: status.days }), color: 'danger' };
    case 'open':
      return { text: wizardText(locale, 'statusOpen'), color: 'informative' };
  }
}

/** The edit for an item: what was recorded, else what the sheet holds. */
export function editFor(item: FollowUpItem, edits: readonly FollowUpEdit[]): FollowUpEdit {
  return edits.find((e) => e.row === item.row) ?? { row: item.row, actual: item.actual, quality: item.quality };
}

export interface FollowUpCardProps {
  readonly locale: Locale;
  readonly item: FollowUpItem;
  readonly edit: FollowUpEdit;
  readonly raw: Readonly<Record<string, string>>;
  readonly dispatch: Dispatch<WizardAction>;
}

/** Once the action is done: the effect's metric, before and after, its direction and the change aimed for. */
function EffectFields({ locale, item, edit, raw, dispatch }: FollowUpCardProps) {
  const styles = useStyles();
  const update = (patch: Partial<Omit<FollowUpEdit, 'row'>>) => dispatch({ type: 'setFollowUp', edit: { ...edit, ...patch } });
  const numberField = (key: 'before' | 'after' | 'goalChange') => {
    const rawKey = `followUp.${item.row}.${key}`;
    return (
      <NumberField
        locale={locale}
        label={wizardText(locale, key)}
        value={edit[key]}
        raw={raw[rawKey]}
        onChange={(value, text) => {
          dispatch({ type: 'setRaw', key: rawKey, text });
          update({ [key]: value });
        }}
      />
    );
  };
  const metricProblem = followUpProblem(edit)?.[locale];
  return (
    <>
      <Field
        label={wizardText(locale, 'effectMetric')}
        validationState={metricProblem ? 'error' : 'none'}
        validationMessage={metricProblem}
      >
        <Input value={edit.metric ?? ''} onChange={(_e, data) => update({ metric: data.value })} />
      </Field>
      <div className={styles.row}>
        {numberField('before')}
        {numberField('after')}
      </div>
      <div className={styles.row}>
        <Field label={wizardText(locale, 'direction')}>
          <Select
            value={edit.direction ?? 'higher'}
            onChange={(_e, data) => update({ direction: data.value === 'lower' ? 'lower' : 'higher' })}
          >
            <option value="higher">{wizardText(locale, 'higherBetter')}</option>
            <option value="lower">{wizardText(locale, 'lowerBetter')}</option>
          </Select>
        </Field>
        {numberField('goalChange')}
      </div>
    </>
  );
}

export function FollowUpCard({ locale, item, edit, raw, dispatch }: FollowUpCardProps) {
  const styles = useStyles();
  const id = useId();
  const badge = statusBadge(locale, item.status);
  const update = (patch: Partial<Omit<FollowUpEdit, 'row'>>) => dispatch({ type: 'setFollowUp', edit: { ...edit, ...patch } });
  const qualities = QUALITY_KEYS.map((key) => wizardText(locale, key));
  const completed = edit.actual !== null;
  const meta = [
    wizardText(locale, 'plannedOn', { owner: item.owner, date: isoOrEmpty(item.planned) }),
    item.reviewId ? wizardText(locale, 'fromReview', { id: item.reviewId }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card className={styles.card} role="group" aria-labelledby={`${id}-title`} data-row={item.row}>
      <div className={styles.header}>
        <Subtitle2 as="h3" id={`${id}-title`} className={styles.title}>
          {item.action}
        </Subtitle2>
        <Badge className={styles.badge} appearance="tint" color={badge.color}>
          {badge.text}
        </Badge>
      </div>
      <Caption1 className={styles.meta}>{meta}</Caption1>
      <div className={styles.row}>
        <DateField label={wizardText(locale, 'actualDate')} value={edit.actual} onChange={(actual) => update({ actual })} />
        <Field label={wizardText(locale, 'quality')}>
          <Select value={edit.quality} onChange={(_e, data) => update({ quality: data.value })}>
            <option value="">{wizardText(locale, 'qualityNone')}</option>
            {edit.quality !== '' && !qualities.includes(edit.quality) && <option value={edit.quality}>{edit.quality}</option>}
            {qualities.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {completed && <EffectFields locale={locale} item={item} edit={edit} raw={raw} dispatch={dispatch} />}
    </Card>
  );
}
