/**
 * What keeps the local server safe to leave running: only its own page may talk to it.
 * - `Host` must be localhost / 127.0.0.1 / [::1] on our port (a DNS-rebinding page has its own name);
 * - an `Origin`, when sent, must be our own;
 * - every /api request carries the per-run token that only the served page knows (a custom header,
 *   so a cross-site form or fetch cannot send it without a preflight we never allow);
 * - workbook names resolve inside `workbooks/` (or are the file the server was started with):
 *   `..`, separators, absolute paths, NUL bytes and symlinks out are refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join, relative, resolve, sep } from 'node:path';

export const TOKEN_HEADER = 'x-sales-review-token';

export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostAndPort(value: string): { host: string; port: string } | undefined {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value.trim().toLowerCase());
  return m ? { host: m[1] as string, port: m[2] ?? '80' } : undefined;
}

/** Refuses a request whose Host is not this machine on our port (DNS rebinding). */
export function checkHost(req: IncomingMessage, port: number): void {
  const parsed = hostAndPort(req.headers.host ?? '');
  if (!parsed || !LOCAL_HOSTS.has(parsed.host) || parsed.port !== String(port)) {
    throw new RequestRefused(
      421,
      `Refused: Host "${req.headers.host ?? ''}" is not this local server. Open http://localhost:${port}/ instead.`,
    );
  }
}

/** Refuses a request sent from another site's page. */
export function checkOrigin(req: IncomingMessage, port: number): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new RequestRefused(403, `Refused: foreign origin "${origin}".`);
  }
  const host = url.hostname === '::1' ? '[::1]' : url.hostname;
  if (url.protocol !== 'http:' || !LOCAL_HOSTS.has(host) || (url.port || '80') !== String(port)) {
    throw new RequestRefused(403, `Refused: requests from "${origin}" may not use this server.`);
  }
}

export function checkToken(req: IncomingMessage, token: string): void {
  const given = req.headers[TOKEN_HEADER];
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new RequestRefused(403, 'Refused: this request lacks the page token. Reload the page served by this server.');
  }
}

/** A workbook file name the user may give: one plain `.xlsx` name, nothing that walks out of the folder. */
export function isPlainWorkbookName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    !name.includes('\0') &&
    !name.includes('/') &&
    !name.includes('\\') &&
    name !== '.' &&
    name !== '..' &&
    !name.startsWith('.') &&
    /\.xlsx$/i.test(name) &&
    basename(name) === name
  );
}

/**
 * The path of a workbook named in a request: inside `folder`, not a symlink pointing out of it.
 * `undefined` name = the file the server was started with.
 */
export async function resolveWorkbook(folder: string, name: string | null, startFile: string): Promise<string> {
  if (name === null || name === '' || name === basename(startFile)) return startFile;
  if (!isPlainWorkbookName(name))
    throw new RequestRefused(400, `Refused: "${name}" is not a plain .xlsx file name inside the workbooks folder.`);
  const path = join(folder, name);
  const real = await fs.realpath(path).catch(() => undefined);
  if (real !== undefined) {
    const realFolder = await fs.realpath(folder);
    const rel = relative(realFolder, real);
    if (rel.startsWith('..') || rel.includes(sep) || resolve(realFolder, rel) !== real) {
      throw new RequestRefused(403, `Refused: "${name}" points outside the workbooks folder.`);
    }
  }
  return path;
}
