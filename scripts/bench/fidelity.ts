/**
 * What our round trip keeps of real workbooks (the corpus of test/fixtures/corpus/corpus.json,
 * fetched by scripts/fetch-corpus.sh): per feature, how many files hold it, how many of its items
 * they hold and how many our read-then-write keeps. A file that would lose anything is never
 * written over (src/server/store.ts): these are the figures that decide it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx } from '../../src/files/xlsxFidelity';
import { FEATURE_KINDS, inventoryXlsx } from '../../src/files/xlsxInventory';

const ROOT = join(__dirname, '..', '..');

export async function fidelityBench(): Promise<void> {
  const list = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'corpus.json'), 'utf8')) as {
    files: { name: string; package: string }[];
  };
  const dir = join(ROOT, '.cache', 'corpus', 'files');
  const present = list.files.filter((f) => existsSync(join(dir, f.package, f.name)));
  if (present.length === 0) {
    console.log('Round-trip fidelity: the corpus is not fetched — run `bash scripts/fetch-corpus.sh` first.\n');
    return;
  }
  const held = new Map(FEATURE_KINDS.map((k) => [k, { files: 0, items: 0, lost: 0 }]));
  let inPlace = 0;
  let unreadable = 0;
  let ms = 0;
  for (const file of present) {
    const bytes = readFileSync(join(dir, file.package, file.name));
    const started = performance.now();
    try {
      const opened = await openXlsx(bytes, file.name, 'en-US');
      ms += performance.now() - started;
      const before = await inventoryXlsx(bytes);
      for (const kind of FEATURE_KINDS) {
        const row = held.get(kind);
        if (!row || before[kind].length === 0) continue;
        row.files++;
        row.items += before[kind].length;
        row.lost += opened.lost.find((l) => l.kind === kind)?.count ?? 0;
      }
      if (opened.lost.length === 0) inPlace++;
    } catch {
      unreadable++;
    }
  }
  console.log(`Round-trip fidelity on ${present.length} real workbooks (read → write → count again)`);
  console.table(
    FEATURE_KINDS.filter((k) => (held.get(k)?.files ?? 0) > 0).map((kind) => {
      const row = held.get(kind) ?? { files: 0, items: 0, lost: 0 };
      return { feature: kind, files: row.files, held: row.items, kept: row.items - row.lost, lost: row.lost };
    }),
  );
  console.log(
    `${inPlace} files kept whole (written in place), ${present.length - inPlace - unreadable} saved to a copy, ${unreadable} not readable (kept as they are); opening + round trip ${Math.round(ms)} ms in all\n`,
  );
}
