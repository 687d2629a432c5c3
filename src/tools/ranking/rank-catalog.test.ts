import { beforeAll, describe, expect, it } from 'vitest';
import { loadStoreTools } from '../test-support/load-catalogs.js';
import { TOOL_FEATURES } from './extract-features.js';
import { abbreviates, fitsIdForm } from './id-inputs.js';
import { type CatalogIndex, indexCatalog } from './index-catalog.js';
import { rankCatalog } from './rank-catalog.js';
import { responseFieldsOf, responseValuesOf, toRankableTool } from './rankable-tool.js';
import { loadRankingModel } from './ranking-model.js';

/** One operation as the ranking reads it: `method path`, named by its operationId, with these inputs. */
const rankable = (
  name: string,
  [method, path]: ['get' | 'post', string],
  description: string,
  properties: Record<string, unknown>,
  required: string[],
  bodyInputs?: string[],
) => ({
  name,
  description,
  inputSchema: { type: 'object', required, properties },
  operation: { method, path, operationId: name, ...(bodyInputs ? { bodyInputs } : {}) },
});

// The committed model on the Trailhead store API (never part of its training data).
describe('rankCatalog with the committed model', () => {
  let index: CatalogIndex;
  beforeAll(async () => {
    index = indexCatalog((await loadStoreTools()).map(toRankableTool), loadRankingModel());
  });
  const top = (message: string, basePrompt?: string) => {
    const ranking = rankCatalog({ index, message, basePrompt });
    const best = ranking.tools[0];
    return best.probability > ranking.none.probability ? best.entry.tool.operation?.operationId : 'none';
  };

  it.each([
    ['Where is my order #12345?', 'getOrderStatus'],
    ['has my order 44519 shipped yet?', 'getOrderStatus'],
    ['Please cancel my order 77120', 'cancelOrder'],
    ['did my payment for invoice 2024-0042 go through?', 'getInvoicePayment'],
    ['Do you sell waterproof hiking boots?', 'searchCatalog'],
    // Words only its answer has: the response's fields (carrier, trackingLink).
    ['which carrier is order 44519 with?', 'getOrderStatus'],
    // A summary's leading verb is no topic: "Show an account's billing details" is about billing.
    ['show me your hiking boots', 'searchCatalog'],
  ])('"%s" -> %s', (message, expected) => {
    expect(top(message)).toBe(expected);
  });

  it('counts an id the conversation gave before as identifying the record of a follow-up', () => {
    const missing = (context?: string) =>
      rankCatalog({ index, message: "great, what's the carrier?", context }).tools.find(
        (entry) => entry.entry.tool.operation?.operationId === 'getOrderStatus',
      )?.features[TOOL_FEATURES.indexOf('idMissing')];
    expect(missing()).toBe(1);
    expect(missing('status of order 44519?')).toBe(0);
  });

  it("reads a filter named with its operator ('id:in', offered as 'id_in') as an id filter of what it names", () => {
    const ids = { type: 'array', items: { type: 'integer' } };
    const catalog = indexCatalog(
      [
        rankable(
          'getCustomers',
          ['get', '/customers'],
          'Get all customers.',
          { id_in: ids, customer_id_in: ids },
          [],
        ),
        rankable(
          'getAddresses',
          ['get', '/customers/addresses'],
          'Get addresses.',
          { customer_id_in: ids },
          [],
        ),
      ],
      loadRankingModel(),
    );
    const filters = (name: string) =>
      catalog.tools
        .find((entry) => entry.tool.name === name)
        ?.idFilters.map((filter) => [filter.name, [...filter.nouns]]);
    // A bare `id` is the listed records' own.
    expect(filters('getCustomers')).toEqual([
      ['id_in', ['custom']],
      ['customer_id_in', ['custom']],
    ]);
    expect(filters('getAddresses')).toEqual([['customer_id_in', ['custom']]]);
  });

  it('counts an id input an email gives as given, and the others beside it as still missing', () => {
    const subscriber_hash = {
      type: 'string',
      description:
        "The MD5 hash of the member's email address. This endpoint also accepts the email address.",
    };
    const id = { type: 'string' };
    const catalog = indexCatalog(
      [
        rankable(
          'getMember',
          ['get', '/lists/{list_id}/members/{subscriber_hash}'],
          'Get a list member.',
          { list_id: id, subscriber_hash },
          ['list_id', 'subscriber_hash'],
        ),
        rankable(
          'getReportMember',
          ['get', '/reports/{campaign_id}/members/{subscriber_hash}'],
          "Get a member's activity in a campaign.",
          { campaign_id: id, subscriber_hash },
          ['campaign_id', 'subscriber_hash'],
        ),
      ],
      loadRankingModel(),
    );
    const missing = (name: string) =>
      rankCatalog({
        index: catalog,
        message: 'am I on your list? jo@example.com',
        basePrompt: 'Our newsletter is the list with list id 7c4e2a91bd.',
      }).tools.find((entry) => entry.entry.tool.name === name)?.features[TOOL_FEATURES.indexOf('idMissing')];
    expect(missing('getMember')).toBe(0);
    expect(missing('getReportMember')).toBe(1);
  });

  it("counts an id the base prompt gives by its record's noun as given ('signed in as order 44519')", () => {
    const missing = (basePrompt?: string) =>
      rankCatalog({ index, message: "what's the carrier?", basePrompt }).tools.find(
        (entry) => entry.entry.tool.operation?.operationId === 'getOrderStatus',
      )?.features[TOOL_FEATURES.indexOf('idMissing')];
    expect(missing('The customer is asking about order 44519.')).toBe(0);
    expect(missing('Our support line is open until 6pm.')).toBe(1);
    // An id of another record names none of the order's.
    expect(missing('The customer id is 99120.')).toBe(1);
  });

  it("reads a change's state as the deed the message names, not a creation's ('cancel my order')", () => {
    const orderState = { type: 'string', enum: ['Open', 'Confirmed', 'Cancelled'] };
    const catalog = indexCatalog(
      [
        rankable(
          'createOrderFromCart',
          ['post', '/orders'],
          'Creates an order from a cart.',
          { orderState },
          [],
          ['orderState'],
        ),
        rankable(
          'updateOrder',
          ['post', '/orders/{id}'],
          'Updates an order.',
          { id: { type: 'string' }, orderState },
          ['id'],
          ['orderState'],
        ),
      ],
      loadRankingModel(),
    );
    const verbNamed = (name: string) =>
      rankCatalog({ index: catalog, message: 'i want to cancel my order' }).tools.find(
        (entry) => entry.entry.tool.name === name,
      )?.features[TOOL_FEATURES.indexOf('verbNamed')];
    expect(verbNamed('updateOrder')).toBe(1);
    expect(verbNamed('createOrderFromCart')).toBe(0);
  });

  it('fits a host name to an id input that takes a domain', () => {
    const catalog = indexCatalog(
      [
        rankable(
          'getCustomer',
          ['get', '/customers/{customerId}'],
          'Get a customer account.',
          {
            customerId: {
              type: 'string',
              description: "The customer's primary domain name or unique id.",
              pattern: '^C[0-9a-z]+$',
            },
          },
          ['customerId'],
        ),
      ],
      loadRankingModel(),
    );
    const [ranked] = rankCatalog({
      index: catalog,
      message: 'look up the account of rosa-baeckerei.de',
    }).tools;
    expect(ranked.features[TOOL_FEATURES.indexOf('idFormFit')]).toBe(1);
    expect(ranked.features[TOOL_FEATURES.indexOf('idFormClash')]).toBe(0);
  });

  it('counts the one id a change takes in its body once, though it is a required id input and its record input both', () => {
    const paymentId = { payment_id: { type: 'string' } };
    const catalog = indexCatalog(
      [
        rankable(
          'RefundPayment',
          ['post', '/v2/refunds'],
          'Refunds a payment.',
          { ...paymentId, reason: { type: 'string' } },
          ['payment_id'],
          ['payment_id', 'reason'],
        ),
        rankable('GetPayment', ['get', '/v2/payments/{payment_id}'], 'Retrieves a payment.', paymentId, [
          'payment_id',
        ]),
      ],
      loadRankingModel(),
    );
    const refund = rankCatalog({
      index: catalog,
      message: 'pls refund payment UNOE3kv2BZwqHlJ830RCt5YCuaB',
    }).tools.find((ranked) => ranked.entry.tool.name === 'RefundPayment');
    expect(refund?.entry.recordInputs.map((input) => input.name)).toEqual(['payment_id']);
    expect(refund?.features[TOOL_FEATURES.indexOf('idCountGap')]).toBe(0);
  });

  it("reads an adverb as naming no operation's verb ('completely' completes nothing)", () => {
    const complete = rankable(
      'CompletePayment',
      ['post', '/v2/payments/{payment_id}/complete'],
      'Completes (captures) a payment.',
      { payment_id: { type: 'string' } },
      ['payment_id'],
    );
    const catalog = indexCatalog([complete], loadRankingModel());
    const verbNamed = (message: string) =>
      rankCatalog({ index: catalog, message }).tools[0].features[TOOL_FEATURES.indexOf('verbNamed')];
    expect(verbNamed('please complete payment UNOE3kv2BZwqHlJ830RCt5YCuaB')).toBe(1);
    expect(verbNamed('the cake arrived completely smashed, payment UNOE3kv2BZwqHlJ830RCt5YCuaB')).toBe(0);
  });

  it('reads a batch operation by the verb after its batch word (`BatchRetrieveOrders` at `/orders/batch-retrieve` reads orders)', () => {
    const catalog = indexCatalog(
      [
        {
          name: 'BatchRetrieveOrders',
          description: 'BatchRetrieveOrders',
          inputSchema: {
            type: 'object',
            properties: { order_ids: { type: 'array', items: { type: 'string' } } },
          },
          operation: {
            method: 'post' as const,
            path: '/v2/orders/batch-retrieve',
            operationId: 'BatchRetrieveOrders',
            summary: 'BatchRetrieveOrders',
            bodyInputs: ['order_ids'],
          },
        },
        {
          name: 'CreateOrder',
          description: 'Creates an order',
          inputSchema: { type: 'object', properties: {} },
          operation: { method: 'post' as const, path: '/v2/orders', operationId: 'CreateOrder' },
        },
      ],
      loadRankingModel(),
    );
    const [batch] = catalog.tools;
    expect(batch.verb).toBe('retriev');
    expect(batch.head?.stem).toBe('order');
    expect(batch.action).toBe('retriev');
    expect(batch.reads).toBe(true);
    expect(batch.writes).toBeLessThan(0.5);
  });

  it('reads a value of the input its path ends in as naming the operation ("which pets are pending?")', () => {
    const tool = (name: string, path: string, properties: Record<string, unknown>) => ({
      name,
      description: name,
      inputSchema: { type: 'object', properties },
      operation: { method: 'get' as const, path, operationId: name },
    });
    const catalog = indexCatalog(
      [
        tool('findPetsByStatus', '/pet/findByStatus', {
          status: { type: 'string', enum: ['available', 'pending', 'sold'] },
        }),
        tool('getPetById', '/pet/{petId}', { petId: { type: 'integer' } }),
      ],
      loadRankingModel(),
    );
    const headUnnamed = TOOL_FEATURES.indexOf('headUnnamed');
    const ranking = rankCatalog({ index: catalog, message: 'Which pets are currently pending?' });
    const byStatus = ranking.tools.find((entry) => entry.entry.tool.name === 'findPetsByStatus');
    expect(byStatus?.features[headUnnamed]).toBe(0);
  });

  it('searches for people only by who they are: an email, a phone number or a name', () => {
    const search = (name: string, path: string, responseFields: string[]) => ({
      name,
      description: name,
      inputSchema: { type: 'object', properties: { query: { type: 'string' } } },
      operation: { method: 'get' as const, path, operationId: name, responseFields },
    });
    const catalog = indexCatalog(
      [
        search('searchCustomers', '/customers/search', ['id', 'email', 'first_name', 'last_name']),
        search('searchProducts', '/products/search', ['id', 'title', 'price']),
      ],
      loadRankingModel(),
    );
    expect(catalog.tools.map((entry) => entry.findsPeople)).toEqual([true, false]);
    const searching = (message: string, name: string) =>
      rankCatalog({ index: catalog, message }).tools.find((entry) => entry.entry.tool.name === name)
        ?.features[TOOL_FEATURES.indexOf('searchForUnknownWords')];
    expect(searching('why does my card keep getting declined?', 'searchCustomers')).toBe(0);
    expect(searching('why does my card keep getting declined?', 'searchProducts')).toBeGreaterThan(0);
    expect(searching('can you find the account of jo.lee@example.com', 'searchCustomers')).toBeGreaterThan(0);
    // A name after "the" is a thing's, never a person's.
    expect(searching('is the order for Dana Whitfield here?', 'searchCustomers')).toBeGreaterThan(0);
    expect(searching('do you still sell the Sea Salt & Sage candle?', 'searchCustomers')).toBe(0);
  });

  it('reads a field only the records under another hold as naming those records', () => {
    const orderId = { type: 'integer' };
    const read = (path: string, operationId: string, summary: string, responseFields: string[]) => ({
      name: operationId,
      description: summary,
      inputSchema: { type: 'object', required: ['order_id'], properties: { order_id: orderId } },
      operation: { method: 'get' as const, path, operationId, responseFields },
    });
    const catalog = indexCatalog(
      [
        read('/orders/{order_id}', 'getAnOrder', 'Get an order', ['id', 'status', 'total', 'customer_id']),
        read('/orders/{order_id}/shipments', 'getOrderShipments', 'Get shipments of an order', [
          'id',
          'tracking_number',
          'shipping_provider',
        ]),
        read('/orders/{order_id}/messages', 'getOrderMessages', 'Get messages of an order', [
          'id',
          'message',
        ]),
      ],
      loadRankingModel(),
    );
    expect(catalog.tools[1].ownFields).toEqual(new Set(['track', 'number', 'ship', 'provid']));
    expect(catalog.tools[0].ownFields.size).toBe(0);
    const best = (message: string) => rankCatalog({ index: catalog, message }).tools[0].entry.tool.name;
    expect(best('can I get the tracking number for order 10455?')).toBe('getOrderShipments');
    expect(best('what is the status of order 10455?')).toBe('getAnOrder');
  });

  /** A one-operation tool of an API (`operation` gets the operationId as its name). */
  const apiTool = (
    operationId: string,
    [method, path]: ['get' | 'post', string],
    description: string,
    inputSchema: Record<string, unknown>,
    bodyInputs?: string[],
  ) => ({
    name: operationId,
    description,
    inputSchema: { type: 'object', ...inputSchema },
    operation: { method, path, operationId, ...(bodyInputs ? { bodyInputs } : {}) },
  });
  const featuresOf = (catalog: CatalogIndex, message: string, name?: string) =>
    rankCatalog({ index: catalog, message }).tools.find((ranked) => !name || ranked.entry.tool.name === name)
      ?.features ?? [];

  it("reads an id whose prefix names its record as that record's, whatever noun stands before it", () => {
    const customer = { type: 'string', example: 'cus_NffrFeUfNV2Hib' };
    const catalog = indexCatalog(
      [
        apiTool('updateCustomer', ['post', '/customers/{customer}'], 'Update a customer', {
          required: ['customer'],
          properties: { customer },
        }),
      ],
      loadRankingModel(),
    );
    const features = featuresOf(catalog, 'update the email on my account cus_OaB3cD4eF5gH6i');
    expect(features[TOOL_FEATURES.indexOf('idPrefixMatch')]).toBe(1);
    expect(features[TOOL_FEATURES.indexOf('idNounMismatch')]).toBe(0);
  });

  it("reads an id whose prefix abbreviates a list's filter as the filter's, as it does a body input's", () => {
    const customer = {
      type: 'string',
      description: 'Only return invoices for the customer specified by this customer ID.',
    };
    const catalog = indexCatalog(
      [apiTool('GetInvoices', ['get', '/v1/invoices'], 'List all invoices', { properties: { customer } })],
      loadRankingModel(),
    );
    const features = featuresOf(catalog, 'all my invoices please, cus_NkL5mJ3hGf8DsA');
    expect(features[TOOL_FEATURES.indexOf('idPrefixMatch')]).toBe(1);
    expect(features[TOOL_FEATURES.indexOf('idUnneeded')]).toBe(0);
  });

  it('reads an acronym the catalog defines as the words it stands for, in a path and in an input', () => {
    const gan = { type: 'string', description: 'The gift card account number (GAN).' };
    const catalog = indexCatalog(
      [
        apiTool(
          'RetrieveGiftCardFromGAN',
          ['post', '/v2/gift-cards/from-gan'],
          'Retrieves a gift card using the gift card account number (GAN).',
          { required: ['gan'], properties: { gan } },
          ['gan'],
        ),
        apiTool('RetrieveGiftCard', ['get', '/v2/gift-cards/{id}'], 'Retrieves a gift card using its ID.', {
          required: ['id'],
          properties: { id: { type: 'string' } },
        }),
      ],
      loadRankingModel(),
    );
    const features = (message: string) => featuresOf(catalog, message, 'RetrieveGiftCardFromGAN');
    const named = features('how much is left on my gift card? card number 7783551099210347');
    expect(named[TOOL_FEATURES.indexOf('headUnnamed')]).toBe(0);
    expect(named[TOOL_FEATURES.indexOf('idUnneeded')]).toBe(0);
    // Initials that spell only part of an acronym define none ("card number (ABCN)").
    const partly = indexCatalog(
      [
        apiTool('getAbcn', ['get', '/cards/by-abcn'], 'Reads a card by its card number (ABCN).', {
          properties: {},
        }),
      ],
      loadRankingModel(),
    );
    expect(partly.tools[0].head?.spelled).toBeUndefined();
    // One word of the four is not enough.
    expect(
      features('how much is left on order 7783551099210347?')[TOOL_FEATURES.indexOf('headUnnamed')],
    ).toBeGreaterThan(0);
  });

  it('ranks a change to a record higher when the message names an input its body takes', () => {
    const customer = { type: 'string', example: 'cus_NffrFeUfNV2Hib' };
    const change = (operationId: string, path: string, summary: string, body: string[]) => ({
      name: operationId,
      description: summary,
      inputSchema: {
        type: 'object',
        required: ['customer'],
        properties: { customer, ...Object.fromEntries(body.map((name) => [name, { type: 'string' }])) },
      },
      operation: { method: 'post' as const, path, operationId, summary, bodyInputs: body },
    });
    const catalog = indexCatalog(
      [
        change(
          'PostCustomersCustomerBankAccounts',
          '/v1/customers/{customer}/bank_accounts',
          'Create a bank account',
          ['source', 'metadata'],
        ),
        change('PostCustomersCustomer', '/v1/customers/{customer}', 'Update a customer', [
          'email',
          'shipping',
          'phone',
        ]),
        // The catalog's words: a list filtered by email.
        {
          name: 'GetCustomers',
          description: 'List all customers',
          inputSchema: { type: 'object', properties: { email: { type: 'string' } } },
          operation: { method: 'get' as const, path: '/v1/customers', operationId: 'GetCustomers' },
        },
      ],
      loadRankingModel(),
    );
    const scores = (message: string) =>
      Object.fromEntries(
        rankCatalog({ index: catalog, message }).tools.map((ranked) => [ranked.entry.tool.name, ranked]),
      );
    const named = scores('please change the email on my account cus_OmN2bV8cXzL4kJ to priya.n@fastmail.com');
    const unnamed = scores('please change my account cus_OmN2bV8cXzL4kJ');
    const fieldNamed = TOOL_FEATURES.indexOf('fieldNamed');
    expect(named.PostCustomersCustomer.features[fieldNamed]).toBeGreaterThan(0);
    // A change that makes a record under another (its path ends in a word) sets nothing of it.
    expect(named.PostCustomersCustomerBankAccounts.features[fieldNamed]).toBe(0);
    const lead = (ranked: typeof named) =>
      ranked.PostCustomersCustomer.score - ranked.PostCustomersCustomerBankAccounts.score;
    expect(lead(named)).toBeGreaterThan(lead(unnamed) + 0.5);
  });

  it('tells one record asked for from many by the number of the noun the path lists', () => {
    const read = (operationId: string, path: string, summary: string, properties = {}) => ({
      name: operationId,
      description: summary,
      inputSchema: { type: 'object', required: Object.keys(properties), properties },
      operation: { method: 'get' as const, path, operationId, summary },
    });
    const catalog = indexCatalog(
      [
        read('getOrder', '/orders/{id}', 'Get an order', { id: { type: 'integer' } }),
        read('getOrdersTotals', '/reports/orders/totals', 'Orders totals report'),
        read('getCartItems', '/carts/mine/items', 'Items in my cart'),
        read('getOrderMessages', '/orders/{order_id}/messages', 'Get order messages', {
          order_id: { type: 'integer' },
        }),
        read('getOrderMessage', '/orders/{order_id}/messages/{id}', 'Get an order message', {
          order_id: { type: 'integer' },
          id: { type: 'integer' },
        }),
      ],
      loadRankingModel(),
    );
    const clash = (message: string) =>
      Object.fromEntries(
        rankCatalog({ index: catalog, message }).tools.map((ranked) => [
          ranked.entry.tool.name,
          ranked.features[TOOL_FEATURES.indexOf('numberClash')],
        ]),
      );
    // One order asked for: the report lists orders, the look-up reads one.
    expect(clash('Where is my order?')).toMatchObject({ getOrdersTotals: 1, getOrder: 0 });
    // Many asked for: the look-up of one clashes, the report does not.
    expect(clash('show me the totals of my orders')).toMatchObject({ getOrdersTotals: 0, getOrder: 1 });
    // "/carts/mine" picks one cart: "my cart" is no clash.
    expect(clash("what's in my cart?")).toMatchObject({ getCartItems: 0 });
    // One of a list under a record named by its id, whose own id the customer never sees: no clash.
    expect(clash('did anyone read the message I left on order 1560?')).toMatchObject({
      getOrderMessages: 0,
    });
    expect(clash('did anyone read the message I left on my order?')).toMatchObject({ getOrderMessages: 1 });
  });

  it('reads a summary that holds a whole description as its first sentence', () => {
    const essay = [
      'Create a fulfillment for the specified order and line items.',
      "The fulfillment's status depends on the line items: if they use a manual or custom service the status",
      'is set at once; an external service queues them until it is invoked, then it may transit to open and',
      'to success when the items have shipped. An order that was refunded, or whose line items were refunded,',
      'cannot be fulfilled. Send the tracking company and tracking numbers, and Shopify generates the tracking',
      'url; for an unsupported carrier send the urls too. Note the phone number of the carrier is not checked.',
    ].join(' ');
    const orderId = { order_id: { type: 'integer' } };
    const shape = (operationId: string, method: 'get' | 'post', path: string, summary: string) => ({
      name: operationId,
      description: summary,
      inputSchema: { type: 'object', required: ['order_id'], properties: orderId },
      operation: { method, path, operationId, summary },
    });
    const shop = indexCatalog(
      [
        shape('create_order_fulfillment', 'post', '/orders/{order_id}/fulfillments.json', essay),
        shape('create_refund_for_order', 'post', '/orders/{order_id}/refunds.json', 'Creates a refund.'),
        shape('get_order', 'get', '/orders/{order_id}.json', 'Retrieves a specific order.'),
      ],
      loadRankingModel(),
    );
    // Its detail ("refunded", "phone") counts as a description's, not as what the operation is.
    const fulfillment = shop.tools[0];
    expect([...fulfillment.summary]).toEqual(expect.arrayContaining(['fulfil', 'order', 'line', 'item']));
    expect(fulfillment.summary.has('refund')).toBe(false);
    expect(fulfillment.summary.has('phone')).toBe(false);
    expect(fulfillment.description.has('refund')).toBe(true);
    const first = (message: string) => rankCatalog({ index: shop, message }).tools[0].entry.tool.name;
    expect(first("I'd like a refund for order 450789469, the jacket arrived torn")).toBe(
      'create_refund_for_order',
    );
  });

  it('calls nothing for a message no operation is about', () => {
    expect(top("What's the weather like today?")).toBe('none');
    expect(top('tell me a joke')).toBe('none');
  });

  it('does not change anything for a question about the same thing', () => {
    const ranking = rankCatalog({ index, message: 'What is the status of order 77120?' });
    const cancel = ranking.tools.find((entry) => entry.entry.tool.operation?.operationId === 'cancelOrder');
    const status = ranking.tools.find(
      (entry) => entry.entry.tool.operation?.operationId === 'getOrderStatus',
    );
    expect(status!.score).toBeGreaterThan(cancel!.score);
  });

  it('ranks only the related operations when asked, with the same leaders', () => {
    const message = 'has my order 44519 shipped yet?';
    const all = rankCatalog({ index, message });
    const related = rankCatalog({ index, message, minRelated: 2 });
    expect(related.tools.length).toBeLessThan(all.tools.length);
    expect(related.tools[0].entry).toBe(all.tools[0].entry);
    // Operations that take free search words relate to any message.
    expect(related.tools.some((entry) => entry.entry.search)).toBe(true);
    // Too few related operations: every one is ranked.
    expect(rankCatalog({ index, message, minRelated: all.tools.length }).tools).toHaveLength(
      all.tools.length,
    );
  });

  it('gives probabilities that sum to one with "nothing"', () => {
    const ranking = rankCatalog({ index, message: 'Where is my order 5?' });
    const sum = ranking.tools.reduce((total, entry) => total + entry.probability, ranking.none.probability);
    expect(sum).toBeCloseTo(1, 6);
  });
});

