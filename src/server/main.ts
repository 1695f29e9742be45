/**
 * `npm start [-- path/to/team.xlsx]` / `node scripts/serve.mjs [path/to/team.xlsx]`: serves the web
 * host on http://localhost:3000 (PORT overrides) working on that workbook, by default
 * `workbooks/sales-review.xlsx` in the project folder (created on first run).
 * SALES_REVIEW_WORKBOOKS moves the workbooks folder; SALES_REVIEW_DIST the built page.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createApp } from './app';

export const DEFAULT_WORKBOOK = 'sales-review.xlsx';

export async function main(argv: readonly string[], projectRoot: string): Promise<void> {
  const distDir = resolve(process.env.SALES_REVIEW_DIST ?? join(projectRoot, 'dist'));
  const workbooksDir = resolve(process.env.SALES_REVIEW_WORKBOOKS ?? join(projectRoot, 'workbooks'));
  const given = argv.find((a) => !a.startsWith('-'));
  if (given !== undefined && !/\.xlsx$/i.test(given)) {
    console.error(`"${given}" is not an .xlsx file name. Usage: npm start -- path/to/team.xlsx`);
    process.exit(2);
  }
  const startFile = resolve(given ?? join(workbooksDir, DEFAULT_WORKBOOK));
  if (!(await fs.stat(join(distDir, 'index.html')).catch(() => undefined))) {
    console.error(`Nothing to serve: ${distDir}/index.html does not exist. Run "npm run build" first.`);
    process.exit(1);
  }
  await fs.mkdir(workbooksDir, { recursive: true });
  await fs.mkdir(dirname(startFile), { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const app = createApp({ distDir, workbooksDir, startFile });
  const stop = (): void => {
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  app.server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT=…` : error.message);
    process.exit(1);
  });
  // Served at once: a big workbook takes seconds to read, and the page waits for it with the server up
  // (every request for it waits on the same read; nothing is written until a page saves).
  await new Promise<void>((resolve) => app.server.listen(port, '127.0.0.1', resolve));
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`销售复盘 Sales Review is running at http://localhost:${actual}/  (Ctrl+C to stop)`);
  console.log(`Workbook: ${startFile}`);
  const started = Date.now();
  let opened: Awaited<ReturnType<typeof app.store>>;
  try {
    opened = await app.store(null);
  } catch (error) {
    console.error(`Could not open ${startFile}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`Opened ${basename(startFile)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  const file = opened.fileStatus();
  if (file.target === 'copy') {
    const why = file.unreadable ?? (file.readOnly ? 'the file is read-only' : `it holds what the copy cannot keep: ${file.lostText.en}`);
    console.log(`${startFile} is never written (${why}); your changes are saved to ${join(dirname(startFile), file.targetName)}`);
  }
}
