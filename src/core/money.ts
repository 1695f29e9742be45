/**
 * Money units: the one home for 元 / 千元 / 万元 / 百万元 and a currency. A workbook keeps one unit
 * (工作簿设置, core/settings.ts); an export says its own in a header (`商机金额(元)`,
 * `Amount (USD)`), and an import converts from that unit to the workbook's, so targets and deals
 * are always compared in one unit.
 */
import { L, type Locale, type Localized } from './i18n';

export type MoneyScale = 1 | 1_000 | 10_000 | 1_000_000;

export interface MoneyUnit {
  /** How many of the currency one unit is: 万元 is 10,000 元. */
  readonly scale: MoneyScale;
  /** ISO 4217 code: CNY, USD, … */
  readonly currency: string;
}

export const MONEY_SCALES: readonly { readonly scale: MoneyScale; readonly label: Localized }[] = [
  { scale: 1, label: L('元', 'units') },
  { scale: 1_000, label: L('千元', 'thousands') },
  { scale: 10_000, label: L('万元', '10k') },
  { scale: 1_000_000, label: L('百万元', 'millions') },
];

/** Currencies a header or the settings may name, with the words exports use for them. */
export const CURRENCIES: readonly { readonly code: string; readonly symbol: string; readonly words: readonly string[] }[] = [
  { code: 'CNY', symbol: '¥', words: ['cny', 'rmb', '人民币', '¥', '￥'] },
  { code: 'USD', symbol: '$', words: ['usd', 'us$', '美元', '$'] },
  { code: 'EUR', symbol: '€', words: ['eur', '欧元', '€'] },
  { code: 'HKD', symbol: 'HK$', words: ['hkd', 'hk$', '港币', '港元'] },
  { code: 'GBP', symbol: '£', words: ['gbp', '英镑', '£'] },
  { code: 'JPY', symbol: '¥', words: ['jpy', '日元'] },
];

/** Every unit a user may pick: each scale in yuan, then in the other currencies. */
export const MONEY_UNITS: readonly MoneyUnit[] = CURRENCIES.flatMap((c) => MONEY_SCALES.map((s) => ({ scale: s.scale, currency: c.code })));

/** The unit the templates' samples are in: 表2's 500 / 180 / 165 of the documents are 万元. */
export const SAMPLE_MONEY_UNIT: MoneyUnit = { scale: 10_000, currency: 'CNY' };

export const DEFAULT_MONEY_UNIT: MoneyUnit = { scale: 1, currency: 'CNY' };

/** How a unit is written after a header or figure: 万元, 元, USD, thousand USD, 万美元. */
export function moneyUnitLabel(unit: MoneyUnit, locale: Locale): string {
  const scale = MONEY_SCALES.find((s) => s.scale === unit.scale) ?? MONEY_SCALES[0]!;
  if (locale === 'zh-CN') {
    if (unit.currency === 'CNY') return scale.label['zh-CN'];
    const name = { USD: '美元', EUR: '欧元', HKD: '港元', GBP: '英镑', JPY: '日元' }[unit.currency] ?? unit.currency;
    return `${{ 1: '', 1000: '千', 10000: '万', 1000000: '百万' }[unit.scale]}${name}`;
  }
  return unit.scale === 1 ? unit.currency : `${unit.currency} ${scale.label['en-US']}`;
}

/** A unit from its label in either language (`万元`, `USD thousands`, `CNY`), or undefined. */
export function parseMoneyUnit(text: string): MoneyUnit | undefined {
  const clean = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^(?:in|单位|单位:|unit:)\s*/, '')
    .replace(/\s+/g, ' ');
  if (clean === '') return undefined;
  // Chinese: an optional scale, then 元 or a currency name (万元, 千美元, 百万元, 元).
  const zh = /^(百万|千万|千|万|亿)?(元|人民币|美元|欧元|港元|港币|英镑|日元)$/.exec(clean);
  if (zh) {
    const scale = ({ '': 1, 千: 1_000, 万: 10_000, 百万: 1_000_000 } as Record<string, MoneyScale>)[zh[1] ?? ''];
    if (scale === undefined) return undefined;
    const currency = zh[2] === '元' ? 'CNY' : currencyOf(zh[2] as string);
    return currency === undefined ? undefined : { scale, currency };
  }
  // English: a currency and an optional scale word on either side (USD, USD thousands, $k, in millions of EUR).
  const words = clean
    .replace(/[()（）]/g, ' ')
    .split(/[\s,]+|(?<=\$)(?=[km])/)
    .filter((w) => w !== '' && w !== 'of' && w !== 'in');
  let scale: MoneyScale = 1;
  let currency: string | undefined;
  for (const word of words) {
    const asScale = (
      {
        k: 1_000,
        '10k': 10_000,
        thousand: 1_000,
        thousands: 1_000,
        '000s': 1_000,
        m: 1_000_000,
        mm: 1_000_000,
        million: 1_000_000,
        millions: 1_000_000,
      } as Record<string, MoneyScale>
    )[word];
    if (asScale !== undefined) {
      scale = asScale;
      continue;
    }
    const found = currencyOf(word);
    if (found === undefined) return undefined;
    currency = found;
  }
  return currency === undefined ? undefined : { scale, currency };
}

function currencyOf(word: string): string | undefined {
  const key = word.toLowerCase();
  return CURRENCIES.find((c) => c.code.toLowerCase() === key || c.words.includes(key))?.code;
}

export interface HeaderUnit {
  /** The header without its unit: `商机金额(元)` → `商机金额`. */
  readonly name: string;
  readonly unit?: MoneyUnit;
}

/**
 * The money unit a header names at its end — `(元)`, `（万元）`, `/万元`, `Amount (USD)`, `Value in USD`,
 * `金额-元` — and the header without it. A header without one is returned whole.
 */
export function unitOfHeader(header: string): HeaderUnit {
  const text = header.normalize('NFKC').trim();
  const patterns = [/^(.*?)\s*[([【]([^()[\]【】]+)[)\]】]$/, /^(.*?)\s*[/／-]\s*([^/／-]+)$/, /^(.*?)\s+in\s+(.+)$/i];
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (!m || (m[1] ?? '').trim() === '') continue;
    const unit = parseMoneyUnit(m[2] as string);
    if (unit) return { name: (m[1] as string).trim(), unit };
  }
  return { name: header.trim() };
}

/** `value` in `from` as a number in `to` (15 significant digits: 740,000 元 is 74 万元 exactly). */
export function convertMoney(value: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from.scale === to.scale) return value;
  return Number(((value * from.scale) / to.scale).toPrecision(15));
}

/** Two units that differ only in scale can be converted; a different currency cannot. */
export const sameCurrency = (a: MoneyUnit, b: MoneyUnit): boolean => a.currency === b.currency;

export const sameMoneyUnit = (a: MoneyUnit, b: MoneyUnit): boolean => a.scale === b.scale && a.currency === b.currency;
