/** The server's plain HTTP parts: body limits, JSON answers and errors. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../core';

export const LIMITS = {
  /** A saved snapshot: a 100,000-row × 10-column workbook is ~40 MB of JSON. */
  snapshotBytes: 256 * 1024 * 1024,
  /** An uploaded or imported file. */
  fileBytes: 64 * 1024 * 1024,
} as const;

/** A body over its limit: refused with 413, the rest left unread. */
export class TooLarge extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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

export const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { error: message });
}

/** The language a request asks its answers in. */
export const localeOf = (url: URL): Locale => (url.searchParams.get('lang') === 'en-US' ? 'en-US' : 'zh-CN');
