/**
 * The add-in only manifest (manifest.xml) checked offline — `office-addin-manifest validate` posts to an
 * online service, so this is our validator: well-formed XML, resources, shared runtime, custom-function
 * namespace and metadata, permissions, strings, and every URL against the files the build emits in dist/.
 *
 * XML is parsed by jsdom's XML parser (saxes: strict, namespace-aware; it throws on malformed XML).
 * jsdom and @types/jsdom come with jest-environment-jsdom.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { JSDOM } from 'jsdom';
import { compareVersions } from '../../scripts/apiVersions';
import { EXCEL_PROFILES } from '../hosts/excel/excelProfiles';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE = join(ROOT, 'manifest.xml');
const DIST = join(ROOT, 'dist');
const BUILT = join(DIST, 'manifest.xml');
const DEV_BASE = 'https://localhost:3000/';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Office limits (add-in only manifest reference). DisplayName/Description: the unified manifest's
 *  name.short (30) and description.short (250), which these become when the manifest is converted. */
const LIMITS = { ShortStrings: 125, LongStrings: 250, resourceId: 32, displayName: 30, description: 250 };
const LOCALES = ['zh-CN'];
const CJK = /[\u3400-\u9fff]/;

// ---------- parsing ----------

function parseXml(text: string, label: string): Document {
  try {
    return new JSDOM(text, { contentType: 'application/xml' }).window.document;
  } catch (error) {
    throw new Error(`${label} is not well-formed XML: ${(error as Error).message}`);
  }
}

const sourceText = readFileSync(SOURCE, 'utf8');
const doc = parseXml(sourceText, 'manifest.xml');

function all(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

function one(root: Document | Element, ns: string, localName: string): Element {
  const found = all(root, ns, localName);
  if (found.length !== 1) throw new Error(`expected exactly one <${localName}>, found ${found.length}`);
  return found[0];
}

function children(el: Element, ns: string, localName: string): Element[] {
  return Array.from(el.children).filter((c) => c.namespaceURI === ns && c.localName === localName);
}

const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, 'type');
const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';
const elements = (d: Document): Element[] => Array.from(d.getElementsByTagName('*'));

/** A DefaultValue with its <Override Locale Value> children (in the element's own namespace). */
interface Localized {
  defaultValue: string;
  overrides: Map<string, string>;
}

function localized(el: Element): Localized {
  const overrides = new Map<string, string>();
  for (const o of Array.from(el.children).filter((c) => c.localName === 'Override')) {
    if (overrides.has(attr(o, 'Locale'))) throw new Error(`<${el.tagName}> overrides ${attr(o, 'Locale')} twice`);
    overrides.set(attr(o, 'Locale'), attr(o, 'Value'));
  }
  return { defaultValue: attr(el, 'DefaultValue'), overrides };
}

// ---------- resources ----------

type Kind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
const ITEM: Record<Kind, string> = { Images: 'Image', Urls: 'Url', ShortStrings: 'String', LongStrings: 'String' };

interface Resource extends Localized {
  kind: Kind;
  id: string;
}

const resourcesEl = one(doc, NS.ov, 'Resources');
const resources: Resource[] = (Object.keys(ITEM) as Kind[]).flatMap((kind) =>
  all(resourcesEl, NS.bt, kind).flatMap((group) =>
    Array.from(group.children).map((item) => {
      if (item.namespaceURI !== NS.bt || item.localName !== ITEM[kind]) {
        throw new Error(`<bt:${kind}> may only hold <bt:${ITEM[kind]}>, found <${item.tagName}>`);
      }
      return { kind, id: attr(item, 'id'), ...localized(item) };
    }),
  ),
);

function resource(id: string): Resource {
  const found = resources.find((r) => r.id === id);
  if (found === undefined) throw new Error(`resid "${id}" is not defined in <Resources>`);
  return found;
}

