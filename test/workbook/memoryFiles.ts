/**
 * An in-memory WorkbookFiles for component tests: a settable save state, a folder of books, a
 * version list, and a record of every call the pane makes.
 */
import type { Bilingual, ChangeLabel, FileStatus, ImportOutcome, SaveState, VersionEntry, WorkbookFiles } from '../../src/workbook/files';

export class MemoryFiles implements WorkbookFiles {
  readonly calls: string[] = [];
  fileName = 'team.xlsx';
  notices: readonly Bilingual[] = [];
  books = ['team.xlsx', 'east.xlsx', 'west.xlsx'];
  versions: VersionEntry[] = [
    {
      revision: 3,
      savedAt: new Date().toISOString(),
      bytes: 900,
      source: 'edit',
      label: { zh: '插入模板 表2', en: 'Inserted template Table 2' },
    },
    { revision: 2, savedAt: new Date().toISOString(), bytes: 800, source: 'edit', label: { zh: '编辑', en: 'Edit' }, pinned: true },
    { revision: 1, savedAt: new Date().toISOString(), bytes: 100, source: 'new', label: { zh: '新建', en: 'New' } },
    {
      file: 'original-20261201T080000000Z.xlsx',
      savedAt: new Date().toISOString(),
      bytes: 5000,
      source: 'original',
      label: { zh: '原始文件', en: 'Original file' },
    },
  ];
  /** Where the work is written (undefined: the host keeps its own files). */
  fileStatus: FileStatus | undefined = undefined;
  /** Labels the pane gave the next save, in order. */
  readonly labels: ChangeLabel[] = [];
  /** What the next importSheet answers (per call, in order). */
  imports: ImportOutcome[] = [];
  failNext: Error | undefined;
  frozenToValues = 0;
  private state: SaveState = { kind: 'saved', at: new Date(2026, 11, 1, 14, 2).toISOString() };
  private readonly listeners = new Set<(s: SaveState) => void>();

  setState(state: SaveState): void {
    this.state = state;
    this.listeners.forEach((l) => l(state));
  }
  getState(): SaveState {
    return this.state;
  }
  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private fail(): void {
    const error = this.failNext;
    this.failNext = undefined;
    if (error) throw error;
  }
  async saveNow(): Promise<void> {
    this.calls.push('saveNow');
  }
  async listBooks() {
    return { books: this.books, current: this.fileName, folder: '/home/me/workbooks' };
  }
  async openBook(name: string): Promise<void> {
    this.calls.push(`open ${name}`);
    this.fail();
  }
  async uploadWorkbook(_file: Blob, name: string) {
    this.calls.push(`upload ${name}`);
    this.fail();
    return { notices: [] };
  }
  async download(portable: boolean) {
    this.calls.push(`download ${portable ? 'portable' : 'xlsx'}`);
    this.fail();
    return { fileName: portable ? 'team.xlsx' : 'team (SALES).xlsx', frozenToValues: portable ? this.frozenToValues : 0 };
  }
  async importSheet(_file: Blob, name: string, sheet?: string): Promise<ImportOutcome> {
    this.calls.push(`import ${name}${sheet ? ` ${sheet}` : ''}`);
    this.fail();
    return this.imports.shift() ?? { kind: 'inserted', sheetName: name.replace(/\.\w+$/, ''), rows: 3, notImported: [] };
  }
  async listVersions() {
    return this.versions;
  }
  async restoreVersion(revision: number): Promise<void> {
    this.calls.push(`restore ${revision}`);
    this.fail();
  }
  reload(): void {
    this.calls.push('reload');
  }
  async restoreKept(file: string): Promise<void> {
    this.calls.push(`restore file ${file}`);
    this.fail();
  }
  getFileStatus(): FileStatus | undefined {
    return this.fileStatus;
  }
  async setTarget(target: 'original' | 'copy'): Promise<void> {
    this.calls.push(`target ${target}`);
    this.fail();
    if (this.fileStatus)
      this.fileStatus = { ...this.fileStatus, target, targetName: target === 'copy' ? 'team (销售复盘).xlsx' : this.fileStatus.fileName };
    this.setState(this.state);
  }
  async resolveOutside(choice: 'theirs' | 'mine'): Promise<void> {
    this.calls.push(`resolve ${choice}`);
    this.fail();
  }
  async labelNextSave(change: ChangeLabel): Promise<void> {
    this.labels.push(change);
  }
}
