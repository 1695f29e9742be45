/**
 * The BUILT Google Sheets add-on (dist/sheets/Code.js) loaded in a vm with the strict fake of the
 * Apps Script services as its globals, as Apps Script would run it: the shared case table through
 * the SALES_* wrappers (arguments as Sheets passes them: `''` for blanks, `Date`s for date cells, a
 * single cell as its value), the menu, the sidebar, menu insertion of every template (computed by
 * Univer from what was written), and the sidebar's server entry for a wizard-style write.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { FUNCTIONS, type FunctionSpec, LOCALES, type Locale, TEMPLATES, planTemplate, templateById } from '../../../src/core';
import { sheetsFunctionName } from '../../../src/hosts/sheets/sheetsFunctions';
import type { ServerReply } from '../../../src/hosts/sheets/sheetsServer';
import { toWire } from '../../../src/workbook/wire';
import { type FunctionCase, type JsonArg, caseName, compareResult, isErrorSpelling, loadFunctionCases, todayOf } from '../../cases/cases';
import { documentNumbers, layoutOf } from '../../support/documentNumbers';
import { REVIEW_ID, reviewWrites } from '../excel/tableFixtures';
import { type FakeSheets, createFakeSheets, dateOfSerial } from './fakeSheets';
import { computeInUniver } from './fakeToUniver';

const CODE = join(__dirname, '..', '..', '..', 'dist', 'sheets', 'Code.js');

type Sandbox = Record<string, (...args: unknown[]) => unknown>;

/** Code.js in a fresh context over `fake`, with the clock at noon of `today` in the spreadsheet's zone. */
function load(fake: FakeSheets, today = 45376): Sandbox {
  if (!existsSync(CODE)) throw new Error(`${CODE} is missing: run "npm run build" first (npm test does).`);
  const fixed = dateOfSerial(today + 0.5, fake.timeZone).getTime();
  class FixedDate extends Date {
    constructor(...args: []) {
      super(...((args.length === 0 ? [fixed] : args) as []));
    }
    static override now(): number {
      return fixed;
    }
  }
  const { app, lock, html, session, utilities } = fake.services;
  const sandbox: Record<string, unknown> = {
    SpreadsheetApp: app,
    LockService: lock,
    HtmlService: html,
    Session: session,
    Utilities: utilities,
    Date: FixedDate,
    console,
  };
  runInNewContext(readFileSync(CODE, 'utf8'), sandbox, { filename: CODE });
  return sandbox as Sandbox;
}

/** Parameters whose cells are dates: Sheets hands those over as Date objects. */
const holdsDates = (spec: FunctionSpec, index: number): boolean => {
  const param = spec.params[index];
  return param?.kind === 'date' || (spec.id === 'CYCLE' && index < 2);
};

/** Day serials a Sheets date cell can hold (to 9999-12-31); a larger number is shown, and passed, as a number. */
const LAST_DATE_SERIAL = 2_958_465;

function asSheetsArg(arg: JsonArg, dates: boolean, timeZone: string): unknown {
  const cell = (value: JsonArg extends infer T ? T : never) =>
    value === null
      ? ''
      : dates && typeof value === 'number' && value >= 1 && value <= LAST_DATE_SERIAL
        ? dateOfSerial(value, timeZone)
        : value;
  if (!Array.isArray(arg)) return cell(arg);
  const matrix = arg.map((row) => row.map((value) => cell(value)));
  return matrix.length === 1 && matrix[0]?.length === 1 ? matrix[0][0] : matrix; // a single cell arrives as its value
}

/** Sheets never calls a custom function whose argument is an error: the cell shows that error. */
const reachableInSheets = (c: FunctionCase): boolean =>
  c.args.every((arg) => (Array.isArray(arg) ? arg.flat() : [arg]).every((cell) => !isErrorSpelling(cell)));

