// Refuses input no route can store or walk safely, before any route sees it: NUL characters (which
// PostgreSQL text cannot hold) in any string or key, and JSON nested past a fixed depth.
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from './http-errors.js';

/** How deep a request's JSON may nest (objects and arrays). Real bodies stay far below it. */
export const MAX_INPUT_DEPTH = 32;

/** `body.metadata.tags[2]`: where a value sits in the request. */
function describePath(part: string, path: (string | number)[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number'
        ? `${text}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${text}.${key}`
          : `${text}[${JSON.stringify(key.replace(/\0/g, '\\0'))}]`,
    part,
  );
}

/** Throws BadRequestError for the first NUL or too-deep value in `value`; iterative, so any depth is safe. */
export function checkInput(part: string, value: unknown): void {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0'))
        throw new BadRequestError(
          `${describePath(part, path)} contains a NUL character (\\u0000), which is not accepted`,
        );
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_INPUT_DEPTH)
      throw new BadRequestError(
        `${describePath(part, path.slice(0, 3))}… nests deeper than ${MAX_INPUT_DEPTH} levels, which is not accepted`,
      );
    if (Array.isArray(current)) {
      for (const [index, item] of current.entries()) pending.push({ value: item, path: [...path, index] });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (key.includes('\0'))
        throw new BadRequestError(
          `${describePath(part, path)} has a key with a NUL character (\\u0000), which is not accepted`,
        );
      pending.push({ value: item, path: [...path, key] });
    }
  }
}

/** Adds the check to every route, before validation. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    checkInput('params', request.params);
    checkInput('querystring', request.query);
    checkInput('body', request.body);
  });
}
