import {
  FluentProvider,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useRef, useState } from 'react';
import type { Locale } from '../../core';
import type { Bilingual, WorkbookFiles } from '../../workbook/files';
import type { WorkbookPort } from '../../workbook/port';
import { fileText } from '../FilePanel/strings';
import { SaveStatus } from '../SaveStatus/SaveStatus';
import { OverdueActions } from '../OverdueActions/OverdueActions';
import type { GoalForm } from '../GoalBreakdown/form';
import { TemplateGallery } from '../TemplateGallery/TemplateGallery';
import { type Settings, type SettingsStore, createMemorySettingsStore, effectiveLocale } from '../Settings/store';
import { paneText } from '../strings';
import { FilesContext } from '../changeContext';
import { WorkbookContext } from '../workbookContext';

// The pane opens on Templates; every other section is its own chunk, loaded when its tab is first
// chosen, so the Excel pane's initial JavaScript stays within budget (npm run bench).
const GoalBreakdown = lazy(() => import('../GoalBreakdown/GoalBreakdown').then((m) => ({ default: m.GoalBreakdown })));
const ForecastCalls = lazy(() => import('../ForecastCalls/ForecastCalls').then((m) => ({ default: m.ForecastCalls })));
const ReviewWizard = lazy(() => import('../ReviewWizard/ReviewWizard').then((m) => ({ default: m.ReviewWizard })));
const FunctionGuide = lazy(() => import('../FunctionGuide/FunctionGuide').then((m) => ({ default: m.FunctionGuide })));
const DealImport = lazy(() => import('../DealImport/DealImport').then((m) => ({ default: m.DealImport })));
const FilePanel = lazy(() => import('../FilePanel/FilePanel').then((m) => ({ default: m.FilePanel })));
const SettingsPanel = lazy(() => import('../Settings/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));
const WorkbookUnit = lazy(() => import('../WorkbookUnit/WorkbookUnit').then((m) => ({ default: m.WorkbookUnit })));

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    minHeight: '100%',
    overflowX: 'hidden',
  },
  // Tabs wrap onto a second line rather than scroll sideways in a narrow (320 px) pane.
  tabs: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});

export interface AppProps {
  /** The language the pane uses on `auto`: from Office's display language (Excel) or `?lang`/the browser (web host). */
  readonly locale: Locale;
  readonly workbook: WorkbookPort;
  /** Excel passes the Office theme; the web host is light. */
  readonly theme?: 'light' | 'dark';
  /** Where settings are remembered; without one they last until the pane closes. */
  readonly settingsStore?: SettingsStore;
  /** The workbook as a file (web host): save state in the header and a File tab. Excel passes none. */
  readonly files?: WorkbookFiles;
  /** Why the workbook is not being saved, when the host could not set up `files`. */
  readonly filesProblem?: Bilingual;
  /** The tab to open on (the web host opens on File when the stored workbook could not be shown). */
  readonly initialTab?: string;
}

/** The task pane, the same in Excel and in the web host's side panel. Add a section: a lazy import, one `<Tab>` and one render line. */
export function App({ locale: automatic, workbook, theme, settingsStore, files, filesProblem, initialTab }: AppProps) {
  const styles = useStyles();
  const [store] = useState(() => settingsStore ?? createMemorySettingsStore());
  const [settings, setSettings] = useState<Settings>(() => store.load());
  const [saved, setSaved] = useState(true);
  const [tab, setTab] = useState<string>(initialTab ?? 'templates');
  // The goal form outlives a visit to another tab.
  const goalForm = useRef<GoalForm | undefined>(undefined);
  const locale = effectiveLocale(settings.language, automatic);

  const update = (next: Settings) => {
    setSettings(next);
    setSaved(store.save(next));
  };

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      <WorkbookContext.Provider value={workbook}>
        <FilesContext.Provider value={files}>
          <main className={styles.root} lang={locale}>
            <Subtitle1 as="h1">{paneText(locale, 'appTitle')}</Subtitle1>
            <SaveStatus locale={locale} files={files} problem={filesProblem} />
            <OverdueActions locale={locale} />
            <TabList
              className={styles.tabs}
              selectedValue={tab}
              onTabSelect={(_e, data) => setTab(String(data.value))}
              aria-label={paneText(locale, 'sections')}
            >
              <Tab value="templates">{paneText(locale, 'templatesTab')}</Tab>
              <Tab value="goals">{paneText(locale, 'goalsTab')}</Tab>
              <Tab value="calls">{paneText(locale, 'callsTab')}</Tab>
              <Tab value="import">{paneText(locale, 'importTab')}</Tab>
              <Tab value="review">{paneText(locale, 'reviewTab')}</Tab>
              <Tab value="functions">{paneText(locale, 'functionsTab')}</Tab>
              {files && <Tab value="file">{fileText(locale, 'fileTab')}</Tab>}
              <Tab value="settings">{paneText(locale, 'settingsTab')}</Tab>
            </TabList>
            <Suspense fallback={<Spinner size="small" label={paneText(locale, 'loading')} />}>
              {tab === 'templates' && (
                <TemplateGallery
                  locale={locale}
                  defaults={settings}
                  onDefaultsChange={(defaults) => update({ ...settings, ...defaults })}
                />
              )}
              {tab === 'goals' && (
                <GoalBreakdown
                  locale={locale}
                  portable={settings.portable}
                  initial={goalForm.current}
                  onFormChange={(form) => (goalForm.current = form)}
                />
              )}
              {tab === 'calls' && <ForecastCalls locale={locale} portable={settings.portable} />}
              {tab === 'import' && <DealImport locale={locale} portable={settings.portable} />}
              {tab === 'review' && <ReviewWizard locale={locale} portable={settings.portable} />}
              {tab === 'functions' && <FunctionGuide locale={locale} />}
              {tab === 'file' && files && <FilePanel locale={locale} files={files} />}
              {tab === 'settings' && (
                <>
                  <SettingsPanel
                    locale={locale}
                    automatic={automatic}
                    settings={settings}
                    onChange={update}
                    saved={saved}
                    themeFollowsOffice={theme !== undefined}
                    {...(workbook?.support ? { support: workbook.support } : {})}
                  />
                  <WorkbookUnit locale={locale} />
                </>
              )}
            </Suspense>
          </main>
        </FilesContext.Provider>
      </WorkbookContext.Provider>
    </FluentProvider>
  );
}
