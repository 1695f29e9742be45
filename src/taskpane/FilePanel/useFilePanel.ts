/** The File tab's state: the folder's workbooks, the versions, what is busy and the last outcome. */
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../../core';
import type { VersionEntry, WorkbookFiles } from '../../workbook/files';
import { reasonOf } from '../strings';
import { fileText, inLocale } from './strings';

import type { Outcome } from '../OutcomeBanner/OutcomeBanner';

export type { Outcome };

export interface PendingImport {
  readonly file: Blob;
  readonly name: string;
  readonly sheetNames: readonly string[];
}

export function useFilePanel(files: WorkbookFiles, locale: Locale) {
  const [books, setBooks] = useState<{ books: readonly string[]; current: string; folder: string } | undefined>();
  const [versions, setVersions] = useState<readonly VersionEntry[] | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);

  const run = useCallback(
    async (what: string, work: () => Promise<Outcome | null>) => {
      setBusy(what);
      setOutcome(null);
      try {
        setOutcome(await work());
      } catch (error) {
        setOutcome({ intent: 'error', text: fileText(locale, 'failed', { reason: reasonOf(error) }) });
      } finally {
        setBusy(null);
      }
    },
    [locale],
  );

  const refreshVersions = useCallback(() => run('versions', async () => (setVersions(await files.listVersions()), null)), [files, run]);

  useEffect(() => {
    void files.listBooks().then(setBooks, () => setBooks(undefined));
    void files.listVersions().then(setVersions, () => setVersions([]));
  }, [files]);

  const importFile = (file: Blob, name: string, sheet?: string) =>
    run('import', async () => {
      const result = await files.importSheet(file, name, sheet);
      if (result.kind === 'chooseSheet') {
        setPendingImport({ file, name, sheetNames: result.sheetNames });
        return null;
      }
      setPendingImport(null);
      const text = fileText(locale, 'imported', { sheet: result.sheetName, rows: result.rows });
      return result.notImported.length > 0
        ? {
            intent: 'warning',
            text: `${text} ${fileText(locale, 'notImported', { parts: result.notImported.join(locale === 'zh-CN' ? '、' : ', ') })}`,
          }
        : { intent: 'success', text };
    });

  return {
    books,
    versions,
    busy,
    outcome,
    pendingImport,
    refreshVersions,
    open: (name: string) => run('open', async () => (await files.openBook(name), null)),
    upload: (file: Blob, name: string) =>
      run('upload', async () => {
        const { notices } = await files.uploadWorkbook(file, name);
        return notices.length > 0 ? { intent: 'warning', text: notices.map((n) => inLocale(n, locale)).join(' ') } : null;
      }),
    download: (portable: boolean) =>
      run(portable ? 'portable' : 'download', async () => {
        const { fileName, frozenToValues } = await files.download(portable);
        const text = fileText(locale, 'downloaded', { file: fileName });
        return frozenToValues > 0
          ? { intent: 'warning', text: `${text} ${fileText(locale, 'frozen', { count: frozenToValues })}` }
          : { intent: 'success', text };
      }),
    importFile,
    cancelImport: () => setPendingImport(null),
    restore: (version: { readonly revision?: number; readonly file?: string }) =>
      run(`restore-${version.revision ?? version.file ?? ''}`, async () => {
        if (version.revision !== undefined) await files.restoreVersion(version.revision);
        else if (version.file !== undefined) await files.restoreKept(version.file);
        return null;
      }),
    setTarget: (target: 'original' | 'copy') =>
      run('target', async () => {
        await files.setTarget(target);
        return null;
      }),
  };
}
