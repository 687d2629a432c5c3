// The demo store's own web page at /demo/: the chat widget on a shop page where a visitor can sign in
// as one of two demo customers. Its sign-in does what a business's backend does: it signs the
// customer's identity token (HS256, 15 minutes) with the demo agent's identity secret.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SignJWT } from 'jose';
import type { Agent, Store } from '../../store/index.js';
import { ConflictError, NotFoundError } from '../http-errors.js';
import { audienceOf } from '../identity/verify-identity-token.js';
import { demoCustomers } from './demo-data.js';
import { DEMO_SETTING, type DemoIds } from './seed-demo.js';

/** The customers the demo page offers to sign in as. */
export const DEMO_PAGE_CUSTOMERS = demoCustomers.slice(0, 2);

/** How long a demo identity token lasts; the widget asks the page for a fresh one after that. */
const TOKEN_LIFETIME = '15m';

const hidden = { schema: { hide: true }, config: { public: true } } as const;

/** The demo agent, when the demo exists and its agent still uses nothing but the demo store API. */
async function loadDemoAgent(store: Store): Promise<Agent> {
  const stored = await store.access.getSetting(DEMO_SETTING);
  const ids = stored ? (JSON.parse(stored) as Partial<DemoIds>) : {};
  const agent = ids.agentId ? await store.agents.get(ids.agentId) : undefined;
  if (!agent) throw new NotFoundError('demo agent', ids.agentId ?? 'none');
  // Demo sign-ins are for the demo's fake data only: never for an agent pointed at another API.
  const links = (await store.agents.listIntegrations(agent.id)).filter((link) => link.enabled);
  if (links.some((link) => link.integrationId !== ids.integrationId))
    throw new ConflictError(
      'the demo agent uses another API besides the demo store: demo sign-ins are switched off for it',
    );
  return agent;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The page: a shop header with the sign-in buttons, a few words, and the widget. */
function renderPage(agent: Agent | undefined): string {
  const customers = JSON.stringify(DEMO_PAGE_CUSTOMERS.map(({ id, name }) => ({ id, name })));
  const widget = agent
    ? `<script src="/widget.js" data-agent="${escapeHtml(agent.publicKey)}" data-title="Demo Store" async></script>`
    : '<p class="note">The demo agent is not available: it was removed, or it now uses another API besides the demo store.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Demo Store</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d2528;background:#faf7f2;line-height:1.5}
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between;padding:16px 24px;background:#3b2a1a;color:#fff}
header strong{font-size:20px}
#account{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
button{font:inherit;border:0;border-radius:8px;padding:8px 14px;cursor:pointer;background:#f3e3c8;color:#3b2a1a}
button:focus-visible{outline:3px solid #f3e3c8;outline-offset:2px}
main{max-width:44rem;margin:32px auto;padding:0 24px}
.note{color:#5b6770}
</style></head>
<body>
<header><strong>Demo Store</strong><div id="account" aria-live="polite"></div></header>
<main>
<h1>Leather goods, made to last</h1>
<p>This page plays the business's website. Sign in as a demo customer, then ask the chat “What did I buy last month?” or “Show me my invoices”: the assistant answers for the customer who is signed in, and only for them. Signed out, it asks you to sign in.</p>
<p class="note">The sign-in here signs an identity token with the demo agent's secret, as your backend would (see the README).</p>
</main>
${widget}
<script>
(() => {
  const customers = ${customers};
  const key = 'demo-store:customer';
  const account = document.getElementById('account');
  const concierge = (then) => window.Concierge ? then(window.Concierge)
    : window.addEventListener('concierge:ready', () => then(window.Concierge), { once: true });
  // The widget calls this whenever it needs a token: now, and again before the last one expires.
  const tokenFor = (customerId) => async () => {
    const response = await fetch('/demo/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId }) });
    if (!response.ok) throw new Error((await response.json()).error?.message ?? 'sign-in failed');
    return (await response.json()).token;
  };
  function render() {
    const current = customers.find((customer) => customer.id === localStorage.getItem(key));
    account.textContent = '';
    const status = document.createElement('span');
    status.textContent = current ? 'Signed in as ' + current.name : 'Not signed in';
    account.append(status);
    for (const customer of current ? [] : customers) {
      const button = document.createElement('button');
      button.textContent = 'Sign in as ' + customer.name;
      button.onclick = async () => {
        // Signed in only once the store's backend signed a token: else say why.
        try { await tokenFor(customer.id)(); } catch (error) { status.textContent = error.message; return; }
        localStorage.setItem(key, customer.id); render(); concierge((c) => c.identify(tokenFor(customer.id)));
      };
      account.append(button);
    }
    if (current) {
      const out = document.createElement('button');
      out.textContent = 'Sign out';
      out.onclick = () => { localStorage.removeItem(key); render(); concierge((c) => c.logout()); };
      account.append(out);
    }
  }
  render();
  const signedIn = localStorage.getItem(key);
  if (signedIn && customers.some((customer) => customer.id === signedIn)) concierge((c) => c.identify(tokenFor(signedIn)));
})();
</script>
</body></html>`;
}

/** GET /demo/ (the page) and POST /demo/sign-in (a demo customer's identity token). */
export async function registerDemoPageRoutes(
  app: FastifyInstance,
  { store }: { store: Store },
): Promise<void> {
  const page = async (_request: unknown, reply: FastifyReply) => {
    const agent = await loadDemoAgent(store).catch(() => undefined);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(renderPage(agent));
  };
  app.get('/demo', hidden, page);
  app.get('/demo/', hidden, page);

  app.post<{ Body: { customerId: string } }>(
    '/demo/sign-in',
    {
      ...hidden,
      schema: {
        hide: true,
        body: {
          type: 'object',
          required: ['customerId'],
          properties: { customerId: { type: 'string', maxLength: 20 } },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const customer = DEMO_PAGE_CUSTOMERS.find((candidate) => candidate.id === request.body.customerId);
      if (!customer) throw new NotFoundError('demo customer', request.body.customerId);
      const agent = await loadDemoAgent(store);
      if (agent.identity.method !== 'secret' || !agent.identitySecret)
        throw new ConflictError("the demo agent's identity settings were changed: demo sign-ins are off");
      const token = await new SignJWT({ email: customer.email, name: customer.name })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(customer.id)
        .setAudience(audienceOf(agent))
        .setIssuedAt()
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(new TextEncoder().encode(agent.identitySecret));
      void reply.header('cache-control', 'no-store');
      return { token, customer };
    },
  );
}
