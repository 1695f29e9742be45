/**
 * The import tab's state: the picked export, its mapping (saved per source in the workbook, else
 * recognised from the headers, always editable), the answers for unknown stages and the preview
 * computed purely from them — then the import, the snapshot and the register link through the
 * host-neutral flow of src/workbook/dealImport.ts.
 */
import { useMemo, useState } from 'react';
import {
  type ColumnMapping,
  DEAL_FIELDS,
  type DealFieldKey,
  type ImportMapping,
  type ImportPreview,
  type Locale,
  type MoneyUnit,
  type SlipPeriod,
  type StageMeaning,
  amountUnitOf,
  autoMap,
  bestSavedMapping,
  dateInFileName,
  importMappingOf,
  isoFromSerial,
  previewImport,
  serialFromIso,
  todaySerial,
  unknownStages,
  unmappedRequired,
} from '../../core';
import type { ExportTable } from '../../files/exportTable';
import {
  type DealImportResult,
  type DealTables,
  type SnapshotResult,
  amountConversion,
  findDealTables,
  runDealImport,
  saveDealSnapshot,
  savedMappings,
  workbookMoneyUnit,
} from '../../workbook/dealImport';
import { type LinkResult, linkDealRegister, undoRegisterLink } from '../../workbook/registerLink';
import { CHANGE_LABELS } from '../../workbook/changeLabels';
import { useChangeLabel } from '../changeContext';
import { useWorkbook } from '../workbookContext';

export type ImportBusy = 'read' | 'import' | 'snapshot' | 'link' | null;

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly result: DealImportResult }
  | { readonly kind: 'snapshot'; readonly result: SnapshotResult }
  | { readonly kind: 'linked'; readonly result: LinkResult }
  /** The link would replace typed 表2 actuals: nothing written yet, the user is asked. */
  | { readonly kind: 'confirmLink'; readonly result: LinkResult }
  | { readonly kind: 'linkCancelled' }
  | { readonly kind: 'unlinked'; readonly restored: number }
  | { readonly kind: 'failed'; readonly message: string };

interface Picked {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly exported: ExportTable;
  /**
   * The workbook's tables found when the file was picked, carried into the import so no table is
   * read twice; dropped once a write has changed them. Writes are guarded (src/workbook/placement.ts),
   * so a row the user changed in between stops the import with a message instead of being overwritten.
   */
  readonly tables?: DealTables;
}

const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/** The column mapping, the stage answers and the mapping's name, with the ways the user changes them. */
function useMappingChoices() {
  const [mappingName, setMappingName] = useState('');
  const [chosenMapping, setChosenMapping] = useState<string>('');
  const [columns, setColumns] = useState<ColumnMapping>({});
  const [stages, setStages] = useState<Readonly<Record<string, StageMeaning>>>({});

  const applyMapping = (headers: readonly string[], mapping: ImportMapping | undefined, fileName: string) => {
    setColumns(autoMap(headers, mapping));
    setStages(mapping?.stages ?? {});
    setChosenMapping(mapping?.name ?? '');
    setMappingName(mapping?.name ?? stem(fileName));
  };

  const setColumn = (field: DealFieldKey, index: number | undefined) =>
    setColumns((current) => {
      const next: ColumnMapping = {};
      for (const [key, at] of Object.entries(current) as [DealFieldKey, number][]) if (key !== field && at !== index) next[key] = at;
      if (index !== undefined) next[field] = index;
      return next;
    });

  const answerStage = (name: string, meaning: StageMeaning | undefined) =>
    setStages((current) => {
      const next = { ...current };
      if (meaning === undefined) delete next[name];
      else next[name] = meaning;
      return next;
    });

  return { mappingName, setMappingName, chosenMapping, columns, stages, applyMapping, setColumn, answerStage };
}

