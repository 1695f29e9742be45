/**
 * A CRM export into the deal register, end to end through the core and a port: CSV bytes as the
 * products write them (UTF-8 with BOM, GB18030), auto-mapped headers, every value normalised or
 * reported before anything is written, an upsert by 商机编号, and a re-import that duplicates nothing.
 */
import {
  type CellValue,
  autoMap,
  planDealUpsert,
  planTemplate,
  previewImport,
  serialFromDate,
  templateById,
  unmappedRequired,
} from '../../../src/core';
import { parseCsv } from '../../../src/files/csv';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';

const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

/** A CSV as the core's RawTable: the typed cells' values. */
function rawTable(bytes: Uint8Array) {
  const parsed = parseCsv(bytes);
  const [header = [], ...rows] = parsed.rows;
  const width = parsed.columnCount;
  const cells = (row: readonly ({ v: string | number | boolean } | null)[]): CellValue[] =>
    Array.from({ length: width }, (_v, c) => row[c]?.v ?? null);
  return { headers: cells(header).map((h) => String(h ?? '')), rows: rows.map(cells), encoding: parsed.encoding };
}

const SALESFORCE = [
  'Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Stage,Amount,Probability (%),Close Date,Forecast Category,Next Step',
  '006A001,POS upgrade,Customer A,South rep,Negotiation/Review,"¥1,200,000",80,3/28/2024,Commit,Send contract',
  '006A002,Warehouse,Customer B,East rep,Proposal/Price Quote,120万,50,4/15/2024,Best Case,',
  '006A003,Loyalty,Customer C,South rep,Closed Won,35.5万,100,3/12/2024,Closed,',
  '006A004,Broken row,Customer D,East rep,Prospecting,lots,10,someday,Pipeline,',
  '006A005,New stage,Customer E,East rep,Discovery Call,1000,10,4/1/2024,Pipeline,',
].join('\r\n');

describe('importing a Salesforce opportunity report', () => {
  const table = rawTable(utf8Bom(SALESFORCE));
  const mapping = autoMap(table.headers);

  test('every required field is mapped from the headers as Salesforce writes them', () => {
    expect(unmappedRequired(mapping)).toEqual([]);
  });

  test('the preview normalises every value or reports it, before anything is written', () => {
    const preview = previewImport(table, mapping, { locale: 'zh-CN' });
    expect(preview.deals.map((d) => d.id)).toEqual(['006A001', '006A002', '006A003']);
    const [first, second, third] = preview.deals;
    expect(first?.values).toMatchObject({
      stage: '商务谈判',
      amount: 1_200_000,
      probability: 0.8,
      closeDate: serialFromDate(2024, 3, 28),
      category: '承诺',
      status: '进行中',
    });
    expect(second?.values).toMatchObject({ amount: 1_200_000, probability: 0.5, category: '最可能' });
    expect(third?.values).toMatchObject({ stage: '成交签约', status: '赢单', amount: 355_000 });
    // Row 5: two problems, each with row, column, value and why; row 6: a stage to ask about once.
    expect(preview.problems.map((p) => [p.fileRow, p.column, p.value])).toEqual([
      [5, 'Amount', 'lots'],
      [5, 'Close Date', 'someday'],
      [6, 'Stage', 'Discovery Call'],
    ]);
    expect(preview.problems.every((p) => p.why['zh-CN'] !== '' && p.why['en-US'] !== '')).toBe(true);
    expect([...preview.unknownStages]).toEqual([['Discovery Call', 1]]);
    // Once the user says what the stage is, the row comes in.
    const answered = previewImport(table, mapping, { locale: 'zh-CN', stages: { 'Discovery Call': { stage: 'contact' } } });
    expect(answered.deals.map((d) => d.id)).toContain('006A005');
  });

  test('upsert by deal ID: a re-import updates in place and adds nothing; a full export marks the missing deal removed', async () => {
    const workbook = new MemoryWorkbook();
    const inserted = await workbook.insertTemplate(
      planTemplate(templateById('deals'), { locale: 'zh-CN', samples: false, portable: false }),
    );
    const importOnce = async (text: string, fullExport: boolean) => {
      const t = rawTable(utf8Bom(text));
      const preview = previewImport(t, autoMap(t.headers), { locale: 'zh-CN' });
      const register = await workbook.readTable({ sheetName: inserted.sheetName });
      const plan = planDealUpsert(register, preview.deals, autoMap(t.headers), { fullExport });
      if (!plan.ok) throw new Error(plan.message['en-US']);
      await workbook.writeTables([plan.write]);
      return plan.counts;
    };
    expect(await importOnce(SALESFORCE, true)).toEqual({ new: 3, updated: 0, unchanged: 0, removed: 0 });
    expect(await importOnce(SALESFORCE, true)).toEqual({ new: 0, updated: 0, unchanged: 3, removed: 0 });
    const nextWeek = SALESFORCE.split('\r\n')
      .filter((line) => !line.startsWith('006A002'))
      .map((line) => line.replace('"¥1,200,000"', '"¥1,300,000"'))
      .join('\r\n');
    expect(await importOnce(nextWeek, true)).toEqual({ new: 0, updated: 1, unchanged: 1, removed: 1 });
    const register = await workbook.readTable({ sheetName: inserted.sheetName });
    const ids = register.rows.map((row) => row[0]).filter((id) => id !== null);
    expect(ids).toEqual(['006A001', '006A002', '006A003']); // no duplicates, nothing deleted
    const status = register.header.indexOf('状态');
    const amount = register.header.indexOf('金额');
    expect(register.rows[1]?.[status]).toBe('已移除');
    expect(register.rows[0]?.[amount]).toBe(1_300_000);
  });
});

test('a 纷享销客 export in GB18030 with Chinese headers maps and reads', () => {
  const text = [
    '商机编号,商机名称,客户名称,负责人,销售阶段,商机金额,赢率,预计成交日期,输单原因',
    'FX-01,门店系统,客户A,华南区销售,方案/报价,35.5万,60%,2024年4月30日,',
    'FX-02,仓储,客户B,华东区销售,输单,20万,0%,2024-03-01,价格',
  ].join('\n');
  // GB18030 bytes for the CJK text (TextEncoder writes only UTF-8): build them with the decoder's inverse.
  const bytes = gb18030(text);
  const table = rawTable(bytes);
  expect(table.encoding).toBe('gb18030');
  const mapping = autoMap(table.headers);
  expect(unmappedRequired(mapping)).toEqual([]);
  const preview = previewImport(table, mapping, { locale: 'en-US' });
  expect(preview.problems).toEqual([]);
  expect(preview.deals.map((d) => [d.id, d.values.stage, d.values.status, d.values.amount, d.values.lostReason])).toEqual([
    ['FX-01', 'Proposal sent', 'Open', 355_000, undefined],
    ['FX-02', undefined, 'Lost', 200_000, 'Price'],
  ]);
});

/** Encodes text as GB18030 by looking each character up through the decoder (test-only, small inputs). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
