/**
 * The Excel host against the API sets of the Office.js it calls, read from @types/office-js's
 * `[Api set: …]` tags (scripts/excelApiSets.ts): every member above the manifest's minimum is used
 * only inside an isSetSupported branch for its set, and the manifest asks for no more than the
 * code needs unguarded.
 */
import { compareVersions, excelApiUses, manifestMinimum } from '../../../scripts/excelApiSets';
import { EXCEL_FEATURES } from '../../../src/hosts/excel/excelVersions';

const uses = excelApiUses();
const maxOf = (versions: readonly string[]) => versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), '1.1');

test('the table comes from the typings: the members the host uses, each with its set', () => {
  const at = (member: string) => uses.find((u) => u.member === member);
  expect(at('Excel.Worksheet.notes')).toMatchObject({ set: 'ExcelApi', version: '1.18' });
  expect(at('Excel.Worksheet.comments')).toMatchObject({ set: 'ExcelApi', version: '1.10' });
  expect(at('Excel.Range.dataValidation')).toMatchObject({ set: 'ExcelApi', version: '1.8' });
  expect(at('CustomFunctions.ErrorCode.divisionByZero')).toMatchObject({ set: 'CustomFunctionsRuntime', version: '1.3' });
  expect(uses.length).toBeGreaterThan(50);
});

test.each(['ExcelApi', 'CustomFunctionsRuntime'])('%s: nothing above the manifest’s minimum outside an isSetSupported branch', (set) => {
  const minimum = manifestMinimum(set);
  expect(minimum).toBeDefined();
  const unguarded = uses.filter(
    (u) =>
      u.set === set &&
      compareVersions(u.version, minimum!) > 0 &&
      (u.guardedBy === undefined || compareVersions(u.guardedBy, u.version) < 0),
  );
  expect(unguarded.map((u) => `${u.member} (${set} ${u.version}) at ${u.where}`)).toEqual([]);
  // …and the manifest asks for no more than the code needs without a guard.
  const needed = maxOf(uses.filter((u) => u.set === set && u.guardedBy === undefined).map((u) => u.version));
  expect(minimum).toBe(needed);
});

test('notes (1.18) and their fallback, comments (1.10), are each inside their own branch', () => {
  const guarded = (member: string) => uses.filter((u) => u.member === member).map((u) => u.guardedBy);
  expect(new Set(guarded('Excel.Worksheet.notes'))).toEqual(new Set(['1.18']));
  expect(new Set(guarded('Excel.Worksheet.comments'))).toEqual(new Set(['1.10']));
});

// Microsoft's co-authoring guidance for add-ins: rows.add makes merge conflicts in shared workbooks.
test('no Excel code grows a table with TableRowCollection.add (co-authoring)', () => {
  expect(uses.filter((u) => u.member.startsWith('Excel.TableRowCollection.')).map((u) => u.where)).toEqual([]);
  expect(uses.some((u) => u.member === 'Excel.Range.insert')).toBe(true); // the scan does see the writes' calls
});

// Settings' "what this Excel supports" (src/hosts/excel/excelVersions.ts) names the same versions the code checks.
test('every ExcelApi version the code checks is a feature Settings lists, or its fallback (comments, 1.10)', () => {
  const checked = new Set(uses.flatMap((u) => (u.guardedBy ? [u.guardedBy] : [])));
  const listed = new Set(EXCEL_FEATURES.filter((f) => f.set === 'ExcelApi').map((f) => f.version));
  expect(checked).toEqual(new Set([...listed, '1.10']));
});
