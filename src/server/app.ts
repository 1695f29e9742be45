/**
 * The web host's local server: serves the built page (with this run's token written into it) and
 * the workbook API the page's autosave, File tab and version history use. Binds 127.0.0.1 only;
 * every request passes the checks of guard.ts first.
 *
 * API (all under /api, all need the token header; `book` = a file name in workbooks/, or none for
 * the file the server was started with):
 *   GET  /api/workbook?book         the snapshot, its revision, save time and notices
 *   PUT  /api/workbook?book         save (header x-base-revision); 409 when another tab saved first
 *   PATCH /api/workbook?book        save what changed since x-base-revision (src/files/snapshotPatch.ts)
 *   GET  /api/versions?book         the version history
 *   GET  /api/file?book&revision    where the work is written and whether the file holds `revision`
 *                                   (waits up to 20 s for it: the page says 已保存 only then)
 *   POST /api/target?book&to        write to the user's file (`original`, a deliberate conversion) or the copy
 *   POST /api/resolve?book&choice   after an outside change: `theirs` (open it) or `mine` (overwrite it)
 *   POST /api/restore?book&revision make an earlier version the newest (or &file= a kept original/outside file)
 *   GET  /api/books                 workbooks to open
 *   POST /api/upload?name           a copy of an uploaded .xlsx into workbooks/ (checked first)
 *   GET  /api/download?book&portable the workbook as .xlsx
 *   POST /api/import?name&sheet     a CSV or one .xlsx sheet as cells for a new sheet
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, resolve } from 'node:path';
import type { Locale } from '../core';
import { importSheet } from '../files/importSheet';
import { WorkbookFileError } from '../files/xlsxGuard';
import { RequestRefused, checkHost, checkOrigin, checkToken, isPlainWorkbookName, resolveWorkbook } from './guard';
import { RevisionConflict, WorkbookStore } from './store';
import { stopXlsxExporter } from './xlsxExporter';
import { openXlsxBounded } from './xlsxOpener';
import type { Bilingual } from './messages';

export interface AppOptions {
  readonly distDir: string;
  readonly workbooksDir: string;
  /** The workbook opened when the page names none (created on first run). */
  readonly startFile: string;
  readonly token?: string;
  readonly exportDelayMs?: number;
  /** Language of a new workbook's name. */
  readonly locale?: Locale;
}

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

const LIMITS = {
  /** A saved snapshot: a 100,000-row × 10-column workbook is ~40 MB of JSON. */
  snapshotBytes: 256 * 1024 * 1024,
  /** An uploaded or imported file. */
  fileBytes: 64 * 1024 * 1024,
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new TooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { error: message });
}

const localeOf = (url: URL): Locale => (url.searchParams.get('lang') === 'en-US' ? 'en-US' : 'zh-CN');

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

export interface App {
  readonly server: Server;
  readonly token: string;
  /** Writes pending .xlsx exports; call before stopping. */
  flush(): Promise<void>;
  /** Flushes, stops listening and stops the export worker. */
  close(): Promise<void>;
  store(book: string | null): Promise<WorkbookStore>;
}