describe('rankCatalog with ids that narrow a list', () => {
  const operation = (
    name: string,
    path: string,
    properties: Record<string, unknown>,
    required: string[],
  ) => ({
    name,
    description: name,
    inputSchema: { type: 'object', properties, required },
    operation: { method: 'get' as const, path, operationId: name },
  });
  const customer = { type: 'string', description: 'The id of the customer.' };
  const tools = [
    operation('ListInvoices', '/v1/invoices', { customer, status: { type: 'string' } }, []),
    operation('ListCustomerSubscriptions', '/v1/customers/{customer}/subscriptions', { customer }, [
      'customer',
    ]),
    operation('GetCustomer', '/v1/customers/{customer}', { customer }, ['customer']),
  ];

  it("takes an id whose noun names a list's filter as the list's own", () => {
    const index = indexCatalog(tools, loadRankingModel());
    const ranking = rankCatalog({
      index,
      message: 'can you list the invoices for customer cus_NffrFeUfNV2Hib?',
    });
    expect(ranking.tools[0].entry.tool.name).toBe('ListInvoices');
    const features = (name: string) =>
      ranking.tools.find((entry) => entry.entry.tool.name === name)?.features ?? [];
    const idUnneeded = TOOL_FEATURES.indexOf('idUnneeded');
    expect(features('ListInvoices')[idUnneeded]).toBe(0);
    // An id the filter's noun does not name is one the list cannot take.
    const other = rankCatalog({ index, message: 'list the invoices for order 5521' });
    expect(other.tools.find((entry) => entry.entry.tool.name === 'ListInvoices')?.features[idUnneeded]).toBe(
      1,
    );
    // A filter the importer made nullable (3.0's `nullable: true` becomes a type list) is one too.
    const nullable = indexCatalog(
      [operation('ListInvoices', '/v1/invoices', { customer: { type: ['string', 'null'] } }, [])],
      loadRankingModel(),
    );
    expect(nullable.tools[0].idFilters.map((filter) => filter.name)).toEqual(['customer']);
    // An input that sorts the list names no record ("the field and direction by which to order results").
    const sorted = indexCatalog(
      [
        operation(
          'SearchCustomers',
          '/customers/search',
          {
            order: { type: 'string', description: 'Set the field and direction by which to order results.' },
          },
          [],
        ),
      ],
      loadRankingModel(),
    );
    expect(sorted.tools[0].idFilters).toEqual([]);
  });
});

