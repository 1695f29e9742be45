/**
 * The web host's autosave (the policy is described in webFiles.ts): what changed is sent 2 s after
 * the last change, again after a failure with a growing pause, and followed until the user's file
 * holds it. One instance per page.
 */
import type { IWorkbookData, Univer } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
import type { FWorkbook } from '@univerjs/sheets/facade';
import type { Locale } from '../../../core';
import type { Bilingual, ChangeLabel, FileStatus, SaveState } from '../../../workbook/files';
import { ChangeTracker, type TrackedChanges, patchOf, resourcesOf } from './changeTracker';
import { type LoadedWorkbook, type ServerClient, ServerError } from './serverClient';

const AUTOSAVE_DELAY_MS = 2000;
const RETRY_MS = [2000, 5000, 10000, 30000];

export interface AutosaveOptions {
  /** The Univer the workbook lives in (its plugins' resources go with every save), and its facade. */
  readonly univer: Univer;
  readonly api: FUniver;
  readonly client: ServerClient;
  readonly loaded: LoadedWorkbook;
  readonly locale: Locale;
  readonly delayMs?: number;
  /**
   * The stored workbook could not be shown, and a blank one stands in: nothing typed there is
   * saved (it would replace the user's workbook), and this says why; the File tab's Restore works.
   */
  readonly holdSaves?: Bilingual;
}

const reasonOf = (error: unknown): Bilingual => {
  if (error instanceof ServerError)
    return {
      zh: `服务器拒绝保存(${error.status}):${error.message}`,
      en: `The server refused the save (${error.status}): ${error.message}`,
    };
  const text = error instanceof Error ? error.message : String(error);
  return {
    zh: `无法连接本地服务器(${text})。请确认 npm start 仍在运行;恢复后会自动保存。`,
    en: `Cannot reach the local server (${text}). Check that npm start is still running; saving resumes by itself.`,
  };
};

/** The server could not take a patch as sent (not the revision: that is a conflict, 409). */
const refusedPatch = (error: unknown): boolean => error instanceof ServerError && (error.status === 400 || error.status === 422);

export class Autosave {
  revision: number;
  fileStatus: FileStatus | undefined;
  nextChange: ChangeLabel | undefined;
  state: SaveState;
  dirty = false;
  saving: Promise<void> | undefined;
  readonly tracker: ChangeTracker;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fileTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private readonly delay: number;
  private readonly listeners = new Set<(state: SaveState) => void>();

  constructor(private readonly options: AutosaveOptions) {
    const { loaded } = options;
    this.delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.revision = loaded.revision;
    this.fileStatus = loaded.file;
    // 已保存 means the version and the file: a copy not written yet says so instead.
    const unwritten = loaded.file !== undefined && loaded.file.target === 'copy' && loaded.file.exportedRevision === 0;
    this.state = unwritten ? { kind: 'unwritten' } : { kind: 'saved', at: loaded.savedAt };
    this.tracker = new ChangeTracker(() => options.api.getActiveWorkbook()?.getId());
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setState(next: SaveState): void {
    this.state = next;
    this.listeners.forEach((listener) => listener(next));
  }

  workbook(): FWorkbook {
    const active = this.options.api.getActiveWorkbook();
    if (!active) throw new Error('no workbook');
    return active;
  }

  /** The user changed the workbook: say so, and save after the pause. */
  edited(): void {
    this.dirty = true;
    const kind = this.state.kind;
    if (kind === 'saved' || kind === 'unwritten' || kind === 'writingFile') this.setState({ kind: 'pending' });
    if (this.state.kind !== 'saving' && this.state.kind !== 'conflict') this.schedule(this.delay);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, ms);
  }

  async save(keepalive = false): Promise<void> {
    if (this.state.kind === 'conflict') return;
    if (this.options.holdSaves) {
      if (this.dirty) this.setState({ kind: 'unsaved', reason: this.options.holdSaves });
      this.dirty = false;
      return;
    }
    if (this.saving) {
      await this.saving;
      if (this.dirty) return this.save(keepalive);
      return;
    }
    if (!this.dirty) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.dirty = false;
    this.setState({ kind: 'saving' });
    const changes = this.tracker.take();
    const change = this.nextChange;
    this.nextChange = undefined;
    this.saving = this.send(changes, change, keepalive);
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
  }

