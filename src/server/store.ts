/**
 * One workbook on disk, as the web host's server keeps it. The source of truth is the history
 * folder beside the .xlsx (`.team.xlsx.history/`): every save is a new version file holding the
 * Univer snapshot, written atomically; the newest version that parses is the workbook. The .xlsx
 * itself is an export, rewritten (atomically) within seconds of each save so Excel or LibreOffice
 * can open it at any time; when someone edits the .xlsx outside, the next start opens their file
 * as a new version (the previous one stays in the history).
 *
 * Revisions make concurrent tabs safe: a save names the revision it was based on, and a save based
 * on anything but the newest is refused (the writer is told to reload) — never merged or lost.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locale } from '../core';
import { blankSnapshot, isWorkbookSnapshot } from '../files/snapshot';
import { WorkbookFileError } from '../files/xlsxGuard';
import { readXlsx } from '../files/xlsxRead';
import { exportXlsx } from './xlsxExporter';
import { removeStaleTemps, writeFileAtomic } from './atomic';
import { type Bilingual, STORE_MESSAGES } from './messages';

export type VersionSource = 'new' | 'edit' | 'restore' | 'import';

export interface VersionInfo {
  readonly revision: number;
  readonly savedAt: string;
  readonly bytes: number;
  readonly source: VersionSource;
}

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
  /** Versions always kept, newest first (besides one per day). */
  readonly keepLatest?: number;
  /** Delay between the last save and the .xlsx export. */
  readonly exportDelayMs?: number;
  /** Language of the new workbook's name and of import messages. */
  readonly locale?: Locale;
}

const VERSION_FILE = /^r(\d{8})-(\d{8}T\d{9}Z)-(new|edit|restore|import)\.json$/;

const stamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:.]/g, '')
    .replace(/(\d{8}T\d{6})(\d{3})Z/, '$1$2Z');
const isoOfStamp = (s: string): string =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface Version extends VersionInfo {
  readonly file: string;
}

