// The admin UI's API types (web/admin/src/api/generated.ts) are generated from the routes' schemas:
// this fails when a route changed and `npm run generate:api-types` was not run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from './test-support/generate-api-types.js';

const generatedFile = fileURLToPath(new URL('../../web/admin/src/api/generated.ts', import.meta.url));

describe('the admin UI types', () => {
  it('are what the server describes now', async () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(await generateApiTypes());
  });
});
