/**
 * 模板 Templates: one card per template sheet with its purpose and columns, and an Insert button.
 * Insertion goes through the WorkbookPort; the result or a failure shows in a MessageBar.
 */
import { Body1, Button, Caption1, Card, CardHeader, Dropdown, Option, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { LOCALES, type Locale, TEMPLATES, type TemplateSpec, sourceLabel } from '../../core';
import { CHANGE_LABELS } from '../../workbook/changeLabels';
import { insertTemplateWithUses } from '../../workbook/insertTemplate';
import { useChangeLabel } from '../changeContext';
import { reasonOf, paneText } from '../strings';
import { type Outcome, OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { useWorkbook } from '../workbookContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  card: { minWidth: 0 },
  columns: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  language: { minWidth: '0', maxWidth: '100%' },
});

export interface TemplateGalleryProps {
  /** The pane's language (labels); the sheet language is chosen separately. */
  readonly locale: Locale;
  /** Initial sample-rows and portable-formulas switches (the remembered settings). */
  readonly defaults?: { readonly samples?: boolean; readonly portable?: boolean };
  /** Called when either switch changes, so the choice is remembered as the new default. */
  readonly onDefaultsChange?: (defaults: { readonly samples: boolean; readonly portable: boolean }) => void;
}

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** One template: its name, source, purpose and columns, and its Insert button. */
function TemplateCard({
  locale,
  spec,
  busy,
  onInsert,
}: {
  readonly locale: Locale;
  readonly spec: TemplateSpec;
  readonly busy: string | null;
  readonly onInsert: () => void;
}) {
  const styles = useStyles();
  return (
    <Card className={styles.card} data-template={spec.id}>
      <CardHeader
        header={<Text weight="semibold">{spec.sheetName[locale]}</Text>}
        description={<Caption1>{`${paneText(locale, 'source')}: ${sourceLabel(spec.source, locale)}`}</Caption1>}
      />
      <Body1>{spec.purpose[locale]}</Body1>
      <Caption1
        className={styles.columns}
      >{`${paneText(locale, 'columns')}: ${spec.columns.map((c) => c.label[locale]).join(' · ')}`}</Caption1>
      <Button
        appearance="primary"
        // Focusable while busy: a disabled button would drop keyboard focus to the page.
        disabledFocusable={busy !== null}
        onClick={onInsert}
        aria-label={`${paneText(locale, 'insert')} ${spec.sheetName[locale]}`}
      >
        {busy === spec.id ? paneText(locale, 'inserting') : paneText(locale, 'insert')}
      </Button>
    </Card>
  );
}

export function TemplateGallery({ locale, defaults, onDefaultsChange }: TemplateGalleryProps) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [sheetLocale, setSheetLocale] = useState<Locale>(locale);
  const [samples, setSamples] = useState(defaults?.samples ?? true);
  const [portable, setPortable] = useState(defaults?.portable ?? false);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const labelChange = useChangeLabel();

  async function insert(spec: TemplateSpec) {
    setBusy(spec.id);
    setOutcome(null);
    try {
      await labelChange(CHANGE_LABELS.template(spec.sheetName[sheetLocale]));
      const inserted = await insertTemplateWithUses(workbook, spec, { locale: sheetLocale, samples, portable });
      const text = paneText(locale, 'inserted', { sheet: inserted.sheetName, table: inserted.tableName });
      const also = inserted.alsoInserted.map((sheet) => `“${sheet}”`).join(locale === 'zh-CN' ? '、' : ', ');
      const notices = (inserted.notices ?? []).map((notice) => notice[locale]);
      const said = also === '' ? text : `${text} ${paneText(locale, 'insertedWithUses', { sheets: also })}`;
      setOutcome({ intent: notices.length > 0 ? 'warning' : 'success', text: [said, ...notices].join(' ') });
    } catch (error) {
      setOutcome({
        intent: 'error',
        text: paneText(locale, 'insertFailed', { template: spec.sheetName[locale], reason: reasonOf(error) }),
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={styles.root} aria-label={paneText(locale, 'templatesTab')}>
      <div className={styles.options}>
        <label>
          <Caption1>{paneText(locale, 'language')}</Caption1>
          <Dropdown
            className={styles.language}
            value={LANGUAGE_NAMES[sheetLocale]}
            selectedOptions={[sheetLocale]}
            onOptionSelect={(_e, data) => data.optionValue && setSheetLocale(data.optionValue as Locale)}
          >
            {LOCALES.map((l) => (
              <Option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </Option>
            ))}
          </Dropdown>
        </label>
        <Switch
          checked={samples}
          onChange={(_e, data) => {
            setSamples(data.checked);
            onDefaultsChange?.({ samples: data.checked, portable });
          }}
          label={paneText(locale, 'withSamples')}
        />
        <Switch
          checked={portable}
          onChange={(_e, data) => {
            setPortable(data.checked);
            onDefaultsChange?.({ samples, portable: data.checked });
          }}
          label={paneText(locale, 'portable')}
        />
      </div>
      <OutcomeBanner outcome={outcome} />
      {TEMPLATES.map((spec) => (
        <TemplateCard key={spec.id} locale={locale} spec={spec} busy={busy} onInsert={() => void insert(spec)} />
      ))}
    </section>
  );
}
