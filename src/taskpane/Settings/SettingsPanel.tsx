/** 设置 Settings: pane language (automatic or chosen) and the template defaults, remembered per user. */
import { Caption1, MessageBar, MessageBarBody, Radio, RadioGroup, Field, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core';
import type { HostSupport } from '../../workbook/port';
import { paneText } from '../strings';
import type { LanguageSetting, Settings } from './store';
import { settingsText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  limits: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** Language names are shown in their own language, so anyone can find theirs. */
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', 'en-US': 'English' };

export interface SettingsPanelProps {
  /** The pane's language now. */
  readonly locale: Locale;
  /** The language `auto` means here (from Office's display language). */
  readonly automatic: Locale;
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
  /** False when the last save failed (storage blocked). */
  readonly saved?: boolean;
  /** Whether the host passes its theme (Excel). */
  readonly themeFollowsOffice?: boolean;
  /** What this host can do (Excel: its API level and what is missing here). */
  readonly support?: HostSupport;
}

export function SettingsPanel({
  locale,
  automatic,
  settings,
  onChange,
  saved = true,
  themeFollowsOffice = false,
  support,
}: SettingsPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={paneText(locale, 'settingsTab')}>
      <Field label={settingsText(locale, 'paneLanguage')}>
        <RadioGroup value={settings.language} onChange={(_e, data) => onChange({ ...settings, language: data.value as LanguageSetting })}>
          <Radio value="auto" label={settingsText(locale, 'auto', { current: LANGUAGE_NAMES[automatic] })} />
          <Radio value="zh-CN" label={LANGUAGE_NAMES['zh-CN']} lang="zh-CN" />
          <Radio value="en-US" label={LANGUAGE_NAMES['en-US']} lang="en-US" />
        </RadioGroup>
      </Field>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{settingsText(locale, 'defaults')}</legend>
        <Switch
          checked={settings.samples}
          onChange={(_e, data) => onChange({ ...settings, samples: data.checked })}
          label={settingsText(locale, 'samples')}
        />
        <Switch
          checked={settings.portable}
          onChange={(_e, data) => onChange({ ...settings, portable: data.checked })}
          label={settingsText(locale, 'portable')}
        />
      </fieldset>
      {themeFollowsOffice && <Caption1 className={styles.note}>{settingsText(locale, 'theme')}</Caption1>}
      {support && (
        <section className={styles.group} aria-label={settingsText(locale, 'support')}>
          <Caption1 className={styles.note}>{support.summary[locale]}</Caption1>
          {support.limits.length > 0 && (
            <ul className={styles.limits}>
              {support.limits.map((limit) => (
                <li key={limit['en-US']}>
                  <Caption1>{limit[locale]}</Caption1>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {saved ? (
        <Caption1 className={styles.note}>{settingsText(locale, 'remembered')}</Caption1>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{settingsText(locale, 'notSaved')}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
