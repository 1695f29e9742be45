/** The workbook API's endpoints (listed in app.ts), one handler per method and path. */
import { promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { importSheet } from '../files/importSheet';
import { RequestRefused, isPlainWorkbookName } from './guard';
import { LIMITS, localeOf, readBody, sendJson } from './http';
import type { Bilingual } from './messages';
import { TYPES } from './static';
import type { WorkbookStore } from './store';
import { openXlsxBounded } from './xlsxOpener';

/** What a handler has: the request, where the workbooks are, and the stores by book. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The `book` asked for, or null for the file the server started with. */
  readonly book: string | null;
  readonly storeOf: (book: string | null) => Promise<WorkbookStore>;
  readonly storeAt: (path: string, known?: Parameters<WorkbookStore['open']>[0]) => Promise<WorkbookStore>;
  readonly workbooksDir: string;
  readonly startFile: string;
}

type Route = (context: RouteContext) => Promise<void>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The label a page sends with a save (`x-change`: JSON of both languages), or none. */
function changeOf(req: IncomingMessage): { label?: Bilingual; pinBefore: boolean } {
  const header = req.headers['x-change'];
  if (typeof header !== 'string' || header === '' || header.length > 2000) return { pinBefore: false };
  try {
    const parsed = JSON.parse(decodeURIComponent(header)) as { zh?: unknown; en?: unknown; pinBefore?: unknown };
    if (typeof parsed.zh !== 'string' || typeof parsed.en !== 'string') return { pinBefore: false };
    return { label: { zh: parsed.zh.slice(0, 200), en: parsed.en.slice(0, 200) }, pinBefore: parsed.pinBefore === true };
  } catch {
    return { pinBefore: false };
  }
}

/** A free `name (2).xlsx` when `name.xlsx` is taken. */
async function freeName(folder: string, name: string): Promise<string> {
  const stem = name.replace(/\.xlsx$/i, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}.xlsx` : `${stem} (${n}).xlsx`;
    const taken = await fs.lstat(join(folder, candidate)).then(
      () => true,
      () => false,
    );
    const history = await fs.lstat(join(folder, `.${candidate}.history`)).then(
      () => true,
      () => false,
    );
    if (!taken && !history) return candidate;
  }
}

/** A save, whole (PUT) or a patch (PATCH), based on the revision the page has. */
const save: Route = async ({ req, res, book, storeOf }) => {
  const store = await storeOf(book);
  const base = Number(req.headers['x-base-revision']);
  if (!Number.isInteger(base)) throw new RequestRefused(400, 'A save needs the x-base-revision header.');
  const body = (await readBody(req, LIMITS.snapshotBytes)).toString('utf8');
  const { label, pinBefore } = changeOf(req);
  const saved =
    req.method === 'PATCH' ? await store.savePatch(base, body, label, pinBefore) : await store.save(base, body, label, pinBefore);
  sendJson(res, 200, saved);
};

export const ROUTES: Readonly<Record<string, Route>> = {
  'GET /api/workbook': async ({ res, book, storeOf }) => {
    const store = await storeOf(book);
    const { revision, savedAt, snapshotText, notices } = store.current();
    const meta = JSON.stringify({ book: book ?? null, fileName: store.fileName, revision, savedAt, notices, file: store.fileStatus() });
    res.writeHead(200, { 'Content-Type': TYPES['.json'] as string, 'Cache-Control': 'no-store' });
    res.end(`${meta.slice(0, -1)},"snapshot":${snapshotText}}`);
    // While the page builds the sheet from it, the server has time to get ready for its saves.
    res.once('finish', () => setTimeout(() => store.prepareForPatches(), 50));
  },
  'PATCH /api/workbook': save,
  'PUT /api/workbook': save,
  'GET /api/file': async ({ res, url, book, storeOf }) => {
    const store = await storeOf(book);
    const revision = Number(url.searchParams.get('revision') ?? store.current().revision);
    sendJson(res, 200, await store.waitForFile(Number.isInteger(revision) ? revision : store.current().revision, 20_000));
  },
  'POST /api/target': async ({ res, url, book, storeOf }) => {
    const store = await storeOf(book);
    const to = url.searchParams.get('to');
    if (to !== 'original' && to !== 'copy') throw new RequestRefused(400, 'to must be original or copy.');
    sendJson(res, 200, await store.setTarget(to));
  },
  'POST /api/resolve': async ({ res, url, book, storeOf }) => {
    const store = await storeOf(book);
    const choice = url.searchParams.get('choice');
    if (choice !== 'theirs' && choice !== 'mine') throw new RequestRefused(400, 'choice must be theirs or mine.');
    sendJson(res, 200, await store.resolveOutside(choice));
  },
  'GET /api/versions': async ({ res, book, storeOf }) => {
    const store = await storeOf(book);
    sendJson(res, 200, { fileName: store.fileName, revision: store.current().revision, versions: await store.versions() });
  },
  'POST /api/restore': async ({ res, url, book, storeOf }) => {
    const store = await storeOf(book);
    const base = url.searchParams.get('base');
    const baseRevision = base === null ? undefined : Number(base);
    const file = url.searchParams.get('file');
    if (file !== null) sendJson(res, 200, await store.restoreFile(file, baseRevision));
    else sendJson(res, 200, await store.restore(Number(url.searchParams.get('revision')), baseRevision));
  },
  'GET /api/books': async ({ res, workbooksDir, startFile }) => {
    const names = (await fs.readdir(workbooksDir).catch(() => [] as string[])).filter(isPlainWorkbookName).sort();
    const started = basename(startFile);
    sendJson(res, 200, { folder: workbooksDir, started, books: [...new Set([started, ...names])] });
  },
  'POST /api/upload': async ({ req, res, url, storeAt, workbooksDir }) => {
    const name = url.searchParams.get('name') ?? '';
    const locale = localeOf(url);
    if (!isPlainWorkbookName(name)) throw new RequestRefused(400, `Refused: "${name}" is not a plain .xlsx file name.`);
    const body = await readBody(req, LIMITS.fileBytes);
    // Parse (bounded, off this thread) before anything is written: a file that does not open leaves no trace.
    const opened = await openXlsxBounded(body, name, locale);
    const target = await freeName(workbooksDir, name);
    await fs.mkdir(workbooksDir, { recursive: true });
    await fs.writeFile(join(workbooksDir, target), body, { flag: 'wx' });
    const store = await storeAt(join(workbooksDir, target), { bytes: body, opened });
    sendJson(res, 200, {
      book: target,
      revision: store.current().revision,
      notices: store.current().notices,
      file: store.fileStatus(),
    });
  },
  'GET /api/download': async ({ res, url, book, storeOf }) => {
    const store = await storeOf(book);
    const portable = url.searchParams.get('portable') === '1';
    const { buffer, frozenToValues } = await store.xlsxBytes(portable);
    const stem = store.fileName.replace(/\.xlsx$/i, '');
    // The primary download computes anywhere (native formulas); the SALES.* form is for Excel with the add-in.
    const fileName = portable ? `${stem}.xlsx` : `${stem} (SALES).xlsx`;
    res.writeHead(200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
      'X-Frozen-To-Values': String(frozenToValues.length),
    });
    res.end(buffer);
  },
  'POST /api/import': async ({ req, res, url }) => {
    const name = url.searchParams.get('name') ?? '';
    const sheet = url.searchParams.get('sheet');
    const body = await readBody(req, LIMITS.fileBytes);
    sendJson(res, 200, await importSheet(body, basename(name), sheet ?? undefined, localeOf(url)));
  },
};