interface ExportState {
  /**
   * Hashes of the last .xlsx files this server wrote, with their revisions, to tell an outside edit
   * from our own export. Recorded before the file is renamed into place, so a kill between the two
   * still recognises whichever file is on disk.
   */
  readonly exports?: readonly { readonly hash: string; readonly revision: number }[];
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export class WorkbookStore {
  readonly historyDir: string;
  private revision = 0;
  private savedAt = new Date(0).toISOString();
  private snapshotText = '';
  private notices: Bilingual[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private exportTimer: NodeJS.Timeout | undefined;
  private exporting: Promise<void> = Promise.resolve();
  private exportedRevision = 0;
  private exportState: ExportState = {};
  private readonly keepLatest: number;
  private readonly exportDelayMs: number;
  private readonly locale: Locale;

  constructor(
    readonly xlsxPath: string,
    options: StoreOptions = {},
  ) {
    this.historyDir = join(dirname(xlsxPath), `.${basename(xlsxPath)}.history`);
    this.keepLatest = options.keepLatest ?? 20;
    this.exportDelayMs = options.exportDelayMs ?? 1000;
    this.locale = options.locale ?? 'zh-CN';
  }

  get fileName(): string {
    return basename(this.xlsxPath);
  }

  /** Loads the newest good version (setting aside versions that do not parse), or the .xlsx, or a new workbook. */
  async open(): Promise<void> {
    await fs.mkdir(this.historyDir, { recursive: true, mode: 0o700 });
    await removeStaleTemps(this.historyDir);
    await removeStaleTemps(dirname(this.xlsxPath));
    const state = await this.readState();
    const newest = await this.newestGoodVersion();
    const xlsx = await readIfExists(this.xlsxPath);
    const ours = xlsx === undefined ? undefined : state.exports?.find((e) => e.hash === sha256(xlsx));
    const outsideEdit = xlsx !== undefined && newest !== undefined && ours === undefined;
    this.exportState = state;

    if (newest) {
      this.revision = newest.revision;
      this.savedAt = newest.savedAt;
      this.snapshotText = newest.text;
      this.exportedRevision = ours?.revision ?? 0;
    }
    if (xlsx !== undefined && (newest === undefined || outsideEdit)) {
      try {
        const { snapshot, notImported } = await readXlsx(xlsx, this.fileName, this.locale);
        // The .xlsx is rewritten from the snapshot from now on: the file as it came stays in the history.
        const original = `original-${stamp(new Date())}.xlsx`;
        await writeFileAtomic(join(this.historyDir, original), xlsx);
        await this.commit(JSON.stringify(snapshot), 'import');
        if (outsideEdit) this.notices.push(STORE_MESSAGES.outsideEdit(this.fileName));
        if (notImported.length > 0)
          this.notices.push(STORE_MESSAGES.notImported(this.fileName, notImported, join(basename(this.historyDir), original)));
      } catch (error) {
        if (!(error instanceof WorkbookFileError)) throw error;
        const aside = await this.setAside(this.xlsxPath);
        this.notices.push(STORE_MESSAGES.xlsxSetAside(this.fileName, basename(aside), error.message));
      }
    }
    if (this.revision === 0) {
      const name = this.fileName.replace(/\.xlsx$/i, '');
      await this.commit(JSON.stringify(blankSnapshot(name, this.locale)), 'new');
    }
    // A missing or stale .xlsx is written shortly, not before the server can answer.
    if (this.exportedRevision !== this.revision || !(await readIfExists(this.xlsxPath))) this.scheduleExport();
  }

  /** The workbook now: revision, when it was saved, the snapshot as JSON text, and notices from opening it. */
  current(): { revision: number; savedAt: string; snapshotText: string; notices: readonly Bilingual[] } {
    return { revision: this.revision, savedAt: this.savedAt, snapshotText: this.snapshotText, notices: this.notices };
  }

  /** Saves a snapshot (JSON text) made from `baseRevision`; refuses with RevisionConflict when that is not the newest. */
  save(baseRevision: number, snapshotText: string): Promise<SaveResult> {
    return this.serial(async () => {
      if (baseRevision !== this.revision) throw new RevisionConflict(this.revision);
      let parsed: unknown;
      try {
        parsed = JSON.parse(snapshotText);
      } catch {
        throw new WorkbookFileError(STORE_MESSAGES.badSnapshot().en, 400);
      }
      if (!isWorkbookSnapshot(parsed)) throw new WorkbookFileError(STORE_MESSAGES.badSnapshot().en, 400);
      return this.commit(snapshotText, 'edit');
    });
  }

  /** Makes an earlier version the newest one (a new revision with its content: nothing is lost). */
  restore(revision: number, baseRevision?: number): Promise<SaveResult> {
    return this.serial(async () => {
      if (baseRevision !== undefined && baseRevision !== this.revision) throw new RevisionConflict(this.revision);
      const version = (await this.listVersions()).find((v) => v.revision === revision);
      if (!version) throw new WorkbookFileError(STORE_MESSAGES.noVersion(revision).en, 404);
      const text = await fs.readFile(join(this.historyDir, version.file), 'utf8');
      return this.commit(text, 'restore');
    });
  }

  /** Replaces the workbook with an imported snapshot (a new revision). */
  replace(snapshotText: string): Promise<SaveResult> {
    return this.serial(() => this.commit(snapshotText, 'import'));
  }

  async versions(): Promise<readonly VersionInfo[]> {
    return (await this.listVersions()).map(({ revision, savedAt, bytes, source }) => ({ revision, savedAt, bytes, source }));
  }

  /** Writes the .xlsx now if a save is waiting for it (the server calls this before it stops). */
  async flush(): Promise<void> {
    if (this.exportTimer) {
      clearTimeout(this.exportTimer);
      this.exportTimer = undefined;
      await this.exportNow();
    }
    await this.exporting;
  }

  /** The workbook as .xlsx bytes (portable: native formulas only). */
  async xlsxBytes(portable: boolean): Promise<{ buffer: Buffer; frozenToValues: readonly string[] }> {
    const { buffer, report } = await exportXlsx(this.snapshotText, portable);
    return { buffer, frozenToValues: report.frozenToValues };
  }

  // ---------------------------------------------------------------------------------------------

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commit(snapshotText: string, source: VersionSource): Promise<SaveResult> {
    const revision = this.revision + 1;
    const now = new Date();
    const file = `r${String(revision).padStart(8, '0')}-${stamp(now)}-${source}.json`;
    await writeFileAtomic(join(this.historyDir, file), snapshotText);
    this.revision = revision;
    this.savedAt = now.toISOString();
    this.snapshotText = snapshotText;
    await this.prune();
    this.scheduleExport();
    return { revision, savedAt: this.savedAt };
  }

  private scheduleExport(): void {
    if (this.exportTimer) return;
    this.exportTimer = setTimeout(() => {
      this.exportTimer = undefined;
      void this.exportNow().catch((error: unknown) => console.error(`Could not write ${this.xlsxPath}:`, error));
    }, this.exportDelayMs);
    // A pending export never keeps the process alive (the server flushes before it stops).
    this.exportTimer.unref();
  }

  private async exportNow(): Promise<void> {
    const previous = this.exporting;
    const run = (async () => {
      await previous;
      const revision = this.revision;
      const { buffer } = await exportXlsx(this.snapshotText);
      const exports = [{ hash: sha256(buffer), revision }, ...(this.exportState.exports ?? [])].slice(0, 3);
      this.exportState = { exports };
      await writeFileAtomic(join(this.historyDir, 'state.json'), JSON.stringify(this.exportState));
      await writeFileAtomic(this.xlsxPath, buffer);
      this.exportedRevision = revision;
    })();
    this.exporting = run.catch(() => undefined);
    await run;
  }

  private async readState(): Promise<ExportState> {
    const text = await readIfExists(join(this.historyDir, 'state.json'));
    if (!text) return {};
    try {
      return JSON.parse(text.toString('utf8')) as ExportState;
    } catch {
      return {};
    }
  }

  private async listVersions(): Promise<Version[]> {
    const names = await fs.readdir(this.historyDir);
    const versions: Version[] = [];
    for (const file of names) {
      const m = VERSION_FILE.exec(file);
      if (!m) continue;
      const stat = await fs.stat(join(this.historyDir, file)).catch(() => undefined);
      if (!stat) continue;
      versions.push({ file, revision: Number(m[1]), savedAt: isoOfStamp(m[2] as string), bytes: stat.size, source: m[3] as VersionSource });
    }
    return versions.sort((a, b) => b.revision - a.revision);
  }

  private async newestGoodVersion(): Promise<(Version & { text: string }) | undefined> {
    for (const version of await this.listVersions()) {
      const path = join(this.historyDir, version.file);
      const text = await fs.readFile(path, 'utf8');
      let good = false;
      try {
        good = isWorkbookSnapshot(JSON.parse(text));
      } catch {
        good = false;
      }
      if (good) return { ...version, text };
      const aside = await this.setAside(path);
      this.notices.push(STORE_MESSAGES.versionSetAside(version.revision, basename(aside)));
    }
    return undefined;
  }

  /** Renames a file that does not parse to `<name>.invalid` (or `.invalid2`…), never deleting it. */
  private async setAside(path: string): Promise<string> {
    for (let n = 1; ; n++) {
      const target = `${path}.invalid${n === 1 ? '' : n}`;
      if (await readIfExists(target)) continue;
      await fs.rename(path, target);
      return target;
    }
  }

  /** Keeps the newest `keepLatest` versions and the newest version of every day; deletes the rest. */
  private async prune(): Promise<void> {
    const versions = await this.listVersions();
    const keep = new Set(versions.slice(0, this.keepLatest).map((v) => v.file));
    const days = new Set<string>();
    for (const v of versions) {
      const day = v.savedAt.slice(0, 10);
      if (!days.has(day)) {
        days.add(day);
        keep.add(v.file);
      }
    }
    await Promise.all(versions.filter((v) => !keep.has(v.file)).map((v) => fs.rm(join(this.historyDir, v.file), { force: true })));
  }
}
