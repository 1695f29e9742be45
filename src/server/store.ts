/**
 * One workbook on disk, as the web host's server keeps it. The source of truth is the history
 * folder beside the .xlsx (`.team.xlsx.history/`): every save is a new version file holding the
 * Univer snapshot, written atomically; the newest version that parses is the workbook. The .xlsx
 * is written from it within seconds of each save — but only where that loses nothing:
 *
 * - Opening a user's file tries our round trip on it (src/files/xlsxFidelity.ts). When the file
 *   holds anything the round trip would lose, or is read-only, or cannot be read, the user's file is
 *   never written: the work goes to a copy beside it (`team (销售复盘).xlsx`) and the page is told
 *   what the original holds that the copy cannot. The user may convert deliberately (setTarget).
 * - Nothing is written when the server starts: the history folder and the first version appear
 *   with the first save (or when the page asks for the history).
 * - Before every write the file on disk is compared with what we last wrote: a change made by
 *   another program is kept in the history and the write waits for the user's choice; while Excel
 *   or LibreOffice holds a lock file the write waits (src/server/targetWriter.ts writes the file).
 *
 * Revisions make concurrent tabs safe: a save names the revision it was based on, and a save based
 * on anything but the newest is refused (the writer is told to reload) — never merged or lost.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locale } from '../core';
import { type WorkbookSnapshot, blankSnapshot } from '../files/snapshot';
import { WorkbookFileError } from '../files/xlsxGuard';
import type { FileStatus } from '../workbook/files';
import { removeStaleTemps, removeStaleTempsOf } from '../files/atomic';
import { type Bilingual, FILE_MESSAGES, STORE_MESSAGES, writeFailure } from './messages';
import { type FileState, holdTextOf, lostTextOf, withTargetNotices } from './fileState';
import { ParsedSnapshot } from './parsedSnapshot';
import { checkPatchText, checkSnapshotText } from './snapshotCheck';
import { TargetWriter } from './targetWriter';
import { freeCopyName, isReadOnly, readIfExists, sha256, writablePath } from './userFile';
import { VersionHistory, type VersionInfo, type VersionSource, stampOf } from './versions';
import { type OpenedXlsx, openXlsxBounded } from './xlsxOpener';
import { exportXlsx } from './xlsxExporter';

export type { VersionInfo, VersionSource };

export interface SaveResult {
  readonly revision: number;
  readonly savedAt: string;
}

export class RevisionConflict extends Error {
  constructor(readonly current: number) {
    super(`revision conflict: the workbook is at revision ${current}`);
    this.name = 'RevisionConflict';
  }
}

export interface StoreOptions {
  /** Versions always kept, newest first (besides one per day and the pinned ones). */
  readonly keepLatest?: number;
  /** Delay between the last save and the .xlsx export. */
  readonly exportDelayMs?: number;
  /** Language of the new workbook's name and of import messages. */
  readonly locale?: Locale;
}

/** The first version, kept in memory until something asks for the history. */
interface PendingStart {
  readonly snapshotText: string;
  readonly source: VersionSource;
  readonly label?: Bilingual;
  /** The user's file as it came, kept byte for byte in the history. */
  readonly keep?: { readonly name: string; readonly bytes: Buffer };
}

export class WorkbookStore {
  readonly historyDir: string;
  private readonly history: VersionHistory;
  private revision = 0;
  private savedAt = new Date(0).toISOString();
  private snapshotText = '';
  /** `snapshotText` parsed, for the saves that send only what changed. */
  private readonly parsed = new ParsedSnapshot(() => this.snapshotText);
  private notices: Bilingual[] = [];
  private pending: PendingStart | undefined;
  private state: FileState = {};
  private readOnly = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly writer: TargetWriter;
  private readonly locale: Locale;

  constructor(
    readonly xlsxPath: string,
    options: StoreOptions = {},
  ) {
    this.historyDir = join(dirname(xlsxPath), `.${basename(xlsxPath)}.history`);
    this.history = new VersionHistory(this.historyDir, options.keepLatest ?? 20);
    this.locale = options.locale ?? 'zh-CN';
    this.writer = new TargetWriter(
      {
        newest: () => ({ revision: this.revision, snapshotText: this.snapshotText }),
        targetPath: () => this.targetPath(),
        isOurs: (hash) =>
          (this.state.exports ?? []).some((e) => e.hash === hash) || (this.state.target !== 'copy' && this.state.original?.hash === hash),
        keepOutside: (bytes) => this.history.keep(`outside-${stampOf(new Date())}.xlsx`, bytes),
        recordWrite: async (hash, revision) => {
          this.state = { ...this.state, exports: [{ hash, revision }, ...(this.state.exports ?? [])].slice(0, 3) };
          await this.history.writeState(this.state);
        },
      },
      options.exportDelayMs ?? 1000,
    );
  }

