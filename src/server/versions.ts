/**
 * The history folder of one workbook: version files (`r00000012-20261206T101500000Z-edit.json`, the
 * Univer snapshot, written atomically), the user's files as they came (`original-….xlsx`,
 * `outside-….xlsx`, byte for byte), and `meta.json` with what made each version and which are
 * pinned. Pruning keeps the newest `keepLatest`, the newest of every day and every pinned version
 * (the one before each import, link, write-back and restore).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Bilingual } from '../workbook/files';
import { writeFileAtomic } from '../files/atomic';
import { checkSnapshotText } from './snapshotCheck';

export type VersionSource = 'new' | 'edit' | 'restore' | 'import' | 'original' | 'outside';

export interface VersionInfo {
  /** A version of the workbook, or (without revision) a file kept byte for byte. */
  readonly revision?: number;
  readonly file?: string;
  readonly savedAt: string;
  readonly bytes: number;
  readonly source: VersionSource;
  /** What made it, in both languages (插入模板 表2 / 导入 300 个商机 / 外部修改 …). */
  readonly label: Bilingual;
  readonly pinned?: boolean;
}

const VERSION_FILE = /^r(\d{8})-(\d{8}T\d{9}Z)-(new|edit|restore|import|original|outside)\.json$/;
const KEPT_FILE = /^(original|outside)-(\d{8}T\d{9}Z)\.xlsx$/;

const SOURCE_LABELS: Record<VersionSource, Bilingual> = {
  new: { zh: '新建', en: 'New' },
  edit: { zh: '编辑', en: 'Edit' },
  restore: { zh: '恢复', en: 'Restore' },
  import: { zh: '导入工作簿', en: 'Workbook imported' },
  original: { zh: '原始文件', en: 'Original file' },
  outside: { zh: '外部修改', en: 'Outside change' },
};

/** A file-name-safe UTC time stamp (`20261206T101500000Z`). */
export const stampOf = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:.]/g, '')
    .replace(/(\d{8}T\d{6})(\d{3})Z/, '$1$2Z');
const isoOfStamp = (s: string): string =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

interface Meta {
  labels?: Record<string, Bilingual>;
  pinned?: number[];
}

interface VersionFile {
  readonly file: string;
  readonly revision: number;
  readonly savedAt: string;
  readonly bytes: number;
  readonly source: VersionSource;
}

const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && typeof (value as Bilingual).zh === 'string' && typeof (value as Bilingual).en === 'string';

export class VersionHistory {
  constructor(
    readonly folder: string,
    private readonly keepLatest: number,
  ) {}

  async readState<T extends object>(): Promise<T> {
    return this.readJson<T>('state.json');
  }

