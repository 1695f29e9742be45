/**
 * Univer's `mergeLocales` is a shallow Object.assign: merging locale sets keyed by language kept only
 * the last set (the page's ribbon showed `ui.ribbon.start`). mergeLocaleSets merges language by
 * language, and the headless host translates with every set it was given.
 */
import { LocaleType } from '@univerjs/core';
import { HEADLESS_LOCALES, mergeLocaleSets } from '../../../src/hosts/web/univerPlugins';
import { SALES_DESCRIPTION_LOCALES } from '../../../src/hosts/web/univerFunctions';

test('every set keeps its namespaces in every language', () => {
  const merged = mergeLocaleSets(HEADLESS_LOCALES, SALES_DESCRIPTION_LOCALES);
  for (const language of [LocaleType.ZH_CN, LocaleType.EN_US]) {
    const namespaces = Object.keys(merged[language] ?? {});
    for (const set of [HEADLESS_LOCALES, SALES_DESCRIPTION_LOCALES])
      for (const namespace of Object.keys(set[language] ?? {})) expect(namespaces).toContain(namespace);
    expect(namespaces).toContain('sheets');
  }
});