describe('rankCatalog with words the API does not have', () => {
  const tools = [
    {
      name: 'searchProducts',
      description: 'Search the product catalog',
      inputSchema: {
        type: 'object',
        properties: {
          q: { type: 'string' },
          category: { type: 'string', enum: ['bags', 'shoes', 'jackets'] },
        },
        required: ['q'],
      },
      operation: { method: 'get' as const, path: '/products/search', operationId: 'searchProducts' },
    },
    {
      name: 'findStores',
      description: 'Find physical stores',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      operation: { method: 'get' as const, path: '/stores', operationId: 'findStores' },
    },
  ];

  it('measures how close such a word comes to a value an input offers ("boots" to the category shoes)', () => {
    const index = indexCatalog(tools, loadRankingModel());
    const choiceMeaning = TOOL_FEATURES.indexOf('choiceMeaning');
    const feature = (message: string, name: string) =>
      rankCatalog({ index, message }).tools.find((entry) => entry.entry.tool.name === name)?.features[
        choiceMeaning
      ];
    expect(feature('can I see your hiking boots', 'searchProducts')).toBeGreaterThan(0.5);
    // Offered values it does not resemble, or no offered values at all: nothing.
    expect(feature("what's the weather like today?", 'searchProducts')).toBe(0);
    expect(feature('can I see your hiking boots', 'findStores')).toBe(0);
  });
});

