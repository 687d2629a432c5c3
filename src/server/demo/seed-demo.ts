// On the first start with an empty store: a "Demo Store" property, a "Store assistant" agent, and the
// demo API connected through the real import flow (schema fetched from its URL, API key auth).
import { randomBytes } from 'node:crypto';
import type { Store, StoredIdentityBinding } from '../../store/index.js';
import { createIntegration } from '../create-integration.js';
import { DEMO_API_KEY, DEMO_CUSTOMER_HEADER } from './demo-api-routes.js';
import { seedDemoKnowledge } from './demo-knowledge.js';

/** The setting recording the demo's ids once it exists (its presence means: never seed again). */
export const DEMO_SETTING = 'demo';

/** The demo's records. */
export interface DemoIds {
  propertyId: string;
  agentId: string;
  integrationId: string;
  publicKey: string;
}

/** The setting claimed by the server that adds the demo's help articles (once, whichever server). */
export const DEMO_KNOWLEDGE_SETTING = 'demo-knowledge';

/** The demo agent's base prompt. */
export const DEMO_BASE_PROMPT = [
  'You are the friendly assistant of Demo Store, a small leather-goods shop.',
  'If the customer asks about products, prices or stock, use the searchProducts API tool call.',
  'If the customer asks about order status or delivery, use the trackOrder API tool call.',
  'If the customer asks what they bought or about their orders without a number, use the listMyOrders API tool call.',
  'If the customer asks about a payment or an invoice by its number, use the getPaymentStatus API tool call.',
  'Before starting a return, make sure you have the order number and the reason.',
].join('\n');

/**
 * Who may use which demo operation. Personal data is for the signed-in customer only: their own
 * orders and invoices by their id, orders and billing by their email (never one a message names),
 * and an invoice or a return by number only when signed in (numbers are printed and guessable; the
 * API checks the invoice or order is theirs). Tracking by number stays open, as on a store's tracking
 * page, and the API then shows where the parcel is and nothing about the customer.
 */
const DEMO_OPERATION_IDENTITY: Record<
  string,
  { bindings?: StoredIdentityBinding[]; requiresIdentity?: boolean }
> = {
  listMyOrders: { bindings: [{ in: 'path', name: 'customerId', claim: 'sub' }] },
  listMyInvoices: { bindings: [{ in: 'path', name: 'customerId', claim: 'sub' }] },
  listOrders: { bindings: [{ in: 'query', name: 'email', claim: 'email' }] },
  getBillingDetails: { bindings: [{ in: 'query', name: 'email', claim: 'email' }] },
  getPaymentStatus: { requiresIdentity: true },
  createReturn: { requiresIdentity: true },
};

/** The demo page, where a visitor can sign in as a demo customer: the sign-in link the agent gives. */
function demoSignInUrl(origin: string): string {
  return `${origin}/demo/`;
}

/**
 * Creates the demo when the store is empty and has never had one; on later starts, points the demo
 * integration at this server's current address. `origin` is how this process reaches itself, e.g.
 * `http://127.0.0.1:3000`.
 */
export async function seedDemo(
  store: Store,
  origin: string,
  /** The hosts a URL may reach besides the public ones: this server's own demo. */
  allowHostsFor: (url: string) => string[],
): Promise<DemoIds | undefined> {
  const existing = await store.access.getSetting(DEMO_SETTING);
  if (existing) return refreshDemo(store, JSON.parse(existing) as DemoIds, origin);
  if ((await store.properties.list()).length > 0) return undefined;
  // Several servers may start at once on one database: only the one that claims the setting seeds.
  if (!(await store.access.setSettingIfAbsent(DEMO_SETTING, '{}'))) return undefined;

  const property = await store.properties.create({ name: 'Demo Store' });
  try {
    const integration = await createIntegration(store, {
      settings: {
        propertyId: property.id,
        name: 'Demo Store API',
        auth: { type: 'apiKey', in: 'header', name: 'X-Api-Key', value: DEMO_API_KEY },
        timeoutMs: 10_000,
      },
      schema: { schemaUrl: `${origin}/demo/openapi.yaml` },
      allowHosts: [],
      allowHostsFor,
    });
    await store.integrations.update(integration.id, {
      identityHeaders: [{ name: DEMO_CUSTOMER_HEADER, claim: 'sub' }],
    });
    for (const [operation, setting] of Object.entries(DEMO_OPERATION_IDENTITY))
      await store.integrations.setOperationSettings(integration.id, operation, {
        ...(setting.bindings ? { identityBindings: setting.bindings } : {}),
        ...(setting.requiresIdentity !== undefined ? { requiresIdentity: setting.requiresIdentity } : {}),
      });
    const created = await store.agents.create({
      propertyId: property.id,
      name: 'Store assistant',
      basePrompt: DEMO_BASE_PROMPT,
    });
    // The demo page signs its customers in with this secret, as a business's backend would.
    await store.agents.rotateIdentitySecret(created.id, {
      secret: `idsec_${randomBytes(32).toString('base64url')}`,
    });
    const agent = (await store.agents.update(created.id, {
      identity: { method: 'secret', signInUrl: demoSignInUrl(origin) },
    }))!;
    await store.agents.setIntegration(agent.id, integration.id, true);
    await store.access.setSetting(DEMO_KNOWLEDGE_SETTING, 'seeded');
    await seedDemoKnowledge(store, { propertyId: property.id, agentId: agent.id });
    const ids: DemoIds = {
      propertyId: property.id,
      agentId: agent.id,
      integrationId: integration.id,
      publicKey: agent.publicKey,
    };
    await store.access.setSetting(DEMO_SETTING, JSON.stringify(ids));
    return ids;
  } catch (error) {
    // Leave nothing half made; the next start tries again.
    await store.properties.delete(property.id);
    await store.access.deleteSetting(DEMO_SETTING);
    await store.access.deleteSetting(DEMO_KNOWLEDGE_SETTING);
    throw error;
  }
}

/** The server may listen on another port than last time: keep the demo integration reachable. */
async function refreshDemo(store: Store, ids: DemoIds, origin: string): Promise<DemoIds | undefined> {
  if (!ids.integrationId) return undefined;
  const [integration, agent] = await Promise.all([
    store.integrations.get(ids.integrationId),
    store.agents.get(ids.agentId),
  ]);
  if (!integration || !agent) return undefined;
  // A demo made before knowledge sources existed gets the help articles once.
  if (await store.access.setSettingIfAbsent(DEMO_KNOWLEDGE_SETTING, 'seeded'))
    await seedDemoKnowledge(store, ids);
  const current = new URL(integration.baseUrl);
  const wanted = new URL(`${origin}/demo/api`);
  // Only while it still points at a loopback demo API: a business may have repointed it on purpose.
  if (
    current.pathname === '/demo/api' &&
    ['127.0.0.1', 'localhost'].includes(current.hostname) &&
    current.host !== wanted.host
  ) {
    // The server's own demo origin needs no allowHosts entry any more: drop the one of the old port.
    const allowHosts = integration.allowHosts.filter((host) => host !== current.host);
    await store.integrations.update(integration.id, { baseUrl: wanted.href, allowHosts });
    // The sign-in link points at the demo page, on the same origin as the demo API.
    const { secretCreatedAt: _created, previousSecretValidUntil: _previous, ...identity } = agent.identity;
    if (identity.signInUrl === demoSignInUrl(current.origin))
      await store.agents.update(agent.id, { identity: { ...identity, signInUrl: demoSignInUrl(origin) } });
  }
  return { ...ids, publicKey: agent.publicKey };
}
