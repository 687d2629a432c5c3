// The demo store's HTTP API under /demo/api, and its document at /demo/openapi.yaml. It checks an API
// key like a real business API, and can be made slow or failing on purpose to try the edge cases.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, type Store } from '../../store/index.js';
import {
  type DemoOrder,
  demoBilling,
  demoCustomers,
  demoInvoices,
  demoOrders,
  demoProducts,
  demoStores,
} from './demo-data.js';
import { demoOpenApiYaml } from './demo-openapi.js';

/**
 * The demo API's key. It guards fake data only, so it is the same everywhere and printed where a
 * user looks for it (the start-up banner, the demo integration's page, the README): connecting the
 * demo API again from its URL needs it, as a real API would.
 */
export const DEMO_API_KEY = 'demo-store-key';
/** The setting holding the hash of the random key that demos created before DEMO_API_KEY existed use. */
export const DEMO_API_KEY_SETTING = 'demo-api-key-sha256';
/** The setting holding how the demo API behaves: `{ mode, delayMs }`. */
export const DEMO_MODE_SETTING = 'demo-mode';

/** How the demo API behaves: normally, slowly (each answer delayed), or failing with 503. */
export interface DemoMode {
  mode: 'normal' | 'slow' | 'failing';
  /** Delay of each answer in slow mode, in ms. Default 15,000 (past the default 10 s timeout). */
  delayMs?: number;
}

const hidden = { schema: { hide: true }, config: { public: true } } as const;

function words(text: string): string[] {
  // Plural and singular match each other: "bags" finds "Bag".
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1)
    .map((word) => word.replace(/(es|s)$/, ''));
}

function searchProducts(query: Record<string, string | undefined>) {
  const wanted = words(query.q ?? '');
  const maxPrice = query.maxPrice ? Number(query.maxPrice) : undefined;
  return demoProducts
    .map((product) => {
      const text = words(
        `${product.name} ${product.category} ${product.description} ${product.colors.join(' ')}`,
      );
      return { product, score: wanted.filter((word) => text.includes(word)).length };
    })
    .filter(({ product, score }) => {
      if (wanted.length > 0 && score === 0) return false;
      if (query.category && product.category !== query.category) return false;
      if (maxPrice !== undefined && product.price > maxPrice) return false;
      return !(query.inStock === 'true' && product.stock === 0);
    })
    .sort((left, right) => right.score - left.score)
    .map(({ product }) => product);
}

/** The header naming the signed-in customer a call is for (Concierge sends it from the verified identity). */
export const DEMO_CUSTOMER_HEADER = 'X-Customer-Id';

const SIGN_IN_FIRST =
  'Please sign in first: orders, invoices and billing details are only shown to the customer they belong to.';

/** The customer a call is for, from `X-Customer-Id`; undefined for an anonymous caller. */
function customerIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers[DEMO_CUSTOMER_HEADER.toLowerCase()];
  const id = Array.isArray(header) ? header[0] : header;
  return id && demoCustomers.some((customer) => customer.id === id) ? id : undefined;
}

/** What anyone with an order number may see: where the parcel is, nothing about the customer. */
function trackingView(order: DemoOrder) {
  const { orderNumber, status, carrier, trackingNumber, trackingUrl, estimatedDelivery, deliveredAt } = order;
  return { orderNumber, status, carrier, trackingNumber, trackingUrl, estimatedDelivery, deliveredAt };
}

