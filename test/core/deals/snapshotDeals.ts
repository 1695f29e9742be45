/** Deals as a snapshot keeps them, for the change-report tests: an open 需求确认 deal of 100 closing 2024-03-20 unless told. */
import { type SnapshotDeal, serialFromDate } from '../../../src/core';

export const day = (m: number, d: number) => serialFromDate(2024, m, d);

export const deal = (id: string, fields: Partial<SnapshotDeal> = {}): SnapshotDeal => ({
  id,
  amount: 100,
  stage: 'needs',
  status: 'open',
  closeDate: day(3, 20),
  category: 'pipeline',
  ...fields,
});
