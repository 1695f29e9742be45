import { readFileSync } from 'node:fs';
import { readXlsx } from '../src/files/xlsxRead';
import { writeXlsx } from '../src/files/xlsxWrite';
import { inventoryXlsx, FEATURE_KINDS } from '../src/files/xlsxInventory';
(async () => {
  for (const p of process.argv.slice(2)) {
    const bytes = readFileSync(p);
    const r = await readXlsx(bytes, 'x.xlsx', 'en-US');
    const { buffer } = await writeXlsx(r.snapshot, {});
    const a = await inventoryXlsx(bytes), b = await inventoryXlsx(buffer);
    for (const k of FEATURE_KINDS) {
      const after = new Set(b[k]); const before = new Set(a[k]);
      const lost = a[k].filter((x) => !after.has(x)); const extra = b[k].filter((x) => !before.has(x));
      if (lost.length) console.log(p.split('/').pop(), k, 'LOST', lost.slice(0, 6), 'EXTRA', extra.slice(0, 6));
    }
  }
  process.exit(0);
})();
