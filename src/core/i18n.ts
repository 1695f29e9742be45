/** The two languages the add-in speaks; every user-facing string has both. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Readonly<Record<Locale, string>>;

/** A localized text, Chinese first as the method's documents are: the one builder every module uses. */
export const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

/**
 * zh-CN for any Chinese language tag, en-US otherwise — the product's rule for whatever tag a host
 * gives (a display language, a browser's, a user locale; `zh_TW` with an underscore too).
 */
export function localeFromLanguage(language: string | undefined): Locale {
  return language !== undefined && /^zh(?:$|[-_])/i.test(language.trim()) ? 'zh-CN' : 'en-US';
}

/** The label of a key in one of the fixed keyed lists (funnel stages, deal statuses, forecast categories). */
export function labelOfKey<K extends string>(list: readonly { readonly key: K; readonly label: Localized }[], key: K): Localized {
  const found = list.find((item) => item.key === key);
  if (found === undefined) throw new Error(`no label for "${key}"`);
  return found.label;
}
