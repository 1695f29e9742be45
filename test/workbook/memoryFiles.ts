/**
 * An in-memory WorkbookFiles for component tests: a settable save state, a folder of books, a
 * version list, and a record of every call the pane makes.
 */
import type { Bilingual, ImportOutcome, SaveState, VersionEntry, WorkbookFiles } from '../../src/workbook/files';

export class MemoryFiles implements WorkbookFiles {
  readonly calls: string[] = [];
  fileName = 'team.xlsx';
  notices: readonly Bilingual[] = [];
  books = ['team.xlsx', 'east.xlsx', 'west.xlsx'];
  versions: VersionEntry[] = [
    { revision: 3, savedAt: new Date().toISOString(), bytes: 900, source: 'edit' },
    { revision: 2, savedAt: new Date().toISOString(), bytes: 800, source: 'edit' },
    { revision: 1, savedAt: new Date().toISOString(), bytes: 100, source: 'new' },
  ];
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
    return { fileName: portable ? 'team-portable.xlsx' : 'team.xlsx', frozenToValues: portable ? this.frozenToValues : 0 };
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
}
