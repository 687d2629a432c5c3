// The admin switch that makes the demo API slow or failing, to try timeouts and errors in the preview.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { assertAdmin } from '../authenticate.js';
import { ref } from '../response-schemas.js';
import { DEMO_API_KEY, DEMO_MODE_SETTING, type DemoMode } from './demo-api-routes.js';
import { DEMO_SETTING, type DemoIds } from './seed-demo.js';

const modeBody = {
  type: 'object',
  required: ['mode'],
  properties: {
    mode: { enum: ['normal', 'slow', 'failing'] },
    delayMs: {
      type: 'integer',
      minimum: 0,
      maximum: 120_000,
      description: 'Delay of each answer in slow mode (default 15,000 ms)',
    },
  },
  additionalProperties: false,
} as const;

/** GET /api/v1/demo, GET and PUT /api/v1/demo/mode (admin only). */
export async function registerDemoModeRoutes(
  app: FastifyInstance,
  { store }: { store: Store },
): Promise<void> {
  app.get(
    '/demo',
    {
      schema: {
        tags: ['demo'],
        summary: "The demo's records, its schema URL and API key (to connect the demo API again)",
        response: { 200: ref('DemoInfo') },
      },
    },
    async (request) => {
      assertAdmin(request, 'read the demo');
      const stored = await store.access.getSetting(DEMO_SETTING);
      const ids = stored ? (JSON.parse(stored) as Partial<DemoIds>) : {};
      const origin = `${request.protocol}://${request.host}`;
      return {
        propertyId: ids.propertyId ?? null,
        agentId: ids.agentId ?? null,
        integrationId: ids.integrationId ?? null,
        schemaUrl: `${origin}/demo/openapi.yaml`,
        baseUrl: `${origin}/demo/api`,
        auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: DEMO_API_KEY },
      };
    },
  );

  app.get(
    '/demo/mode',
    {
      schema: { tags: ['demo'], summary: 'How the demo API behaves now', response: { 200: ref('DemoMode') } },
    },
    async (request) => {
      assertAdmin(request, 'read the demo mode');
      const stored = await store.access.getSetting(DEMO_MODE_SETTING);
      return stored ? (JSON.parse(stored) as DemoMode) : { mode: 'normal' };
    },
  );
  app.put<{ Body: DemoMode }>(
    '/demo/mode',
    {
      schema: {
        tags: ['demo'],
        summary: 'Make the demo API normal, slow (timeouts) or failing (503)',
        response: { 200: ref('DemoMode') },
        body: modeBody,
      },
    },
    async (request) => {
      assertAdmin(request, 'change the demo mode');
      await store.access.setSetting(DEMO_MODE_SETTING, JSON.stringify(request.body));
      return request.body;
    },
  );
}
