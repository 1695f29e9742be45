/**
 * The pane's remembered choices. A `SettingsStore` loads and saves one small object; the browser
 * implementation keeps it as JSON in a `Storage` (Office's partitioned localStorage in Excel, plain
 * localStorage in the web host) and falls back to the defaults whenever storage is missing,
 * blocked, full or holds something it cannot read — settings never stop the pane from opening.
 */
import { LOCALES, type Locale } from '../../core';

export type LanguageSetting = 'auto' | Locale;

export interface Settings {
  /** `auto` follows Office's display language (zh-CN for zh-*, else en-US). */
  readonly language: LanguageSetting;
  /** Template insertion: include the documents' sample rows. */
  readonly samples: boolean;
  /** Template insertion and goal rows: native formulas that compute without the add-in. */
  readonly portable: boolean;
}

export const DEFAULT_SETTINGS: Settings = { language: 'auto', samples: true, portable: false };

export interface SettingsStore {
  load(): Settings;
  /** Returns false when the settings could not be kept (storage blocked or full). */
  save(settings: Settings): boolean;
}

/** The part of `Storage` the store uses. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const SETTINGS_KEY = 'salesReview.settings';

/** Reads whatever was stored, keeping each well-formed field and defaulting the rest. */
export function parseSettings(text: string | null): Settings {
  if (text === null) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return DEFAULT_SETTINGS;
  const value = raw as Record<string, unknown>;
  const language =
    value.language === 'auto' || LOCALES.includes(value.language as Locale)
      ? (value.language as LanguageSetting)
      : DEFAULT_SETTINGS.language;
  return {
    language,
    samples: typeof value.samples === 'boolean' ? value.samples : DEFAULT_SETTINGS.samples,
    portable: typeof value.portable === 'boolean' ? value.portable : DEFAULT_SETTINGS.portable,
  };
}

/**
 * A store over a Storage object under `${prefix}salesReview.settings`. `storage` may be undefined
 * (no storage at all) or throw on access (blocked): both read as the defaults.
 */
export function createStorageSettingsStore(storage: KeyValueStorage | undefined | null, prefix = ''): SettingsStore {
  const key = `${prefix}${SETTINGS_KEY}`;
  return {
    load() {
      try {
        return parseSettings(storage?.getItem(key) ?? null);
      } catch {
        return DEFAULT_SETTINGS;
      }
    },
    save(settings) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(settings));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** `window.localStorage`, or undefined where reading it throws (blocked cookies, sandboxed frames). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** A store kept in memory only: settings last until the pane closes. */
export function createMemorySettingsStore(initial: Settings = DEFAULT_SETTINGS): SettingsStore {
  let current = initial;
  return {
    load: () => current,
    save: (settings) => {
      current = settings;
      return true;
    },
  };
}

/** The pane's language for a setting and the automatic one (from Office's display language). */
export function effectiveLocale(language: LanguageSetting, automatic: Locale): Locale {
  return language === 'auto' ? automatic : language;
}
