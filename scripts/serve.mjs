// Serves the built dist/ folder over plain HTTP on localhost (no certificates, no Office needed).
// `/` opens the embedded web spreadsheet host. PORT overrides 3000.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 3000);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

if (!existsSync(root)) {
  console.error(`Nothing to serve: ${root} does not exist. Run "npm run build" first.`);
  process.exit(1);
}

export const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const home = existsSync(join(root, 'index.html')) ? '/index.html' : '/taskpane.html';
  const wanted = decodeURIComponent(url.pathname === '/' ? home : url.pathname);
  const file = normalize(join(root, wanted));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${wanted}`);
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
});

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT=…` : error.message);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`销售复盘 Sales Review is running at http://localhost:${actual}/  (Ctrl+C to stop)`);
});