/** The preview of the import as the mapping, the answers and the units stand, and what it still lacks. */
function useImportPreview(
  picked: Picked | null,
  choices: ReturnType<typeof useMappingChoices>,
  context: {
    readonly locale: Locale;
    readonly saved: ReadonlyMap<string, ImportMapping>;
    readonly workbookUnit: MoneyUnit | undefined;
    readonly unitAnswer: MoneyUnit | undefined;
  },
) {
  const { columns, stages, chosenMapping } = choices;
  const { locale, saved, workbookUnit, unitAnswer } = context;
  const table = picked?.exported.table;
  const headerUnit = useMemo(() => (table ? amountUnitOf(table.headers, columns) : undefined), [table, columns]);
  const exportUnit = headerUnit ?? unitAnswer ?? workbookUnit;
  // The conversion depends on the two units only: one object while they stay the same.
  const amounts = useMemo(() => amountConversion(workbookUnit, exportUnit), [workbookUnit, exportUnit]);
  const preview: ImportPreview | null = useMemo(
    () => (table ? previewImport(table, columns, { locale, stages, ...(amounts ? { amounts } : {}) }) : null),
    [table, columns, stages, locale, amounts],
  );
  /** Stage names of the export that neither the funnel, the CRM defaults nor the saved mapping know: asked once each. */
  const askedStages: readonly [string, number][] = useMemo(
    () => (table && columns.stage !== undefined ? unknownStages(table.rows, columns.stage, saved.get(chosenMapping)?.stages) : []),
    [table, columns.stage, saved, chosenMapping],
  );
  const missing = unmappedRequired(columns).map((key) => DEAL_FIELDS.find((f) => f.key === key)?.label[locale] ?? key);
  return { headerUnit, exportUnit, amounts, preview, askedStages, missing };
}

type Run = <T>(kind: Exclude<ImportBusy, null>, work: () => Promise<T>) => Promise<T | undefined>;

