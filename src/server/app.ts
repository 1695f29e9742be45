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
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Locale } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
import { RequestRefused, checkHost, checkOrigin, checkToken, resolveWorkbook } from './guard';
import { LIMITS, TooLarge, megabytes, sendError, sendJson } from './http';
import { ROUTES, type RouteContext } from './routes';
import { serveStatic } from './static';
import { RevisionConflict, WorkbookStore } from './store';
import { stopXlsxExporter } from './xlsxExporter';

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

export interface App {
  readonly server: Server;
  readonly token: string;
  /** Writes pending .xlsx exports; call before stopping. */
  flush(): Promise<void>;
  /** Flushes, stops listening and stops the export worker. */
  close(): Promise<void>;
  store(book: string | null): Promise<WorkbookStore>;
}

/** An error as the page is told it: refusals, conflicts and limits by their status, anything else as 500. */
function answerError(res: ServerResponse, url: URL, error: unknown): void {
  if (error instanceof RequestRefused) sendError(res, error.status, error.message);
  else if (error instanceof RevisionConflict) sendJson(res, 409, { error: 'conflict', revision: error.current });
  else if (error instanceof TooLarge) {
    // The body is not read: the connection must not carry the next request (a keep-alive
    // client would have its next request taken for the rest of this body).
    if (!res.headersSent) res.setHeader('Connection', 'close');
    const limit = url.pathname === '/api/workbook' ? LIMITS.snapshotBytes : LIMITS.fileBytes;
    sendError(res, 413, `Too large: the limit is ${megabytes(limit)}.`);
  } else if (error instanceof WorkbookFileError) sendError(res, error.status, error.message);
  else {
    console.error(error);
    sendError(res, 500, error instanceof Error ? error.message : String(error));
  }
}

export function createApp(options: AppOptions): App {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const distDir = resolve(options.distDir);
  const workbooksDir = resolve(options.workbooksDir);
  const startFile = resolve(options.startFile);
  const stores = new Map<string, Promise<WorkbookStore>>();

  const storeAt: RouteContext['storeAt'] = (path, known) => {
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

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      try {
        const { port } = server.address() as AddressInfo;
        checkHost(req, port);
        if (url.pathname.startsWith('/api/')) {
          checkOrigin(req, port);
          checkToken(req, token);
          const route = `${req.method} ${url.pathname}`;
          const handler = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
          if (!handler) throw new RequestRefused(404, `No such API: ${route}`);
          await handler({ req, res, url, book: url.searchParams.get('book'), storeOf, storeAt, workbooksDir, startFile });
        } else if (req.method === 'GET' || req.method === 'HEAD') await serveStatic(url, res, distDir, token);
        else throw new RequestRefused(405, 'Method not allowed.');
      } catch (error) {
        answerError(res, url, error);
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
