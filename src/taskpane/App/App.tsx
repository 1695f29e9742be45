import { FluentProvider, Subtitle1, Tab, TabList, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import type { Locale } from '../../core';
import type { WorkbookPort } from '../../workbook/port';
import { FunctionList } from '../FunctionList/FunctionList';
import { TemplateGallery } from '../TemplateGallery/TemplateGallery';
import { t } from '../strings';
import { WorkbookContext } from '../workbookContext';

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
});

export interface AppProps {
  readonly locale: Locale;
  readonly workbook: WorkbookPort;
  readonly theme?: 'light' | 'dark';
}

type TabId = 'templates' | 'functions';

/** The task pane, the same in Excel and in the web host's side panel. */
export function App({ locale, workbook, theme = 'light' }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>('templates');
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      <WorkbookContext.Provider value={workbook}>
        <main className={styles.root} lang={locale}>
          <Subtitle1 as="h1">{t(locale, 'appTitle')}</Subtitle1>
          <TabList selectedValue={tab} onTabSelect={(_e, data) => setTab(data.value as TabId)}>
            <Tab value="templates">{t(locale, 'templatesTab')}</Tab>
            <Tab value="functions">{t(locale, 'functionsTab')}</Tab>
          </TabList>
          {tab === 'templates' ? <TemplateGallery locale={locale} /> : <FunctionList locale={locale} />}
        </main>
      </WorkbookContext.Provider>
    </FluentProvider>
  );
}
