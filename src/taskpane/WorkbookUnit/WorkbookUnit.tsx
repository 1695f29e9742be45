/**
 * 金额单位 on the Settings tab: the one money unit of this workbook (工作簿设置), which 目标分解,
 * every import and the review share. Saving names the sheets still written in another unit.
 */
import { Button, Caption1, Field, Select, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useId } from 'react';
import { type Locale, moneyUnitLabel, parseMoneyUnit } from '../../core';
import { MoneyUnitOptions } from '../MoneyUnitOptions/MoneyUnitOptions';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { unitText } from './strings';
import { useUnitStyles } from './styles';
import { useWorkbookUnit } from './useWorkbookUnit';

export function WorkbookUnit({ locale }: { readonly locale: Locale }) {
  const styles = useUnitStyles();
  const id = useId();
  const { units, choice, setChoice, busy, outcome, save } = useWorkbookUnit(locale);
  const fromHeaders = units && !units.said ? units.headers[0]?.unit : undefined;
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`}>
      <Subtitle2 as="h2" id={`${id}-title`}>
        {unitText(locale, 'title')}
      </Subtitle2>
      {units === null ? (
        <Spinner size="tiny" label={unitText(locale, 'reading')} />
      ) : (
        <>
          <Field label={unitText(locale, 'title')} hint={unitText(locale, 'hint')}>
            <Select value={choice ? moneyUnitLabel(choice, 'en-US') : ''} onChange={(_e, d) => setChoice(parseMoneyUnit(d.value))}>
              {!choice && <option value="">{unitText(locale, 'notSaid')}</option>}
              <MoneyUnitOptions locale={locale} />
            </Select>
          </Field>
          {fromHeaders && (
            <Caption1 className={styles.muted}>{unitText(locale, 'fromHeaders', { unit: moneyUnitLabel(fromHeaders, locale) })}</Caption1>
          )}
          <div className={styles.row}>
            <Button disabledFocusable={busy || !choice} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => void save()}>
              {busy ? unitText(locale, 'saving') : unitText(locale, 'save')}
            </Button>
          </div>
          {outcome && <OutcomeBanner outcome={outcome} />}
        </>
      )}
    </section>
  );
}
