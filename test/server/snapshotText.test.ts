/**
 * The text a patched version is stored as equals JSON.stringify of the same snapshot, whatever the
 * patches: rows changed, added, deleted, across blocks, on several sheets, after whole saves.
 */
import fc from 'fast-check';
import type { WorkbookSnapshot } from '../../src/files/snapshot';
import { type SnapshotPatch, changedRows, patchedSnapshot } from '../../src/files/snapshotPatch';
import { ParsedSnapshot } from '../../src/server/parsedSnapshot';
import { SnapshotTextWriter } from '../../src/server/snapshotText';

const row = fc.integer({ min: 0, max: 3000 });
const cells = fc.dictionary(
  fc.integer({ min: 0, max: 12 }).map(String),
  fc.oneof(
    fc.record({ v: fc.string(), t: fc.constant(1) }),
    fc.record({ v: fc.double({ noNaN: true, noDefaultInfinity: true }), t: fc.constant(2) }),
  ),
  { maxKeys: 4 },
);
const sheetIds = ['s1', 's2'];
const snapshot = fc
  .tuple(fc.dictionary(row.map(String), cells, { maxKeys: 60 }), fc.dictionary(row.map(String), cells, { maxKeys: 20 }))
  .map(
    ([a, b]): WorkbookSnapshot =>
      ({
        id: 'book',
        name: 'b',
        sheetOrder: sheetIds,
        styles: { bold: { bl: 1 } },
        sheets: {
          s1: { id: 's1', name: '商机明细', cellData: a, rowData: { 3: { h: 30 } } },
          s2: { id: 's2', name: 'Notes "quoted"', cellData: b },
        },
        resources: [{ name: 'SHEET_TABLE_PLUGIN', data: '{}' }],
      }) as unknown as WorkbookSnapshot,
  );
const patch = fc
  .record({
    sheet: fc.constantFrom(...sheetIds),
    rows: fc.dictionary(row.map(String), fc.option(cells, { nil: null }), { minKeys: 1, maxKeys: 8 }),
    styles: fc.option(fc.constant({ bold: { bl: 1 }, red: { cl: { rgb: '#f00' } } }), { nil: null }),
  })
  .map(({ sheet, rows, styles }): SnapshotPatch => ({ sheets: { [sheet]: { cells: rows, rows: {} } }, styles, resources: [] }));

test('the text of every patched version equals JSON.stringify of it', () => {
  fc.assert(
    fc.property(snapshot, fc.array(fc.oneof(patch, snapshot), { minLength: 1, maxLength: 12 }), (start, steps) => {
      const writer = new SnapshotTextWriter();
      let current = start;
      expect(writer.text(current)).toBe(JSON.stringify(current));
      for (const step of steps) {
        if ('id' in step) {
          current = step;
          expect(writer.text(current)).toBe(JSON.stringify(current));
          continue;
        }
        const next = patchedSnapshot(current, step);
        expect(writer.text(next, { base: current, rows: changedRows(step) })).toBe(JSON.stringify(next));
        current = next;
      }
    }),
    { numRuns: 200 },
  );
});

test('a cell holding text like the marker does not disturb the text', () => {
  const writer = new SnapshotTextWriter();
  const book = {
    id: 'b',
    sheetOrder: ['s1'],
    sheets: { s1: { id: 's1', name: 'x', cellData: { 0: { 0: { v: '\u0000cells-s1', t: 1 } } } } },
  } as unknown as WorkbookSnapshot;
  expect(writer.text(book)).toBe(JSON.stringify(book));
});

test('a patch applies to the kept version; a failed store leaves it as it was; a sheet it does not hold is refused', () => {
  const stored = {
    id: 'b',
    sheetOrder: ['s1'],
    sheets: { s1: { id: 's1', name: 'x', cellData: { 0: { 0: { v: 1, t: 2 } } } } },
  } as unknown as WorkbookSnapshot;
  const parsed = new ParsedSnapshot(() => JSON.stringify(stored));
  parsed.prepare();
  const change: SnapshotPatch = { sheets: { s1: { cells: { 1: { 0: { v: 2, t: 2 } } }, rows: {} } }, styles: null, resources: null };
  const first = parsed.apply(change);
  expect(JSON.parse(first.text)).toEqual(first.snapshot);
  expect(first.snapshot.sheets.s1?.cellData).toEqual({ 0: { 0: { v: 1, t: 2 } }, 1: { 0: { v: 2, t: 2 } } });
  // Not set(): the store did not keep it, and the next patch applies to the stored version.
  const second = parsed.apply({ ...change, sheets: { s1: { cells: { 2: { 0: { v: 3, t: 2 } } }, rows: {} } } });
  expect(Object.keys(second.snapshot.sheets.s1?.cellData ?? {})).toEqual(['0', '2']);
  expect(() => parsed.apply({ ...change, sheets: { nosuch: { cells: {}, rows: {} } } })).toThrow(/no sheet nosuch/);
});
