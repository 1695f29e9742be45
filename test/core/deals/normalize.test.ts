/** Values of CRM exports as the register stores them, and the mapping from export headers and stages. */
import fc from 'fast-check';
import {
  DEAL_FIELDS,
  autoMap,
  dateOrderOf,
  dealStatusOf,
  forecastCategoryOf,
  inPercentPoints,
  lostReasonOf,
  parseAmount,
  parseDate,
  parseRate,
  serialFromDate,
  stageMeaning,
  unmappedRequired,
} from '../../../src/core';

/** Runs per property: jest global from jest.config.js (env FAST_CHECK_RUNS). */
declare const FAST_CHECK_RUNS: number;

const value = <T>(parsed: { ok: true; value: T | null } | { ok: false }) => (parsed.ok ? parsed.value : 'problem');

describe('amounts', () => {
  test.each([
    ['¥1,200,000', 1_200_000],
    ['￥1,200,000.50', 1_200_000.5],
    ['120万', 1_200_000],
    ['35.5万', 355_000],
    ['1.2亿', 120_000_000],
    ['1.2e6', 1_200_000],
    ['$ 12,500', 12_500],
    ['USD 12500', 12_500],
    ['12,500 元', 12_500],
    ['RMB 8k', 8000],
    ['(1,200)', -1200],
    ['-300', -300],
    [1500, 1500],
    ['', null],
    ['   ', null],
    [null, null],
  ] as const)('%s → %s', (text, expected) => {
    expect(value(parseAmount(text))).toBe(expected);
  });

  test.each(['abc', '12.3.4', '万', '1,2,', true, '¥'])('%s is reported, in both languages', (text) => {
    const parsed = parseAmount(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.why['zh-CN'].length > 0, parsed.why['en-US'].length > 0]).toEqual([true, true]);
  });

  test('any amount written with separators and a unit reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        expect(value(parseAmount(`¥${n.toLocaleString('en-US')}`))).toBe(n);
        expect(value(parseAmount(`${n / 10_000}万`))).toBeCloseTo(n, 4);
      }),
      { numRuns: FAST_CHECK_RUNS },
    );
  });
});

describe('rates', () => {
  test.each([
    ['12%', false, 0.12],
    ['12 %', false, 0.12],
    ['０.５', false, 0.5],
    [0.25, false, 0.25],
    [25, true, 0.25],
    ['100', true, 1],
    ['', false, null],
  ] as const)('%s (percent points %s) → %s', (text, points, expected) => {
    expect(value(parseRate(text, points))).toBe(expected);
  });

  test('out of 0–100% and non-numbers are reported', () => {
    for (const text of ['120%', '-5%', 'high', 1.5]) expect(parseRate(text, false).ok).toBe(false);
  });

  test('a column is in percent points when most of its plain numbers are above 1', () => {
    expect(inPercentPoints(['10', '25', '', '100', '0'])).toBe(true);
    expect(inPercentPoints([0.1, '0.25', '30%'])).toBe(false);
    // A stray 1.5 among fractions is a bad value to report, not a reason to divide the others by 100.
    expect(inPercentPoints([0.9, 0.6, 1, 0.2, 1.5])).toBe(false);
  });
});

describe('dates', () => {
  const march5 = serialFromDate(2024, 3, 5);
  test.each([
    ['2024-03-05', march5],
    ['2024/3/5', march5],
    ['2024.3.5', march5],
    ['2024年3月5日', march5],
    ['3/5/2024', march5],
    ['Mar 5, 2024', march5],
    ['March 5 2024', march5],
    ['5 Mar 2024', march5],
    ['05-Mar-2024', march5],
    [march5, march5],
    [String(march5), march5],
    ['2024-03-05 14:00', march5 + 14 / 24],
    ['3/5/2024 2:30 PM', march5 + 14.5 / 24],
  ] as const)('%s → its serial', (text, expected) => {
    expect(value(parseDate(text))).toBeCloseTo(expected, 9);
  });

  test('day-first columns are recognised and read day first', () => {
    const column = ['5/3/2024', '13/3/2024'];
    expect(dateOrderOf(column)).toBe('dmy');
    expect(value(parseDate('5/3/2024', 'dmy'))).toBe(march5);
    expect(dateOrderOf(['3/5/2024', '12/1/2024'])).toBe('mdy');
    // A value that is no date either way (31/31) tells nothing; the month-first dates decide.
    expect(dateOrderOf(['3/28/2024', '4/15/2024', '31/31/2024'])).toBe('mdy');
  });

  test.each(['2024-02-30', '2024-13-01', 'someday', '31/31/2024', '2024-03-05 25:00', true, 0, 3e6])('%s is reported', (text) => {
    expect(parseDate(text).ok).toBe(false);
  });
});

