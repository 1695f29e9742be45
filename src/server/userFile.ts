/**
 * The user's .xlsx on disk as the server treats it: sacred. These helpers answer where a write may
 * go and carry it out without harm:
 * - a symlinked workbook is written at its target (the link stays a link);
 * - a read-only file is never replaced;
 * - the file keeps its permission bits;
 * - while Excel (`~$team.xlsx`) or LibreOffice (`.~lock.team.xlsx#`) holds a lock file, nothing is written;
 * - the copy a lossy or read-only workbook is saved to (`team (销售复盘).xlsx`) never takes the name
 *   of a file that exists.
 */
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const exists = (path: string): Promise<boolean> =>
  fs.lstat(path).then(
    () => true,
    () => false,
  );

/** Where writes to `path` land: the final target of a symlink (even one whose target is missing), else the path. */
export async function writablePath(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 32; hops++) {
    const stat = await fs.lstat(current).catch(() => undefined);
    if (!stat?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await fs.readlink(current));
  }
  return current;
}

/**
 * Whether the file at `path` must not be replaced: its permission bits allow no one to write
 * (root may write anyway, and must not), or the folder it lives in refuses a new file.
 */
export async function isReadOnly(path: string): Promise<boolean> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (stat && (stat.mode & 0o222) === 0) return true;
  try {
    if (stat) await fs.access(path, constants.W_OK);
    await fs.access(dirname(path), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** The permission bits to give a rewritten file: the ones it has, or the usual 0644 for a new one. */
export async function modeFor(path: string): Promise<number> {
  const stat = await fs.stat(path).catch(() => undefined);
  return stat ? stat.mode & 0o777 : 0o644;
}

/** The lock file another program keeps beside the workbook while it has it open, if any. */
export async function lockFileOf(path: string): Promise<string | undefined> {
  const folder = dirname(path);
  const name = basename(path);
  // Excel: `~$` + the name (long names lose their first two characters); LibreOffice: `.~lock.NAME#`.
  const candidates = [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`];
  for (const candidate of candidates) if (await exists(join(folder, candidate))) return candidate;
  return undefined;
}

/** The stem's copy beside it: `team (销售复盘).xlsx`, or `team (销售复盘 2).xlsx`… — never an existing file. */
export async function freeCopyName(path: string): Promise<string> {
  const stem = basename(path).replace(/\.xlsx$/i, '');
  for (let n = 1; ; n++) {
    const name = `${stem} (销售复盘${n === 1 ? '' : ` ${n}`}).xlsx`;
    if (!(await exists(join(dirname(path), name))) && !(await exists(join(dirname(path), `.${name}.history`)))) return name;
  }
}
