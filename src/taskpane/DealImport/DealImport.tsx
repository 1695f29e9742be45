/**
 * 导入 Import: a CRM export into the deal register in every host (the file is read in the pane, so
 * Excel works as the web host and Sheets do). Pick a file → confirm or change the column mapping
 * → answer the stages no map knows → check the preview (rows with problems are listed and left
 * out) → import; then a snapshot or the register link on demand.
 */
import { Body1, Button, Caption1, Checkbox, Field, Input, Select, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useId, useRef } from 'react';
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
import { ImportOutcome } from './ImportOutcome';
import { importText } from './strings';
import { useImportStyles } from './styles';
import { useDealImport } from './useDealImport';

/** Problems listed in the pane; the rest are counted (the command line lists all). */
const LISTED_PROBLEMS = 50;
/** Rows shown as they will be stored, so a wrong unit or date order shows before the import. */
const SAMPLE_ROWS = 5;
// Four columns, as the problems table: what a wrong unit or date order would show in, within a 320 px pane.
const SAMPLE_FIELDS = ['dealId', 'stage', 'amount', 'closeDate'] as const;

/** Every unit a user may pick: each scale in each currency, the workbook's first. */
const unitChoices = (first: MoneyUnit | undefined): readonly MoneyUnit[] =>
  first ? [first, ...MONEY_UNITS.filter((u) => !sameMoneyUnit(u, first))] : MONEY_UNITS;
const LOST = '__lost__';

export function DealImport({ locale, portable = false }: { readonly locale: Locale; readonly portable?: boolean }) {
  const styles = useImportStyles();
  const state = useDealImport(locale, portable);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const { picked, preview, busy } = state;
  const headers = picked?.exported.table.headers ?? [];
  const waiting = busy !== null;
  const bad = preview ? new Set(preview.problems.map((p) => p.fileRow)).size : 0;
  const spinner = (kind: typeof busy) => (busy === kind ? <Spinner size="tiny" /> : undefined);
  const badDate = state.exportDateText.trim() !== '' && state.exportDay === undefined;
  // The outcome shows beside the button that caused it: the import's under Import, the register's under its buttons.
  const outcome = state.outcome && (
    <ImportOutcome
      locale={locale}
      outcome={state.outcome}
      actions={{
        busy: waiting,
        onReplace: () => void state.link(true),
        onCancel: state.cancelLink,
        onUndo: () => void state.undoLink(),
        onGoToRow: state.goToRow,
      }}
    />
  );

  return (
    <div className={styles.root}>
      <Body1>{importText(locale, 'intro')}</Body1>
      <div className={styles.group}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".csv,.txt,.tsv,.xlsx"
          data-testid="deal-import-input"
          onChange={() => {
            const file = input.current?.files?.[0];
            if (file) void state.pick(file);
            if (input.current) input.current.value = '';
          }}
        />
        <Button
          appearance={picked ? 'secondary' : 'primary'}
          disabledFocusable={waiting}
          icon={spinner('read')}
          onClick={() => input.current?.click()}
        >
          {busy === 'read' ? importText(locale, 'reading') : importText(locale, 'pickFile')}
        </Button>
        {picked && (
          <Caption1 role="status" className={styles.muted}>
            {importText(locale, 'fileLine', {
              file: picked.name,
              rows: picked.exported.table.rows.length,
              columns: headers.length,
              encoding: picked.exported.encoding ? ` · ${picked.exported.encoding}` : '',
            })}
          </Caption1>
        )}
      </div>

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

      {picked && preview && (
        <section className={styles.group} aria-labelledby={`${id}-preview`}>
          <Subtitle2 as="h2" id={`${id}-preview`}>
            {importText(locale, 'previewTitle')}
          </Subtitle2>
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
            <Body1 role="status">
              {importText(locale, 'blockedLine', { fields: state.missing.join(locale === 'zh-CN' ? '、' : ', ') })}
            </Body1>
          ) : (
            <Body1 role="status">
              {importText(locale, bad === 1 ? 'previewLineOne' : 'previewLine', { deals: preview.deals.length, bad })}
            </Body1>
          )}
          {state.missing.length === 0 && preview.deals.length > 0 && (
            <MiniTable
              caption={importText(locale, 'sampleCaption', { count: Math.min(SAMPLE_ROWS, preview.deals.length) })}
              headers={SAMPLE_FIELDS.map((key) => {
                const label = DEAL_FIELDS.find((f) => f.key === key)?.label[locale] ?? key;
                return key === 'amount' && state.amounts ? `${label} (${moneyUnitLabel(state.amounts.to, locale)})` : label;
              })}
              rows={preview.deals.slice(0, SAMPLE_ROWS).map((deal) => ({
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
          )}
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
              icon={spinner('import')}
              onClick={() => void state.doImport()}
            >
              {busy === 'import' ? importText(locale, 'importing') : importText(locale, 'importButton')}
            </Button>
          </div>
          {state.outcomeOf === 'import' && outcome}
        </section>
      )}
      {!picked && state.outcomeOf === 'import' && outcome}

      <section className={styles.group} aria-labelledby={`${id}-register`}>
        <Subtitle2 as="h2" id={`${id}-register`}>
          {importText(locale, 'registerTitle')}
        </Subtitle2>
        <div className={styles.row}>
          <Button disabledFocusable={waiting} icon={spinner('snapshot')} onClick={() => void state.snapshot()}>
            {importText(locale, 'snapshotButton')}
          </Button>
          <Button disabledFocusable={waiting} icon={spinner('link')} onClick={() => void state.link(false)}>
            {importText(locale, 'linkButton')}
          </Button>
        </div>
        <Caption1 className={styles.muted}>{importText(locale, 'linkHint')}</Caption1>
        {state.outcomeOf === 'register' && outcome}
      </section>
    </div>
  );
}