  /** Sends what changed (a patch, else the whole workbook); a failure keeps it for the next try. */
  private async send(changes: TrackedChanges, change: ChangeLabel | undefined, keepalive: boolean): Promise<void> {
    const { client, univer } = this.options;
    const patch = changes.whole
      ? undefined
      : patchOf(this.workbook().getWorkbook().getSnapshot(), changes, resourcesOf(univer, this.workbook().getId()));
    const body = JSON.stringify(patch ?? (this.workbook().save() satisfies IWorkbookData));
    try {
      const result = patch
        ? await client.savePatch(this.revision, body, keepalive, change).catch((error: unknown) => {
            // A patch the server cannot apply: the whole workbook says the same, at once.
            if (!refusedPatch(error)) throw error;
            return client.save(this.revision, JSON.stringify(this.workbook().save()), keepalive, change);
          })
        : await client.save(this.revision, body, keepalive, change);
      this.revision = result.revision;
      this.failures = 0;
      if (this.dirty) {
        this.setState({ kind: 'pending' });
        this.schedule(this.delay);
        return;
      }
      // 已保存 means the version and the file: the version is kept now, the file follows.
      this.setState({ kind: 'writingFile', at: result.savedAt });
      await this.settleFile(result.revision, result.savedAt);
    } catch (error) {
      this.failed(changes, change, error);
    }
  }

  private failed(changes: TrackedChanges, change: ChangeLabel | undefined, error: unknown): void {
    if (error instanceof ServerError && error.status === 409) {
      this.setState({ kind: 'conflict' });
      return;
    }
    if (change && !this.nextChange) this.nextChange = change;
    // What the save had taken goes back; a patch the server could not apply, as the whole.
    if (refusedPatch(error) && !changes.whole) this.tracker.needWhole();
    else this.tracker.putBack(changes);
    this.dirty = true;
    this.setState({ kind: 'unsaved', reason: reasonOf(error) });
    this.schedule(RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] as number);
    this.failures++;
  }

  /** Follows the file until it holds `target` (or is held, or failed), then says so. */
  async settleFile(target: number, savedAt: string): Promise<void> {
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.fileTimer = undefined;
    const again = (ms: number | undefined): void => {
      this.fileTimer = setTimeout(() => void this.settleFile(target, savedAt), ms);
    };
    let status: FileStatus;
    try {
      status = await this.options.client.fileStatus(target);
    } catch (error) {
      this.setState({ kind: 'unsaved', reason: reasonOf(error) });
      again(RETRY_MS[1]);
      return;
    }
    this.fileStatus = status;
    if (this.dirty || this.revision !== target) return; // a newer save follows this one
    if (status.exportedRevision >= target) this.setState({ kind: 'saved', at: savedAt });
    else if (status.hold && status.holdText) {
      this.setState({ kind: 'held', hold: status.hold, reason: status.holdText });
      // A lock file goes away when the other program closes: look again.
      if (status.hold === 'locked') again(RETRY_MS[0]);
    } else if (status.error) {
      this.setState({ kind: 'unsaved', reason: status.error });
      again(RETRY_MS[2]);
    } else void this.settleFile(target, savedAt); // still writing: the server answered after its wait
  }

  /** Saves now; throws what stops the save, so an action that would leave the page does not. */
  async saveNow(): Promise<void> {
    await this.save();
    // A blank stand-in for a workbook that could not be shown is never saved: leaving it (to restore
    // a version, open or upload another book) loses nothing.
    if (this.options.holdSaves) return;
    const zh = this.options.locale === 'zh-CN';
    if (this.state.kind === 'unsaved') throw new Error(zh ? this.state.reason.zh : this.state.reason.en);
    if (this.state.kind === 'conflict')
      throw new Error(zh ? '另一个窗口已保存了此工作簿,请重新加载。' : 'Another tab saved this workbook: reload it.');
  }

  dispose(): void {
    if (this.fileTimer) clearTimeout(this.fileTimer);
    if (this.timer) clearTimeout(this.timer);
  }
}
