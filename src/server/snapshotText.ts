/**
 * The JSON text of a workbook snapshot, made again after a patch (src/files/snapshotPatch.ts)
 * without serialising the rows the patch did not touch: each sheet's cells are kept as text in
 * blocks of rows, and only the blocks holding a changed row are made again. At 100,000 rows that is
 * a few milliseconds instead of a quarter of a second per save. The text is what JSON.stringify
 * gives for the same snapshot (the test holds them equal).
 */
import { randomBytes } from 'node:crypto';
import type { WorkbookSnapshot } from '../files/snapshot';

/** Rows per block of text. */
const BLOCK_ROWS = 512;

type Rows = Readonly<Record<string, unknown>>;

interface SheetText {
  /** The cell map these blocks were made from (patches make a new one per changed sheet). */
  readonly cellData: Rows;
  /** Block index → the rows of that block as JSON members (`"1":{…},"2":{…}`); '' or a hole when none. */
  readonly blocks: (string | undefined)[];
}

const isRowIndex = (key: string): boolean => /^(0|[1-9]\d{0,8})$/.test(key);

function blockText(cellData: Rows, block: number): string {
  const members: string[] = [];
  for (let row = block * BLOCK_ROWS; row < (block + 1) * BLOCK_ROWS; row++) {
    const cells = cellData[row];
    if (cells !== undefined) members.push(`"${row}":${JSON.stringify(cells)}`);
  }
  return members.join(',');
}

/** Every block of a cell map, or undefined when a key is not a row index (then JSON.stringify says it). */
function allBlocks(cellData: Rows): (string | undefined)[] | undefined {
  const keys = Object.keys(cellData);
  if (!keys.every(isRowIndex)) return undefined;
  const blocks: string[] = [];
  let members: string[] = [];
  let current = -1;
  for (const key of keys) {
    const block = Math.floor(Number(key) / BLOCK_ROWS);
    if (block !== current) {
      if (current >= 0) blocks[current] = members.join(',');
      members = [];
      current = block;
    }
    const cells = cellData[key];
    if (cells !== undefined) members.push(`"${key}":${JSON.stringify(cells)}`);
  }
  if (current >= 0) blocks[current] = members.join(',');
  return blocks;
}

export class SnapshotTextWriter {
  private sheets = new Map<string, SheetText>();
  private readonly token = `\u0000cells-${randomBytes(16).toString('hex')}-`;

  /**
   * The JSON text of `snapshot`. `since`: the snapshot of the previous call and the rows changed
   * since (sheet id → row keys), when this one was made from it by a patch.
   */
  text(
    snapshot: WorkbookSnapshot,
    since?: { readonly base: WorkbookSnapshot; readonly rows: ReadonlyMap<string, Iterable<string>> },
  ): string {
    const next = new Map<string, SheetText>();
    const sheets: Record<string, unknown> = {};
    for (const [id, sheet] of Object.entries(snapshot.sheets)) {
      const cellData = sheet?.cellData as Rows | undefined;
      const made = cellData ? this.sheetText(id, cellData, since) : undefined;
      if (!made) {
        sheets[id] = sheet;
        continue;
      }
      next.set(id, made);
      sheets[id] = { ...sheet, cellData: `${this.token}${id}` };
    }
    this.sheets = next;
    let text = JSON.stringify({ ...snapshot, sheets });
    for (const [id, made] of next) {
      const marker = JSON.stringify(`${this.token}${id}`);
      const at = text.indexOf(marker);
      // The marker is random: finding it twice means a cell holds it, and the plain way is taken.
      if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
        this.sheets = new Map();
        return JSON.stringify(snapshot);
      }
      const cells = `{${made.blocks.filter((block) => block).join(',')}}`;
      text = text.slice(0, at) + cells + text.slice(at + marker.length);
    }
    return text;
  }

  private sheetText(id: string, cellData: Rows, since: Parameters<SnapshotTextWriter['text']>[1]): SheetText | undefined {
    const known = this.sheets.get(id);
    if (known && known.cellData === cellData) return known;
    const changed = since?.rows.get(id);
    if (known && changed && since?.base.sheets[id]?.cellData === known.cellData) {
      const blocks = [...known.blocks];
      const touched = new Set<number>();
      for (const key of changed) {
        if (!isRowIndex(key)) return this.whole(cellData);
        touched.add(Math.floor(Number(key) / BLOCK_ROWS));
      }
      for (const block of touched) blocks[block] = blockText(cellData, block);
      return { cellData, blocks };
    }
    return this.whole(cellData);
  }

  private whole(cellData: Rows): SheetText | undefined {
    const blocks = allBlocks(cellData);
    return blocks ? { cellData, blocks } : undefined;
  }
}