/** Which resource kind a resid on each element must name. */
const RESID_KIND: Record<string, Kind> = {
  Image: 'Images',
  Runtime: 'Urls',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

const references = elements(doc)
  .filter((el) => el.hasAttribute('resid'))
  .map((el) => ({ element: el.localName, resid: attr(el, 'resid'), size: el.getAttribute('size') }));

// ---------- URLs and files ----------

/** Every URL in a manifest: attribute values and element text with a scheme, except namespace
 *  declarations and <AppDomain> (an origin, checked on its own). Comments are not part of it. */
function urlsIn(d: Document): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  for (const el of elements(d)) {
    for (const a of Array.from(el.attributes)) {
      if (a.name === 'xmlns' || a.prefix === 'xmlns') continue;
      if (/[a-z][a-z0-9+.-]*:\/\/|^\/\//i.test(a.value)) found.push({ where: `<${el.tagName} ${a.name}>`, url: a.value });
    }
    if (el.localName === 'AppDomain') continue;
    for (const node of Array.from(el.childNodes)) {
      const text = node.nodeType === node.TEXT_NODE ? (node.textContent ?? '').trim() : '';
      if (/:\/\//.test(text)) found.push({ where: `<${el.tagName}> text`, url: text });
    }
  }
  return found;
}

/** The emitted file a URL on `base` names (query and fragment dropped), or a reason it does not. */
function distFileFor(url: string, base: string): { file?: string; problem?: string } {
  if (!url.startsWith(base)) return { problem: `does not start with ${base}` };
  const path = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
  if (path === '' || path.endsWith('/')) return { problem: 'names a folder, not a file' };
  const file = resolve(DIST, path);
  if (!file.startsWith(DIST + sep)) return { problem: 'leaves dist/' };
  if (!existsSync(file) || !statSync(file).isFile()) return { problem: `dist/${path} was not emitted by the build` };
  return { file };
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function requireDist(): void {
  if (!existsSync(DIST) || !statSync(DIST).isDirectory()) {
    throw new Error(
      'dist/ not found: run `npm run build` first (`npm test` builds before jest). ' +
        'The manifest checks compare every URL with the files the build emits.',
    );
  }
}

// ---------- tests ----------

describe('manifest.xml: basics', () => {
  it('is a well-formed task pane add-in manifest (schema 1.1)', () => {
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.localName).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(one(doc, NS.app, 'Id').textContent?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one(doc, NS.app, 'Version').textContent?.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(doc, NS.app, 'ProviderName').textContent?.trim()).not.toBe('');
    expect(one(doc, NS.app, 'DefaultLocale').textContent?.trim()).toBe('en-US');
    const vo = one(doc, NS.ov, 'VersionOverrides');
    expect(vo.parentElement).toBe(root);
    expect(xsiType(vo)).toBe('VersionOverridesV1_0');
  });

  it('has an en-US name and description with zh-CN overrides, within length limits', () => {
    const name = localized(one(doc, NS.app, 'DisplayName'));
    const description = localized(one(doc, NS.app, 'Description'));
    expect(name.overrides.get('zh-CN')).toBe('销售复盘');
    expect(description.overrides.get('zh-CN')).toMatch(CJK);
    for (const value of [name.defaultValue, ...name.overrides.values()]) {
      expect(value.trim()).not.toBe('');
      expect(value.length).toBeLessThanOrEqual(LIMITS.displayName);
    }
    for (const value of [description.defaultValue, ...description.overrides.values()]) {
      expect(value.trim()).not.toBe('');
      expect(value.length).toBeLessThanOrEqual(LIMITS.description);
    }
  });

  it('runs in Excel only (Host Workbook)', () => {
    const hosts = children(one(doc.documentElement, NS.app, 'Hosts'), NS.app, 'Host');
    expect(hosts.map((h) => attr(h, 'Name'))).toEqual(['Workbook']);
    const overrideHosts = all(one(doc, NS.ov, 'VersionOverrides'), NS.ov, 'Host');
    expect(overrideHosts.map(xsiType)).toEqual(['Workbook']);
  });

  it('asks for exactly ReadWriteDocument', () => {
    const permissions = all(doc, NS.app, 'Permissions');
    expect(permissions).toHaveLength(1);
    expect(permissions[0].textContent?.trim()).toBe('ReadWriteDocument');
  });

  // The code's own minimums (test/hosts/excel/apiSets.test.ts derives them from the typings): the base
  // requirement admits the task pane; the functions and the shared runtime are asked for in
  // VersionOverrides, so an Excel without them (iPad) still opens the pane from DefaultSettings.
  const baseSets = () =>
    children(one(doc.documentElement, NS.app, 'Requirements'), NS.app, 'Sets').flatMap((s) => children(s, NS.app, 'Set'));
  const overrideSets = () => all(one(one(doc, NS.ov, 'VersionOverrides'), NS.ov, 'Requirements'), NS.bt, 'Set');
  const versions = (sets: Element[]) => Object.fromEntries(sets.map((s) => [attr(s, 'Name'), s.getAttribute('MinVersion')]));

  it('requires ExcelApi 1.9 to activate, SharedRuntime 1.1 and CustomFunctionsRuntime 1.3 (its error codes) for the functions', () => {
    expect(versions(baseSets())).toEqual({ ExcelApi: '1.9' });
    expect(versions(overrideSets())).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3' });
  });

  it('activates on Excel 2021 and later, Mac, the web and iPad, not on Excel 2019; functions everywhere but iPad', () => {
    const meets = (sets: Element[], implemented: Readonly<Record<string, string>>) =>
      sets.every((s) => {
        const have = implemented[attr(s, 'Name')];
        return have !== undefined && compareVersions(have, s.getAttribute('MinVersion') ?? '1.1') >= 0;
      });
    const activated = Object.values(EXCEL_PROFILES).filter((p) => meets(baseSets(), p.sets));
    expect(activated.map((p) => p.id).sort()).toEqual(['excel2021', 'excel2024', 'ipad', 'm365', 'mac', 'web']);
    const withFunctions = activated.filter((p) => meets(overrideSets(), p.sets));
    expect(withFunctions.map((p) => p.id).sort()).toEqual(['excel2021', 'excel2024', 'm365', 'mac', 'web']);
  });

  it('declares no remote domains (AppDomains absent, or only the add-in origin)', () => {
    const origin = new URL(DEV_BASE).origin;
    for (const domain of all(doc, NS.app, 'AppDomain')) expect(domain.textContent?.trim()).toBe(origin);
  });
});

describe('manifest.xml: resources', () => {
  it('defines each resource id once, within 32 characters', () => {
    const ids = resources.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) {
      expect(id).toMatch(/^\S+$/);
      expect(id.length).toBeLessThanOrEqual(LIMITS.resourceId);
    }
  });

  it('gives every group and control a unique id', () => {
    const ids = elements(doc)
      .filter((el) => el.namespaceURI === NS.ov && ['Group', 'Control', 'Menu', 'Item'].includes(el.localName))
      .map((el) => attr(el, 'id'));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, i) => id === '' || ids.indexOf(id) !== i)).toEqual([]);
  });

  it('resolves every resid to a defined resource of the right kind', () => {
    expect(references.length).toBeGreaterThan(0);
    const problems = references.flatMap(({ element, resid }) => {
      const expected = RESID_KIND[element];
      if (expected === undefined) return [`<${element} resid="${resid}">: unknown referencing element, add it to RESID_KIND`];
      const found = resources.find((r) => r.id === resid);
      if (found === undefined) return [`<${element} resid="${resid}">: not defined`];
      return found.kind === expected ? [] : [`<${element} resid="${resid}">: is in ${found.kind}, expected ${expected}`];
    });
    expect(problems).toEqual([]);
  });

  it('uses every resource it defines', () => {
    const used = new Set(references.map((r) => r.resid));
    expect(resources.map((r) => r.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('translates every user-visible string to zh-CN and overrides no other locale', () => {
    const strings = resources.filter((r) => r.kind === 'ShortStrings' || r.kind === 'LongStrings');
    expect(strings.length).toBeGreaterThan(0);
    const missing = strings.filter((r) => !CJK.test(r.overrides.get('zh-CN') ?? '')).map((r) => r.id);
    expect(missing).toEqual([]);
    const locales = elements(doc)
      .filter((el) => el.localName === 'Override')
      .map((el) => attr(el, 'Locale'));
    expect(locales.filter((l) => !LOCALES.includes(l))).toEqual([]);
  });

  it('keeps ShortStrings ≤ 125 and LongStrings ≤ 250 characters, none empty', () => {
    const problems = resources
      .filter((r): r is Resource & { kind: 'ShortStrings' | 'LongStrings' } => r.kind === 'ShortStrings' || r.kind === 'LongStrings')
      .flatMap((r) =>
        [r.defaultValue, ...r.overrides.values()]
          .filter((v) => v.trim() === '' || v.length > LIMITS[r.kind])
          .map((v) => `${r.id} (${r.kind}): "${v}" has ${v.length} characters`),
      );
    expect(problems).toEqual([]);
  });
});

describe('manifest.xml: shared runtime and custom functions', () => {
  const host = one(one(doc, NS.ov, 'VersionOverrides'), NS.ov, 'Host');
  const runtimes = all(host, NS.ov, 'Runtime');
  const sharedId = runtimes.length === 1 ? attr(runtimes[0], 'resid') : '';
  const customFunctions = all(host, NS.ov, 'ExtensionPoint').filter((e) => xsiType(e) === 'CustomFunctions');
  const cf = customFunctions[0];
  const sourceResid = (parent: string) => attr(one(one(cf, NS.ov, parent), NS.ov, 'SourceLocation'), 'resid');

  it('has one long-lived runtime on taskpane.html', () => {
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], 'lifetime')).toBe('long');
    expect(resource(sharedId).defaultValue).toBe(`${DEV_BASE}taskpane.html`);
    const defaultPage = attr(one(one(doc, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation'), 'DefaultValue');
    expect(defaultPage).toBe(resource(sharedId).defaultValue);
  });

  it('loads the functions page, the function file and the task pane in that same runtime', () => {
    expect(sourceResid('Page')).toBe(sharedId);
    expect(all(host, NS.ov, 'FunctionFile').map((f) => attr(f, 'resid'))).toEqual([sharedId]);
    const actions = all(host, NS.ov, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane');
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(one(action, NS.ov, 'TaskpaneId').textContent?.trim()).toBe('ButtonId1');
      expect(attr(one(action, NS.ov, 'SourceLocation'), 'resid')).toBe(sharedId);
    }
  });

  it('puts a ShowTaskpane button in a custom group on the Home tab', () => {
    const tab = one(host, NS.ov, 'OfficeTab');
    expect(attr(tab, 'id')).toBe('TabHome');
    const button = all(tab, NS.ov, 'Control').find((c) => xsiType(c) === 'Button');
    expect(button).toBeDefined();
    expect(all(button as Element, NS.ov, 'Action').map(xsiType)).toEqual(['ShowTaskpane']);
  });

  it('declares custom functions: script functions.js, metadata with a zh-CN file', () => {
    expect(customFunctions).toHaveLength(1);
    expect(resource(sourceResid('Script')).defaultValue).toBe(`${DEV_BASE}functions.js`);
    const metadata = resource(sourceResid('Metadata'));
    expect(metadata.defaultValue).toBe(`${DEV_BASE}functions.json`);
    expect(metadata.overrides.get('zh-CN')).toBe(`${DEV_BASE}functions.zh-CN.json`);
  });

  it('uses the namespace SALES, 销售 in zh-CN', () => {
    const namespace = resource(attr(one(cf, NS.ov, 'Namespace'), 'resid'));
    expect(namespace.kind).toBe('ShortStrings');
    expect(namespace.defaultValue).toBe('SALES');
    expect(namespace.overrides.get('zh-CN')).toBe('销售');
  });
});

describe('manifest.xml: URLs and the build output', () => {
  const urls = urlsIn(doc);

  it('finds the URLs it must check', () => {
    const where = urls.map((u) => u.where);
    for (const el of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url', 'bt:Override']) {
      expect(where.some((w) => w.startsWith(`<${el} `))).toBe(true);
    }
  });

  it(`starts every URL with ${DEV_BASE} and points it at a file in dist/`, () => {
    requireDist();
    const problems = urls.flatMap(({ where, url }) => {
      const { problem } = distFileFor(url, DEV_BASE);
      return problem === undefined ? [] : [`${where} ${url}: ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('points icons at PNGs of the declared sizes', () => {
    requireDist();
    const expectations: { url: string; size: number; where: string }[] = [
      { url: attr(one(doc, NS.app, 'IconUrl'), 'DefaultValue'), size: 32, where: 'IconUrl' },
      { url: attr(one(doc, NS.app, 'HighResolutionIconUrl'), 'DefaultValue'), size: 64, where: 'HighResolutionIconUrl' },
      ...references
        .filter((r) => r.element === 'Image')
        .flatMap((r) => {
          const image = resource(r.resid);
          return [image.defaultValue, ...image.overrides.values()].map((url) => ({
            url,
            size: Number(r.size),
            where: `bt:Image ${r.resid}`,
          }));
        }),
    ];
    const problems = expectations.flatMap(({ url, size, where }) => {
      const { file, problem } = distFileFor(url, DEV_BASE);
      if (file === undefined) return [`${where} ${url}: ${problem}`];
      const actual = pngSize(file);
      return actual.width === size && actual.height === size
        ? []
        : [`${where} ${url}: ${actual.width}×${actual.height}, expected ${size}×${size}`];
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it('emits dist/manifest.xml: the same manifest on one https base, with no other domain', () => {
    requireDist();
    if (!existsSync(BUILT)) throw new Error('dist/manifest.xml was not emitted: the build must copy manifest.xml there.');
    const builtText = readFileSync(BUILT, 'utf8');
    const built = parseXml(builtText, 'dist/manifest.xml');

    const iconPath = attr(one(doc, NS.app, 'IconUrl'), 'DefaultValue').slice(DEV_BASE.length);
    const builtIcon = attr(one(built, NS.app, 'IconUrl'), 'DefaultValue');
    expect(builtIcon.endsWith(iconPath)).toBe(true);
    const base = builtIcon.slice(0, builtIcon.length - iconPath.length);
    expect(base).toMatch(/^https:\/\/[^/?#\s]+\/([^?#\s]*\/)?$/);

    const offBase = urlsIn(built).filter(({ url }) => !url.startsWith(base));
    expect(offBase).toEqual([]);
    for (const domain of all(built, NS.app, 'AppDomain')) expect(domain.textContent?.trim()).toBe(new URL(base).origin);
    if (base !== DEV_BASE) expect(builtText).not.toContain('localhost');
    // Nothing else changes: putting the dev base back gives the source manifest.
    expect(builtText.split(base).join(DEV_BASE)).toBe(sourceText);
  });
});

describe('assets/ icons', () => {
  it.each([16, 32, 64, 80])('assets/icon-%i.png is a square PNG of that size', (size) => {
    expect(pngSize(join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});
