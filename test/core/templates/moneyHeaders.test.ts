/**
 * Money headers carry the workbook's unit (金额(万元), Amount (USD 10k)); every reader still finds
 * the column, the unit is read back from the header, and the samples (in 万元) are shown in the
 * workbook's unit when it differs.
 */
import fc from 'fast-check';
import {
  CURRENCIES,
  type Locale,
  MONEY_SCALES,
  type MoneyUnit,
  SAMPLE_MONEY_UNIT,
  TEMPLATES,
  matchHeader,
  moneyUnitOfHeader,
  planTemplate,
  templateById,
} from '../../../src/core';

const YUAN: MoneyUnit = { scale: 1, currency: 'CNY' };
const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

describe('money headers', () => {
  it('show the unit after the label, only on money columns', () => {
    const plan = planTemplate(templateById('goals'), { locale: 'zh-CN', samples: false, portable: false, moneyUnit: SAMPLE_MONEY_UNIT });
    const label = (key: string) => plan.columns.find((c) => c.key === key)?.label;
    expect([label('monthTarget'), label('actual'), label('gap'), label('attainment'), label('region')]).toEqual([
      '月度分解目标(万元)',
      '月度实际完成(万元)',
      '差距(万元)',
      '达成率',
      '负责区域',
    ]);
    const en = planTemplate(templateById('deals'), {
      locale: 'en-US',
      samples: false,
      portable: false,
      moneyUnit: { scale: 1_000, currency: 'USD' },
    });
    expect(en.columns.find((c) => c.key === 'amount')?.label).toBe('Amount (USD thousands)');
  });

  it('without a unit the labels are the plain ones', () => {
    const plan = planTemplate(templateById('deals'), { locale: 'zh-CN', samples: false, portable: false });
    expect(plan.columns.find((c) => c.key === 'amount')?.label).toBe('金额');
  });

  it('are matched to their columns and give the unit back, for every template, language and unit', () => {
    const units = CURRENCIES.flatMap((c) => MONEY_SCALES.map((s) => ({ scale: s.scale, currency: c.code })));
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), fc.constantFrom(...LOCALES), fc.constantFrom(...units), (spec, locale, unit) => {
        const plan = planTemplate(spec, { locale, samples: false, portable: false, moneyUnit: unit });
        const header = plan.columns.map((c) => c.label);
        const match = matchHeader(spec, header);
        expect(match.missing).toEqual([]);
        expect(match.locale).toBe(locale);
        const hasMoney = spec.columns.some((c) => c.money === true);
        expect(moneyUnitOfHeader(header)).toEqual(hasMoney ? unit : undefined);
      }),
      { numRuns: 200 },
    );
  });

  it('a bracket after a non-money label is not a unit (响应时长(小时) stays itself)', () => {
    expect(moneyUnitOfHeader(['响应时长(小时)', '预测(承诺)'])).toBeUndefined();
    expect(moneyUnitOfHeader(['预测(承诺)(元)'])).toEqual(YUAN);
    expect(moneyUnitOfHeader(['金额（百万元）'])).toEqual({ scale: 1_000_000, currency: 'CNY' });
  });

  it('the samples, in 万元, are shown in the workbook unit: 80 万元 is 800,000 元', () => {
    const inWan = planTemplate(templateById('deals'), { locale: 'zh-CN', samples: true, portable: false });
    const inYuan = planTemplate(templateById('deals'), { locale: 'zh-CN', samples: true, portable: false, moneyUnit: YUAN });
    const amount = inWan.columns.findIndex((c) => c.key === 'amount');
    const stage = inWan.columns.findIndex((c) => c.key === 'stage');
    const samples = templateById('deals').samples.length;
    for (let row = 0; row < samples; row++) {
      expect(inYuan.rows[row]?.[amount]).toBe((inWan.rows[row]?.[amount] as number) * 10_000);
      expect(inYuan.rows[row]?.[stage]).toEqual(inWan.rows[row]?.[stage]);
    }
    // Another currency cannot be converted: the examples stay as they are.
    const inUsd = planTemplate(templateById('deals'), {
      locale: 'en-US',
      samples: true,
      portable: false,
      moneyUnit: { scale: 1, currency: 'USD' },
    });
    expect(inUsd.rows[0]?.[amount]).toBe(inWan.rows[0]?.[amount]);
  });
});
