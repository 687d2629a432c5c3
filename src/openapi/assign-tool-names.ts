// Tool names every provider accepts (`^[a-zA-Z0-9_-]{1,64}$`), unique, stable across re-imports.
import type { HttpMethod } from './tool-definition.js';

/** The longest tool name providers accept. */
const MAX_NAME_LENGTH = 64;

/** What a tool name is made from. */
export interface ToolNameSource {
  operationId?: string;
  method: HttpMethod;
  path: string;
}

/**
 * One name per source, in order: the sanitized operationId, else method and path (`get_orders_orderId`),
 * de-duplicated with `_2`, `_3`. Operations with an operationId are named first, so an operation without
 * one never takes the name another operation asked for.
 */
export function assignToolNames(sources: ToolNameSource[]): string[] {
  const names = new Array<string>(sources.length);
  const taken = new Set<string>();
  const claim = (index: number, base: string) => {
    let name = base.slice(0, MAX_NAME_LENGTH);
    for (let counter = 2; taken.has(name); counter++) {
      const suffix = `_${counter}`;
      name = `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(name);
    names[index] = name;
  };
  sources.forEach((source, index) => {
    const fromId = source.operationId?.replace(/[^a-zA-Z0-9_-]/g, '_');
    if (fromId && /[a-zA-Z0-9]/.test(fromId)) claim(index, fromId);
  });
  sources.forEach((source, index) => {
    if (names[index] === undefined) claim(index, nameFromRoute(source.method, source.path));
  });
  return names;
}

/** `get /orders/{orderId}/items` -> `get_orders_orderId_items`. */
export function nameFromRoute(method: HttpMethod, path: string): string {
  const words = path.split(/[^a-zA-Z0-9]+/).filter((word) => word !== '');
  return [method, ...words].join('_');
}
