/**
 * Opening a user's .xlsx: the snapshot the web host works on, and what our round trip keeps of the
 * file. The round trip is tried for real (the snapshot written by our own writer and counted
 * again), so "kept" is measured, never assumed: whatever the original holds that the written copy
 * lacks is `lost`, and then no one writes over the original (src/server/store.ts, src/cli/book.ts).
 */
import type { Locale } from '../core';
import { type FeatureCount, countsOf, inventoryXlsx, lostFeatures } from './xlsxInventory';
import { type XlsxReadResult, readXlsx } from './xlsxRead';
import { writeXlsx } from './xlsxWrite';

export interface XlsxOpened extends XlsxReadResult {
  /** What the file holds, per feature. */
  readonly held: readonly FeatureCount[];
  /** What our round trip would not keep, per feature (empty: writing over the file loses nothing). */
  readonly lost: readonly FeatureCount[];
}

export async function openXlsx(bytes: Uint8Array, fileName: string, locale: Locale): Promise<XlsxOpened> {
  const read = await readXlsx(bytes, fileName, locale);
  const before = await inventoryXlsx(bytes);
  const { buffer } = await writeXlsx(read.snapshot, { portable: false });
  const after = await inventoryXlsx(buffer);
  return { ...read, held: countsOf(before), lost: lostFeatures(before, after) };
}
