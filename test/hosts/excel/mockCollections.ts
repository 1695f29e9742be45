/**
 * Loading in the Excel mock: collections whose items are office-addin-mock objects (strict: reading
 * what was not loaded throws), and snapshots of named properties, readable after the sync.
 */
import path from 'node:path';
import { MockViolation, jsonBytes, notLoaded } from './mockModel';
import type { RangeHost } from './mockRange';
import { gated, requireLoaded } from './mockApiGate';

/**
 * office-addin-mock needs only the `OfficeApp` enum from office-addin-manifest, whose own
 * dependencies ship ES modules Jest's CommonJS runtime cannot load. Under Jest, stand in for it
 * (at the path office-addin-mock resolves) before loading the library; plain Node (`npm run
 * bench`) loads it as it is.
 */
function loadOfficeMock(): typeof import('office-addin-mock') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS library loaded lazily so Jest can stub its dependency first
  if (typeof jest === 'undefined') return require('office-addin-mock') as typeof import('office-addin-mock');
  const manifestPath = require.resolve('office-addin-manifest', { paths: [path.dirname(require.resolve('office-addin-mock'))] });
  jest.doMock(manifestPath, () => ({
    OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
  }));
  return jest.requireActual<typeof import('office-addin-mock')>('office-addin-mock');
}
export const { OfficeMockObject } = loadOfficeMock();
export type OfficeMockObject = InstanceType<typeof OfficeMockObject>;

const MOCK_NOT_LOADED = 'Error, property was not loaded';
const MOCK_NOT_SYNCED = 'Error, context.sync() was not called';

/** Turns office-addin-mock's marker strings into thrown errors, and unknown properties too. */
function strict<T extends object>(mock: T, label: string): T {
  return new Proxy(mock, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return value;
      if (value === MOCK_NOT_LOADED || value === MOCK_NOT_SYNCED) throw notLoaded(`${label}.${prop}`);
      if (value === undefined && !(prop in target)) throw new MockViolation(`${label}.${prop} is not in the mock object model`);
      if (value instanceof OfficeMockObject) return strict(value, `${label}.${prop}`);
      if (typeof value === 'function') return (value as (...args: unknown[]) => unknown).bind(target);
      return value;
    },
  });
}

/** What a collection needs from its request context. */
export interface CollectionHost extends RangeHost {
  registerLoad(mocks: OfficeMockObject[], done: () => void): void;
}

/** A collection whose items are loaded as office-addin-mock objects. */
export class MockCollection<C extends CollectionHost = CollectionHost> {
  private loaded?: object[];

  constructor(
    protected readonly context: C,
    protected readonly kind: string,
    private readonly source: () => object[],
  ) {}

  load(properties: string | string[]): this {
    const list = (Array.isArray(properties) ? properties : properties.split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => p.replace(/^items\//, ''));
    if (list.length === 0) throw new MockViolation(`${this.kind}.load() without properties loads everything: name what you need`);
    // Items of `WorksheetCollection` are `Worksheet`s, and so on.
    requireLoaded(this.kind.replace(/Collection$/, ''), list, this.context.supports);
    this.context.enqueue(`${this.kind}.load`, () => {
      const data = this.source();
      const mocks = data.map((item) => new OfficeMockObject(item));
      mocks.forEach((mock) => mock.load(list.join(',')));
      this.context.deliver(jsonBytes(data), () => undefined);
      this.context.registerLoad(mocks, () => {
        this.loaded = mocks.map((mock, i) => strict(mock, `${this.kind}.items[${i}]`));
      });
    });
    return this;
  }

  get items(): object[] {
    if (!this.loaded) throw notLoaded(`${this.kind}.items`);
    return this.loaded;
  }
}

/** A loaded snapshot of named properties, readable after the sync. */
export function loader<K extends string>(context: RangeHost, label: string, allowed: readonly K[], read: (name: K) => unknown) {
  let loaded: Partial<Record<K, unknown>> | undefined;
  return {
    load(properties: string | string[]): void {
      const names = (Array.isArray(properties) ? properties : properties.split(',')).map((p) => p.trim()).filter((p) => p !== '');
      for (const name of names)
        if (!(allowed as readonly string[]).includes(name))
          throw new MockViolation(`${label}.load("${name}") is not in the mock object model`);
      if (names.length === 0) throw new MockViolation(`${label}.load() without properties`);
      requireLoaded(label, names, context.supports);
      context.enqueue(`${label}.load`, () => {
        const snapshot = Object.fromEntries(names.map((name) => [name, read(name as K)])) as Partial<Record<K, unknown>>;
        context.deliver(jsonBytes(snapshot), () => {
          loaded = { ...loaded, ...snapshot };
        });
      });
    },
    get(name: K): never {
      if (!loaded || !(name in loaded)) throw notLoaded(`${label}.${name}`);
      return loaded[name] as never;
    },
  };
}

/**
 * A small object of Office.js loaded for a few properties (`protection`, `autoFilter`,
 * `cultureInfo.numberFormat`): `load(names)`, then each named property is readable after the sync;
 * its members are gated by the profile like every other (mockApiGate.ts).
 */
export function loadableObject<K extends string>(
  context: RangeHost,
  className: string,
  names: readonly K[],
  read: (name: K) => unknown,
): { load(properties: string): unknown } & { readonly [P in K]: never } {
  const props = loader(context, className, names, read);
  const object: Record<string, unknown> = {
    load: (properties: string) => {
      props.load(properties);
      return object;
    },
  };
  for (const name of names) Object.defineProperty(object, name, { get: () => props.get(name), enumerable: true });
  return gated(object, className, () => context.supports) as never;
}
