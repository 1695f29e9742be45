/**
 * The real-workbook corpus (test/fixtures/corpus/corpus.json, fetched by scripts/fetch-corpus.sh
 * from Debian packages): its files, each with where it came from. In CI the corpus must be there;
 * elsewhere a missing corpus fails too, with the command that brings it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusFile {
  readonly name: string;
  readonly package: string;
  readonly version: string;
  readonly path: string;
  readonly madeBy: string;
  readonly licence: string;
  /** Where the fetched copy is. */
  readonly local: string;
}

const ROOT = join(__dirname, '..', '..');
export const CORPUS_DIR = process.env.SALES_REVIEW_CORPUS ?? join(ROOT, '.cache', 'corpus');

export function corpusFiles(): CorpusFile[] {
  const list = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'corpus.json'), 'utf8')) as {
    files: Omit<CorpusFile, 'local'>[];
  };
  return list.files.map((f) => ({ ...f, local: join(CORPUS_DIR, 'files', f.package, f.name) }));
}

/** Throws (once, for the whole suite) when the corpus has not been fetched. */
export function requireCorpus(): void {
  const missing = corpusFiles().filter((f) => !existsSync(f.local));
  if (missing.length > 0)
    throw new Error(
      `${missing.length} corpus workbooks are missing (e.g. ${missing[0]?.local}): run "bash scripts/fetch-corpus.sh" (npm test does).`,
    );
}
