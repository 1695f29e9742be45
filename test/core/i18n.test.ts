/** The language rule every host applies to the tag it is given. */
import { localeFromLanguage } from '../../src/core';

test.each([
  ['zh-CN', 'zh-CN'],
  ['zh', 'zh-CN'],
  ['zh_TW', 'zh-CN'],
  [' ZH-hant ', 'zh-CN'],
  ['zha', 'en-US'],
  ['en_US', 'en-US'],
  ['fr-FR', 'en-US'],
  ['', 'en-US'],
  [undefined, 'en-US'],
])('%s → %s', (tag, locale) => {
  expect(localeFromLanguage(tag)).toBe(locale);
});
