/**
 * Writes the workbook's .xlsx (the user's file or the copy beside it) from the store's newest
 * version, a moment after each save — and only where that overwrites nothing of anyone else's:
 * while Excel or LibreOffice holds its lock file the write waits and retries; a file on disk that
 * neither we wrote nor the user opened (another program saved it) is kept in the history and the
 * write waits for the user's choice. A failed write is reported, never taken for 已保存.
 * The store (src/server/store.ts) owns the versions; this owns when and whether the file follows.
 */
import { basename } from 'node:path';
import type { FileStatus } from '../workbook/files';
import { writeFileAtomic } from '../files/atomic';
import { type Bilingual, FILE_MESSAGES, writeFailure } from './messages';
import { lockFileOf, modeFor, readIfExists, sha256 } from './userFile';
import { exportXlsx } from './xlsxExporter';

const RETRY_HELD_MS = 3000;

/** What the writer reads from and reports to the store. */
export interface WriterSource {
  /** The newest revision and its snapshot (JSON text). */
  readonly newest: () => { readonly revision: number; readonly snapshotText: string };
  /** Where the file goes now (the target may change between writes). */
  readonly targetPath: () => Promise<string>;
  /** Whether bytes with this hash are ours: written by us, or the user's file as they opened it. */
  readonly isOurs: (hash: string) => boolean;
  /** Keeps a file another program wrote, byte for byte, in the history. */
  readonly keepOutside: (bytes: Buffer) => Promise<void>;
  /** Remembers (durably, before the file is replaced) that `hash` is what `revision` was written as. */
  readonly recordWrite: (hash: string, revision: number) => Promise<void>;
}

export class TargetWriter {
  /** The revision the file on disk holds (0: none of ours). */
  writtenRevision = 0;
  hold: FileStatus['hold'];
  /** The lock file that holds the write, while `hold` is 'locked'. */
  lockName = '';
  error: Bilingual | undefined;
  /** An outside version the user chose to overwrite (Keep mine). */
  private overwritable: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly source: WriterSource,
    private readonly delayMs: number,
  ) {}

  /** Writes after the delay (once, however many saves come meanwhile). */
  schedule(delay = this.delayMs): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow().catch((error: unknown) => console.error('Could not write the workbook file:', error));
    }, delay);
    // A pending write never keeps the process alive (the server flushes before it stops).
    this.timer.unref();
  }

  /** The user chose to overwrite the outside version whose hash this is (undefined: none on disk). */
  overwriteOutside(hash: string | undefined): void {
    this.overwritable = hash;
    this.hold = undefined;
  }

  /** The outside version was taken in as the newest version: nothing holds the write any more. */
  outsideTakenIn(revision: number): void {
    this.hold = undefined;
    this.writtenRevision = revision;
  }

  /** Writes now if a write is waiting (the server calls this before it stops). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.writeNow().catch(() => undefined);
    }
    await this.writing;
  }

  /** Resolves once the file holds `revision`, or the write is held or failed, or after `timeoutMs`. */
  async waitFor(revision: number, timeoutMs: number): Promise<void> {
    const settled = () => this.writtenRevision >= revision || this.hold !== undefined || this.error !== undefined;
    if (settled()) return;
    await new Promise<void>((resolve) => {
      const waiters = this.waiters;
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      function check(): void {
        if (settled()) done();
      }
      function done(): void {
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      }
      waiters.add(check);
    });
  }

  /** Writes the newest revision to the target unless it is there already, held, or someone else's. */
  async writeNow(): Promise<void> {
    const previous = this.writing;
    const run = (async () => {
      await previous;
      const { revision, snapshotText } = this.source.newest();
      if (revision <= this.writtenRevision || this.hold === 'outside') return;
      const path = await this.source.targetPath();
      const lock = await lockFileOf(path);
      if (lock) {
        this.hold = 'locked';
        this.lockName = lock;
        this.settle();
        this.schedule(RETRY_HELD_MS);
        return;
      }
      if (this.hold === 'locked') this.hold = undefined;
      const onDisk = await readIfExists(path);
      if (onDisk) {
        const hash = sha256(onDisk);
        if (hash !== this.overwritable && !this.source.isOurs(hash)) {
          await this.source.keepOutside(onDisk);
          this.hold = 'outside';
          this.settle();
          return;
        }
      }
      try {
        const { buffer } = await exportXlsx(snapshotText);
        await this.source.recordWrite(sha256(buffer), revision);
        await writeFileAtomic(path, buffer, { mode: await modeFor(path) });
        this.writtenRevision = revision;
        this.error = undefined;
        this.overwritable = undefined;
      } catch (error) {
        this.error = FILE_MESSAGES.exportFailed(basename(path), writeFailure(error));
        this.schedule(RETRY_HELD_MS * 3);
      }
      this.settle();
    })();
    this.writing = run.catch(() => undefined);
    await run;
  }

  private settle(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
