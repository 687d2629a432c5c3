// The admin switch that makes the demo API slow or failing, to try timeouts and errors in the preview.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.js';
import { assertAdmin } from '../authenticate.js';
import { DEMO_MODE_SETTING, type DemoMode } from './demo-api-routes.js';

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

/** GET and PUT /api/v1/demo/mode (admin only). */
export async function registerDemoModeRoutes(
  app: FastifyInstance,
  { store }: { store: Store },
): Promise<void> {
  app.get(
    '/demo/mode',
    { schema: { tags: ['demo'], summary: 'How the demo API behaves now' } },
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
