/** Labelled inputs the steps share: a date field (day serials) and a number field that keeps what was typed. */
import { Field, Input, makeStyles } from '@fluentui/react-components';
import type { Locale } from '../../core';
import { readTypedNumber } from '../typedNumber';
import { isoOrEmpty, numberText, serialOrNull } from './format';
import { wizardText } from './strings';

const useStyles = makeStyles({
  input: { minWidth: 0, width: '100%' },
});

export interface DateFieldProps {
  readonly label: string;
  readonly value: number | null;
  readonly onChange: (serial: number | null) => void;
  readonly error?: string;
  readonly required?: boolean;
}

export function DateField({ label, value, onChange, error, required }: DateFieldProps) {
  const styles = useStyles();
  return (
    <Field label={label} required={required} validationState={error ? 'error' : 'none'} validationMessage={error}>
      <Input className={styles.input} type="date" value={isoOrEmpty(value)} onChange={(_e, data) => onChange(serialOrNull(data.value))} />
    </Field>
  );
}

export interface NumberFieldProps {
  readonly locale: Locale;
  readonly label: string;
  readonly value: number | null | undefined;
  /** What the user typed, when it differs from `value`'s text (kept in the wizard state). */
  readonly raw: string | undefined;
  readonly onChange: (value: number | null, text: string) => void;
  readonly error?: string;
  readonly hint?: string;
}

/** A number field: `18%` means 0.18; an unreadable entry stays visible with an error instead of being dropped. */
export function NumberField({ locale, label, value, raw, onChange, error, hint }: NumberFieldProps) {
  const styles = useStyles();
  const text = numberText(raw, value);
  const invalid = readTypedNumber(text) === undefined;
  const message = invalid ? wizardText(locale, 'notANumber') : error;
  return (
    <Field label={label} hint={hint} validationState={message ? 'error' : 'none'} validationMessage={message}>
      <Input
        className={styles.input}
        inputMode="decimal"
        value={text}
        onChange={(_e, data) => onChange(readTypedNumber(data.value) ?? null, data.value)}
      />
    </Field>
  );
}

/** Whether a raw number text is unreadable (and so blocks its step). */
export const isInvalidNumber = (text: string): boolean => readTypedNumber(text) === undefined;
