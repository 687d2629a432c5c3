// How two operations' paths relate: one resource, one record, a creation beside a change.
import type { IndexedTool } from '../../tools/index.js';
import { stemOf, withoutFormat } from '../../tools/index.js';

/** The literal segments of a path (`/v1/products/{id}` -> v1, products). */
export function literalSegments(entry: IndexedTool): string[] {
  return pathOf(entry)
    .split('/')
    .filter((segment) => segment && !segment.startsWith('{'));
}

/**
 * Whether two operations act on one resource: the literal segments of one path are those of the
 * other, or those of the other and one more (`/products`, `/products/{id}`, `/products/search`).
 */
export function sameResource(left: IndexedTool, right: IndexedTool): boolean {
  const [short, long] = [literalSegments(left), literalSegments(right)].sort((a, b) => a.length - b.length);
  if (short.length === 0 || long.length - short.length > 1) return false;
  return short.every((segment, position) => long[position] === segment);
}

/**
 * Whether `other` would create a record where `best` acts on one by its id: a POST to a path without
 * parameters against one with them, for another thing (`POST /subscription_schedules` against
 * `POST /subscription_schedules/{schedule}/cancel`; a gift card added to `/carts/mine/giftcards`
 * is the same thing as to `/guest-carts/{cartId}/giftcards`).
 */
export function createsInstead(best: IndexedTool, other: IndexedTool): boolean {
  const acts = /\{[^}]+\}/.test(best.tool.operation?.path ?? '');
  const path = other.tool.operation?.path ?? '';
  const creates = other.tool.operation?.method === 'post' && !/\{[^}]+\}/.test(path);
  // The same thing whether named one or many (`/charges/{charge}/refund` and `/refunds`).
  const thing = (entry: IndexedTool) => stemOf(literalSegments(entry).at(-1) ?? '');
  return acts && creates && thing(best) !== thing(other);
}

/** Whether an operation acts on one record: its path ends in the record's id (`/orders/{id}`). */
export function isRecordPath(entry: IndexedTool): boolean {
  return /\{[^}]+\}$/.test(pathOf(entry));
}

/** An operation's path without the format it names (`/orders/{id}.json` is `/orders/{id}`). */
export function pathOf(entry: IndexedTool): string {
  return withoutFormat(entry.tool.operation?.path ?? '');
}
