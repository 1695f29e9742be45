/**
 * Money units (src/core/money.ts): read from what exports and users write, converted exactly, and
 * an export's amounts stored in the workbook's unit by the import preview.
 */
import fc from 'fast-check';
import {
  amountUnitOf,
  autoMap,
  convertMoney,
  moneyUnitLabel,
  parseMoneyUnit,
  previewImport,
  unitOfHeader,
  unmappedRequired,
} from '../../src/core';

describe('a money unit from its words', () => {
  it.each([
    ['元', 1, 'CNY'],
    ['万元', 10_000, 'CNY'],
    ['千元', 1_000, 'CNY'],
    ['百万元', 1_000_000, 'CNY'],
    ['人民币', 1, 'CNY'],
    ['万美元', 10_000, 'USD'],
    ['USD', 1, 'USD'],
    ['usd thousands', 1_000, 'USD'],
    ['in millions of EUR', 1_000_000, 'EUR'],
    ['$k', 1_000, 'USD'],
    ['CNY 10k', 10_000, 'CNY'],
  ])('%s', (text, scale, currency) => {
    expect(parseMoneyUnit(text)).toEqual({ scale, currency });
  });

  it.each(['', '%', 'Lost', 'pcs', '亿元', '天'])('"%s" is not a unit', (text) => {
    expect(parseMoneyUnit(text)).toBeUndefined();
  });

  it('reads back every label it writes, in both languages', () => {
    for (const currency of ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY'])
      for (const scale of [1, 1_000, 10_000, 1_000_000] as const)
        for (const locale of ['zh-CN', 'en-US'] as const)
          expect(parseMoneyUnit(moneyUnitLabel({ scale, currency }, locale))).toEqual({ scale, currency });
  });
});

describe('the unit a header names', () => {
  it.each([
    ['商机金额(元)', '商机金额', 1, 'CNY'],
    ['商机金额（万元）', '商机金额', 10_000, 'CNY'],
    ['销售金额/万元', '销售金额', 10_000, 'CNY'],
    ['Amount (USD)', 'Amount', 1, 'USD'],
    ['Deal Value in USD', 'Deal Value', 1, 'USD'],
    ['Amount [EUR thousands]', 'Amount', 1_000, 'EUR'],
  ])('%s', (header, name, scale, currency) => {
    expect(unitOfHeader(header)).toEqual({ name, unit: { scale, currency } });
  });

  it.each(['Probability (%)', 'Won/Lost', 'Deal - Value', '方案/报价', 'Amount'])('"%s" names none', (header) => {
    expect(unitOfHeader(header).unit).toBeUndefined();
  });
});

describe('converting', () => {
  it('is exact for the figures exports hold', () => {
    expect(convertMoney(740_000, { scale: 1, currency: 'CNY' }, { scale: 10_000, currency: 'CNY' })).toBe(74);
    expect(convertMoney(1_234_567.89, { scale: 1, currency: 'CNY' }, { scale: 10_000, currency: 'CNY' })).toBe(123.456789);
    expect(convertMoney(35.5, { scale: 10_000, currency: 'CNY' }, { scale: 1, currency: 'CNY' })).toBe(355_000);
  });

  it('there and back again gives the cents back', () => {
    const yuan = { scale: 1, currency: 'CNY' } as const;
    const wan = { scale: 10_000, currency: 'CNY' } as const;
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const value = cents / 100;
        expect(convertMoney(convertMoney(value, yuan, wan), wan, yuan)).toBeCloseTo(value, 6);
      }),
    );
  });
});

describe('an export in 元 with departments for regions (纷享销客)', () => {
  const headers = ['商机编号', '商机名称', '负责人', '所属部门', '商机阶段', '商机金额(元)', '结单日期', '输单原因'];
  const rows = [
    ['FX-001', '华南 POS', '张伟', '华南销售部', '赢单', '740,000.00', '2026-01-15', ''],
    ['FX-002', '华东 仓储', '李娜', '华东销售部', '商务谈判', '1,250,000.50', '2026-02-20', ''],
  ];

  it('recognises the amount with its unit and the department as the region', () => {
    const mapping = autoMap(headers);
    expect(mapping.amount).toBe(5);
    expect(mapping.region).toBe(3);
    expect(unmappedRequired(mapping)).toEqual([]);
    expect(amountUnitOf(headers, mapping)).toEqual({ scale: 1, currency: 'CNY' });
  });

  it('stores the amounts in the workbook unit', () => {
    const mapping = autoMap(headers);
    const preview = previewImport({ headers, rows }, mapping, {
      locale: 'zh-CN',
      amounts: { from: { scale: 1, currency: 'CNY' }, to: { scale: 10_000, currency: 'CNY' } },
    });
    expect(preview.problems).toEqual([]);
    expect(preview.deals.map((d) => d.values.amount)).toEqual([74, 125.00005]);
  });

  it('refuses another currency instead of storing dollars as yuan', () => {
    const preview = previewImport({ headers, rows }, autoMap(headers), {
      locale: 'en-US',
      amounts: { from: { scale: 1, currency: 'USD' }, to: { scale: 10_000, currency: 'CNY' } },
    });
    expect(preview.deals).toEqual([]);
    expect(preview.problems[0]?.why['en-US']).toMatch(/different currencies/);
  });
});
