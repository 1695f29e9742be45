/** The two languages the add-in speaks; every user-facing string has both. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Readonly<Record<Locale, string>>;

/** zh-CN for any Chinese display language, en-US otherwise (the product's rule for Office's language). */
export function localeFromLanguage(language: string | undefined): Locale {
  return language !== undefined && /^zh\b/i.test(language.trim()) ? 'zh-CN' : 'en-US';
}
