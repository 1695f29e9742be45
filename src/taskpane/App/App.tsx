import { Body1, Caption1, FluentProvider, Subtitle1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { FUNCTIONS, type Locale, qualifiedName } from '../../core';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fn: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS },
  name: { fontFamily: tokens.fontFamilyMonospace },
});

export interface AppProps {
  readonly locale: Locale;
}

/** The task pane. This first version lists the SALES functions from the catalogue. */
export function App({ locale }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Subtitle1 as="h1">{locale === 'zh-CN' ? '销售复盘 · 函数' : 'Sales Review · Functions'}</Subtitle1>
        {FUNCTIONS.map((spec) => (
          <div key={spec.id} className={styles.fn}>
            <Body1 className={styles.name}>{`=${qualifiedName(spec, locale)}(${spec.params.map((p) => p.name[locale]).join(', ')})`}</Body1>
            <Caption1>{spec.description[locale]}</Caption1>
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