  get fileName(): string {
    return basename(this.xlsxPath);
  }

  /**
   * Reads the workbook: the newest good version, or the user's file, or a new workbook. Writes
   * nothing to the user's file. `justOpened` is the file as it was just read and opened (an upload,
   * checked before it was kept): taken as it is when the file still holds those bytes, not parsed again.
   */
  async open(justOpened?: { readonly bytes: Uint8Array; readonly opened: OpenedXlsx }): Promise<void> {
    const folder = await fs.lstat(this.historyDir).catch(() => undefined);
    if (folder?.isSymbolicLink()) throw new WorkbookFileError(FILE_MESSAGES.historySymlink(this.historyDir).en, 403);
    if (folder) {
      await removeStaleTemps(this.historyDir);
      this.state = await this.history.readState<FileState>();
    }
    const newest = folder
      ? await this.history.newestGood((revision, aside) => this.notices.push(STORE_MESSAGES.versionSetAside(revision, aside)))
      : undefined;
    if (newest) {
      this.revision = newest.revision;
      this.savedAt = newest.savedAt;
      this.snapshotText = newest.text;
      this.parsed.set(undefined);
    }
    const real = await writablePath(this.xlsxPath);
    const bytes = await readIfExists(real);
    this.readOnly = bytes !== undefined && (await isReadOnly(real));
    const hash = bytes === undefined ? undefined : sha256(bytes);
    const ours = hash === undefined ? undefined : this.state.exports?.find((e) => e.hash === hash);
    const known = ours !== undefined || (hash !== undefined && this.state.original?.hash === hash);
    if (newest) this.writer.writtenRevision = ours?.revision ?? (known ? newest.revision : 0);

    if (bytes !== undefined && hash !== undefined && (!newest || !known)) {
      const stamp = stampOf(new Date());
      try {
        const opened =
          justOpened && sha256(justOpened.bytes) === hash ? justOpened.opened : await openXlsxBounded(bytes, this.fileName, this.locale);
        this.state = { ...this.state, original: { hash }, lost: [...opened.lost], exports: [] };
        delete this.state.unreadable;
        this.state.target = opened.lost.length > 0 ? 'copy' : 'original';
        const source: VersionSource = newest ? 'outside' : 'original';
        this.start({ snapshotText: opened.snapshotText, source, keep: { name: `${source}-${stamp}.xlsx`, bytes } });
        this.writer.writtenRevision = this.revision;
        if (newest) this.notices.push(STORE_MESSAGES.outsideEdit(this.fileName));
      } catch (error) {
        if (!(error instanceof WorkbookFileError)) throw error;
        this.state = { ...this.state, original: { hash }, target: 'copy', unreadable: error.message };
        if (newest) this.notices.push(FILE_MESSAGES.changedUnreadable(this.fileName, error.message));
        else this.start({ snapshotText: this.blank(), source: 'new', keep: { name: `original-${stamp}.xlsx`, bytes } });
      }
    } else if (!newest) {
      this.start({ snapshotText: this.blank(), source: 'new' });
      this.state.target = 'original';
    }
    if (this.readOnly) this.state.target = 'copy';
    if (this.state.target === 'copy' && !this.state.copyName) this.state.copyName = await freeCopyName(this.xlsxPath);
    // Work going to a copy: the copy holds what it was last written with, nothing while it does not exist.
    let copyMissing = false;
    if (this.state.target === 'copy') {
      const copyBytes = await readIfExists(await this.targetPath());
      copyMissing = copyBytes === undefined;
      const copyHash = copyBytes === undefined ? undefined : sha256(copyBytes);
      this.writer.writtenRevision = this.state.exports?.find((e) => e.hash === copyHash)?.revision ?? 0;
    }
    // An export killed mid-write leaves its temp file beside the workbook: ours, and its writer gone.
    await removeStaleTempsOf(dirname(this.xlsxPath), [this.fileName, ...(this.state.copyName ? [this.state.copyName] : [])]);
    this.noticeTarget();
    // A version newer than the file is written out once something was saved, not at start-up: a
    // copy nothing was ever edited into (the version opening made) is not written by a restart.
    const untouchedCopy = copyMissing && this.revision <= 1;
    if (newest && this.writer.writtenRevision !== this.revision && !this.pending && !untouchedCopy) this.writer.schedule();
  }

