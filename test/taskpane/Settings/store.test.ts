/** Settings survive as JSON in a Storage; anything unreadable, blocked or full falls back to the defaults. */
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  createStorageSettingsStore,
  effectiveLocale,
  parseSettings,
} from '../../../src/taskpane/Settings/store';

class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('settings store', () => {
  it('saves and loads under the prefix (Office partition key)', () => {
    const storage = new MapStorage();
    const store = createStorageSettingsStore(storage, 'partition-7/');
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
    expect(store.save({ language: 'en-US', samples: false, portable: true })).toBe(true);
    expect([...storage.items.keys()]).toEqual([`partition-7/${SETTINGS_KEY}`]);
    expect(createStorageSettingsStore(storage, 'partition-7/').load()).toEqual({ language: 'en-US', samples: false, portable: true });
    // Another partition does not see them.
    expect(createStorageSettingsStore(storage, 'other/').load()).toEqual(DEFAULT_SETTINGS);
  });

  it('tolerates corrupt JSON and wrong fields, keeping what is well-formed', () => {
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('null')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1,2]')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('"en-US"')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"language":"fr-FR","samples":"no","portable":true}')).toEqual({ ...DEFAULT_SETTINGS, portable: true });
    expect(parseSettings('{"language":"zh-CN"}')).toEqual({ ...DEFAULT_SETTINGS, language: 'zh-CN' });
  });

  it('works with no storage, blocked storage and full storage', () => {
    expect(createStorageSettingsStore(undefined).load()).toEqual(DEFAULT_SETTINGS);
    expect(createStorageSettingsStore(undefined).save(DEFAULT_SETTINGS)).toBe(false);
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createStorageSettingsStore(blocked);
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
    expect(store.save({ ...DEFAULT_SETTINGS, language: 'en-US' })).toBe(false);
  });

  it('auto follows the automatic language; a choice overrides it', () => {
    expect(effectiveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(effectiveLocale('auto', 'en-US')).toBe('en-US');
    expect(effectiveLocale('en-US', 'zh-CN')).toBe('en-US');
  });
});
