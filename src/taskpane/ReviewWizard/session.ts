/**
 * The wizard's state outlives the wizard: the pane unmounts a tab when another is shown, and a
 * review half typed must be there on return. Kept per workbook (the port object) in memory only,
 * for as long as the pane is open.
 */
import type { WorkbookData } from '../../core';
import type { WriteStatus } from './WriteResult';
import type { WizardState } from './state';

export interface WizardSession {
  readonly state: WizardState;
  readonly data: WorkbookData | null;
  readonly tablesRead: number | null;
  readonly portable: boolean;
  readonly writeStatus: WriteStatus | null;
}

const sessions = new WeakMap<object, WizardSession>();

export const loadSession = (workbook: object): WizardSession | undefined => sessions.get(workbook);

export function saveSession(workbook: object, session: WizardSession): void {
  sessions.set(workbook, session);
}
