/**
 * Incremental saves: whatever the user does, the server's copy built from the saves — whole
 * snapshots and patches of rows and sheets applied as src/files/snapshotPatch.ts applies them —
 * equals the workbook the page would have sent whole. Random edits through Univer's facade (values,
 * formulas, clears, formats, number formats, row heights, merges, inserted and deleted rows, new
 * and renamed sheets, a template, the workbook's name), saved at random moments.
 */
import type { IWorkbookData } from '@univerjs/core';
import type { FWorkbook } from '@univerjs/sheets/facade';
import fc from 'fast-check';
import { TEMPLATES, planTemplate } from '../../../../src/core';
import { type SnapshotPatch, patchedSnapshot } from '../../../../src/files/snapshotPatch';
import { ChangeTracker, type TrackedChanges } from '../../../../src/hosts/web/persistence/changeTracker';
import type { ServerClient } from '../../../../src/hosts/web/persistence/serverClient';
import { createWebFiles } from '../../../../src/hosts/web/persistence/webFiles';
import { createHeadlessUniver } from '../../../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../../../src/hosts/web/univerWorkbook';

/** The server's side, in memory: whole saves replace the copy, patches apply to it. */
function memoryServer(start: IWorkbookData) {
  const server = { stored: start, revision: 1, kinds: [] as ('whole' | 'patch')[] };
  const receive = (kind: 'whole' | 'patch') => async (base: number, body: string) => {
    if (base !== server.revision) throw new Error(`based on ${base}, the server is at ${server.revision}`);
    server.kinds.push(kind);
    server.stored =
      kind === 'whole' ? (JSON.parse(body) as IWorkbookData) : patchedSnapshot(server.stored, JSON.parse(body) as SnapshotPatch);
    server.revision += 1;
    return { revision: server.revision, savedAt: new Date().toISOString() };
  };
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  const client: ServerClient = {
    book: null,
    load: unused,
    save: receive('whole'),
    savePatch: receive('patch'),
    fileStatus: async (revision) => ({
      fileName: 'x.xlsx',
      target: 'original',
      targetName: 'x.xlsx',
      lost: [],
      lostText: { zh: '', en: '' },
      readOnly: false,
      revision,
      exportedRevision: revision,
    }),
    setTarget: unused,
    resolveOutside: unused,
    restoreFile: unused,
    versions: unused,
    restore: unused,
    books: unused,
    upload: unused,
    download: unused,
    importFile: unused,
  };
  return { server, client };
}

type Edit =
  | { kind: 'value'; row: number; col: number; value: string | number }
  | { kind: 'formula'; row: number; col: number }
  | { kind: 'block'; row: number; col: number; values: (string | number)[][] }
  | { kind: 'clear'; row: number; col: number }
  | { kind: 'bold'; row: number; col: number }
  | { kind: 'background'; row: number; col: number; colour: string }
  | { kind: 'numberFormat'; row: number; col: number }
  | { kind: 'rowHeight'; row: number; height: number }
  | { kind: 'columnWidth'; col: number; width: number }
  | { kind: 'merge'; row: number; col: number }
  | { kind: 'insertRows'; row: number; count: number }
  | { kind: 'deleteRows'; row: number; count: number }
  | { kind: 'newSheet' }
  | { kind: 'rename'; name: string }
  | { kind: 'bookName'; name: string }
  | { kind: 'template'; index: number }
  | { kind: 'save' };

const row = fc.integer({ min: 0, max: 30 });
const col = fc.integer({ min: 0, max: 8 });
const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('华南区', '赢单', '¥1,200'));
const value = fc.oneof(text, fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('value' as const), row, col, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('formula' as const), row, col }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('block' as const),
      row,
      col,
      values: fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clear' as const), row, col }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bold' as const), row, col }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('background' as const), row, col, colour: fc.constantFrom('#ff0000', '#00aa55') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('numberFormat' as const), row, col }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rowHeight' as const), row, height: fc.integer({ min: 10, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('columnWidth' as const), col, width: fc.integer({ min: 20, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), row, col }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertRows' as const), row, count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRows' as const), row, count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'newSheet' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('客户', 'Deals 2', '表 X') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('template' as const), index: fc.nat({ max: TEMPLATES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bookName' as const), name: fc.constantFrom('团队复盘', 'Team') }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'save' as const }) },
);

async function apply(book: FWorkbook, step: Edit, insertTemplate: (index: number) => Promise<void>): Promise<void> {
  const sheet = book.getActiveSheet();
  switch (step.kind) {
    case 'value':
      sheet.getRange(step.row, step.col).setValue(step.value);
      return;
    case 'formula':
      sheet.getRange(step.row, step.col).setValue(`=SUM(A1:B${step.row + 2})*2`);
      return;
    case 'block':
      sheet.getRange(step.row, step.col, step.values.length, 2).setValues(step.values);
      return;
    case 'clear':
      sheet.getRange(step.row, step.col, 2, 2).clear();
      return;
    case 'bold':
      sheet.getRange(step.row, step.col).setFontWeight('bold');
      return;
    case 'background':
      sheet.getRange(step.row, step.col).setBackgroundColor(step.colour);
      return;
    case 'numberFormat':
      sheet.getRange(step.row, step.col).setNumberFormat('0.0%');
      return;
    case 'rowHeight':
      sheet.setRowHeight(step.row, step.height);
      return;
    case 'columnWidth':
      sheet.setColumnWidth(step.col, step.width);
      return;
    case 'merge':
      // A merge over another one is refused by Univer: nothing changes then, as for the user.
      try {
        sheet.getRange(step.row, step.col, 2, 2).merge();
      } catch {
        /* overlapping merge */
      }
      return;
    case 'insertRows':
      sheet.insertRows(step.row, step.count);
      return;
    case 'deleteRows':
      sheet.deleteRows(step.row, step.count);
      return;
    case 'newSheet':
      book.setActiveSheet(book.insertSheet());
      return;
    case 'rename':
      if (!book.getSheets().some((s) => s.getSheetName() === step.name)) sheet.setName(step.name);
      return;
    case 'template':
      await insertTemplate(step.index);
      return;
    case 'bookName':
      book.setName(step.name);
      return;
    case 'save':
      return;
  }
}