  /** The workbook now: revision, when it was saved, the snapshot as JSON text, and notices from opening it. */
  current(): { revision: number; savedAt: string; snapshotText: string; notices: readonly Bilingual[] } {
    return { revision: this.revision, savedAt: this.savedAt, snapshotText: this.snapshotText, notices: this.notices };
  }

  /** Parses the newest version ahead of the first patch (half a second at 100,000 rows), once the page has it. */
  prepareForPatches(): void {
    this.parsed.prepare();
  }

  /** Where the work is written, what the original holds that a copy cannot, and whether the file is up to date. */
  fileStatus(): FileStatus {
    const lost = this.state.lost ?? [];
    return {
      fileName: this.fileName,
      target: this.state.target ?? 'original',
      targetName: this.targetName(),
      lost: lost.map(({ kind, count }) => ({ kind, count })),
      lostText: lostTextOf(lost),
      readOnly: this.readOnly,
      ...(this.state.unreadable !== undefined ? { unreadable: this.state.unreadable } : {}),
      revision: this.revision,
      exportedRevision: this.writer.writtenRevision,
      ...(this.writer.hold ? { hold: this.writer.hold, holdText: holdTextOf(this.writer, this.targetName()) } : {}),
      ...(this.writer.error ? { error: this.writer.error } : {}),
    };
  }

  /** Resolves once the file holds `revision`, or the write is held or failed, or after `timeoutMs`. */
  async waitForFile(revision: number, timeoutMs: number): Promise<FileStatus> {
    await this.writer.waitFor(revision, timeoutMs);
    return this.fileStatus();
  }

  /** Saves a snapshot (JSON text) made from `baseRevision`; refuses with RevisionConflict when that is not the newest. */
  save(baseRevision: number, snapshotText: string, label?: Bilingual, pinBase = false): Promise<SaveResult> {
    return this.serial(async () => {
      if (baseRevision !== this.revision) throw new RevisionConflict(this.revision);
      const parsed = checkSnapshotText(snapshotText);
      await this.materialize();
      if (pinBase) await this.history.pin(this.revision);
      return this.commit(snapshotText, 'edit', label, parsed);
    });
  }

  /**
   * Saves what changed since `baseRevision` (src/files/snapshotPatch.ts): the patch is applied to
   * that revision's snapshot and the result is stored as a whole version, as save() stores one.
   */
  savePatch(baseRevision: number, patchText: string, label?: Bilingual, pinBase = false): Promise<SaveResult> {
    return this.serial(async () => {
      if (baseRevision !== this.revision) throw new RevisionConflict(this.revision);
      const { snapshot, text } = this.parsed.apply(checkPatchText(patchText));
      await this.materialize();
      if (pinBase) await this.history.pin(this.revision);
      return this.commit(text, 'edit', label, snapshot);
    });
  }

  /** Makes an earlier version the newest one (a new revision with its content: nothing is lost). */
  restore(revision: number, baseRevision?: number): Promise<SaveResult> {
    return this.serial(async () => {
      if (baseRevision !== undefined && baseRevision !== this.revision) throw new RevisionConflict(this.revision);
      await this.materialize();
      const text = await this.history.read(revision);
      if (text === undefined) throw new WorkbookFileError(STORE_MESSAGES.noVersion(revision).en, 404);
      await this.history.pin(this.revision);
      return this.commit(text, 'restore', STORE_MESSAGES.restoredFrom(revision));
    });
  }

  /** Makes a file kept in the history (the original, an outside change) the newest version. */
  restoreFile(name: string, baseRevision?: number): Promise<SaveResult> {
    return this.serial(async () => {
      if (baseRevision !== undefined && baseRevision !== this.revision) throw new RevisionConflict(this.revision);
      await this.materialize();
      const bytes = await this.history.readKept(name);
      if (!bytes) throw new WorkbookFileError(STORE_MESSAGES.noKeptFile(name).en, 404);
      const opened = await openXlsxBounded(bytes, this.fileName, this.locale);
      await this.history.pin(this.revision);
      return this.commit(opened.snapshotText, 'restore', STORE_MESSAGES.restoredKept(name));
    });
  }

  /** Replaces the workbook with an imported snapshot (a new revision). */
  replace(snapshotText: string): Promise<SaveResult> {
    return this.serial(async () => {
      await this.materialize();
      return this.commit(snapshotText, 'import');
    });
  }