/** Registers the demo API; `store` keeps its key hash and mode so every server sees the same. */
export async function registerDemoApiRoutes(
  app: FastifyInstance,
  { store }: { store: Store },
): Promise<void> {
  app.get('/demo/openapi.yaml', hidden, async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(demoOpenApiYaml),
  );

  /** Checks the key and applies the slow/failing mode; returns false when it already replied. */
  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const given = request.headers['x-api-key'];
    const accepted =
      given === DEMO_API_KEY ||
      (typeof given === 'string' &&
        hashToken(given) === (await store.access.getSetting(DEMO_API_KEY_SETTING)));
    if (!accepted) {
      await reply.status(401).send({ message: 'The API key is missing or invalid.' });
      return false;
    }
    const stored = await store.access.getSetting(DEMO_MODE_SETTING);
    const mode: DemoMode = stored ? JSON.parse(stored) : { mode: 'normal' };
    const simulate = (request.query as { simulate?: string }).simulate;
    if (mode.mode === 'slow' || simulate === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, mode.delayMs ?? 15_000));
    }
    if (mode.mode === 'failing' || simulate === 'error') {
      await reply
        .status(503)
        .send({ message: 'Our store system is temporarily unavailable. Please try again in a few minutes.' });
      return false;
    }
    return true;
  }

  app.get<{ Querystring: Record<string, string> }>('/demo/api/products', hidden, async (request, reply) => {
    if (!(await admit(request, reply))) return reply;
    const products = searchProducts(request.query);
    return products.length > 0
      ? { products }
      : {
          products: [],
          message: `No products found${request.query.q ? ` matching "${request.query.q}"` : ''}.`,
        };
  });

  app.get<{ Params: { sku: string } }>('/demo/api/products/:sku', hidden, async (request, reply) => {
    if (!(await admit(request, reply))) return reply;
    const product = demoProducts.find(
      (candidate) => candidate.sku.toLowerCase() === request.params.sku.toLowerCase(),
    );
    return product ?? reply.status(404).send({ message: `No product with the code ${request.params.sku}.` });
  });

  app.get<{ Params: { orderNumber: string } }>(
    '/demo/api/orders/:orderNumber',
    hidden,
    async (request, reply) => {
      if (!(await admit(request, reply))) return reply;
      const number = request.params.orderNumber.replace(/^#/, '');
      const order = demoOrders.find((candidate) => candidate.orderNumber === number);
      if (!order)
        return reply.status(404).send({
          message: `We could not find an order with the number ${number}. Please check the number on your confirmation email.`,
        });
      // Tracking by number is open, as on the store's tracking page; the rest only for its customer.
      return order.customerId === customerIdOf(request) ? order : trackingView(order);
    },
  );

  /** The signed-in customer of a call, or undefined after answering 401 (anonymous) or 403 (someone else's). */
  function ownCustomer(request: FastifyRequest, reply: FastifyReply, owner?: string): string | undefined {
    const customer = customerIdOf(request);
    if (!customer) {
      void reply.status(401).send({ message: SIGN_IN_FIRST });
      return undefined;
    }
    if (owner !== undefined && owner !== customer) {
      void reply.status(403).send({ message: 'You can only see your own account.' });
      return undefined;
    }
    return customer;
  }

  const emailOf = (customerId: string) => demoCustomers.find((customer) => customer.id === customerId)?.email;

  app.get<{ Querystring: { email?: string } }>('/demo/api/orders', hidden, async (request, reply) => {
    if (!(await admit(request, reply))) return reply;
    const email = (request.query.email ?? '').toLowerCase();
    if (!email) return reply.status(400).send({ message: 'An email address is needed to find orders.' });
    const customer = ownCustomer(request, reply);
    if (!customer) return reply;
    if (emailOf(customer) !== email)
      return reply.status(403).send({ message: 'You can only see the orders of your own email address.' });
    const orders = demoOrders.filter((order) => order.customerId === customer);
    return orders.length > 0 ? { orders } : { orders: [], message: `No orders found for ${email}.` };
  });

  app.get<{ Params: { customerId: string } }>(
    '/demo/api/customers/:customerId/orders',
    hidden,
    async (request, reply) => {
      if (!(await admit(request, reply))) return reply;
      const customer = ownCustomer(request, reply, request.params.customerId);
      if (!customer) return reply;
      const orders = demoOrders
        .filter((order) => order.customerId === customer)
        .sort((left, right) => right.placedAt.localeCompare(left.placedAt));
      return orders.length > 0 ? { orders } : { orders: [], message: 'You have no orders yet.' };
    },
  );

  app.get<{ Params: { customerId: string } }>(
    '/demo/api/customers/:customerId/invoices',
    hidden,
    async (request, reply) => {
      if (!(await admit(request, reply))) return reply;
      const customer = ownCustomer(request, reply, request.params.customerId);
      if (!customer) return reply;
      const invoices = demoInvoices.filter((invoice) => invoice.customerId === customer);
      return invoices.length > 0 ? { invoices } : { invoices: [], message: 'You have no invoices yet.' };
    },
  );

  app.get<{ Params: { invoiceNumber: string } }>(
    '/demo/api/invoices/:invoiceNumber',
    hidden,
    async (request, reply) => {
      if (!(await admit(request, reply))) return reply;
      const customer = ownCustomer(request, reply);
      if (!customer) return reply;
      const invoice = demoInvoices.find(
        (candidate) =>
          candidate.invoiceNumber.toLowerCase() === request.params.invoiceNumber.toLowerCase() &&
          candidate.customerId === customer,
      );
      // Someone else's invoice is answered like one that does not exist: its number tells nothing.
      return (
        invoice ??
        reply.status(404).send({
          message: `There is no invoice with the number ${request.params.invoiceNumber} on your account.`,
        })
      );
    },
  );

  app.get<{ Querystring: { email?: string } }>('/demo/api/billing', hidden, async (request, reply) => {
    if (!(await admit(request, reply))) return reply;
    const customer = ownCustomer(request, reply);
    if (!customer) return reply;
    if (emailOf(customer) !== (request.query.email ?? '').toLowerCase())
      return reply.status(403).send({ message: 'You can only see the billing details of your own account.' });
    const billing = demoBilling.find((candidate) => candidate.customerId === customer);
    return (
      billing ??
      reply
        .status(404)
        .send({ message: `We have no billing details for ${request.query.email ?? 'that email'}.` })
    );
  });

  app.post<{ Body: { orderNumber?: string; reason?: string } }>(
    '/demo/api/returns',
    hidden,
    async (request, reply) => {
      if (!(await admit(request, reply))) return reply;
      const customer = ownCustomer(request, reply);
      if (!customer) return reply;
      const number = String(request.body?.orderNumber ?? '').replace(/^#/, '');
      const order = demoOrders.find(
        (candidate) => candidate.orderNumber === number && candidate.customerId === customer,
      );
      if (!order)
        return reply.status(404).send({ message: `We could not find an order with the number ${number}.` });
      if (order.status !== 'delivered') {
        return reply.status(409).send({
          message: `Order ${number} is ${order.status.replace(/_/g, ' ')}, so it cannot be returned yet. Only delivered orders can be returned.`,
        });
      }
      const returnId = `RET-${randomBytes(3).toString('hex').toUpperCase()}`;
      const created = {
        returnId,
        orderNumber: number,
        reason: request.body?.reason ?? '',
        status: 'requested',
        labelUrl: `https://demo-store.example/returns/${returnId}/label.pdf`,
      };
      return reply.status(201).send(created);
    },
  );

  app.get<{ Querystring: { city?: string } }>('/demo/api/stores', hidden, async (request, reply) => {
    if (!(await admit(request, reply))) return reply;
    const city = (request.query.city ?? '').trim().toLowerCase();
    const stores = demoStores.filter((store) => !city || store.city.toLowerCase() === city);
    return stores.length > 0
      ? { stores }
      : {
          stores: [],
          message: `We have no shop in ${request.query.city}. Our shops are in ${demoStores.map((store) => store.city).join(', ')}.`,
        };
  });
}
