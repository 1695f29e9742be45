/**
 * The import's questions, in core so the pane and the command line share them (issue 26): which
 * saved mapping an export most likely came from, and which of its stage names must be asked.
 */
import { type ImportMapping, bestSavedMapping, unknownStages } from '../../../src/core';

const mapping = (name: string, columns: ImportMapping['columns'], stages: ImportMapping['stages'] = {}): ImportMapping => ({
  name,
  columns,
  stages,
});

test('the saved mapping sharing most headers wins; none when no header is shared', () => {
  const saved = new Map([
    ['HubSpot', mapping('HubSpot', { dealId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage' })],
    ['自有CRM', mapping('自有CRM', { dealId: 'Opp Ref', name: 'Title', stage: 'Phase', amount: 'Value' })],
  ]);
  expect(bestSavedMapping(['Opp Ref', 'Title', 'Deal Stage', 'Value'], saved)?.name).toBe('自有CRM');
  expect(bestSavedMapping([' record id ', 'Deal Name'], saved)?.name).toBe('HubSpot');
  expect(bestSavedMapping(['Something else'], saved)).toBeUndefined();
});

test('stage names nobody knows are asked once each, with their row counts; known and saved ones are not', () => {
  const rows = [['Demo Done'], ['方案提交'], ['Demo Done'], [''], [null], ['Trial'], ['Closed Won']];
  expect(unknownStages(rows, 0)).toEqual([
    ['Demo Done', 2],
    ['Trial', 1],
  ]);
  expect(unknownStages(rows, 0, { 'Demo Done': { stage: 'proposal', status: 'open' } })).toEqual([['Trial', 1]]);
});
