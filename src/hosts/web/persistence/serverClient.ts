/**
 * The page's side of the local server's API (src/server/app.ts): every call carries the token the
 * server wrote into this page and names the workbook (`?book=` of the page's address).
 */
import type { ImportResult } from '../../../files/importSheet';
import type { Bilingual, ChangeLabel, FileStatus, VersionEntry } from '../../../workbook/files';

const TOKEN_HEADER = 'x-sales-review-token';

export interface LoadedWorkbook {
  readonly fileName: string;
  readonly revision: number;
  readonly savedAt: string;
  readonly notices: readonly Bilingual[];
  /** Where the work is written (the user's file or a copy beside it) and why. */
  readonly file?: FileStatus;
  readonly snapshot: unknown;
}

export class ServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly revision?: number,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** What /api/import answers: the importer's own result (src/files/importSheet.ts), as JSON. */
export type ImportResponse = ImportResult;

export interface ServerClient {
  readonly book: string | null;
  load(): Promise<LoadedWorkbook>;
  /** `keepalive` for a save while the page is going away (browsers cap such bodies at 64 KiB). */
  save(baseRevision: number, body: string, keepalive?: boolean, change?: ChangeLabel): Promise<{ revision: number; savedAt: string }>;
  /** As save, with what changed since `baseRevision` (src/files/snapshotPatch.ts as JSON) instead of the whole snapshot. */
  savePatch(baseRevision: number, body: string, keepalive?: boolean, change?: ChangeLabel): Promise<{ revision: number; savedAt: string }>;
  /** Where the work is written; waits (up to 20 s) until the file holds `revision` or cannot. */
  fileStatus(revision: number): Promise<FileStatus>;
  setTarget(target: 'original' | 'copy'): Promise<FileStatus>;
  resolveOutside(choice: 'theirs' | 'mine'): Promise<FileStatus>;
  restoreFile(file: string, baseRevision: number): Promise<{ revision: number }>;
  versions(): Promise<readonly VersionEntry[]>;
  restore(revision: number, baseRevision: number): Promise<{ revision: number }>;
  books(): Promise<{ books: readonly string[]; started: string; folder: string }>;
  upload(file: Blob, name: string, lang: string): Promise<{ book: string; notices: readonly Bilingual[] }>;
  download(portable: boolean): Promise<{ blob: Blob; fileName: string; frozenToValues: number }>;
  importFile(file: Blob, name: string, sheet: string | undefined, lang: string): Promise<ImportResponse>;
}

/** The token the server wrote into this page (`<meta name="sales-review-token">`). */
export function pageToken(doc: Document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[name="sales-review-token"]')?.content || undefined;
}

const KEEPALIVE_LIMIT = 64 * 1024;

export function createServerClient(token: string, book: string | null, base = ''): ServerClient {
  const query = (params: Record<string, string | number | undefined | null> = {}, ofBook = true): string => {
    const search = new URLSearchParams();
    if (ofBook && book !== null) search.set('book', book);
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) search.set(key, String(value));
    const text = search.toString();
    return text ? `?${text}` : '';
  };

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), [TOKEN_HEADER]: token },
      cache: 'no-store',
    });
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      let revision: number | undefined;
      try {
        const body = (await response.json()) as { error?: string; revision?: number };
        if (body.error) message = body.error;
        revision = body.revision;
      } catch {
        /* not JSON: keep the status line */
      }
      throw new ServerError(response.status, message, revision);
    }
    return response;
  }
  const json = async <T>(path: string, init?: RequestInit): Promise<T> => (await call(path, init)).json() as Promise<T>;
  const sendSave = (method: 'PUT' | 'PATCH', baseRevision: number, body: string, keepalive = false, change?: ChangeLabel) =>
    json<{ revision: number; savedAt: string }>(`/api/workbook${query()}`, {
      method,
      body,
      keepalive: keepalive && body.length < KEEPALIVE_LIMIT,
      headers: {
        'Content-Type': 'application/json',
        'x-base-revision': String(baseRevision),
        // Header values are Latin-1: the label travels percent-encoded.
        ...(change ? { 'x-change': encodeURIComponent(JSON.stringify({ ...change.label, pinBefore: change.pinBefore === true })) } : {}),
      },
    });

  return {
    book,
    load: () => json<LoadedWorkbook>(`/api/workbook${query()}`),
    save: (baseRevision, body, keepalive, change) => sendSave('PUT', baseRevision, body, keepalive, change),
    savePatch: (baseRevision, body, keepalive, change) => sendSave('PATCH', baseRevision, body, keepalive, change),
    fileStatus: (revision) => json(`/api/file${query({ revision })}`),
    setTarget: (target) => json(`/api/target${query({ to: target })}`, { method: 'POST' }),
    resolveOutside: (choice) => json(`/api/resolve${query({ choice })}`, { method: 'POST' }),
    restoreFile: (file, baseRevision) => json(`/api/restore${query({ file, base: baseRevision })}`, { method: 'POST' }),
    versions: async () => (await json<{ versions: VersionEntry[] }>(`/api/versions${query()}`)).versions,
    restore: (revision, baseRevision) => json(`/api/restore${query({ revision, base: baseRevision })}`, { method: 'POST' }),
    books: () => json(`/api/books`),
    upload: (file, name, lang) => json(`/api/upload${query({ name, lang }, false)}`, { method: 'POST', body: file }),
    async download(portable) {
      const response = await call(`/api/download${query({ portable: portable ? 1 : 0 })}`);
      const disposition = response.headers.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      return {
        blob: await response.blob(),
        fileName: encoded ? decodeURIComponent(encoded) : 'workbook.xlsx',
        frozenToValues: Number(response.headers.get('x-frozen-to-values') ?? 0),
      };
    },
    importFile: (file, name, sheet, lang) => json(`/api/import${query({ name, sheet, lang })}`, { method: 'POST', body: file }),
  };
}
