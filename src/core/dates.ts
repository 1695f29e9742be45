/**
 * Day serials of the 1900 date system shared by Excel, Univer and Google Sheets: day 1 is
 * 1900-01-01 and, through Excel's leap-year quirk, serial 25569 is 1970-01-01 for every date after
 * 1900-02-28. Fractions are times of day.
 */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** Serial of a calendar date (month 1–12). */
export function serialFromDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Serial of an ISO date `yyyy-mm-dd` (the documents' spelling), or undefined when it is not one. */
export function serialFromIso(text: string): number | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const serial = serialFromDate(year, month, day);
  const back = isoFromSerial(serial);
  return back === `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` ? serial : undefined;
}

/** `yyyy-mm-dd` of a serial's day. */
export function isoFromSerial(serial: number): string {
  return new Date(Math.round((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY)).toISOString().slice(0, 10);
}

/**
 * The day of a moment in the local calendar of the machine, as a serial: what a spreadsheet's
 * TODAY() returns there. Every host asks this one function (callers pass `new Date()`).
 */
export function todaySerial(now: Date): number {
  return serialFromDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A moment in the local calendar as a serial with its time of day (to the minute): a 提报时间. */
export function momentSerial(now: Date): number {
  return todaySerial(now) + (now.getHours() * 3600 + now.getMinutes() * 60) / 86400;
}

/** A date a CRM put in the export's file name (`商机_20260305.csv`, `deals-2026-03-05.csv`), as a day serial. */
export function dateInFileName(path: string): number | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = /(?:^|\D)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:\D|$)/.exec(name);
  return m ? serialFromIso(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}
