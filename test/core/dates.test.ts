/** Day serials of the 1900 date system, as Excel, Univer and Google Sheets count them. */
import fc from 'fast-check';
import { isoFromSerial, serialFromDate, serialFromIso, todaySerial } from '../../src/core';

declare const FAST_CHECK_RUNS: number | undefined;
const numRuns = typeof FAST_CHECK_RUNS === 'number' && FAST_CHECK_RUNS > 0 ? FAST_CHECK_RUNS : 1000;

describe('serialFromDate', () => {
  test.each([
    [2024, 3, 1, 45352],
    [2024, 3, 10, 45361],
    [2024, 3, 20, 45371],
    [2024, 3, 25, 45376],
    [2024, 3, 28, 45379],
    [2024, 3, 31, 45382],
    [1970, 1, 1, 25569],
    [1900, 3, 1, 61], // after Excel's phantom 1900-02-29
    [2024, 2, 29, 45351],
    [9999, 12, 31, 2958465],
  ])('%i-%i-%i is serial %i', (year, month, day, serial) => {
    expect(serialFromDate(year, month, day)).toBe(serial);
  });

  test('todaySerial is the local calendar day of the moment, whatever the time of day', () => {
    expect(todaySerial(new Date(2024, 2, 25, 0, 0, 1))).toBe(45376);
    expect(todaySerial(new Date(2024, 2, 25, 23, 59, 59))).toBe(45376);
  });
});

describe('isoFromSerial', () => {
  test('the day of a serial, ignoring the time of day', () => {
    expect(isoFromSerial(45376)).toBe('2024-03-25');
    expect(isoFromSerial(45376.99)).toBe('2024-03-25');
    expect(isoFromSerial(45352.375)).toBe('2024-03-01');
  });

  test('round trip: serial → ISO → serial, for every day from 1900-03-01 to 9999-12-31', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (serial, time) => {
        const iso = isoFromSerial(serial + time);
        expect(serialFromIso(iso)).toBe(serial);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(serialFromDate(y, m, d)).toBe(serial);
      }),
      { numRuns },
    );
  });
});

describe('serialFromIso', () => {
  test('reads yyyy-mm-dd, with or without leading zeros and surrounding spaces', () => {
    expect(serialFromIso('2024-03-25')).toBe(45376);
    expect(serialFromIso('2024-3-5')).toBe(45356);
    expect(serialFromIso(' 2024-03-25 ')).toBe(45376);
  });

  test('rejects dates that do not exist and other spellings', () => {
    for (const text of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024/03/25',
      '25.03.2024',
      '2024-03-25T10:00',
      '',
      'today',
    ]) {
      expect(serialFromIso(text)).toBeUndefined();
    }
  });
});