/** 保存快照, 用商机明细计算 and its undo, and going to a register row: the register's own actions. */
function useRegisterActions(
  run: Run,
  outcome: ImportOutcome | null,
  setOutcome: (outcome: ImportOutcome) => void,
  forgetTables: () => void,
  context: { readonly today: number; readonly locale: Locale; readonly portable: boolean },
) {
  const port = useWorkbook();
  const labelChange = useChangeLabel();
  const { today, locale, portable } = context;
  const snapshot = () =>
    run('snapshot', async () => {
      await labelChange(CHANGE_LABELS.dealSnapshot());
      forgetTables();
      const result = await saveDealSnapshot(port, await findDealTables(port), today, locale);
      setOutcome({ kind: 'snapshot', result });
    });
  const link = (replaceTyped = false) =>
    run('link', async () => {
      await labelChange(CHANGE_LABELS.link());
      forgetTables();
      const result = await linkDealRegister(port, { today, locale, portable, replaceTyped });
      setOutcome(result.linked ? { kind: 'linked', result } : { kind: 'confirmLink', result });
    });
  const cancelLink = () => setOutcome({ kind: 'linkCancelled' });
  /** "转到第 N 行": the register row of a changed deal (`row` 1-based, as shown). */
  const goToRow = (sheet: string, row: number) =>
    void port
      .activateSheet(sheet, { row: row - 1, column: 0 })
      .catch((error: unknown) => setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
  const undoLink = () =>
    outcome?.kind === 'linked' &&
    run('link', async () => {
      forgetTables();
      const restored = await undoRegisterLink(port, outcome.result);
      setOutcome({ kind: 'unlinked', restored });
    });
  return { snapshot, link, cancelLink, goToRow, undoLink };
}

/** Runs one piece of work at a time, saying which and where its outcome goes; a failure becomes the outcome. */
function useRun(setOutcome: (outcome: ImportOutcome) => void) {
  const [busy, setBusy] = useState<ImportBusy>(null);
  /** Which button the outcome answers, so its message shows beside that button. */
  const [outcomeOf, setOutcomeOf] = useState<'import' | 'register'>('import');
  const run: Run = async (kind, work) => {
    setBusy(kind);
    setOutcomeOf(kind === 'read' || kind === 'import' ? 'import' : 'register');
    try {
      return await work();
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { run, busy, outcomeOf };
}

/** The import itself: the register written, then shown; the mapping saved under its name, if it has one. */
async function importPicked(
  port: ReturnType<typeof useWorkbook>,
  tables: DealTables,
  request: {
    readonly picked: Picked;
    readonly preview: ImportPreview;
    readonly settings: {
      readonly mapping: ColumnMapping;
      readonly stages: Readonly<Record<string, StageMeaning>>;
      readonly full: boolean;
      readonly slipPeriod: SlipPeriod;
      readonly takenOn: number;
      readonly locale: Locale;
      readonly mappingName: string;
      readonly exportUnit: MoneyUnit | undefined;
    };
  },
): Promise<{ result: DealImportResult; savedMapping?: ImportMapping }> {
  const { picked, preview, settings } = request;
  const { mapping, stages, exportUnit } = settings;
  const name = settings.mappingName.trim();
  const result = await runDealImport(port, tables, {
    preview,
    table: picked.exported.table,
    mapping,
    stages,
    full: settings.full,
    slipPeriod: settings.slipPeriod,
    takenOn: settings.takenOn,
    locale: settings.locale,
    ...(name !== '' ? { saveAs: name } : {}),
    ...(exportUnit ? { amountUnit: exportUnit } : {}),
  });
  // The register is what the user wants to see after an import, not the last sheet inserted (导入映射).
  await port.activateSheet(result.registerSheet).catch(() => undefined);
  return name === '' ? { result } : { result, savedMapping: importMappingOf(name, picked.exported.table.headers, mapping, stages) };
}

export function useDealImport(locale: Locale, portable: boolean) {
  const port = useWorkbook();
  const labelChange = useChangeLabel();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [saved, setSaved] = useState<ReadonlyMap<string, ImportMapping>>(new Map());
  /** The unit the workbook says it is in (工作簿设置), known from the read and kept by an import. */
  const [workbookUnit, setWorkbookUnit] = useState<MoneyUnit | undefined>(undefined);
  /** The user's answer for the export's unit when its amount header does not say one. */
  const [unitAnswer, setUnitAnswer] = useState<MoneyUnit | undefined>(undefined);
  const choices = useMappingChoices();
  const { columns, stages, mappingName, applyMapping } = choices;
  const [full, setFull] = useState(false);
  const [slipPeriod, setSlipPeriod] = useState<SlipPeriod>('month');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const { run, busy, outcomeOf } = useRun(setOutcome);
  const [today] = useState(() => todaySerial(new Date()));
  /** The export's own day, kept as the snapshot's: from the file name, else today; the user may correct it. */
  const [exportDateText, setExportDateText] = useState('');
  const exportDay = serialFromIso(exportDateText.trim());

  const read = async (name: string, bytes: Uint8Array, sheet?: string, found?: DealTables) => {
    const { readExportTable } = await import('../../files/exportTable');
    const exported = await readExportTable(bytes, name, { locale, ...(sheet !== undefined ? { sheet } : {}) });
    const tables = found ?? (await findDealTables(port));
    const known = savedMappings(tables);
    setSaved(known);
    setWorkbookUnit(workbookMoneyUnit(tables));
    setUnitAnswer(undefined);
    setPicked({ name, bytes, exported, tables });
    setExportDateText(isoFromSerial(dateInFileName(name) ?? today));
    setOutcome(null);
    applyMapping(exported.table.headers, bestSavedMapping(exported.table.headers, known), name);
  };

  /** After a write the tables found with the pick are no longer what the workbook holds. */
  const forgetTables = () => setPicked((p) => (p ? { name: p.name, bytes: p.bytes, exported: p.exported } : p));
  const pick = (file: File) =>
    run('read', async () => {
      await read(file.name, new Uint8Array(await file.arrayBuffer()));
    });
  const chooseSheet = (sheet: string) => picked && run('read', () => read(picked.name, picked.bytes, sheet, picked.tables));
  const chooseMapping = (name: string) => {
    if (!picked) return;
    applyMapping(picked.exported.table.headers, saved.get(name), picked.name);
  };

  const previewState = useImportPreview(picked, choices, { locale, saved, workbookUnit, unitAnswer });
  const { preview, exportUnit } = previewState;

  const doImport = () =>
    picked &&
    preview &&
    run('import', async () => {
      await labelChange(CHANGE_LABELS.importDeals(picked.exported.table.rows.length));
      const tables = picked.tables ?? (await findDealTables(port));
      forgetTables();
      const settings = { mapping: columns, stages, full, slipPeriod, takenOn: exportDay ?? today, locale, mappingName, exportUnit };
      const { result, savedMapping } = await importPicked(port, tables, { picked, preview, settings });
      if (result.amounts) setWorkbookUnit(result.amounts.to);
      // The mapping just saved is known here: no second read of every table to learn it.
      if (savedMapping) setSaved(new Map(saved).set(savedMapping.name, savedMapping));
      setOutcome({ kind: 'imported', result });
    });

  const registerActions = useRegisterActions(run, outcome, setOutcome, forgetTables, { today, locale, portable });
  return {
    ...choices,
    ...previewState,
    ...registerActions,
    picked,
    saved,
    full,
    setFull,
    slipPeriod,
    setSlipPeriod,
    busy,
    outcome,
    outcomeOf,
    exportDateText,
    setExportDateText,
    exportDay,
    workbookUnit,
    setUnitAnswer,
    pick,
    chooseSheet,
    chooseMapping,
    doImport,
  };
}

export type DealImportState = ReturnType<typeof useDealImport>;