describe('responseFieldsOf', () => {
  it('lists the fields of an answer nearest first, through lists and composed schemas', () => {
    const schema = {
      type: 'object',
      properties: {
        orders: {
          type: 'array',
          items: {
            allOf: [
              { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } },
              {
                type: 'object',
                properties: { shipment: { type: 'object', properties: { carrier: { type: 'string' } } } },
              },
            ],
          },
        },
        total: { type: 'integer' },
      },
    };
    expect(responseFieldsOf(schema)).toEqual(['orders', 'total', 'id', 'status', 'shipment', 'carrier']);
    expect(responseFieldsOf(undefined)).toEqual([]);
  });
});

describe('responseValuesOf', () => {
  it("lists the states the returned record's own fields can take, not those of a list's items", () => {
    const subscription = {
      allOf: [
        {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['active', 'past_due', 'canceled'] },
            currency: { type: 'string', enum: Array.from({ length: 150 }, (_, index) => `c${index}`) },
          },
        },
      ],
    };
    // A currency code among 150 says nothing about the state of the record.
    expect(responseValuesOf(subscription)).toEqual(['active', 'past_due', 'canceled']);
    const list = { type: 'object', properties: { data: { type: 'array', items: subscription } } };
    expect(responseValuesOf(list)).toEqual([]);
  });
});