test('the server copy built from whole saves and row patches equals the workbook the page holds', async () => {
  const kinds: ('whole' | 'patch')[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 14 }), async (edits) => {
      const host = createHeadlessUniver('zh-CN');
      const book = host.api.getActiveWorkbook() as FWorkbook;
      const port = createUniverWorkbook(host.api);
      const whole = (): IWorkbookData => JSON.parse(JSON.stringify(book.save())) as IWorkbookData;
      const { server, client } = memoryServer(whole());
      const files = createWebFiles({
        univer: host.univer,
        api: host.api,
        client,
        loaded: { fileName: 'x.xlsx', revision: 1, savedAt: new Date().toISOString(), notices: [], snapshot: {} },
        locale: 'zh-CN',
        delayMs: 60_000,
        navigate: () => undefined,
        reloadPage: () => undefined,
        deliver: () => undefined,
      });
      try {
        const insertTemplate = async (index: number) => {
          const spec = TEMPLATES[index];
          if (spec) await port.insertTemplate(planTemplate(spec, { locale: 'zh-CN', samples: true, portable: false }));
        };
        for (const step of [...edits, { kind: 'save' as const }]) {
          await apply(book, step, insertTemplate);
          if (step.kind !== 'save') continue;
          // Formula results reach the cells after the edit: the save takes them as the page then holds them.
          await host.api.getFormula().onCalculationResultApplied();
          await files.saveNow();
          expect(server.stored).toEqual(whole());
        }
        kinds.push(...server.kinds);
      } finally {
        files.dispose();
        await host.dispose();
      }
    }),
    { numRuns: 25 },
  );
  // Edits, new sheets and structural changes go as patches (of rows, or of whole sheets); a change of
  // the workbook itself (its name) as the whole snapshot.
  expect(kinds).toContain('patch');
  expect(kinds).toContain('whole');
}, 600_000);

test('a typed value is a patch of its row; a structural change sends its sheet whole; an unknown one the workbook', () => {
  const tracker = new ChangeTracker(() => 'book');
  const rowsOf = (changes: TrackedChanges) =>
    changes.whole ? 'whole' : Object.fromEntries([...changes.rows].map(([id, rows]) => [id, [...rows]]));
  const sheetsOf = (changes: TrackedChanges) => (changes.whole ? 'whole' : [...changes.sheets]);
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', subUnitId: 's1', cellValue: { 4: { 1: { v: 1 } }, 9: {} } });
  tracker.record('formula.mutation.set-formula-calculation-result', { unitData: {} });
  tracker.record('doc.mutation.rich-text-editing', { unitId: 'scratch-doc' });
  tracker.record('sheet.mutation.set-worksheet-row-height', {
    unitId: 'book',
    subUnitId: 's1',
    ranges: [{ startRow: 12, endRow: 13 }],
    rowHeight: 30,
  });
  const taken = tracker.take();
  expect(rowsOf(taken)).toEqual({ s1: [4, 9, 12, 13] });
  expect(sheetsOf(taken)).toEqual([]);
  expect(tracker.take()).toEqual({ whole: false, rows: new Map(), sheets: new Set() });

  // Inserted rows move every row below: the sheet goes whole, and its rows are not listed besides.
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', subUnitId: 's1', cellValue: { 0: {} } });
  tracker.record('sheet.mutation.insert-row', { unitId: 'book', subUnitId: 's1', range: { startRow: 1, endRow: 1 } });
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', subUnitId: 's1', cellValue: { 5: {} } });
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', subUnitId: 's2', cellValue: { 2: {} } });
  const structural = tracker.take();
  expect(rowsOf(structural)).toEqual({ s2: [2] });
  expect(sheetsOf(structural)).toEqual(['s1']);
  // A new sheet, a removed one, a new order: those sheets whole (or gone), the order goes with every patch.
  tracker.record('sheet.mutation.insert-sheet', { unitId: 'book', index: 1, sheet: { id: 's3', name: 'New' } });
  tracker.record('sheet.mutation.remove-sheet', { unitId: 'book', subUnitId: 's2' });
  tracker.record('sheet.mutation.set-worksheet-order', { unitId: 'book', subUnitId: 's1', fromOrder: 0, toOrder: 1 });
  expect(sheetsOf(tracker.take())).toEqual(['s3', 's2']);
  // Without its sheet a mutation acts on the active one, and a workbook-wide one is not known: whole.
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', cellValue: { 0: {} } });
  expect(tracker.take()).toEqual({ whole: true });
  tracker.record('sheet.mutation.set-workbook-name', { unitId: 'book', name: 'x' });
  expect(tracker.take()).toEqual({ whole: true });

  // A failed save's changes come back with the ones made since.
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', subUnitId: 's1', cellValue: { 1: {} } });
  tracker.record('sheet.mutation.add-worksheet-merge', { unitId: 'book', subUnitId: 's4', ranges: [] });
  const failed = tracker.take();
  tracker.record('sheet.mutation.set-range-values', { unitId: 'book', subUnitId: 's2', cellValue: { 2: {} } });
  tracker.putBack(failed);
  const again = tracker.take();
  expect(rowsOf(again)).toEqual({ s1: [1], s2: [2] });
  expect(sheetsOf(again)).toEqual(['s4']);
});
