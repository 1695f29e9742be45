/**
 * What the round trip now keeps of a user's workbook, through the web spreadsheet (read → Univer →
 * save → write): borders, font names and the default font, hyperlinks,
 * defined names (global, sheet-scoped, formulas) that formulas go on using, tab colours, page
 * setup and headers, exact times, and a cached #DIV/0! in a date-formatted cell. Counted by the
 * inventory (nothing lost) and checked value by value.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inventoryXlsx, lostFeatures } from '../../src/files/xlsxInventory';
import { readXlsx } from '../../src/files/xlsxRead';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';

async function userWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget', { properties: { tabColor: { argb: 'FFFF0000' } } });
  ws.pageSetup.orientation = 'landscape';
  ws.pageSetup.paperSize = 9;
  ws.headerFooter.oddHeader = '&C预算 2026';
  ws.getCell('A1').value = 'Item';
  ws.getCell('A1').font = { name: 'Arial', size: 12, bold: true };
  ws.getCell('A1').border = { top: { style: 'thin', color: { argb: 'FF000000' } }, bottom: { style: 'double' } };
  ws.getCell('B1').value = 1200;
  ws.getCell('B2').value = 1136;
  ws.getCell('B3').value = { formula: 'SUM(Expenses)', result: 2336 };
  ws.getCell('C1').value = { text: 'site', hyperlink: 'https://example.com/budget' };
  ws.getCell('C2').value = { text: '102715', hyperlink: 'https://example.com/gene?id=102715' };
  ws.getCell('D1').value = 0.042361111111111106;
  ws.getCell('D1').numFmt = 'h:mm AM/PM';
  ws.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  wb.definedNames.add("'Budget'!$B$1:$B$2", 'Expenses');
  wb.addWorksheet('Notes').getCell('A1').value = 'second sheet';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('borders, fonts, links, names, tab colours, print settings and exact values come back through the web spreadsheet', async () => {
  const original = await userWorkbook();
  const { snapshot } = await readXlsx(original, 'budget.xlsx', 'en-US');
  const host = createHeadlessUniver('en-US');
  let saved;
  try {
    const book = host.api.createWorkbook(snapshot);
    await new Promise((r) => setTimeout(r, 300));
    await host.api.getFormula().onCalculationResultApplied();
    // The formula over the defined name computes in the web spreadsheet too.
    expect(book.getSheetByName('Budget')?.getRange('B3').getValue()).toBe(2336);
    saved = JSON.parse(JSON.stringify(book.save()));
  } finally {
    await host.dispose();
  }
  const { buffer } = await writeXlsx(saved);
  const before = await inventoryXlsx(original);
  const after = await inventoryXlsx(buffer);
  expect(lostFeatures(before, after)).toEqual([]);
  expect(before.borderedCells).toEqual(['Budget!A1']);
  expect(before.hyperlinks).toHaveLength(2);
  expect(before.definedNames).toEqual(['!Expenses']);
  expect(before.printSettings).toEqual(expect.arrayContaining(['Budget:page', 'Budget:headerFooter']));
  expect(after.values).toEqual(expect.arrayContaining(['Budget!D1=n:0.042361111111111106', 'Budget!D2=e:#DIV/0!', 'Budget!C2=s:102715']));

  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as unknown as ArrayBuffer);
  const budget = back.getWorksheet('Budget');
  expect(budget?.getCell('A1').font).toMatchObject({ name: 'Arial', size: 12, bold: true });
  expect(budget?.getCell('A1').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'double' } });
  expect(budget?.getCell('C2').hyperlink).toBe('https://example.com/gene?id=102715');
  expect(budget?.properties.tabColor?.argb).toBe('FFFF0000');
  expect(budget?.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
  const workbookXml = await (await JSZip.loadAsync(buffer)).file('xl/workbook.xml')?.async('string');
  expect(workbookXml).toContain('<definedName name="Expenses">Budget!$B$1:$B$2</definedName>');
});

test('a sheet-scoped name stays in its sheet; a name of a formula stays a formula', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('A').getCell('A1').value = 1;
  wb.addWorksheet('B').getCell('A1').value = 2;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  zip.file(
    'xl/workbook.xml',
    xml.replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="here" localSheetId="1">B!$A$1</definedName><definedName name="Rate">0.06</definedName></definedNames>',
    ),
  );
  const scoped = Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
  const { buffer } = await writeXlsx((await readXlsx(scoped, 'scoped.xlsx', 'en-US')).snapshot);
  expect(lostFeatures(await inventoryXlsx(scoped), await inventoryXlsx(buffer))).toEqual([]);
  const written = (await (await JSZip.loadAsync(buffer)).file('xl/workbook.xml')?.async('string')) ?? '';
  expect(written).toContain('<definedName name="here" localSheetId="1">B!$A$1</definedName>');
  expect(written).toContain('<definedName name="Rate">0.06</definedName>');
});

test('grouped (outline) rows and columns and a very hidden sheet stay as they were', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.getCell('A1').value = 'Q1';
  ws.getRow(2).outlineLevel = 1;
  ws.getRow(3).outlineLevel = 2;
  ws.getColumn(3).outlineLevel = 1;
  ws.getCell('A2').value = 2;
  ws.getCell('A3').value = 3;
  wb.addWorksheet('Secret', { state: 'veryHidden' }).getCell('A1').value = 'kept';
  const original = Buffer.from(await wb.xlsx.writeBuffer());
  const { buffer } = await writeXlsx((await readXlsx(original, 'plan.xlsx', 'en-US')).snapshot);
  const before = await inventoryXlsx(original);
  expect(before.outlineLevels).toEqual(expect.arrayContaining(['Plan!row2:1', 'Plan!row3:2', 'Plan!col3:1']));
  expect(before.hiddenSheets).toEqual(['Secret:veryHidden']);
  expect(lostFeatures(before, await inventoryXlsx(buffer))).toEqual([]);
});
