/**
 * What the server remembers about the user's file between runs (the history folder's state.json),
 * and the notices that say where the work goes and why (src/server/store.ts keeps them).
 */
import { type FeatureCount, describeFeatures } from '../files/xlsxInventory';
import { type Bilingual, FILE_MESSAGES } from './messages';

export interface FileState {
  /** Hashes of the last files this server wrote to the target, with their revisions. */
  exports?: { hash: string; revision: number }[];
  /** The user's file as it was opened (so an untouched original is not taken for an outside edit). */
  original?: { hash: string };
  target?: 'original' | 'copy';
  copyName?: string;
  lost?: FeatureCount[];
  unreadable?: string;
}

/** What a copy cannot hold of the original, in both languages. */
export const lostTextOf = (lost: readonly FeatureCount[]): Bilingual => ({
  zh: describeFeatures(lost, 'zh-CN'),
  en: describeFeatures(lost, 'en-US'),
});

/** Why the file is not written now: another program holds it open, or changed it. */
export function holdTextOf(
  writer: { readonly hold?: 'locked' | 'outside' | undefined; readonly lockName: string },
  targetName: string,
): Bilingual | undefined {
  if (writer.hold === 'locked') return FILE_MESSAGES.locked(targetName, writer.lockName);
  if (writer.hold === 'outside') return FILE_MESSAGES.outsideChange(targetName);
  return undefined;
}

/** Notices about the target, replaced whenever the target changes. */
const TARGET_NOTICES = new WeakSet<Bilingual>();

/** `notices` with those about the target replaced by what `state` says now (first). */
export function withTargetNotices(
  notices: readonly Bilingual[],
  state: FileState,
  file: { readonly fileName: string; readonly targetName: string; readonly readOnly: boolean },
): Bilingual[] {
  const add: Bilingual[] = [];
  if (state.target === 'copy') {
    if (state.unreadable !== undefined) add.push(FILE_MESSAGES.unreadable(file.fileName, file.targetName, state.unreadable));
    else if (file.readOnly) add.push(FILE_MESSAGES.readOnly(file.fileName, file.targetName));
    else if ((state.lost ?? []).length > 0) add.push(FILE_MESSAGES.lossy(file.fileName, file.targetName, lostTextOf(state.lost ?? [])));
  }
  add.forEach((notice) => TARGET_NOTICES.add(notice));
  return [...add, ...notices.filter((notice) => !TARGET_NOTICES.has(notice))];
}
