/** 函数 Functions: every SALES function from the catalogue, with its description and parameters. */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { FUNCTIONS, type Locale, qualifiedName } from '../../core';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  fn: { display: 'flex', flexDirection: 'column', paddingBlock: tokens.spacingVerticalXS, minWidth: 0 },
  signature: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export function FunctionList({ locale }: { readonly locale: Locale }) {
  const styles = useStyles();
  return (
    <section className={styles.root}>
      {FUNCTIONS.map((spec) => (
        <div key={spec.id} className={styles.fn}>
          <Body1 className={styles.signature}>
            {`=${qualifiedName(spec, locale)}(${spec.params.map((p) => (p.optional ? `[${p.name[locale]}]` : p.name[locale])).join(', ')})`}
          </Body1>
          <Caption1>{spec.description[locale]}</Caption1>
        </div>
      ))}
    </section>
  );
}
