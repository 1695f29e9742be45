/**
 * Which Excel API set each Office.js member the Excel host uses belongs to, read from the
 * `[Api set: ExcelApi 1.x]` tags of @types/office-js through the TypeScript checker (no hand list),
 * and whether each use above the manifest's minimum sits inside an `isSetSupported('ExcelApi', v)`
 * branch. `npm run api-sets` prints the table; test/hosts/excel/apiSets.test.ts holds the code to it.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { compareVersions } from './apiVersions';
import { officeApiTable } from './officeApiTable';

export { compareVersions } from './apiVersions';

// Run from the project folder (npm scripts and Jest do); Jest's CommonJS has no import.meta.
const ROOT = process.cwd();
const HOST = join(ROOT, 'src', 'hosts', 'excel');
const API_SET = /\[Api set: (ExcelApi(?:Online|Desktop)?|CustomFunctionsRuntime) (\d+\.\d+)\]/;

export interface ApiUse {
  /** `Excel.Worksheet.notes`. */
  readonly member: string;
  readonly set: string;
  readonly version: string;
  /** `src/hosts/excel/excelTemplates.ts:181`. */
  readonly where: string;
  /** The highest ExcelApi version an enclosing `isSetSupported` branch vouches for, if any. */
  readonly guardedBy?: string;
}

function apiSetOf(declaration: ts.Declaration): { set: string; version: string } | undefined {
  const source = declaration.getSourceFile();
  if (!/@types\/(office-js|custom-functions-runtime)\//.test(source.fileName)) return undefined;
  const comments = ts.getLeadingCommentRanges(source.text, declaration.getFullStart()) ?? [];
  for (const range of comments.reverse()) {
    const m = API_SET.exec(source.text.slice(range.pos, range.end));
    if (m) return { set: m[1] as string, version: m[2] as string };
  }
  return undefined;
}

/** The ExcelApi version an `isSetSupported('ExcelApi', 'v')` call in `condition` asks for. */
function guardIn(condition: ts.Expression): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /isSetSupported$/.test(node.expression.getText())) {
      const [name, version] = node.arguments;
      if (name && version && ts.isStringLiteral(name) && name.text === 'ExcelApi' && ts.isStringLiteral(version))
        if (found === undefined || compareVersions(version.text, found) > 0) found = version.text;
    }
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

/** The branch a node runs in only when its condition held: the then-side of an if or a ?:. */
function guardOf(node: ts.Node): string | undefined {
  let best: string | undefined;
  for (let child = node, parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    let condition: ts.Expression | undefined;
    if (ts.isIfStatement(parent) && parent.thenStatement === child) condition = parent.expression;
    else if (ts.isConditionalExpression(parent) && parent.whenTrue === child) condition = parent.condition;
    else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child)
      condition = parent.left;
    if (condition === undefined) continue;
    const version = guardIn(condition);
    if (version !== undefined && (best === undefined || compareVersions(version, best) > 0)) best = version;
  }
  return best;
}

/** Every Office.js member the Excel host touches that carries an ExcelApi tag, with where and how it is guarded. */
export function excelApiUses(): ApiUse[] {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => readFileSync(path, 'utf8'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = parsed.fileNames.filter((f) => f.startsWith(HOST) && /\.tsx?$/.test(f));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      const name = ts.isPropertyAccessExpression(node) ? node.name : undefined;
      const symbol = name ? checker.getSymbolAtLocation(name) : undefined;
      for (const declaration of symbol?.declarations ?? []) {
        const tag = apiSetOf(declaration);
        if (!tag) continue;
        const parent = declaration.parent;
        const owner =
          parent && (ts.isInterfaceDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isEnumDeclaration(parent))
            ? parent.name?.text
            : '';
        const namespace = tag.set === 'CustomFunctionsRuntime' ? 'CustomFunctions' : 'Excel';
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        const guard = guardOf(node);
        uses.push({
          member: `${namespace}.${owner ? `${owner}.` : ''}${symbol?.name ?? ''}`,
          ...tag,
          where: `${relative(ROOT, file)}:${line + 1}`,
          ...(guard ? { guardedBy: guard } : {}),
        });
        break;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** The minimum of a set the manifest declares: in the base Requirements, or in VersionOverrides' (bt:Set). */
export function manifestMinimum(set: string): string | undefined {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  return new RegExp(`<(?:bt:)?Set Name="${set}" MinVersion="([\\d.]+)"`).exec(xml)?.[1];
}

if (process.argv[1]?.endsWith('excelApiSets.ts') && process.argv.includes('--table')) {
  // The whole generated table (scripts/officeApiTable.ts): members per requirement set.
  const counts = new Map<string, number>();
  for (const { set, version } of officeApiTable().values()) counts.set(`${set} ${version}`, (counts.get(`${set} ${version}`) ?? 0) + 1);
  const rows = [...counts].sort(
    ([a], [b]) => a.split(' ')[0]!.localeCompare(b.split(' ')[0]!) || compareVersions(a.split(' ')[1]!, b.split(' ')[1]!),
  );
  for (const [set, count] of rows) console.log(`${set}\t${count} members`);
  console.log(`${officeApiTable().size} members of the Excel namespace tagged from @types/office-js`);
} else if (process.argv[1]?.endsWith('excelApiSets.ts')) {
  const uses = excelApiUses();
  const bySet = new Map<string, ApiUse>();
  for (const use of uses) {
    const key = `${use.member} ${use.set}`;
    const seen = bySet.get(key);
    if (!seen || compareVersions(use.version, seen.version) > 0) bySet.set(key, use);
  }
  const rows = [...bySet.values()].sort((a, b) => compareVersions(b.version, a.version) || a.member.localeCompare(b.member));
  for (const use of rows)
    console.log(`${use.set} ${use.version}\t${use.member}\t${use.where}${use.guardedBy ? `\t(isSetSupported ${use.guardedBy})` : ''}`);
}
