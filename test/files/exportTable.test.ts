/**
 * What the import accepts as an export (src/files/exportTable.ts): text in any encoding as CSV, and
 * a file whose bytes are a workbook, a PDF or other binary refused as such, whatever its name —
 * an .xlsx renamed .csv once became 413 rows of gibberish.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readExportTable } from '../../src/files/exportTable';

async function xlsxBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('商机');
  sheet.addRow(['商机编号', '商机名称', '商机金额(元)']);
  sheet.addRow(['FX-1', 'POS', 740000]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('an export that is not text', () => {
  it('refuses an .xlsx named .csv, saying what it is', async () => {
    await expect(readExportTable(await xlsxBytes(), 'deals.csv', { locale: 'en-US' })).rejects.toThrow(
      /deals\.csv is not a CSV text file but \.xlsx \(Excel workbook\)/,
    );
    await expect(readExportTable(await xlsxBytes(), 'deals.csv', { locale: 'zh-CN' })).rejects.toThrow(/不是 CSV 文本文件/);
  });

  it('reads the same bytes under their own name', async () => {
    const read = await readExportTable(await xlsxBytes(), 'deals.xlsx', { locale: 'en-US' });
    expect(read.table.headers).toEqual(['商机编号', '商机名称', '商机金额(元)']);
    expect(read.table.rows).toEqual([['FX-1', 'POS', 740000]]);
  });

  it.each([
    ['an old .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0], /\.xls/],
    ['a PDF', [...Buffer.from('%PDF-1.7\n'), 0, 1, 2], /\.pdf/],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /image/],
    ['binary with NULs', [...Buffer.from('abc,def\n'), 0, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b], /binary/],
  ])('refuses %s', async (_name, bytes, kind) => {
    await expect(readExportTable(new Uint8Array(bytes), 'export.csv', { locale: 'en-US' })).rejects.toThrow(kind);
  });

  it('still reads GB18030 and UTF-16 text', async () => {
    const gbk = new Uint8Array(iconv.encode('商机编号,商机金额(元)\r\nFX-1,"740,000.00"\r\n', 'gb18030'));
    expect((await readExportTable(gbk, 'export.csv', { locale: 'zh-CN' })).table.headers).toEqual(['商机编号', '商机金额(元)']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode('ID\tAmount (USD)\r\n1\t20\r\n', 'utf-16le')]);
    expect((await readExportTable(utf16, 'export.txt', { locale: 'en-US' })).table.headers).toEqual(['ID', 'Amount (USD)']);
  });
});
