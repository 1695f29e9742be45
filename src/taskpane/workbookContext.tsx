/** Components get the workbook through this context, never from a host directly. */
import { createContext, useContext } from 'react';
import type { WorkbookPort } from '../workbook/port';

export const WorkbookContext = createContext<WorkbookPort | null>(null);

export function useWorkbook(): WorkbookPort {
  const port = useContext(WorkbookContext);
  if (port === null) throw new Error('useWorkbook needs a <WorkbookContext.Provider> around the pane');
  return port;
}
