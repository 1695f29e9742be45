/**
 * Pictures added to a finished .xlsx: on a sheet with a table, the <drawing> goes before
 * <tableParts> (the schema's order), Excel's reader sees both, reading gives back the same
 * pictures, and a sheet that has a drawing already is refused rather than given a second one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { planTemplate, templateById } from '../../src/core';
import { pngFromSvg, pngSize } from '../../src/files/png';
import { type SheetPicture, addPictures, readPictures } from '../../src/files/xlsxPictures';
import { writeXlsx } from '../../src/files/xlsxWrite';
import { createHeadlessUniver } from '../../src/hosts/web/univerHeadless';
import { createUniverWorkbook } from '../../src/hosts/web/univerWorkbook';
import { resavedByLibreOffice } from '../support/libreoffice';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#0F6CBD"/></svg>';

async function goalsBook(): Promise<Buffer> {
  const host = createHeadlessUniver('zh-CN');
  try {
    const book = host.api.getActiveWorkbook();
    if (!book) throw new Error('no workbook');
    await createUniverWorkbook(host.api, { workbook: book }).insertTemplate(
      planTemplate(templateById('goals'), { locale: 'zh-CN', samples: true, portable: false }),
    );
    return (await writeXlsx(JSON.parse(JSON.stringify(book.save())))).buffer;
  } finally {
    await host.dispose();
  }
}

test('a picture on a sheet with a table: schema order, both read back, LibreOffice keeps it', async () => {
  const png = pngFromSvg(svg);
  expect(pngSize(png)).toEqual({ width: 40, height: 30 });
  const picture: SheetPicture = {
    sheetName: '表2 销售目标分解与跟踪表',
    png,
    row: 3,
    col: 12,
    width: 40,
    height: 30,
    description: '标题 "A" & B',
  };
  const bytes = await addPictures(await goalsBook(), [picture]);
  const zip = await JSZip.loadAsync(bytes);
  const all = await Promise.all(zip.file(/xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async('string')));
  const withTable = all.find((xml) => xml.includes('<tableParts')) ?? '';
  expect(withTable.indexOf('<drawing ')).toBeGreaterThan(0);
  expect(withTable.indexOf('<drawing ')).toBeLessThan(withTable.indexOf('<tableParts'));

  const read = await readPictures(bytes, () => true);
  expect(read).toEqual([{ ...picture, png: expect.any(Uint8Array) }]);
  expect(Buffer.from(read[0]?.png ?? []).equals(Buffer.from(png))).toBe(true);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(picture.sheetName);
  expect(sheet?.getImages()).toHaveLength(1);
  expect(Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables)).toHaveLength(1);

  const file = join(mkdtempSync(join(tmpdir(), 'pictures-')), 'book.xlsx');
  writeFileSync(file, bytes);
  const [resaved = ''] = resavedByLibreOffice([file]);
  expect(await readPictures(readFileSync(resaved), (name) => name === picture.sheetName)).toHaveLength(1);

  await expect(addPictures(bytes, [picture])).rejects.toThrow('has a drawing already');
}, 120_000);
