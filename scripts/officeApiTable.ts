/**
 * The requirement set of every member of Office.js's `Excel` namespace, read from the
 * `[Api set: …]` tags of @types/office-js (no hand list). The strict Excel fake
 * (test/hosts/excel/mockExcel.ts) throws ApiNotFound, as Office.js does, the moment a member above
 * its profile is touched; `npm run api-sets -- --table` prints the counts per set.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { compareVersions } from './apiVersions';

export interface ApiRequirement {
  /** `ExcelApi`, `ExcelApiOnline`, `ExcelApiDesktop`. */
  readonly set: string;
  readonly version: string;
}

/** `Class.member` → the lowest set and version any of its declarations needs. */
export type OfficeApiTable = ReadonlyMap<string, ApiRequirement>;

const TAG = /\[Api set: (ExcelApi(?:Online|Desktop)?) (\d+\.\d+)/;

function typingsPath(): string {
  // Jest's CommonJS has require; tsx's ESM gets one from the project folder.
  const resolve = typeof require === 'function' ? require.resolve : createRequire(`${process.cwd()}/package.json`).resolve;
  return resolve('@types/office-js/index.d.ts');
}

function tagOf(node: ts.Node, text: string): ApiRequirement | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  for (const range of [...ranges].reverse()) {
    const m = TAG.exec(text.slice(range.pos, range.end));
    if (m) return { set: m[1] as string, version: m[2] as string };
  }
  return undefined;
}

/** The first tag wins per set; between sets a numbered ExcelApi tag is preferred (it is what profiles state). */
function lower(a: ApiRequirement | undefined, b: ApiRequirement): ApiRequirement {
  if (a === undefined) return b;
  if (a.set !== b.set) return a.set === 'ExcelApi' ? a : b;
  return compareVersions(b.version, a.version) < 0 ? b : a;
}

let cached: OfficeApiTable | undefined;

/** Every tagged member of the classes in `declare namespace Excel`, by `Class.member`. */
export function officeApiTable(): OfficeApiTable {
  if (cached) return cached;
  const text = readFileSync(typingsPath(), 'utf8');
  const source = ts.createSourceFile('office-js.d.ts', text, ts.ScriptTarget.Latest, true);
  const table = new Map<string, ApiRequirement>();
  for (const statement of source.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.name.getText(source) !== 'Excel') continue;
    const body = statement.body;
    if (!body || !ts.isModuleBlock(body)) continue;
    for (const declaration of body.statements) {
      if (!ts.isClassDeclaration(declaration) || !declaration.name) continue;
      const owner = declaration.name.text;
      for (const member of declaration.members) {
        const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
        if (name === undefined) continue;
        const tag = tagOf(member, text);
        if (tag) table.set(`${owner}.${name}`, lower(table.get(`${owner}.${name}`), tag));
      }
    }
  }
  cached = table;
  return table;
}

/** The highest numbered ExcelApi version the typings know: what a current Microsoft 365 implements. */
export function latestExcelApi(table: OfficeApiTable = officeApiTable()): string {
  let latest = '1.1';
  for (const { set, version } of table.values()) if (set === 'ExcelApi' && compareVersions(version, latest) > 0) latest = version;
  return latest;
}
