import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { type ImportedSchema, importSchema, type ToolDefinition } from './index.js';

const fixture = (name: string) => readFile(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

async function importFixture(name: string, sourceUrl?: string): Promise<ImportedSchema> {
  const result = await importSchema(await fixture(name), { sourceUrl });
  if (!result.ok) throw result.error;
  return result.value;
}

function tool(schema: ImportedSchema, name: string): ToolDefinition {
  const found = schema.tools.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tool ${name} in ${schema.tools.map((each) => each.name).join(', ')}`);
  return found;
}

describe('importSchema on an OpenAPI 3.0 YAML document', async () => {
  const shop = await importFixture('shop-3.0.yaml');

  it('makes one tool per operation, in document order, keeping the document version', () => {
    expect(shop.openapiVersion).toBe('3.0.3');
    expect(shop.format).toBe('yaml');
    expect(shop.servers).toEqual(['https://eu.shop.example.com/v2']);
    expect(shop.tools.map((each) => `${each.method} ${each.path}`)).toEqual([
      'get /orders',
      'post /orders',
      'get /orders/{orderId}',
      'delete /orders/{orderId}',
      'get /orders/{orderId}/items/{itemId}',
      'post /orders/bulk',
      'post /payments',
      'get /products',
      'put /products/{productId}/image',
      'post /newsletter',
      'get /categories',
      'post /categories',
      'post /returns',
    ]);
  });

  it('resolves parameter $refs, including a $ref to a $ref, and path-level parameters', () => {
    const list = tool(shop, 'listOrders');
    expect(list.parameters.find((parameter) => parameter.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: 100,
        default: 20,
        description: 'How many orders to return.',
      },
    });
    expect(tool(shop, 'cancelOrder').inputSchema).toEqual({
      type: 'object',
      properties: {
        orderId: {
          type: 'string',
          pattern: '^[0-9]{5,}$',
          description: 'The order number printed on the confirmation, e.g. 12345.',
        },
      },
      required: ['orderId'],
    });
  });

  it('gives a parameter that clashes across locations its own input name', () => {
    const track = tool(shop, 'trackOrder');
    expect(track.parameters.map(({ inputName, name, in: location }) => [inputName, name, location])).toEqual([
      ['orderId', 'orderId', 'path'],
      ['query_orderId', 'orderId', 'query'],
    ]);
    expect(Object.keys(track.inputSchema.properties as object)).toEqual(['orderId', 'query_orderId']);
  });

  it('keeps header and cookie parameters but drops Accept, which the executor sets', () => {
    const list = tool(shop, 'listOrders');
    expect(list.parameters.map((parameter) => `${parameter.in}:${parameter.name}`)).toEqual([
      'query:limit',
      'query:status',
      'header:X-Request-Id',
      'cookie:session',
    ]);
  });

  it("drops header parameters that carry the business's credentials, and says how to set them", async () => {
    const result = await importSchema(
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'hotel', version: '1' },
        paths: {
          '/rooms': {
            get: {
              operationId: 'listRooms',
              parameters: [
                { in: 'header', name: 'App-Id', required: true, schema: { type: 'string' } },
                { in: 'header', name: 'App-Key', required: true, schema: { type: 'string' } },
                { in: 'header', name: 'X-Auth-Token', schema: { type: 'string' } },
                { in: 'header', name: 'X-Request-Id', schema: { type: 'string' } },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    if (!result.ok) throw result.error;
    const [rooms] = result.value.tools;
    expect(rooms.parameters.map((parameter) => parameter.name)).toEqual(['X-Request-Id']);
    expect(rooms.inputSchema.required ?? []).toEqual([]);
    const findings = result.value.lint.filter((finding) => finding.code === 'credential-header-parameter');
    expect(findings).toHaveLength(3);
    expect(findings[0].fix).toMatch(/integration's API key \(header 'App-Id'\)/);
  });

  it("drops query parameters that carry the business's credentials, by name or description, not a user's password", async () => {
    // As Jumpseller declares them on every operation; a sign-in operation's password is its user's input.
    const result = await importSchema(
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'shop', version: '1' },
        host: 'api.example.com',
        paths: {
          '/orders/{id}.json': {
            get: {
              operationId: 'getOrder',
              parameters: [
                {
                  in: 'query',
                  name: 'login',
                  required: true,
                  type: 'string',
                  description: 'API OAuth login.',
                },
                {
                  in: 'query',
                  name: 'authtoken',
                  required: true,
                  type: 'string',
                  description: 'API OAuth token.',
                },
                { in: 'query', name: 'api_key', type: 'string' },
                {
                  in: 'query',
                  name: 'login_hint',
                  type: 'string',
                  description: 'The login shown on the form',
                },
                { in: 'path', name: 'id', required: true, type: 'integer' },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
          '/user/login': {
            get: {
              operationId: 'loginUser',
              parameters: [
                { in: 'query', name: 'username', type: 'string' },
                {
                  in: 'query',
                  name: 'password',
                  type: 'string',
                  description: 'The password for login in clear text',
                },
              ],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    if (!result.ok) throw result.error;
    const [getOrder, loginUser] = result.value.tools;
    expect(getOrder.parameters.map((parameter) => parameter.name)).toEqual(['id', 'login_hint']);
    expect(getOrder.inputSchema.required).toEqual(['id']);
    expect(loginUser.parameters.map((parameter) => parameter.name)).toEqual(['username', 'password']);
    const findings = result.value.lint.filter((finding) => finding.code === 'credential-query-parameter');
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining("query parameter 'login' carries a credential"),
      expect.stringContaining("query parameter 'authtoken' carries a credential"),
      expect.stringContaining("query parameter 'api_key' carries a credential"),
    ]);
    expect(findings[1].fix).toMatch(/integration's API key \(query parameter 'authtoken'\)/);
  });

  it('merges an allOf body into the input next to the parameters, readOnly fields left out', () => {
    const create = tool(shop, 'createOrder');
    expect(create.requestBody).toMatchObject({
      contentType: 'application/json',
      required: true,
      mode: 'merged',
      properties: ['items', 'note', 'shippingAddress', 'giftWrap'],
    });
    expect(create.inputSchema.required).toEqual(['items', 'shippingAddress']);
    expect((create.inputSchema.properties as Record<string, unknown>).note).toEqual({
      type: ['string', 'null'],
      description: 'A note for the packer.',
    });
    const order = create.responseSchema as { properties: Record<string, unknown> };
    expect(Object.keys(order.properties)).toEqual(['items', 'note', 'id', 'status', 'total']);
    expect(JSON.stringify(order)).not.toContain('x-internal');
  });

  it('wraps array and oneOf bodies under `body`', () => {
    const bulk = tool(shop, 'createOrders');
    expect(bulk.requestBody).toMatchObject({ mode: 'wrapped', inputName: 'body', required: false });
    expect((bulk.inputSchema.properties as Record<string, { type: string }>).body.type).toBe('array');
    expect(bulk.inputSchema.required).toBeUndefined();
    const pay = tool(shop, 'payOrder');
    expect(pay.requestBody).toMatchObject({ mode: 'wrapped', inputName: 'body', required: true });
    expect((pay.inputSchema.properties as Record<string, { oneOf: unknown[] }>).body.oneOf).toHaveLength(2);
    expect(pay.inputSchema.required).toEqual(['body']);
  });

  it('sends form-encoded bodies and marks file uploads and mutual-TLS operations uncallable', () => {
    expect(tool(shop, 'subscribeNewsletter')).toMatchObject({
      callable: true,
      requestBody: {
        contentType: 'application/x-www-form-urlencoded',
        mode: 'merged',
        properties: ['email', 'name'],
      },
    });
    expect(tool(shop, 'uploadProductImage')).toMatchObject({
      callable: false,
      uncallableReason: 'request body is a file upload (multipart/form-data), which Concierge cannot send',
    });
    expect(tool(shop, 'createCategory')).toMatchObject({
      callable: false,
      uncallableReason:
        'requires mutual TLS (client certificate) authentication, which Concierge cannot send',
    });
  });

  it('cuts circular schemas and says so', () => {
    const categories = tool(shop, 'listCategories').responseSchema as { properties: Record<string, unknown> };
    expect(categories.properties.parent).toEqual({
      type: 'object',
      description: 'A node of the category tree. (recursive Category)',
    });
    expect(JSON.stringify(tool(shop, 'createCategory').inputSchema).length).toBeLessThan(1000);
  });

  it('names tools from operationIds, de-duplicates them, and falls back to method and path', () => {
    expect(tool(shop, 'createOrder_2')).toMatchObject({ operationId: 'createOrder', path: '/returns' });
    const unnamed = tool(shop, 'get_orders_orderId_items_itemId');
    expect(unnamed.operationId).toBeUndefined();
    expect(unnamed.parameters.map((parameter) => parameter.name)).toEqual(['orderId', 'itemId']);
  });

  it('reads method semantics: GET is read-only, DELETE idempotent, POST neither', () => {
    expect(tool(shop, 'listOrders')).toMatchObject({ readOnly: true, idempotent: true });
    expect(tool(shop, 'cancelOrder')).toMatchObject({ readOnly: false, idempotent: true });
    expect(tool(shop, 'createOrder')).toMatchObject({ readOnly: false, idempotent: false });
  });

  it('asks before anything but GET, HEAD and OPTIONS unless the document says otherwise', async () => {
    const result = await importSchema(`openapi: 3.0.3
info: { title: Script, version: '1' }
paths:
  /exec:
    get: { operationId: run, x-openai-isConsequential: true, responses: { '200': { description: ok } } }
    post: { operationId: search, x-openai-isConsequential: false, responses: { '200': { description: ok } } }
  /cancel:
    get: { operationId: cancel, x-concierge-safe: false, responses: { '200': { description: ok } } }
    post: { operationId: find, x-concierge-safe: true, responses: { '200': { description: ok } } }
  /plain:
    get: { operationId: read, responses: { '200': { description: ok } } }
    delete: { operationId: remove, responses: { '200': { description: ok } } }
`);
    if (!result.ok) throw result.error;
    const asks = Object.fromEntries(result.value.tools.map((each) => [each.name, each.needsConfirmation]));
    expect(asks).toEqual({ run: true, search: false, cancel: true, find: false, read: false, remove: true });
  });

  it('turns spec violations into lint findings with pointer and line instead of failing', () => {
    const byCode = (code: string) => shop.lint.filter((finding) => finding.code === code);
    expect(byCode('undeclared-path-parameter')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: "paths./orders/{orderId}/items/{itemId}.get: path parameter 'itemId' is not declared",
        pointer: '/paths/~1orders~1{orderId}~1items~1{itemId}/get',
        line: 94,
        tool: 'get_orders_orderId_items_itemId',
      }),
    ]);
    expect(byCode('invalid-schema-type')[0]).toMatchObject({
      pointer: '/paths/~1products/get/parameters/1/schema/type',
      line: 150,
    });
    expect(byCode('dangling-ref')[0].message).toContain("'#/components/schemas/Carrier' points to nothing");
    expect(byCode('example-type-mismatch')[0].message).toContain('example 42 is a number');
    expect(byCode('missing-info-version')).toHaveLength(1);
    expect(byCode('duplicate-operation-id').map((finding) => finding.tool)).toEqual([
      'createOrder',
      'createOrder_2',
    ]);
    for (const finding of shop.lint) {
      expect(finding.fix.length).toBeGreaterThan(10);
      expect(finding.line).toBeGreaterThan(0);
    }
  });

  it('writes the business-owner lint: missing operationId, vague words, uncallable, undescribed inputs', () => {
    const codes = (name: string) =>
      shop.lint.filter((finding) => finding.tool === name).map((finding) => finding.code);
    expect(codes('get_orders_orderId_items_itemId')).toEqual(
      expect.arrayContaining(['missing-operation-id', 'vague-description', 'parameter-missing-description']),
    );
    expect(codes('uploadProductImage')).toContain('uncallable-operation');
    expect(codes('searchProducts')).toEqual([]);
    const uncallable = shop.lint.find((finding) => finding.tool === 'uploadProductImage');
    expect(uncallable).toMatchObject({ severity: 'error', fix: expect.stringContaining('application/json') });
  });

  it('warns when a document has more operations than one agent handles well', async () => {
    const result = await importSchema(await fixture('shop-3.0.yaml'), { maxOperations: 5 });
    expect(
      result.ok && result.value.lint.find((finding) => finding.code === 'too-many-operations')?.message,
    ).toBe('paths: 13 operations are more than one agent handles well (5)');
  });
});

describe('importSchema on a Swagger 2.0 document', async () => {
  const petstore = await importFixture('petstore-2.0.json');

  it('builds servers from schemes, host and basePath', () => {
    expect(petstore.openapiVersion).toBe('2.0');
    expect(petstore.servers).toEqual([
      'https://pets.example.org:8443/api/v1',
      'http://pets.example.org:8443/api/v1',
    ]);
  });

  it('turns body parameters into JSON bodies and formData into form bodies', () => {
    expect(tool(petstore, 'addPet')).toMatchObject({
      requestBody: { contentType: 'application/json', mode: 'merged', required: true },
      inputSchema: { required: ['name'] },
    });
    expect(tool(petstore, 'updatePetWithForm')).toMatchObject({
      requestBody: {
        contentType: 'application/x-www-form-urlencoded',
        mode: 'merged',
        properties: ['name', 'status'],
      },
      inputSchema: { required: ['petId', 'status'] },
    });
    expect(tool(petstore, 'put_pets_petId_vaccinations').requestBody).toMatchObject({
      mode: 'wrapped',
      inputName: 'body',
    });
    expect(tool(petstore, 'uploadPhoto')).toMatchObject({
      callable: false,
      uncallableReason: expect.stringContaining('multipart'),
    });
  });

  it('maps collectionFormat, x-nullable and boolean exclusiveMaximum', () => {
    const find = tool(petstore, 'findPets');
    expect(find.parameters.map(({ name, style, explode }) => [name, style, explode])).toEqual([
      ['tags', 'form', true],
      ['status', 'form', false],
      ['limit', undefined, undefined],
    ]);
    expect(find.parameters[2].schema).toEqual({ type: ['integer', 'null'], exclusiveMaximum: 50 });
  });

  it('keeps the success response schema with the recursion cut', () => {
    const pet = tool(petstore, 'getPet').responseSchema as {
      properties: Record<string, { properties?: object }>;
    };
    expect(Object.keys(pet.properties)).toEqual(['name', 'tag', 'birthday', 'id', 'owner']);
    expect(JSON.stringify(pet)).toContain('(recursive Pet)');
  });

  it('takes the host from the source URL when the document has none', async () => {
    const text = JSON.stringify({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      basePath: '/v1',
      paths: { '/a': { get: { responses: {} } } },
    });
    const result = await importSchema(text, { sourceUrl: 'http://docs.example.com/swagger.json' });
    expect(result.ok && result.value.servers).toEqual(['http://docs.example.com/v1']);
  });
});

describe('importSchema on an OpenAPI 3.1 document', async () => {
  const events = await importFixture('events-3.1.json', 'https://tickets.example.com/docs/openapi.json');

  it('follows path item $refs, resolves relative servers and leaves webhooks out', () => {
    expect(events.servers).toEqual(['https://tickets.example.com/api']);
    expect(events.tools.map((each) => each.name)).toEqual(['listEvents', 'book_tickets_']);
  });

  it('keeps vendor JSON media types, $ref siblings and type arrays; drops invalid patterns', () => {
    const book = tool(events, 'book_tickets_');
    expect(book.operationId).toBe('book tickets!');
    expect(book.requestBody).toMatchObject({ contentType: 'application/vnd.tickets+json', mode: 'merged' });
    expect(book.requestBody?.schema.description).toBe('The seats to book.');
    expect(book.parameters[1]).toMatchObject({ name: 'filter[seat]', inputName: 'filter_seat_' });
    expect((book.inputSchema.properties as Record<string, unknown>).notes).toEqual({ type: 'string' });
    expect(events.lint.map((finding) => finding.code)).toContain('invalid-pattern');
  });
});

describe('importSchema rejects only what it cannot understand', () => {
  it.each([
    ['', 'not-json-or-yaml', 'not YAML or JSON: the text is empty'],
    ['{"openapi": "3.0.0", "paths": {', 'not-json-or-yaml', 'not valid JSON at line 1'],
    ['just: [a, b\nc: d', 'not-json-or-yaml', 'not valid YAML at line'],
    ['- a\n- b\n', 'not-openapi', 'the top level is a list'],
    ['name: Pet\ntype: object\n', 'not-openapi', "no 'openapi' or 'swagger' field"],
    ['openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n', 'no-operations', "'paths' is empty"],
  ])('%j -> %s', async (text, code, message) => {
    const result = await importSchema(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });

  it('says a webhooks-only document has no operations, and why', async () => {
    const result = await importSchema(await fixture('webhooks-only-3.1.yaml'));
    expect(!result.ok && result.error.message).toBe(
      "no operations to import: the document has no 'paths' (it only describes webhooks, which are calls the API makes, not tools)",
    );
  });

  it('refuses a YAML alias bomb quickly instead of expanding it', async () => {
    const result = await importSchema(await fixture('alias-bomb.yaml'));
    expect(!result.ok && result.error.code).toBe('yaml-alias-limit');
  });

  it('imports documents that break the letter of the spec: no info, version numbers as numbers, no responses', async () => {
    const result = await importSchema('swagger: 2.0\npaths:\n  /ping:\n    get: {}\n');
    expect(result.ok && result.value.openapiVersion).toBe('2.0');
    expect(result.ok && result.value.title).toBe('Untitled API');
    expect(result.ok && result.value.tools).toHaveLength(1);
  });

  it('hashes the source text', async () => {
    const text = await fixture('events-3.1.json');
    const result = await importSchema(text);
    const { createHash } = await import('node:crypto');
    expect(result.ok && result.value.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('compiled schemas', () => {
  it('every input and response schema of every fixture compiles with ajv (draft-07 and 2020-12)', async () => {
    const validators = [
      new Ajv({ strict: false, logger: false }),
      new Ajv2020({ strict: false, logger: false }),
    ];
    for (const ajv of validators) addFormats.default(ajv);
    let compiled = 0;
    for (const name of ['shop-3.0.yaml', 'petstore-2.0.json', 'events-3.1.json']) {
      for (const each of (await importFixture(name)).tools) {
        for (const schema of [each.inputSchema, each.responseSchema]) {
          if (!schema) continue;
          for (const ajv of validators)
            expect(() => ajv.compile(schema), `${name} ${each.name}`).not.toThrow();
          compiled++;
        }
      }
    }
    expect(compiled).toBeGreaterThan(25);
  });

  it('validates real arguments against the merged input schema', async () => {
    const shop = await importFixture('shop-3.0.yaml');
    const ajv = new Ajv2020({ strict: false, logger: false });
    addFormats.default(ajv);
    const validate = ajv.compile(tool(shop, 'trackOrder').inputSchema);
    expect(validate({ orderId: '12345' })).toBe(true);
    expect(validate({ orderId: 'abc' })).toBe(false);
    expect(validate({})).toBe(false);
  });
});
