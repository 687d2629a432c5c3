// Operations whose body is multipart/form-data fields (Swagger 2.0 `formData`, OpenAPI 3 `content:
// multipart/form-data`): imported as callable, sent as parts a real multipart parser reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchema } from '../openapi/index.js';
import type { ToolDefinition } from '../tools/index.js';
import { createExecutor, type Executor } from './create-executor.js';
import { sendJson, startTestServer, type TestServer } from './test-support/start-test-server.js';

let server: TestServer;
let executor: Executor;

beforeAll(async () => {
  server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }));
  executor = createExecutor({ allowHosts: ['127.0.0.1'] });
});
afterAll(async () => {
  await executor.close();
  await server.close();
});

/** A community site's API as Swagger 2.0 writes forms: fields posted as multipart/form-data. */
const swaggerForms = {
  swagger: '2.0',
  info: { title: 'Swap', version: '1' },
  paths: {
    '/groups/subscribe': {
      post: {
        operationId: 'join_groups',
        consumes: ['multipart/form-data'],
        parameters: [
          { name: 'group_ids', in: 'formData', required: true, type: 'string' },
          { name: 'note', in: 'formData', type: 'string' },
          { name: 'photo', in: 'formData', type: 'file' },
        ],
        responses: { '200': { description: 'Joined.' } },
      },
    },
    '/photos': {
      post: {
        operationId: 'upload_photo',
        consumes: ['multipart/form-data'],
        parameters: [
          { name: 'photo', in: 'formData', required: true, type: 'file' },
          { name: 'caption', in: 'formData', type: 'string' },
        ],
        responses: { '200': { description: 'Stored.' } },
      },
    },
  },
};

/** The same in OpenAPI 3: a request body of fields, one of them an optional file. */
const openApiForms = {
  openapi: '3.0.3',
  info: { title: 'Swap', version: '1' },
  paths: {
    '/posts': {
      post: {
        operationId: 'submit_post',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['title', 'type'],
                properties: {
                  title: { type: 'string' },
                  type: { type: 'string', enum: ['offer', 'wanted'] },
                  tags: { type: 'array', items: { type: 'string' } },
                  location: { type: 'object', properties: { lat: { type: 'number' } } },
                  image: { type: 'string', format: 'binary' },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'Posted.' } },
      },
    },
    '/avatar': {
      put: {
        operationId: 'set_avatar',
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
            },
          },
        },
        responses: { '204': { description: 'Stored.' } },
      },
    },
  },
};

async function toolsOf(document: object): Promise<Map<string, ToolDefinition>> {
  const result = await importSchema(JSON.stringify(document));
  if (!result.ok) throw new Error(result.error.message);
  return new Map(result.value.tools.map((tool) => [tool.operationId ?? tool.name, tool]));
}

/** Sends the call and reads the body the server got with the platform's multipart parser. */
async function sent(tool: ToolDefinition, args: Record<string, unknown>) {
  const result = await executor.executeToolCall({
    tool,
    args,
    integration: { id: 'int-1', baseUrl: server.url, auth: { type: 'none' }, timeoutMs: 2000 },
    agentId: 'agent-1',
    conversationId: 'conv-1',
  });
  expect(result.outcome).toBe('ok');
  const request = server.requests[server.requests.length - 1];
  const contentType = String(request.headers['content-type']);
  const form = await new Response(request.body, { headers: { 'content-type': contentType } }).formData();
  return { contentType, form };
}

describe('multipart/form-data bodies', () => {
  it('Swagger 2.0 form fields are callable and arrive as parts; an optional file is left out', async () => {
    const tools = await toolsOf(swaggerForms);
    const join = tools.get('join_groups');
    expect(join).toMatchObject({ callable: true, requestBody: { contentType: 'multipart/form-data' } });
    expect(Object.keys(join?.inputSchema.properties ?? {})).toEqual(['group_ids', 'note']);
    const { contentType, form } = await sent(join as ToolDefinition, {
      group_ids: '1123,1124',
      note: 'Hi! I live nearby.\r\n--not-a-boundary',
    });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=concierge-[0-9a-f]{24}$/);
    expect(form.get('group_ids')).toBe('1123,1124');
    expect(form.get('note')).toBe('Hi! I live nearby.\r\n--not-a-boundary');
  });

  it('a required file cannot be sent: the operation is uncallable and says why', async () => {
    const tools = await toolsOf(swaggerForms);
    expect(tools.get('upload_photo')).toMatchObject({
      callable: false,
      uncallableReason: 'request body is a file upload (multipart/form-data), which Concierge cannot send',
    });
    const avatar = (await toolsOf(openApiForms)).get('set_avatar');
    expect(avatar).toMatchObject({
      callable: false,
      uncallableReason: expect.stringContaining('file upload'),
    });
  });

  it('OpenAPI 3 fields arrive as parts: a list as one part per item, an object as JSON', async () => {
    const post = (await toolsOf(openApiForms)).get('submit_post') as ToolDefinition;
    expect(post.callable).toBe(true);
    expect(Object.keys(post.inputSchema.properties ?? {})).toEqual(['title', 'type', 'tags', 'location']);
    const { form } = await sent(post, {
      title: 'White "IKEA" wardrobe',
      type: 'offer',
      tags: ['furniture', 'pickup'],
      location: { lat: 51.54 },
    });
    expect(form.get('title')).toBe('White "IKEA" wardrobe');
    expect(form.get('type')).toBe('offer');
    expect(form.getAll('tags')).toEqual(['furniture', 'pickup']);
    expect(JSON.parse(String(form.get('location')))).toEqual({ lat: 51.54 });
  });
});
