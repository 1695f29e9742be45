/**
 * The import tab's sections between the file and the register (./DealImport.tsx renders them in
 * order): which export column fills each field, the stage names to answer, and the preview with the
 * import's options. Each reads the tab's state (./useDealImport.ts) and renders only.
 */
import { Body1, Button, Caption1, Checkbox, Field, Input, Select, Spinner, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import {
  DEAL_FIELDS,
  type DealFieldKey,
  FUNNEL_STAGES,
  type Locale,
  MONEY_UNITS,
  type MoneyUnit,
  SLIP_PERIOD_SETTING,
  isoFromSerial,
  meaningOfText,
  moneyUnitLabel,
  parseMoneyUnit,
  sameMoneyUnit,
} from '../../core';
import { MiniTable } from '../MiniTable/MiniTable';
import { MoneyUnitOptions } from '../MoneyUnitOptions/MoneyUnitOptions';
import { importText } from './strings';
import { useImportStyles } from './styles';
import type { DealImportState } from './useDealImport';

/** Problems listed in the pane; the rest are counted (the command line lists all). */
const LISTED_PROBLEMS = 50;
/** Rows shown as they will be stored, so a wrong unit or date order shows before the import. */
const SAMPLE_ROWS = 5;
// Four columns, as the problems table: what a wrong unit or date order would show in, within a 320 px pane.
const SAMPLE_FIELDS = ['dealId', 'stage', 'amount', 'closeDate'] as const;
const LOST = '__lost__';

/** Every unit a user may pick: each scale in each currency, the workbook's first. */
const unitChoices = (first: MoneyUnit | undefined): readonly MoneyUnit[] =>
  first ? [first, ...MONEY_UNITS.filter((u) => !sameMoneyUnit(u, first))] : MONEY_UNITS;

export interface ImportSectionProps {
  readonly locale: Locale;
  readonly state: DealImportState;
  /** The id the pane derives its headings' ids from. */
  readonly id: string;
}

/** The export's sheet and saved mapping, and which of its columns fills each register field. */
export function MappingSection({ locale, state, id }: ImportSectionProps) {
  const styles = useImportStyles();
  const { picked } = state;
  const headers = picked?.exported.table.headers ?? [];
  const waiting = state.busy !== null;
  return (
    <>
      {picked && (
        <div className={styles.fields}>
          {picked.exported.sheets.length > 1 && (
            <Field label={importText(locale, 'sheet')}>
              <Select value={picked.exported.sheet ?? ''} disabled={waiting} onChange={(_e, d) => void state.chooseSheet(d.value)}>
                {picked.exported.sheets.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </Select>
            </Field>
          )}
          <Field label={importText(locale, 'savedMapping')}>
            <Select value={state.chosenMapping} onChange={(_e, d) => state.chooseMapping(d.value)}>
              <option value="">{importText(locale, 'autoMapping')}</option>
              {[...state.saved.keys()].map((name) => (
                <option key={name}>{name}</option>
              ))}
            </Select>
          </Field>
        </div>
      )}

      {picked && (
        <section className={styles.group} aria-labelledby={`${id}-mapping`}>
          <Subtitle2 as="h2" id={`${id}-mapping`}>
            {importText(locale, 'mappingTitle')}
          </Subtitle2>
          <div className={styles.fields}>
            {DEAL_FIELDS.map((field) => {
              const label = field.required ? importText(locale, 'requiredMark', { label: field.label[locale] }) : field.label[locale];
              const at = state.columns[field.key as DealFieldKey];
              return (
                <Field key={field.key} label={label} validationState={field.required && at === undefined ? 'error' : 'none'}>
                  <Select
                    value={at === undefined ? '' : String(at)}
                    onChange={(_e, d) => state.setColumn(field.key, d.value === '' ? undefined : Number(d.value))}
                  >
                    <option value="">{importText(locale, 'notImported')}</option>
                    {headers.map((header, index) => (
                      <option key={index} value={String(index)}>
                        {header || `#${index + 1}`}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </div>
          {state.missing.length > 0 && (
            <Body1 role="alert">
              {importText(locale, 'missingRequired', { fields: state.missing.join(locale === 'zh-CN' ? '、' : ', ') })}
            </Body1>
          )}
        </section>
      )}
    </>
  );
}

/** The export's stage names no map knows: what each means, asked once per name. */
export function StagesSection({ locale, state, id }: ImportSectionProps) {
  const styles = useImportStyles();
  const { picked } = state;
  return (
    <>
      {picked && state.askedStages.length > 0 && (
        <section className={styles.group} aria-labelledby={`${id}-stages`}>
          <Subtitle2 as="h2" id={`${id}-stages`}>
            {importText(locale, 'stagesTitle')}
          </Subtitle2>
          <div className={styles.fields}>
            {state.askedStages.map(([name, count]) => {
              const meaning = state.stages[name];
              const value = meaning === undefined ? '' : meaning.status === 'lost' ? LOST : (meaning.stage ?? '');
              return (
                <Field key={name} label={importText(locale, 'stageQuestion', { stage: name, count })}>
                  <Select
                    value={value}
                    onChange={(_e, d) =>
                      state.answerStage(
                        name,
                        d.value === '' ? undefined : d.value === LOST ? meaningOfText('lost') : meaningOfText(d.value),
                      )
                    }
                  >
                    <option value="">{importText(locale, 'stageUnanswered')}</option>
                    {FUNNEL_STAGES.map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.label[locale]}
                      </option>
                    ))}
                    <option value={LOST}>{importText(locale, 'lostStage')}</option>
                  </Select>
                </Field>
              );
            })}
          </div>
        </section>
      )}
    </>
  );
}

/** The first rows as the import will store them, so a wrong unit or date order shows before it runs. */
function StoredSample({ locale, state }: Omit<ImportSectionProps, 'id'>) {
  const deals = state.preview?.deals ?? [];
  return (
    <MiniTable
      caption={importText(locale, 'sampleCaption', { count: Math.min(SAMPLE_ROWS, deals.length) })}
      headers={SAMPLE_FIELDS.map((key) => {
        const label = DEAL_FIELDS.find((f) => f.key === key)?.label[locale] ?? key;
        return key === 'amount' && state.amounts ? `${label} (${moneyUnitLabel(state.amounts.to, locale)})` : label;
      })}
      rows={deals.slice(0, SAMPLE_ROWS).map((deal) => ({
        key: deal.id,
        cells: SAMPLE_FIELDS.map((key) => {
          const value = deal.values[key];
          if (value === null || value === undefined) return '';
          if (key === 'closeDate' && typeof value === 'number') return isoFromSerial(value);
          if (key === 'amount' && typeof value === 'number') return value.toLocaleString(locale);
          return String(value);
        }),
      }))}
    />
  );
}

/** The unit, what the import will store (a sample) and the rows it leaves out. */
function PreviewFigures({ locale, state }: Omit<ImportSectionProps, 'id'>) {
  const styles = useImportStyles();
  const { preview } = state;
  if (!preview) return null;
  const headers = state.picked?.exported.table.headers ?? [];
  const bad = new Set(preview.problems.map((p) => p.fileRow)).size;
  return (
    <>
      <Field label={importText(locale, 'unitField')} {...(state.headerUnit ? {} : { hint: importText(locale, 'unitUnknown') })}>
        {state.headerUnit ? (
          <Caption1>
            {importText(locale, 'unitFromHeader', {
              header: headers[state.columns.amount ?? -1] ?? '',
              unit: moneyUnitLabel(state.headerUnit, locale),
            })}
          </Caption1>
        ) : (
          <Select
            value={state.exportUnit ? moneyUnitLabel(state.exportUnit, 'en-US') : ''}
            onChange={(_e, d) => state.setUnitAnswer(parseMoneyUnit(d.value))}
          >
            {state.exportUnit === undefined && <option value="">{importText(locale, 'unitChoose')}</option>}
            <MoneyUnitOptions locale={locale} units={unitChoices(state.workbookUnit)} />
          </Select>
        )}
      </Field>
      {state.amounts && (
        <Caption1 className={styles.muted}>
          {state.workbookUnit === undefined
            ? importText(locale, 'unitNew', { unit: moneyUnitLabel(state.amounts.to, locale) })
            : state.amounts.from.scale !== state.amounts.to.scale
              ? importText(locale, 'unitConverted', {
                  from: moneyUnitLabel(state.amounts.from, locale),
                  to: moneyUnitLabel(state.amounts.to, locale),
                })
              : importText(locale, 'unitKept', { unit: moneyUnitLabel(state.amounts.to, locale) })}
        </Caption1>
      )}
      {state.missing.length > 0 ? (
        <Body1 role="status">{importText(locale, 'blockedLine', { fields: state.missing.join(locale === 'zh-CN' ? '、' : ', ') })}</Body1>
      ) : (
        <Body1 role="status">
          {importText(locale, bad === 1 ? 'previewLineOne' : 'previewLine', { deals: preview.deals.length, bad })}
        </Body1>
      )}
      {state.missing.length === 0 && preview.deals.length > 0 && <StoredSample locale={locale} state={state} />}
      {preview.problems.length > 0 && (
        <MiniTable
          caption={importText(locale, 'problemsCaption')}
          headers={(['row', 'column', 'value', 'why'] as const).map((key) => importText(locale, key))}
          rows={preview.problems.slice(0, LISTED_PROBLEMS).map((p, i) => ({
            key: String(i),
            cells: [p.fileRow, p.column, p.value === null ? importText(locale, 'blank') : String(p.value), p.why[locale]],
          }))}
        />
      )}
      {preview.problems.length > LISTED_PROBLEMS && (
        <Caption1 className={styles.muted}>
          {importText(locale, 'moreProblems', { count: preview.problems.length - LISTED_PROBLEMS })}
        </Caption1>
      )}
    </>
  );
}

/** The import's options (full export, slips, the mapping's name, the export's day) and its button. */
function ImportControls({ locale, state }: Omit<ImportSectionProps, 'id'>) {
  const styles = useImportStyles();
  const { preview, busy } = state;
  if (!preview) return null;
  const waiting = busy !== null;
  const badDate = state.exportDateText.trim() !== '' && state.exportDay === undefined;
  const spinner = busy === 'import' ? <Spinner size="tiny" /> : undefined;
  return (
    <>
      <Checkbox checked={state.full} onChange={(_e, d) => state.setFull(d.checked === true)} label={importText(locale, 'fullExport')} />
      <Field label={SLIP_PERIOD_SETTING.question[locale]}>
        <Select value={state.slipPeriod} onChange={(_e, d) => state.setSlipPeriod(d.value === 'quarter' ? 'quarter' : 'month')}>
          {SLIP_PERIOD_SETTING.options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label[locale]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={importText(locale, 'saveAs')}>
        <Input value={state.mappingName} onChange={(_e, d) => state.setMappingName(d.value)} />
      </Field>
      <Field
        label={importText(locale, 'exportDate')}
        {...(badDate
          ? { validationState: 'error' as const, validationMessage: importText(locale, 'exportDateBad') }
          : { hint: importText(locale, 'exportDateHint') })}
      >
        <Input value={state.exportDateText} placeholder="2026-03-05" onChange={(_e, d) => state.setExportDateText(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={waiting || state.missing.length > 0 || preview.deals.length === 0 || badDate}
          icon={spinner}
          onClick={() => void state.doImport()}
        >
          {busy === 'import' ? importText(locale, 'importing') : importText(locale, 'importButton')}
        </Button>
      </div>
    </>
  );
}

/** The preview and the import, with the import's outcome under its button. */
export function PreviewSection({ locale, state, id, outcome }: ImportSectionProps & { readonly outcome: ReactNode }) {
  const styles = useImportStyles();
  if (!state.picked || !state.preview) return null;
  return (
    <section className={styles.group} aria-labelledby={`${id}-preview`}>
      <Subtitle2 as="h2" id={`${id}-preview`}>
        {importText(locale, 'previewTitle')}
      </Subtitle2>
      <PreviewFigures locale={locale} state={state} />
      <ImportControls locale={locale} state={state} />
      {state.outcomeOf === 'import' && outcome}
    </section>
  );
}