describe('abbreviates', () => {
  const parameter = (segment: string[]) => ({ name: 'id', nouns: new Set<string>(), segment });
  it('reads an id prefix as the start of the resource word or the initials of its words', () => {
    expect(abbreviates('sub_', parameter(['subscriptions']))).toBe(true);
    expect(abbreviates('pi_', parameter(['payment', 'intents']))).toBe(true);
    expect(abbreviates('in_', parameter(['invoices']))).toBe(true);
    expect(abbreviates('in_', parameter(['payment', 'intents']))).toBe(false);
    expect(abbreviates('cus_', parameter(['charges']))).toBe(false);
    expect(abbreviates('#w', parameter(['widgets']))).toBe(false);
    // A compound's first word is what it qualifies: `sub-` is no subscription cancellation's id.
    expect(abbreviates('sub-', parameter(['subscription', 'cancellations']))).toBe(false);
    expect(abbreviates('sc_', parameter(['subscription', 'cancellations']))).toBe(true);
    // Two letters joined to the digits are a country's code as often (a Swedish VAT number "SE5566…").
    expect(abbreviates('se', parameter(['settlement']))).toBe(false);
    expect(abbreviates('inv', parameter(['invoices']))).toBe(true);
  });
});

describe('the head noun of an operation', () => {
  const operation = (operationId: string, method: 'get' | 'post' | 'put', path: string) => ({
    name: operationId,
    description: operationId,
    inputSchema: {
      type: 'object',
      properties: Object.fromEntries(
        [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, { type: 'string' }]),
      ),
    },
    operation: { method, path, operationId },
  });
  const catalog = () =>
    indexCatalog(
      [
        operation('getOrderStatuses', 'get', '/order_statuses'),
        operation('getOrder', 'get', '/orders/{order_id}'),
        operation('sendInvoice', 'post', '/invoices/{invoice_id}/send'),
        operation('getOrderShipments', 'get', '/orders/{order_id}/shipments'),
        operation('cancelPayment', 'post', '/payments/cancel'),
      ],
      loadRankingModel(),
    );

  it("is the path's last literal word, or the one before an action", () => {
    const heads = Object.fromEntries(catalog().tools.map((entry) => [entry.tool.name, entry.head?.stem]));
    expect(heads).toEqual({
      getOrderStatuses: 'status',
      getOrder: 'order',
      sendInvoice: 'invoic',
      getOrderShipments: 'shipment',
      cancelPayment: 'payment',
    });
  });

  it("reads the operation's own id for whether its path ends in an action or a record", () => {
    const heads = indexCatalog(
      [
        // Its id starts with the word: an action the corpus's verbs do not know.
        operation('unapplyStoreCredit', 'post', '/carts/mine/balance/unapply'),
        // Its id names the word after another verb: a record, whatever else APIs use the word for.
        operation('placeAnOrderForCart', 'put', '/carts/mine/order'),
        // A read acts only by a verb that reads.
        operation('getOrderInvoice', 'get', '/orders/{order_id}/invoice'),
        operation('getProductsSearch', 'get', '/products/search'),
      ],
      loadRankingModel(),
    ).tools.map((entry) => [entry.head?.stem, entry.action]);
    expect(heads).toEqual([
      ['balanc', 'unappli'],
      ['order', undefined],
      ['invoic', undefined],
      ['product', 'search'],
    ]);
  });

  it('reads the methods of a dotted path as a path of their own, and a record asked for whole as the record', () => {
    const entries = indexCatalog(
      [
        operation('OrderInfo', 'get', '/order.info.json'),
        operation('OrderShipmentList', 'get', '/order.shipment.list.json'),
        operation('getCustomerDetails', 'get', '/customers/{id}/details'),
      ],
      loadRankingModel(),
    ).tools.map((entry) => [entry.head?.stem, entry.action, entry.collection]);
    // The record of `/vat_numbers/{tax_number}` is the VAT number's: the word before the id word.
    const [validate] = indexCatalog(
      [operation('validateTaxNumber', 'get', '/tax/vat_numbers/{tax_number}/validate')],
      loadRankingModel(),
    ).tools;
    expect([...validate.idParameters[0].nouns]).toContain('vat');
    expect(entries).toEqual([
      ['order', 'info', false],
      ['shipment', 'list', true],
      ['custom', 'detail', false],
    ]);
  });

  it('takes the head as named by an id whose prefix abbreviates it, and by an action that is a record too', () => {
    const catalog = indexCatalog(
      [
        operation('cancelSubscription', 'post', '/subscriptions/{subscription}/cancel'),
        operation('refundCapture', 'post', '/captures/{capture_id}/refund'),
        operation('getRefund', 'get', '/refunds/{refund_id}'),
        operation('cancelBookingPayment', 'post', '/booking-payments/cancel'),
      ],
      loadRankingModel(),
    );
    const unnamed = (message: string) =>
      Object.fromEntries(
        rankCatalog({ index: catalog, message }).tools.map((ranked) => [
          ranked.entry.tool.name,
          ranked.features[TOOL_FEATURES.indexOf('headUnnamed')],
        ]),
      );
    expect(unnamed('Cancel sub_1MowQVLkdIwHu7 right away please')).toMatchObject({ cancelSubscription: 0 });
    // "refund" is a record of this catalog: refunding a capture is named by it.
    expect(unnamed('please refund my payment')).toMatchObject({ refundCapture: 0 });
    // "cancel" is only a verb here: it names no booking payment ("booking" comes only near "payment").
    expect(unnamed('please cancel my booking').cancelBookingPayment).toBeGreaterThan(0.8);
  });

  it('tells an operation about something the message does not name', () => {
    const unnamed = (message: string) =>
      Object.fromEntries(
        rankCatalog({ index: catalog(), message }).tools.map((ranked) => [
          ranked.entry.tool.name,
          ranked.features[TOOL_FEATURES.indexOf('headUnnamed')],
        ]),
      );
    // "where is my order?" names orders, not their statuses.
    expect(unnamed('where is my order 10234?')).toMatchObject({ getOrderStatuses: 1, getOrder: 0 });
    expect(unnamed('which statuses can an order have?')).toMatchObject({ getOrderStatuses: 0 });
    // An earlier turn names it too.
    expect(
      rankCatalog({ index: catalog(), message: 'it is 10234', context: 'where is my shipment?' }).tools.find(
        (ranked) => ranked.entry.tool.name === 'getOrderShipments',
      )?.features[TOOL_FEATURES.indexOf('headUnnamed')],
    ).toBe(0);
  });

  it("reads a name that opens with a noun by its summary's verb, where that says more", () => {
    const writes = (operationId: string, summary: string) =>
      indexCatalog(
        [
          {
            name: operationId,
            description: summary,
            inputSchema: { type: 'object', properties: { uid: { type: 'string' } } },
            operation: { method: 'post', path: '/profile/address', operationId, summary },
          },
        ],
        loadRankingModel(),
      ).tools[0].writes;
    // An RPC-style POST that reads: "user" opens ids that read and ids that write alike.
    expect(writes('userAddress', "gets the user's return address information")).toBeLessThan(0.5);
    // A name's own verb that says as much stays.
    expect(writes('updateAddress', "gets the user's return address information")).toBeGreaterThan(0.5);
  });

  it("takes an id's prefix for its record only where the id can be that input's value", () => {
    const prefix = (schema: Record<string, unknown>, message: string) =>
      rankCatalog({
        index: indexCatalog(
          [
            {
              name: 'getInvoice',
              description: 'Retrieve an invoice',
              inputSchema: { type: 'object', properties: { InvoiceID: schema }, required: ['InvoiceID'] },
              operation: { method: 'get', path: '/Invoices/{InvoiceID}', operationId: 'getInvoice' },
            },
          ],
          loadRankingModel(),
        ),
        message,
      }).tools[0].features[TOOL_FEATURES.indexOf('idPrefixMatch')];
    // "INV-0450" is no UUID: its prefix names no InvoiceID.
    expect(prefix({ type: 'string', format: 'uuid' }, 'when is INV-0450 due?')).toBe(0);
    expect(prefix({ type: 'string', example: 'INV-0001' }, 'when is INV-0450 due?')).toBe(1);
  });

  it('reads one record by its own operation rather than by a list filtered by the ids of its records', () => {
    const orderId = { type: 'string', description: 'The order ID.' };
    const index = indexCatalog(
      [
        {
          name: 'getOrders',
          description: 'Retrieve orders, optionally only those with the given order IDs',
          inputSchema: {
            type: 'object',
            properties: { orderIds: { type: 'string' }, limit: { type: 'integer' } },
          },
          operation: { method: 'get', path: '/order', operationId: 'getOrders', summary: 'Get orders' },
        },
        {
          name: 'getOrder',
          description: 'Retrieve the order',
          inputSchema: { type: 'object', properties: { orderId }, required: ['orderId'] },
          operation: {
            method: 'get',
            path: '/order/{orderId}',
            operationId: 'getOrder',
            summary: 'Get order',
          },
        },
      ],
      loadRankingModel(),
    );
    const ranking = rankCatalog({ index, message: 'hi, has my order 12-10522-48811 shipped yet?' });
    const byFilter = (name: string) =>
      ranking.tools.find((ranked) => ranked.entry.tool.name === name)?.features[
        TOOL_FEATURES.indexOf('ownIdByFilter')
      ];
    expect([byFilter('getOrders'), byFilter('getOrder')]).toEqual([1, 0]);
    expect(ranking.tools[0].entry.tool.name).toBe('getOrder');
  });
});

