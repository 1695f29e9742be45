/**
 * 函数 Function guide: every SALES function from the catalogue (the one list) with its name in
 * both languages, description, parameters and worked example; a filter box; and "Insert into
 * selected cell", which writes the example formula (en-US form) through the WorkbookPort.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  SearchBox,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { FUNCTIONS, type FunctionSpec, LOCALES, type Locale, hostFormula, hostFunctionName, qualifiedName } from '../../core';
import { OutcomeBanner } from '../OutcomeBanner/OutcomeBanner';
import { reasonOf, paneText } from '../strings';
import { useWorkbook } from '../workbookContext';
import { guideText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  search: { width: '100%', maxWidth: '100%', minWidth: 0 },
  count: { color: tokens.colorNeutralForeground3 },
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', textAlign: 'start' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, minWidth: 0 },
  secondary: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  params: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, auto) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  paramRow: { display: 'contents' },
  paramName: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  paramText: { margin: 0, overflowWrap: 'anywhere' },
  example: {
    display: 'block',
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  insert: { alignSelf: 'flex-start' },
});

/** The example as an en-US formula, the form the port writes: `=SALES.ATTAINMENT(165,180)`. */
export function exampleFormula(spec: FunctionSpec): string {
  return `=SALES.${spec.id}(${spec.example.args.join(',')})`;
}

/** Whether a function matches a query (case-insensitive, any language, name/description/parameters). */
export function matchesQuery(spec: FunctionSpec, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const texts = [
    spec.id,
    hostFunctionName(spec, 'en-US', 'underscored'),
    ...LOCALES.flatMap((l) => [
      spec.name[l],
      qualifiedName(spec, l),
      spec.description[l],
      ...spec.params.flatMap((p) => [p.name[l], p.description[l]]),
    ]),
  ];
  return q.split(/\s+/).every((word) => texts.some((text) => text.toLowerCase().includes(word)));
}

type Outcome = { readonly id: string; readonly intent: 'success' | 'error'; readonly text: string };

/** Each parameter's name (optional ones in brackets) and what it takes. */
function ParameterList({ locale, spec }: { readonly locale: Locale; readonly spec: FunctionSpec }) {
  const styles = useStyles();
  return (
    <>
      <Caption1>{guideText(locale, 'parameters')}</Caption1>
      <dl className={styles.params}>
        {spec.params.map((p) => (
          <div key={p.key} className={styles.paramRow}>
            <dt className={styles.paramName}>{p.optional ? `[${p.name[locale]}]` : p.name[locale]}</dt>
            <dd className={styles.paramText}>
              <Caption1>
                {p.description[locale]}
                {p.optional ? guideText(locale, 'optional') : ''}
              </Caption1>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Inserts a function's example at the selection, saying where it went or why it could not. */
function useInsertExample(locale: Locale, shownFormula: (formula: string) => string) {
  const workbook = useWorkbook();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  async function insert(spec: FunctionSpec) {
    const formula = exampleFormula(spec);
    setBusy(spec.id);
    setOutcome(null);
    try {
      const at = await workbook.insertFormulaAtSelection(formula);
      setOutcome({
        id: spec.id,
        intent: 'success',
        text: guideText(locale, 'inserted', { formula: shownFormula(formula), sheet: at.sheetName, address: at.address }),
      });
    } catch (error) {
      setOutcome({ id: spec.id, intent: 'error', text: guideText(locale, 'insertFailed', { reason: reasonOf(error) }) });
    } finally {
      setBusy(null);
    }
  }
  return { busy, outcome, insert };
}

export function FunctionGuide({ locale }: { readonly locale: Locale }) {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => FUNCTIONS.filter((spec) => matchesQuery(spec, query)), [query]);
  const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const spelling = workbook.functionSpelling ?? 'localized';
  const nameOf = (spec: FunctionSpec, l: Locale) => hostFunctionName(spec, l, spelling);
  const shownFormula = (formula: string) => hostFormula(formula, locale, spelling);

  const { busy, outcome, insert } = useInsertExample(locale, shownFormula);

  return (
    <section className={styles.root} aria-label={paneText(locale, 'functionsTab')}>
      <Field label={guideText(locale, 'search')} hint={guideText(locale, 'searchHint')}>
        {/* No dismiss button while empty: Fluent keeps it clipped beside the box, which measures as overflow. */}
        <SearchBox
          className={styles.search}
          value={query}
          onChange={(_e, data) => setQuery(data.value)}
          dismiss={query === '' ? null : undefined}
        />
      </Field>
      <Caption1 className={styles.count} aria-live="polite">
        {shown.length === 0
          ? guideText(locale, 'none', { query: query.trim() })
          : guideText(locale, 'count', { shown: shown.length, total: FUNCTIONS.length })}
      </Caption1>
      <Accordion multiple collapsible>
        {shown.map((spec) => {
          const formula = exampleFormula(spec);
          return (
            <AccordionItem key={spec.id} value={spec.id} data-function={spec.id}>
              <AccordionHeader>
                <span
                  className={styles.name}
                >{`${nameOf(spec, locale)}(${spec.params.map((p) => (p.optional ? `[${p.name[locale]}]` : p.name[locale])).join(', ')})`}</span>
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.panel}>
                  <Body1>{spec.description[locale]}</Body1>
                  <Caption1 className={styles.secondary}>
                    {nameOf(spec, other) === nameOf(spec, locale)
                      ? spec.description[other]
                      : `${guideText(locale, 'alsoKnownAs', { name: nameOf(spec, other) })} — ${spec.description[other]}`}
                  </Caption1>
                  <ParameterList locale={locale} spec={spec} />
                  <Caption1>{guideText(locale, 'example')}</Caption1>
                  <code className={styles.example}>{shownFormula(formula)}</code>
                  <Caption1>{guideText(locale, 'shows', { value: spec.example.shows })}</Caption1>
                  {outcome?.id === spec.id && <OutcomeBanner outcome={outcome} />}
                  <Button
                    className={styles.insert}
                    disabledFocusable={busy !== null}
                    onClick={() => void insert(spec)}
                    aria-label={guideText(locale, 'insertLabel', { formula: shownFormula(formula) })}
                  >
                    {busy === spec.id ? guideText(locale, 'inserting') : guideText(locale, 'insert')}
                  </Button>
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
