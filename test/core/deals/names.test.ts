/** Register names matched to 表2's (src/core/deals/names.ts): exact, saved alias, one holding the other, else unmatched. */
import { matchNames, namesFor } from '../../../src/core';

const entry = (name: string, amount = 10) => ({ name, deals: 1, amount, wonDeals: 0, wonAmount: 0 });

test.each([
  ['华南', '华南', 'exact'],
  ['华南销售部', '华南', 'prefix'],
  ['华南大区销售部', '华南', 'prefix'],
  ['East Sales Team', 'East', 'prefix'],
  ['Greater East', 'East', 'contains'],
])('%s → %s (%s)', (name, target, how) => {
  expect(matchNames([entry(name)], ['华南', '华东', '华北', 'East', 'West'])).toEqual([{ ...entry(name), target, how }]);
});

test.each([
  ['华南一部', ['华南二部']],
  ['华中销售部', ['华南', '华东']],
  ['东区', ['华东', '东北']],
  ['销售部', ['华南']],
])('%s stays unmatched against %j', (name, targets) => {
  expect(matchNames([entry(name)], targets)[0]?.target).toBeUndefined();
});

test('a saved alias answers what no rule can, and namesFor lists every other name of a target', () => {
  const matches = matchNames([entry('深圳办'), entry('华南销售部'), entry('华南')], ['华南'], new Map([['深圳办', '华南']]));
  expect(matches.map((m) => m.how)).toEqual(['alias', 'prefix', 'exact']);
  expect(namesFor('华南', matches)).toEqual(['深圳办', '华南销售部']);
});
