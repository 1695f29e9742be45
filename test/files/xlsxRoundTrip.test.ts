/**
 * The round trip through the web spreadsheet (read → Univer → save → write) keeps what a user's
 * workbook holds beyond plain cells: the 1904 date system (dates shown right, times and durations
 * untouched, unchanged dates written back bit for bit), rich-text runs, links to places inside the
 * workbook and tooltips, theme and indexed tab colours, and array (CSE) formulas over their range.
 * Counted by the inventory (nothing lost) and checked value by value.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FWorkbook } from '@univerjs/sheets/facade';
import { inventoryXlsx, lostFeatures } from '../../src/files/xlsxInventory';
import { readXlsx } from '../../src/files/xlsxRead';
import { writeXlsx } from '../../src/files/xlsxWrite';
import type { WorkbookSnapshot } from '../../src/files/snapshot';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';

async function throughWebSpreadsheet(
  bytes: Buffer,
  edit: (book: FWorkbook) => void | Promise<void> = () => undefined,
): Promise<{ written: Buffer; snapshot: WorkbookSnapshot }> {
  const { snapshot } = await readXlsx(bytes, 'user.xlsx', 'en-US');
  const host = createHeadlessUniver('en-US');
  let saved: WorkbookSnapshot;
  try {
    const book = host.api.createWorkbook(snapshot);
    await new Promise((r) => setTimeout(r, 300));
    await host.api.getFormula().onCalculationResultApplied();
    await edit(book);
    await new Promise((r) => setTimeout(r, 100));
    saved = JSON.parse(JSON.stringify(book.save())) as WorkbookSnapshot;
  } finally {
    await host.dispose();
  }
  const { buffer } = await writeXlsx(saved);
  return { written: buffer, snapshot: saved };
}

async function sheetXml(bytes: Buffer, n = 1): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${n}.xml`)?.async('string')) ?? '';
}

/** The raw `<v>` a cell holds in the file, as the double it denotes. */
async function storedNumber(bytes: Buffer, ref: string): Promise<number> {
  const xml = await sheetXml(bytes);
  const v = new RegExp(`<c r="${ref}"[^>]*>(?:<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml)?.[1];
  return Number(v);
}

async function expectNothingLost(original: Buffer, written: Buffer): Promise<void> {
  expect(lostFeatures(await inventoryXlsx(original), await inventoryXlsx(written))).toEqual([]);
}

describe('the 1904 date system', () => {
  // 2026-01-15 is 46037 in the 1900 system, 44575 in the 1904 one.
  const JAN_15_2026_IN_1904 = 44575;
  // 31400.7 + 1462 − 1462 is not 31400.7 in floating point: the file's own serial must come back.
  const NOT_EXACT_SHIFT = 31400.7;

  async function macWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Dates');
    ws.getCell('A1').value = JAN_15_2026_IN_1904;
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('A2').value = 0.042361111111111106;
    ws.getCell('A2').numFmt = 'h:mm AM/PM';
    ws.getCell('A3').value = NOT_EXACT_SHIFT;
    ws.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('A4').value = 1.5;
    ws.getCell('A4').numFmt = '[h]:mm';
    ws.getCell('B4').value = { formula: 'A4*24', result: 36 };
    ws.getCell('B1').value = { formula: 'A1+1', result: JAN_15_2026_IN_1904 + 1 };
    ws.getCell('B1').numFmt = 'yyyy-mm-dd';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  test('dates show their own day, times and durations keep their value, and the file stays in its system', async () => {
    expect(NOT_EXACT_SHIFT + 1462 - 1462).not.toBe(NOT_EXACT_SHIFT);
    const original = await macWorkbook();
    let shown: unknown[] = [];
    let shownText: string | undefined;
    const { written } = await throughWebSpreadsheet(original, async (book) => {
      const sheet = book.getSheetByName('Dates');
      shown = ['A1', 'A2', 'A4', 'B4'].map((a) => sheet?.getRange(a).getRawValue());
      shownText = sheet?.getRange('A1').getDisplayValue();
      // A date typed in the web spreadsheet (1900 system): 2026-01-18.
      sheet?.getRange('C1').setValue(46040);
      sheet?.getRange('C1').setNumberFormat('yyyy-mm-dd');
      await Promise.resolve();
    });
    expect(shown).toEqual([JAN_15_2026_IN_1904 + 1462, 0.042361111111111106, 1.5, 36]);
    expect(shownText).toBe('2026-01-15');

    await expectNothingLost(original, written);
    expect(await storedNumber(written, 'A1')).toBe(JAN_15_2026_IN_1904);
    expect(await storedNumber(written, 'A2')).toBe(0.042361111111111106);
    expect(await storedNumber(written, 'A3')).toBe(NOT_EXACT_SHIFT);
    expect(await storedNumber(written, 'C1')).toBe(46040 - 1462);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(written as unknown as ArrayBuffer);
    expect(back.properties.date1904).toBe(true);
    expect((back.worksheets[0]?.getCell('C1').value as Date).toISOString().slice(0, 10)).toBe('2026-01-18');
  }, 30_000);
});

describe('rich text', () => {
  test('each cell keeps its own runs, line breaks included; a value set since wins over the runs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Notes');
    ws.getCell('A1').value = {
      richText: [{ text: '目标 ' }, { text: '120 万元', font: { bold: true, color: { argb: 'FFFF0000' } } }],
    };
    ws.getCell('A2').value = {
      richText: [{ text: 'First line\n' }, { text: 'second', font: { italic: true, name: 'Arial', size: 14 } }],
    };
    ws.getCell('A3').value = { richText: [{ text: 'to be replaced', font: { bold: true } }] };
    const original = Buffer.from(await wb.xlsx.writeBuffer());

    const { written } = await throughWebSpreadsheet(original);
    await expectNothingLost(original, written);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(written as unknown as ArrayBuffer);
    const sheet = back.worksheets[0];
    const runs = (ref: string) => (sheet?.getCell(ref).value as ExcelJS.CellRichTextValue).richText;
    expect(runs('A1').map((r) => r.text)).toEqual(['目标 ', '120 万元']);
    expect(runs('A1')[1]?.font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
    expect(runs('A2').map((r) => r.text)).toEqual(['First line\n', 'second']);
    expect(runs('A2')[1]?.font).toMatchObject({ italic: true, name: 'Arial', size: 14 });

    const { written: edited } = await throughWebSpreadsheet(original, (book) => {
      book.getSheetByName('Notes')?.getRange('A3').setValue('plain now');
    });
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(edited as unknown as ArrayBuffer);
    expect(again.worksheets[0]?.getCell('A3').value).toBe('plain now');
  }, 60_000);
});

describe('links, tab colours and array formulas', () => {
  async function linkedWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Summary', { properties: { tabColor: { indexed: 47 } as unknown as ExcelJS.Color } });
    wb.addWorksheet('Sheet 2', { properties: { tabColor: { theme: 4, tint: 0.3999755851924192 } as unknown as ExcelJS.Color } });
    summary.getCell('A1').value = 'see details';
    summary.getCell('A2').value = { text: 'site', hyperlink: 'https://example.com/', tooltip: 'Our site' };
    summary.getCell('B1').value = 1;
    summary.getCell('B2').value = 2;
    summary.getCell('C1').value = 3;
    summary.getCell('C2').value = 4;
    // ExcelJS takes the share type as a fourth argument its typings leave out.
    type FillWithShare = (range: string, formula: string, results: number[], shareType: 'array') => void;
    (summary.fillFormula as unknown as FillWithShare).call(summary, 'D1:D2', 'B1:B2*C1:C2', [3, 8], 'array');
    summary.getCell('E1').value = { formula: 'SUM(B1:B2*C1:C2)', result: 11, shareType: 'array', ref: 'E1' } as ExcelJS.CellFormulaValue;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // ExcelJS writes no link to a place inside the workbook: add one as Excel writes it.
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    zip.file(
      'xl/worksheets/sheet1.xml',
      xml.replace(
        '<hyperlinks>',
        `<hyperlinks><hyperlink ref="A1" location="'Sheet 2'!B3" tooltip="Go to the details" display="see details"/>`,
      ),
    );
    return Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
  }

  test('in-workbook links and tooltips, theme and indexed tab colours and array formulas come back', async () => {
    const original = await linkedWorkbook();
    expect(await sheetXml(original)).toContain('location=');
    let shownTab: string | undefined;
    const { written } = await throughWebSpreadsheet(original, (book) => {
      shownTab = book.getSheetByName('Summary')?.getTabColor() ?? undefined;
    });
    // An indexed colour shows as its RGB in the web spreadsheet (47 is FFCC99).
    expect(shownTab).toBe('#FFCC99');
    await expectNothingLost(original, written);
    const xml = await sheetXml(written);
    expect(xml).toMatch(/<hyperlink ref="A1" location="'Sheet 2'!B3" tooltip="Go to the details"\/>/);
    expect(xml).toMatch(/<hyperlink ref="A2" r:id="rId\d+" tooltip="Our site"\/>/);
    expect(xml).toMatch(/<f t="array" ref="D1:D2">B1:B2\*C1:C2<\/f><v>3<\/v>/);
    expect(xml).toMatch(/<c r="D2"[^>]*><v>8<\/v>/);
    expect(xml).toMatch(/<tabColor indexed="47"\/>/);
    expect(await sheetXml(written, 2)).toMatch(/<tabColor theme="4" tint="0.3999755851924192"\/>/);
  }, 30_000);

  test('a tab given a colour of its own in the web spreadsheet is written as that colour', async () => {
    const { written } = await throughWebSpreadsheet(await linkedWorkbook(), (book) => {
      book.getSheetByName('Summary')?.setTabColor('#00B050');
    });
    expect(await sheetXml(written)).toMatch(/<tabColor rgb="FF00B050"\/>/);
  }, 30_000);
});