export function createApp(options: AppOptions): App {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const distDir = resolve(options.distDir);
  const workbooksDir = resolve(options.workbooksDir);
  const startFile = resolve(options.startFile);
  const stores = new Map<string, Promise<WorkbookStore>>();

  const storeAt = (path: string, known?: Parameters<WorkbookStore['open']>[0]): Promise<WorkbookStore> => {
    let store = stores.get(path);
    if (!store) {
      const created = new WorkbookStore(path, {
        exportDelayMs: options.exportDelayMs,
        ...(options.locale ? { locale: options.locale } : {}),
      });
      store = created.open(known).then(() => created);
      store.catch(() => stores.delete(path));
      stores.set(path, store);
    }
    return store;
  };
  const storeOf = async (book: string | null): Promise<WorkbookStore> => storeAt(await resolveWorkbook(workbooksDir, book, startFile));

  async function servePage(res: ServerResponse, file: string): Promise<void> {
    const html = await fs.readFile(file, 'utf8');
    // The token lives only in the page this server sends; other sites cannot read it (same-origin policy).
    const withToken = html.replace('<head>', `<head>\n    <meta name="sales-review-token" content="${token}" />`);
    res
      .writeHead(200, {
        'Content-Type': TYPES['.html'] as string,
        'Cache-Control': 'no-store',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
      })
      .end(withToken);
  }

  async function serveStatic(url: URL, res: ServerResponse): Promise<void> {
    const home = (await fs.stat(join(distDir, 'index.html')).catch(() => undefined)) ? '/index.html' : '/taskpane.html';
    let wanted: string;
    try {
      wanted = decodeURIComponent(url.pathname === '/' ? home : url.pathname);
    } catch {
      throw new RequestRefused(400, 'Bad path.');
    }
    if (wanted.includes('\0')) throw new RequestRefused(400, 'Bad path.');
    const file = normalize(join(distDir, wanted));
    const stat = file.startsWith(distDir + '/') ? await fs.stat(file).catch(() => undefined) : undefined;
    if (!stat?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${wanted}`);
      return;
    }
    if (basename(file) === 'index.html') return servePage(res, file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    createReadStream(file).pipe(res);
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    checkToken(req, token);
    const book = url.searchParams.get('book');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/workbook': {
        const store = await storeOf(book);
        const { revision, savedAt, snapshotText, notices } = store.current();
        const meta = JSON.stringify({ book: book ?? null, fileName: store.fileName, revision, savedAt, notices, file: store.fileStatus() });
        res.writeHead(200, { 'Content-Type': TYPES['.json'] as string, 'Cache-Control': 'no-store' });
        res.end(`${meta.slice(0, -1)},"snapshot":${snapshotText}}`);
        // While the page builds the sheet from it, the server has time to get ready for its saves.
        res.once('finish', () => setTimeout(() => store.prepareForPatches(), 50));
        return;
      }
      case 'PUT /api/workbook':
      case 'PATCH /api/workbook': {
        const store = await storeOf(book);
        const base = Number(req.headers['x-base-revision']);
        if (!Number.isInteger(base)) throw new RequestRefused(400, 'A save needs the x-base-revision header.');
        const body = (await readBody(req, LIMITS.snapshotBytes)).toString('utf8');
        const { label, pinBefore } = changeOf(req);
        const saved =
          req.method === 'PATCH' ? await store.savePatch(base, body, label, pinBefore) : await store.save(base, body, label, pinBefore);
        sendJson(res, 200, saved);
        return;
      }
      case 'GET /api/file': {
        const store = await storeOf(book);
        const revision = Number(url.searchParams.get('revision') ?? store.current().revision);
        sendJson(res, 200, await store.waitForFile(Number.isInteger(revision) ? revision : store.current().revision, 20_000));
        return;
      }
      case 'POST /api/target': {
        const store = await storeOf(book);
        const to = url.searchParams.get('to');
        if (to !== 'original' && to !== 'copy') throw new RequestRefused(400, 'to must be original or copy.');
        sendJson(res, 200, await store.setTarget(to));
        return;
      }
      case 'POST /api/resolve': {
        const store = await storeOf(book);
        const choice = url.searchParams.get('choice');
        if (choice !== 'theirs' && choice !== 'mine') throw new RequestRefused(400, 'choice must be theirs or mine.');
        sendJson(res, 200, await store.resolveOutside(choice));
        return;
      }
      case 'GET /api/versions': {
        const store = await storeOf(book);
        sendJson(res, 200, { fileName: store.fileName, revision: store.current().revision, versions: await store.versions() });
        return;
      }
      case 'POST /api/restore': {
        const store = await storeOf(book);
        const base = url.searchParams.get('base');
        const baseRevision = base === null ? undefined : Number(base);
        const file = url.searchParams.get('file');
        if (file !== null) sendJson(res, 200, await store.restoreFile(file, baseRevision));
        else sendJson(res, 200, await store.restore(Number(url.searchParams.get('revision')), baseRevision));
        return;
      }
      case 'GET /api/books': {
        const names = (await fs.readdir(workbooksDir).catch(() => [] as string[])).filter(isPlainWorkbookName).sort();
        const started = basename(startFile);
        sendJson(res, 200, { folder: workbooksDir, started, books: [...new Set([started, ...names])] });
        return;
      }
      case 'POST /api/upload': {
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
        return;
      }
      case 'GET /api/download': {
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
        return;
      }
      case 'POST /api/import': {
        const name = url.searchParams.get('name') ?? '';
        const sheet = url.searchParams.get('sheet');
        const body = await readBody(req, LIMITS.fileBytes);
        sendJson(res, 200, await importSheet(body, basename(name), sheet ?? undefined, localeOf(url)));
        return;
      }
      default:
        throw new RequestRefused(404, `No such API: ${route}`);
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      try {
        const { port } = server.address() as AddressInfo;
        checkHost(req, port);
        if (url.pathname.startsWith('/api/')) {
          checkOrigin(req, port);
          await api(req, res, url);
        } else if (req.method === 'GET' || req.method === 'HEAD') await serveStatic(url, res);
        else throw new RequestRefused(405, 'Method not allowed.');
      } catch (error) {
        if (error instanceof RequestRefused) sendError(res, error.status, error.message);
        else if (error instanceof RevisionConflict) sendJson(res, 409, { error: 'conflict', revision: error.current });
        else if (error instanceof TooLarge) {
          // The body is not read: the connection must not carry the next request (a keep-alive
          // client would have its next request taken for the rest of this body).
          if (!res.headersSent) res.setHeader('Connection', 'close');
          sendError(
            res,
            413,
            `Too large: the limit is ${megabytes(url.pathname === '/api/workbook' ? LIMITS.snapshotBytes : LIMITS.fileBytes)}.`,
          );
        } else if (error instanceof WorkbookFileError) sendError(res, error.status, error.message);
        else {
          console.error(error);
          sendError(res, 500, error instanceof Error ? error.message : String(error));
        }
      }
    })();
  });

  return {
    server,
    token,
    async flush() {
      await Promise.all([...stores.values()].map(async (s) => (await s.catch(() => undefined))?.flush()));
    },
    async close() {
      await this.flush();
      await new Promise((resolve) => server.close(resolve));
      await stopXlsxExporter();
    },
    store: storeOf,
  };
}