  /**
   * Writes the work to the user's file (`original`: a deliberate conversion that loses what
   * fileStatus().lost names; the file as it came stays in the history) or to the copy beside it.
   */
  setTarget(target: 'original' | 'copy'): Promise<FileStatus> {
    return this.serial(async () => {
      if (target === 'original' && this.readOnly)
        throw new WorkbookFileError(FILE_MESSAGES.readOnly(this.fileName, this.targetName()).en, 409);
      await this.materialize();
      this.state.target = target;
      if (target === 'copy' && !this.state.copyName) this.state.copyName = await freeCopyName(this.xlsxPath);
      this.state.exports = [];
      this.writer.writtenRevision = 0;
      await this.history.writeState(this.state);
      this.noticeTarget();
      await this.writer.writeNow();
      return this.fileStatus();
    });
  }

  /** After an outside change: `theirs` opens the changed file as the newest version, `mine` overwrites it. */
  resolveOutside(choice: 'theirs' | 'mine'): Promise<FileStatus> {
    return this.serial(async () => {
      if (this.writer.hold !== 'outside') return this.fileStatus();
      const path = await this.targetPath();
      const bytes = await readIfExists(path);
      if (choice === 'mine' || !bytes) {
        this.writer.overwriteOutside(bytes ? sha256(bytes) : undefined);
        await this.writer.writeNow();
        return this.fileStatus();
      }
      const opened = await openXlsxBounded(bytes, basename(path), this.locale);
      const hash = sha256(bytes);
      if (this.state.target === 'original') this.state = { ...this.state, original: { hash }, lost: [...opened.lost], exports: [] };
      else this.state.exports = [{ hash, revision: this.revision + 1 }, ...(this.state.exports ?? [])];
      await this.commit(opened.snapshotText, 'outside');
      this.writer.outsideTakenIn(this.revision);
      if (this.state.target === 'original' && opened.lost.length > 0) {
        this.state.target = 'copy';
        this.state.copyName ??= await freeCopyName(this.xlsxPath);
      }
      await this.history.writeState(this.state);
      return this.fileStatus();
    });
  }

  async versions(): Promise<readonly VersionInfo[]> {
    await this.serial(() => this.materialize());
    return this.history.list();
  }

  /** Writes the .xlsx now if a save is waiting for it (the server calls this before it stops). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** The workbook as .xlsx bytes (portable: native formulas only). */
  async xlsxBytes(portable: boolean): Promise<{ buffer: Buffer; frozenToValues: readonly string[] }> {
    const { buffer, report } = await exportXlsx(this.snapshotText, portable);
    return { buffer, frozenToValues: report.frozenToValues };
  }

  // ---------------------------------------------------------------------------------------------

  private blank(): string {
    return JSON.stringify(blankSnapshot(this.fileName.replace(/\.xlsx$/i, ''), this.locale));
  }

  private start(pending: PendingStart): void {
    this.pending = pending;
    this.revision += 1;
    this.savedAt = new Date().toISOString();
    this.snapshotText = pending.snapshotText;
    this.parsed.set(undefined);
  }

  private targetName(): string {
    return this.state.target === 'copy' && this.state.copyName ? this.state.copyName : this.fileName;
  }

  private async targetPath(): Promise<string> {
    return writablePath(join(dirname(this.xlsxPath), this.targetName()));
  }

  private noticeTarget(): void {
    this.notices = withTargetNotices(this.notices, this.state, {
      fileName: this.fileName,
      targetName: this.targetName(),
      readOnly: this.readOnly,
    });
  }

  /** Writes the history folder's first entries (the user's file as it came, the first version) once. */
  private async materialize(): Promise<void> {
    const pending = this.pending;
    await fs.mkdir(this.historyDir, { recursive: true, mode: 0o700 });
    if (!pending) return;
    if (pending.keep) await this.history.keep(pending.keep.name, pending.keep.bytes);
    await this.history.write(this.revision, this.savedAt, pending.source, pending.snapshotText, pending.label);
    await this.history.writeState(this.state);
    this.pending = undefined;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commit(snapshotText: string, source: VersionSource, label?: Bilingual, parsed?: WorkbookSnapshot): Promise<SaveResult> {
    const revision = this.revision + 1;
    const now = new Date();
    try {
      await this.history.write(revision, now.toISOString(), source, snapshotText, label);
    } catch (error) {
      throw new WorkbookFileError(FILE_MESSAGES.exportFailed(basename(this.historyDir), writeFailure(error)).en, 507);
    }
    this.revision = revision;
    this.savedAt = now.toISOString();
    this.snapshotText = snapshotText;
    this.parsed.set(parsed);
    await this.history.prune();
    this.writer.schedule();
    return { revision, savedAt: this.savedAt };
  }
}
