/**
 * CSV import: the encodings Chinese Excel and CRM exports use, separators, quoted fields with
 * newlines, and typing (numbers and dates typed, ids with leading zeros kept as text, formula-looking
 * text kept as text). GBK bytes are written by hand (TextEncoder only writes UTF-8).
 */
import fc from 'fast-check';
import { decodeText, parseCsv, typeField } from '../../src/files/csv';
import { importSheet } from '../../src/files/importSheet';
import { serialFromDate } from '../../src/core';

declare const FAST_CHECK_RUNS: number;

// GBK bytes of the characters used below (GB2312 area, the same in GB18030).
const GBK: Record<string, number[]> = {
  区: [0xc7, 0xf8],
  域: [0xd3, 0xf2],
  华: [0xbb, 0xaa],
  南: [0xc4, 0xcf],
  金: [0xbd, 0xf0],
  额: [0xb6, 0xee],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  备: [0xb1, 0xb8],
  注: [0xd7, 0xa2],
  日: [0xc8, 0xd5],
  期: [0xc6, 0xda],
};
function gbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = GBK[ch];
    if (code) bytes.push(...code);
    else if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else throw new Error(`no GBK bytes for ${ch}`);
  }
  return Uint8Array.from(bytes);
}

test('GBK CSV with Chinese headers and a quoted newline gives the right cells', async () => {
  const bytes = gbk(
    '编号,区域,金额,日期,备注\r\n00123,华南,"1,200.5",2024/3/5,"华南\r\n备注"\r\n00456,区域,300,2024-03-06 14:00,=HYPERLINK("x")\r\n',
  );
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  const result = await importSheet(bytes, '商机.csv', undefined, 'zh-CN');
  expect(result.encoding).toBe('gb18030');
  const cells = result.sheet?.cellData ?? {};
  expect([0, 1, 2, 3, 4].map((c) => cells[0]?.[c]?.v)).toEqual(['编号', '区域', '金额', '日期', '备注']);
  expect(cells[1]?.[0]).toMatchObject({ v: '00123', t: 1 });
  expect(cells[1]?.[1]).toMatchObject({ v: '华南', t: 1 });
  expect(cells[1]?.[2]).toMatchObject({ v: 1200.5, t: 2 });
  expect(cells[1]?.[3]).toMatchObject({ v: serialFromDate(2024, 3, 5), t: 2, s: { n: { pattern: 'yyyy-mm-dd' } } });
  expect(cells[1]?.[4]).toMatchObject({ v: '华南\r\n备注', t: 1 });
  expect(cells[2]?.[3]?.v).toBeCloseTo(serialFromDate(2024, 3, 6) + 14 / 24, 9);
  expect(cells[2]?.[4]).toMatchObject({ v: '=HYPERLINK("x")', t: 1 });
  expect(result.sheet?.rowCount).toBe(3);
  expect(result.sheet?.name).toBe('商机');
});

test('UTF-8 with BOM, semicolons; UTF-8 without BOM, tabs', () => {
  const withBom = parseCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('区域;金额\n华南;12%\n')]));
  expect(withBom).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
  expect(withBom.rows[0]?.[0]?.v).toBe('区域');
  expect(withBom.rows[1]?.[1]).toMatchObject({ v: 0.12, t: 2 });
  const tabs = parseCsv(new TextEncoder().encode('a\tb\n1\tTRUE\n'));
  expect(tabs.delimiter).toBe('\t');
  expect(tabs.rows[1]).toEqual([
    { v: 1, t: 2 },
    { v: true, t: 3 },
  ]);
});

test('a column with any leading-zero number keeps every value as text (ids, phone numbers)', () => {
  const table = parseCsv(new TextEncoder().encode('客户编号,电话,数量\n00123,075512345678,5\n45678,13800000000,7\n'));
  expect(table.rows.slice(1).map((r) => r.map((c) => c?.t))).toEqual([
    [1, 1, 2],
    [1, 1, 2],
  ]);
  expect(table.rows[2]?.[0]?.v).toBe('45678');
});

test('numbers past 15 digits, impossible dates and +86 phones stay text', () => {
  expect(typeField('1234567890123456789')).toMatchObject({ t: 1 });
  expect(typeField('2024-02-30')).toMatchObject({ t: 1 });
  expect(typeField('+86 138 0000 0000')).toMatchObject({ t: 1 });
  expect(typeField('1.2e6')).toEqual({ v: 1.2e6, t: 2 });
  expect(typeField('  ')).toBeNull();
});

test('UTF-16 with BOM decodes', () => {
  const text = '区域,金额\n';
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
});

test('property: any grid of text fields survives quoting and parsing cell for cell', () => {
  const field = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('华南区', 'a,b', 'x"y', 'line\nbreak', '=SUM(A1)', '00123', '  '));
  fc.assert(
    fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (rows) => {
      const grid = [['h1', 'h2'], ...rows.filter((r) => r.some((f) => f.trim() !== ''))];
      const csv = grid.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
      const parsed = parseCsv(new TextEncoder().encode(csv));
      parsed.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const source = grid[r]?.[c] ?? '';
          if (cell === null) expect(source.trim()).toBe('');
          else if (cell.t === 1) expect(cell.v).toBe(source);
          else expect(typeof cell.v).not.toBe('string');
        }),
      );
    }),
    { numRuns: Math.min(FAST_CHECK_RUNS, 500) },
  );
});
