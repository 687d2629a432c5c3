// The demo store's eval suite (eval/demo-store) reads a copy of the demo document; it must be the
// document the server serves, or the suite measures another API than the demo.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoOpenApiDocument } from './demo-openapi.js';
import { DEMO_BASE_PROMPT } from './seed-demo.js';

const evalDirectory = new URL('../../../eval/demo-store/', import.meta.url);

describe('the demo store eval suite', () => {
  it('reads the same OpenAPI document and base prompt as the demo', async () => {
    const copy = parse(await readFile(new URL('openapi.yaml', evalDirectory), 'utf8'));
    expect(copy).toEqual(demoOpenApiDocument);
    const suite = parse(await readFile(new URL('cases.yaml', evalDirectory), 'utf8'));
    expect(suite.basePrompt).toBe(DEMO_BASE_PROMPT);
  });
});
