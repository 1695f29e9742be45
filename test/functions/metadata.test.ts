/**
 * The Excel metadata the build emits (dist/, made by `npm run build` before jest in `npm test`):
 * functions.json from the JSDoc wrappers, functions.zh-CN.json from the catalogue's zh-CN text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '../../src/core';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

interface MetadataParam {
  name: string;
  description?: string;
  type: string;
  dimensionality: string;
  optional?: boolean;
}
interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  parameters: MetadataParam[];
  result: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean };
}

function readMetadata(file: string): MetadataFunction[] {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first (npm test does).`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { functions: MetadataFunction[] }).functions;
}

const HAN = /\p{Script=Han}/u;

describe('functions.json (en-US)', () => {
  const metadata = readMetadata('functions.json');
  const byId = new Map(metadata.map((fn) => [fn.id, fn]));

  it('has exactly the catalogue ids', () => {
    expect(metadata.map((fn) => fn.id).sort()).toEqual(FUNCTIONS.map((spec) => spec.id).sort());
  });

  it.each(FUNCTIONS.map((spec) => [spec.id, spec] as const))('%s has its parameters, matrix-typed, and its options', (id, spec) => {
    const fn = byId.get(id) as MetadataFunction;
    expect(fn.name).toBe(spec.name['en-US']);
    expect(fn.id).toMatch(/^[A-Za-z0-9._]+$/);
    expect(fn.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.key));
    expect(fn.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => Boolean(p.optional)));
    for (const param of fn.parameters) {
      expect(param.dimensionality).toBe('matrix');
      expect(param.type).toBe('any');
    }
    expect(fn.result.dimensionality).toBe('matrix');
    expect(Boolean(fn.options?.volatile)).toBe(Boolean(spec.volatile));
  });
});

describe('functions.zh-CN.json', () => {
  const en = readMetadata('functions.json');
  const zh = readMetadata('functions.zh-CN.json');

  it('has the same ids in the same order as the en-US file', () => {
    expect(zh.map((fn) => fn.id)).toEqual(en.map((fn) => fn.id));
  });

  it.each(FUNCTIONS.map((spec) => [spec.id, spec] as const))('%s has its Chinese name, description and parameter texts', (id, spec) => {
    const fn = zh.find((f) => f.id === id) as MetadataFunction;
    expect(fn.name).toBe(spec.name['zh-CN']);
    expect(fn.name).toMatch(HAN);
    expect(fn.name.length).toBeGreaterThanOrEqual(3);
    expect(fn.description).toBe(spec.description['zh-CN']);
    expect(fn.description).toMatch(HAN);
    expect(fn.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name['zh-CN']));
    expect(fn.parameters.map((p) => p.description)).toEqual(spec.params.map((p) => p.description['zh-CN']));
    const enFn = en.find((f) => f.id === id) as MetadataFunction;
    expect(fn.parameters.map((p) => [p.type, p.dimensionality, Boolean(p.optional)])).toEqual(
      enFn.parameters.map((p) => [p.type, p.dimensionality, Boolean(p.optional)]),
    );
  });
});
