/**
 * Components name the change they are about to make (src/workbook/changeLabels.ts) through this
 * context; the web host's WorkbookFiles sends the name with the next save. Hosts that keep their
 * own files (Excel, Google Sheets) provide nothing and the call does nothing.
 */
import { createContext, useContext } from 'react';
import type { ChangeLabel, WorkbookFiles } from '../workbook/files';

export const FilesContext = createContext<WorkbookFiles | undefined>(undefined);

/** A function that names the next change; never fails (a label is not worth stopping the change). */
export function useChangeLabel(): (change: ChangeLabel) => Promise<void> {
  const files = useContext(FilesContext);
  return async (change) => {
    await files?.labelNextSave(change).catch(() => undefined);
  };
}