  async writeState(state: object): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(this.folder, 'state.json'), JSON.stringify(state));
  }

  async write(revision: number, savedAt: string, source: VersionSource, text: string, label?: Bilingual): Promise<void> {
    const file = `r${String(revision).padStart(8, '0')}-${stampOf(new Date(savedAt))}-${source}.json`;
    await writeFileAtomic(join(this.folder, file), text);
    if (label) {
      const meta = await this.readJson<Meta>('meta.json');
      await this.writeMeta({ ...meta, labels: { ...meta.labels, [String(revision)]: label } });
    }
  }

  /** Keeps `revision` beyond the rolling window. */
  async pin(revision: number): Promise<void> {
    const meta = await this.readJson<Meta>('meta.json');
    if (meta.pinned?.includes(revision)) return;
    await this.writeMeta({ ...meta, pinned: [...(meta.pinned ?? []), revision] });
  }

  async keep(name: string, bytes: Uint8Array): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(this.folder, name), bytes);
  }

  async readKept(name: string): Promise<Buffer | undefined> {
    if (!KEPT_FILE.test(name)) return undefined;
    return fs.readFile(join(this.folder, name)).catch(() => undefined);
  }

  async read(revision: number): Promise<string | undefined> {
    const version = (await this.versionFiles()).find((v) => v.revision === revision);
    return version ? fs.readFile(join(this.folder, version.file), 'utf8') : undefined;
  }

  /** Versions and kept files, newest first. */
  async list(): Promise<VersionInfo[]> {
    const meta = await this.readJson<Meta>('meta.json');
    const pinned = new Set(meta.pinned ?? []);
    const versions: VersionInfo[] = (await this.versionFiles()).map(({ revision, savedAt, bytes, source }) => {
      const label = meta.labels?.[String(revision)];
      return {
        revision,
        savedAt,
        bytes,
        source,
        label: isBilingual(label) ? label : SOURCE_LABELS[source],
        ...(pinned.has(revision) ? { pinned: true } : {}),
      };
    });
    const kept: VersionInfo[] = [];
    for (const file of await fs.readdir(this.folder).catch(() => [] as string[])) {
      const m = KEPT_FILE.exec(file);
      const stat = m ? await fs.stat(join(this.folder, file)).catch(() => undefined) : undefined;
      if (!m || !stat) continue;
      const source = m[1] as 'original' | 'outside';
      kept.push({ file, savedAt: isoOfStamp(m[2] as string), bytes: stat.size, source, label: SOURCE_LABELS[source] });
    }
    return [...versions, ...kept].sort((a, b) => b.savedAt.localeCompare(a.savedAt) || (b.revision ?? 0) - (a.revision ?? 0));
  }

  /** The newest version that parses; versions that do not are set aside as `….invalid`, never deleted. */
  async newestGood(onSetAside: (revision: number, aside: string) => void): Promise<(VersionFile & { text: string }) | undefined> {
    for (const version of await this.versionFiles()) {
      const path = join(this.folder, version.file);
      const text = await fs.readFile(path, 'utf8');
      try {
        checkSnapshotText(text);
        return { ...version, text };
      } catch {
        const aside = await setAside(path);
        onSetAside(version.revision, aside.slice(this.folder.length + 1));
      }
    }
    return undefined;
  }

  /** Keeps the newest `keepLatest` versions, the newest version of every day and the pinned ones; deletes the rest. */
  async prune(): Promise<void> {
    const versions = await this.versionFiles();
    const meta = await this.readJson<Meta>('meta.json');
    const pinned = new Set(meta.pinned ?? []);
    const keep = new Set(versions.slice(0, this.keepLatest).map((v) => v.file));
    const days = new Set<string>();
    for (const v of versions) {
      const day = v.savedAt.slice(0, 10);
      if (!days.has(day)) {
        days.add(day);
        keep.add(v.file);
      }
      if (pinned.has(v.revision)) keep.add(v.file);
    }
    await Promise.all(versions.filter((v) => !keep.has(v.file)).map((v) => fs.rm(join(this.folder, v.file), { force: true })));
  }

  private async versionFiles(): Promise<VersionFile[]> {
    const names = await fs.readdir(this.folder).catch(() => [] as string[]);
    const versions: VersionFile[] = [];
    for (const file of names) {
      const m = VERSION_FILE.exec(file);
      if (!m) continue;
      const stat = await fs.stat(join(this.folder, file)).catch(() => undefined);
      if (!stat) continue;
      versions.push({ file, revision: Number(m[1]), savedAt: isoOfStamp(m[2] as string), bytes: stat.size, source: m[3] as VersionSource });
    }
    return versions.sort((a, b) => b.revision - a.revision);
  }

  private async readJson<T extends object>(name: string): Promise<T> {
    const text = await fs.readFile(join(this.folder, name), 'utf8').catch(() => undefined);
    if (text === undefined) return {} as T;
    try {
      const parsed = JSON.parse(text) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as T) : ({} as T);
    } catch {
      return {} as T;
    }
  }

  private async writeMeta(meta: Meta): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(join(this.folder, 'meta.json'), JSON.stringify(meta));
  }
}

/** Renames a file that does not parse to `<name>.invalid` (or `.invalid2`…), never deleting it. */
async function setAside(path: string): Promise<string> {
  for (let n = 1; ; n++) {
    const target = `${path}.invalid${n === 1 ? '' : n}`;
    const taken = await fs.lstat(target).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await fs.rename(path, target);
    return target;
  }
}
