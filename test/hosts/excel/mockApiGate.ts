/**
 * Office.js checks a member's requirement set the moment it is touched and throws ApiNotFound,
 * synchronously, before anything is queued (docs/DESIGN.md §6). The fake does the same for every
 * member of its objects, from the table generated out of @types/office-js (scripts/officeApiTable.ts).
 */
import { type OfficeApiTable, officeApiTable } from '../../../scripts/officeApiTable';
import { RichApiError } from './mockModel';

/** Whether this Excel implements `set` at `version` or later (its profile). */
export type SetSupport = (set: string, version: string) => boolean;

const table: OfficeApiTable = officeApiTable();

/** Throws ApiNotFound when `Class.member` needs a set this Excel lacks. */
export function requireMember(className: string, member: string, supports: SetSupport): void {
  const needed = table.get(`${className}.${member}`);
  if (needed && !supports(needed.set, needed.version))
    throw new RichApiError('ApiNotFound', `${className}.${member} needs ${needed.set} ${needed.version}`, `${className}.${member}`);
}

/**
 * `target` as Office.js's `className` presents it: reading or setting a member above the profile
 * throws at once. Properties the typings do not tag (the fake's own) pass through.
 */
export function gated<T extends object>(target: T, className: string, supports: () => SetSupport): T {
  return new Proxy(target, {
    get(object, prop, receiver) {
      if (typeof prop === 'string') requireMember(className, prop, supports());
      return Reflect.get(object, prop, receiver) as unknown;
    },
    set(object, prop, value, receiver) {
      if (typeof prop === 'string') requireMember(className, prop, supports());
      return Reflect.set(object, prop, value, receiver);
    },
  });
}

/** Property names of a `load("a,b/c")` call checked the same way (`items/name` checks `name`). */
export function requireLoaded(className: string, properties: string | string[], supports: SetSupport): void {
  const names = Array.isArray(properties) ? properties : properties.split(',');
  for (const name of names) {
    const own = name
      .trim()
      .replace(/^items\//, '')
      .split('/')[0];
    if (own) requireMember(className, own, supports);
  }
}
