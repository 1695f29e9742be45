/** The built page and its files, with this run's token written into the page. */
import { createReadStream, promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, extname, join, normalize } from 'node:path';
import { RequestRefused } from './guard';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function servePage(res: ServerResponse, file: string, token: string): Promise<void> {
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

export async function serveStatic(url: URL, res: ServerResponse, distDir: string, token: string): Promise<void> {
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
  if (basename(file) === 'index.html') return servePage(res, file, token);
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}