describe('dist/sheets/Code.js', () => {
  const fake = createFakeSheets({ userLocale: 'en_US' });
  const code = FUNCTIONS.length > 0 ? (() => load(fake))() : {};

  test('declares one SALES_ wrapper per catalogue function with @customfunction JSDoc on it', () => {
    const text = readFileSync(CODE, 'utf8');
    for (const spec of FUNCTIONS) {
      const name = sheetsFunctionName(spec);
      expect(typeof code[name]).toBe('function');
      expect(code[name]?.length).toBe(spec.params.length);
      const declaration = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(`);
      const doc = declaration.exec(text)?.[1] ?? '';
      expect([name, doc.includes('@customfunction')]).toEqual([name, true]);
      for (const param of spec.params)
        expect([name, doc.includes(` ${param.optional ? `[${param.key}]` : param.key} `)]).toEqual([name, true]);
    }
    expect(
      Object.keys(code)
        .filter((key) => key.startsWith('SALES_'))
        .sort(),
    ).toEqual(FUNCTIONS.map(sheetsFunctionName).sort());
  });

  const cases = loadFunctionCases().filter(reachableInSheets);
  test('runs most of the case table', () => {
    expect(cases.length).toBeGreaterThan(loadFunctionCases().length * 0.8);
  });

  const bundles = new Map<number, Sandbox>();
  test.each(cases.map((c) => [caseName(c), c] as const))('%s', (_name, c) => {
    const today = todayOf(c);
    let bundle = bundles.get(today);
    if (!bundle) bundles.set(today, (bundle = load(fake, today)));
    const spec = FUNCTIONS.find((f) => f.id === c.fn) as FunctionSpec;
    const args = c.args.map((arg, i) => asSheetsArg(arg, holdsDates(spec, i), fake.timeZone));
    const fn = bundle[sheetsFunctionName(spec)] as (...a: unknown[]) => unknown;
    if (typeof c.expected === 'string' && isErrorSpelling(c.expected)) {
      // A whole-result error is thrown, its code first: Sheets shows #ERROR! with the reason.
      expect(() => fn(...args)).toThrow(new RegExp(`^${c.expected.replace(/[#/!?]/g, (ch) => `\\${ch}`)}`));
      return;
    }
    const why = compareResult(fn(...args), c.expected, c.precision);
    expect(why).toBeUndefined();
  });
});

describe('the add-on in a spreadsheet', () => {
  test.each(['zh_CN', 'en'])('onOpen builds the menu in %s: open the pane, then one item per template', (userLocale) => {
    const fake = createFakeSheets({ userLocale });
    const code = load(fake);
    (code.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    const [menu] = fake.menus();
    const items = menu?.items.filter((item) => item !== 'separator') ?? [];
    expect(items).toHaveLength(TEMPLATES.length + 1);
    for (const item of items) expect(typeof code[item.functionName]).toBe('function');
    const locale: Locale = userLocale === 'en' ? 'en-US' : 'zh-CN';
    expect(items[1]?.caption).toContain(TEMPLATES[0]?.sheetName[locale]);
    (code[items[0]?.functionName ?? ''] as () => void)();
    expect(fake.sidebars()).toEqual([{ file: 'Sidebar', title: locale === 'zh-CN' ? '销售复盘' : 'Sales Review' }]);
  });

  test.each(LOCALES)(
    "inserting every template from the menu (%s) gives the documents' numbers",
    async (locale) => {
      const fake = createFakeSheets({ userLocale: locale === 'zh-CN' ? 'zh_CN' : 'en_US' });
      const code = load(fake);
      for (const spec of TEMPLATES) (code[`salesReviewInsert_${spec.id}`] as () => void)();
      const names = new Map(TEMPLATES.map((spec) => [spec.id, planTemplate(spec, { locale, samples: true, portable: false }).sheetName]));
      expect(fake.sheetNames().slice(1)).toEqual(TEMPLATES.map((spec) => names.get(spec.id)));
      const shown = await computeInUniver(fake, locale, 45376);
      const read = (template: Parameters<typeof layoutOf>[0], dataRow: number, column: string) => {
        const layout = layoutOf(template, locale);
        return shown(names.get(template) as string, layout.firstDataRow + dataRow, layout.column(column));
      };
      const { expected, actual } = documentNumbers(locale, read);
      expect(actual).toEqual(expected);
    },
    60_000,
  );

  test('the sidebar’s server entry: a wizard-style keyed write twice leaves one set of rows, and =HYPERLINK typed as text stays text', () => {
    const fake = createFakeSheets();
    const code = load(fake);
    const serve = (method: string, payload: unknown) => {
      const reply = (code.salesReviewServer as (m: string, p: unknown) => ServerReply)(method, JSON.parse(JSON.stringify(payload ?? null)));
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value;
    };
    const plan = planTemplate(templateById('reviewLog'), { locale: 'zh-CN', samples: false, portable: false });
    const inserted = serve('insertTemplate', plan) as { sheetName: string };
    const finding = plan.columns.findIndex((c) => c.key === 'dataFindings');
    const keyColumn = plan.columns.findIndex((c) => c.key === 'reviewId');
    const rows = ['=HYPERLINK("http://x","y")', '+86 123'].map((text) =>
      plan.columns.map((_c, i) => (i === keyColumn ? 'R-2024-06' : i === finding ? text : null)),
    );
    const write = {
      location: { sheetName: inserted.sheetName },
      header: plan.columns.map((c) => c.label),
      computed: plan.columns.map((c) => c.computed),
      rows,
      key: { column: keyColumn, value: 'R-2024-06' },
    };
    serve('writeTables', toWire([write]));
    serve('writeTables', toWire([write]));
    const table = serve('readTable', { sheetName: inserted.sheetName }) as { rows: unknown[][] };
    const mine = table.rows.filter((row) => row[keyColumn] === 'R-2024-06');
    expect(mine.map((row) => row[finding])).toEqual(['=HYPERLINK("http://x","y")', '+86 123']);
    const stored = fake.cell(inserted.sheetName, plan.headerRow + 1, finding);
    expect(stored).toMatchObject({ value: '=HYPERLINK("http://x","y")', format: '@' });
    expect(stored?.formula).toBeUndefined();
  });

  test('the review wizard’s write batch, run twice through the server entry, updates instead of duplicating', () => {
    const fake = createFakeSheets();
    const code = load(fake);
    for (const id of ['diagnosis', 'plan', 'execution', 'reviewLog'] as const) (code[`salesReviewInsert_${id}`] as () => void)();
    const serve = (method: string, payload: unknown) =>
      (code.salesReviewServer as (m: string, p: unknown) => ServerReply)(method, JSON.parse(JSON.stringify(payload ?? null)));
    const ours = () =>
      reviewWrites().map((write) => {
        const reply = serve('readTable', write.location);
        if (!reply.ok) throw new Error(reply.error.message);
        const rows = (reply.value as { rows: unknown[][] }).rows;
        return rows.filter((row) => row[write.key?.column ?? -1] === REVIEW_ID).length;
      });
    const first = serve('writeTables', toWire(reviewWrites()));
    expect(first.ok).toBe(true);
    const once = ours();
    expect(once.every((n) => n > 0)).toBe(true);
    const second = serve('writeTables', toWire(reviewWrites()));
    expect(second).toMatchObject({ ok: true });
    expect((second as { value: { appended: number }[] }).value.map((r) => r.appended)).toEqual([0, 0, 0, 0]);
    expect(ours()).toEqual(once);
  });

  test('the manifest asks for the two narrow scopes only, on V8', () => {
    const manifest = JSON.parse(readFileSync(join(CODE, '..', 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    const sidebar = readFileSync(join(CODE, '..', 'Sidebar.html'), 'utf8');
    expect(sidebar).not.toMatch(/<script[^>]+src=|<link[^>]+href=/); // one self-contained file
  });

  test('the team roll-up’s import runs in the bundle: it waits for Google, reads the table and leaves no sheet', () => {
    const url = `https://docs.google.com/spreadsheets/d/${'s'.repeat(44)}/edit`;
    const fake = createFakeSheets({
      linked: {
        [url]: {
          allowed: true,
          ranges: {
            GoalTracking: [
              ['月份', '月度分解目标'],
              ['2026-01', 180],
            ],
          },
        },
      },
      importLoadingReads: 3,
    });
    const code = load(fake);
    const serve = code.salesReviewServer as (m: string, p: unknown) => ServerReply;
    expect(serve('linkedImport', { url, range: 'GoalTracking' })).toEqual({
      ok: true,
      value: {
        state: 'ok',
        grid: [
          ['月份', '月度分解目标'],
          ['2026-01', 180],
        ],
      },
    });
    expect(serve('linkedImport', { url, range: 'DealRegister' })).toEqual({ ok: true, value: { state: 'error' } });
    expect(fake.sleeps()).toBeGreaterThanOrEqual(4);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  test('a refused write comes back as data naming the sheet, not as a thrown error', () => {
    const fake = createFakeSheets();
    const code = load(fake);
    const reply = (code.salesReviewServer as (m: string, p: unknown) => ServerReply)('readTable', { sheetName: '不存在' });
    expect(reply).toMatchObject({ ok: false, error: { workbook: true, sheet: '不存在' } });
  });
});