describe('headers and stages', () => {
  test.each([
    [
      'Salesforce',
      [
        'Opportunity ID',
        'Opportunity Name',
        'Account Name',
        'Opportunity Owner',
        'Stage',
        'Amount',
        'Probability (%)',
        'Close Date',
        'Forecast Category',
        'Created Date',
        'Last Activity',
        'Next Step',
      ],
    ],
    [
      'HubSpot',
      [
        'Record ID',
        'Deal Name',
        'Deal Stage',
        'Amount',
        'Close Date',
        'Deal owner',
        'Associated Company',
        'Create Date',
        'Deal probability',
        'Forecast category',
      ],
    ],
    [
      'Zoho',
      [
        'Record Id',
        'Deal Name',
        'Account Name',
        'Deal Owner',
        'Stage',
        'Amount',
        'Probability (%)',
        'Closing Date',
        'Created Time',
        'Last Activity Time',
        'Reason For Loss',
      ],
    ],
    [
      'Pipedrive',
      [
        'Deal - ID',
        'Deal - Title',
        'Deal - Organization',
        'Deal - Owner',
        'Deal - Stage',
        'Deal - Value',
        'Deal - Status',
        'Deal - Expected close date',
        'Deal - Deal created',
        'Deal - Lost reason',
      ],
    ],
    [
      '纷享销客',
      [
        '商机编号',
        '商机名称',
        '客户名称',
        '负责人',
        '销售阶段',
        '商机金额',
        '赢率',
        '预计成交日期',
        '创建时间',
        '最后跟进时间',
        '输单原因',
      ],
    ],
    ['销售易', ['商机ID', '商机名称', '客户', '商机负责人', '商机阶段', '销售金额', '预计签约日期', '商机状态', '丢单原因']],
    ['our own (en-US)', DEAL_FIELDS.map((f) => f.label['en-US'])],
  ] as const)('%s export headers map every required field', (_crm, headers) => {
    const mapping = autoMap(headers);
    expect(unmappedRequired(mapping)).toEqual([]);
    const columns = Object.values(mapping);
    expect(new Set(columns).size).toBe(columns.length); // a column names one field at most
  });

  test('a saved mapping wins over the known names', () => {
    const headers = ['Ref', 'Opportunity Name', 'Stage', 'Total', 'Close Date', 'Amount'];
    const mapping = autoMap(headers, { name: 'my CRM', columns: { dealId: 'Ref', amount: 'Total' }, stages: {} });
    expect(mapping).toMatchObject({ dealId: 0, name: 1, stage: 2, amount: 3, closeDate: 4 });
  });

  test.each([
    ['Prospecting', { stage: 'lead' }],
    ['Closed Won', { stage: 'won', status: 'won' }],
    ['closedlost', { stage: null, status: 'lost' }],
    ['Appointment Scheduled', { stage: 'contact' }],
    ['Negotiations Started', { stage: 'negotiation' }],
    ['方案/报价', { stage: 'proposal' }],
    ['需求确认', { stage: 'needs' }],
    ['Needs confirmed', { stage: 'needs' }],
  ] as const)('stage %s', (name, meaning) => {
    expect(stageMeaning(name)).toEqual(meaning);
  });

  test('an unknown stage is asked for once; the saved answer is used after', () => {
    expect(stageMeaning('Discovery call')).toBeUndefined();
    expect(stageMeaning('discovery CALL', { 'Discovery call': { stage: 'contact' } })).toEqual({ stage: 'contact' });
  });

  test('categories, statuses and lost reasons in either language', () => {
    expect(['Commit', '承诺', 'Best Case', 'Pipeline', 'Omitted', 'nonsense'].map(forecastCategoryOf)).toEqual([
      'commit',
      'commit',
      'bestCase',
      'pipeline',
      'omitted',
      undefined,
    ]);
    expect(['open', 'Won', 'lost', '赢单', '进行中'].map(dealStatusOf)).toEqual(['open', 'won', 'lost', 'won', 'open']);
    expect(lostReasonOf('price')?.['zh-CN']).toBe('价格');
    expect(lostReasonOf('客户搬家了')).toBeUndefined();
  });
});