describe('fitsIdForm', () => {
  it("tells whether an id has the form its input's schema gives", () => {
    expect(fitsIdForm('#4410', { pattern: '^[0-9]{4,10}$' })).toBe(true);
    expect(fitsIdForm('4410', { pattern: '^INV-[0-9]{4}-[0-9]{3}$' })).toBe(false);
    expect(fitsIdForm('3f2504e0-4f89-11d3-9a0c-0305e82c3301', { uuid: true })).toBe(true);
    expect(fitsIdForm('JEPRZB', { integer: true })).toBe(false);
    expect(fitsIdForm('anything', { example: 'abc' })).toBeUndefined();
  });

  it("reads the shape of the schema's example: separators, and digits, letters or codes part by part", () => {
    expect(fitsIdForm('mohamed_silva_9265', { example: 'sara_doe_496' })).toBe(true);
    expect(fitsIdForm('VA5SGQ', { example: 'ZFA04Y' })).toBe(true);
    expect(fitsIdForm('#W2378156', { example: '#W0000000' })).toBe(true);
    expect(fitsIdForm('44821', { example: 'sara_doe_496' })).toBe(false);
    expect(fitsIdForm('VA5SGQ7712', { example: 'ZFA04Y' })).toBe(false);
    expect(fitsIdForm('ORD-77', { example: 'ORD-1042' })).toBe(true);
    // A separator between a code's letters and its digits is written or left out as customers please.
    expect(fitsIdForm('ORD77', { example: 'ORD-1042' })).toBe(true);
    expect(fitsIdForm('PO-0388', { example: 'PO1234' })).toBe(true);
    expect(fitsIdForm('ORD-77-A', { example: 'ORD-1042' })).toBe(false);
    expect(fitsIdForm('77-ORD', { example: 'ORD-1042' })).toBe(false);
  });

  it('finds the example a description quotes', () => {
    const index = indexCatalog(
      [
        {
          name: 'get_user_details',
          description: 'Get the details of a user.',
          inputSchema: {
            type: 'object',
            properties: { user_id: { type: 'string', description: "The user id, such as 'sara_doe_496'." } },
            required: ['user_id'],
          },
        },
      ],
      loadRankingModel(),
    );
    expect(index.tools[0].idParameters[0].form).toEqual({ example: 'sara_doe_496' });
  });

  it('reads a code of capital letters the schema shows or names by its length', () => {
    const form = (property: Record<string, unknown>) =>
      indexCatalog(
        [
          {
            name: 'get',
            description: 'get',
            inputSchema: {
              type: 'object',
              required: ['code'],
              properties: { code: { type: 'string', ...property } },
            },
            operation: { method: 'get' as const, path: '/airports/{code}', operationId: 'get' },
          },
        ],
        loadRankingModel(),
      ).tools[0].idParameters[0].form;
    expect(fitsIdForm('BER', form({ description: '3-letter IATA airport code' }))).toBe(true);
    expect(fitsIdForm('BERL', form({ description: "Departure airport (e.g. 'HAM')" }))).toBe(false);
    expect(fitsIdForm('FRA', form({ default: 'TXL' }))).toBe(true);
    expect(fitsIdForm('FRA', form({}))).toBeUndefined();
  });

  it("reads the compiled schema's examples, each of them a form the id may have", () => {
    const index = indexCatalog(
      [
        {
          name: 'GetOrder',
          description: 'Get order',
          inputSchema: {
            type: 'object',
            properties: {
              orderId: {
                type: 'string',
                examples: ['1172452900788-01 or seq501456'],
                description: 'Order ID. For example: `seq501456`.',
              },
            },
            required: ['orderId'],
          },
          operation: { method: 'get', path: '/orders/{orderId}', operationId: 'GetOrder' },
        },
      ],
      loadRankingModel(),
    );
    const form = index.tools[0].idParameters[0].form;
    expect(fitsIdForm('1273301298765-01', form)).toBe(true);
    expect(fitsIdForm('seq501457', form)).toBe(true);
    expect(fitsIdForm('W-1042', form)).toBe(false);
    expect(fitsIdForm('ORD-77', { example: 'ORD-1042, ORD-1043' })).toBe(true);
  });
});
