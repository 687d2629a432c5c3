import { describe, expect, it } from 'vitest';
import { loadRankingModel, rankCatalog } from '../../tools/index.js';
import { indexCatalog } from '../../tools/ranking/index-catalog.js';
import { decideMessage, operation } from '../test-support/operation.js';
import { looksUp } from './find-look-up.js';

/** Suppressions as SendGrid keeps them: a list of every unsubscribed address, and one address's entry. */
const suppressions = [
  operation(
    'ListUnsubscribes',
    ['get', '/v3/suppression/unsubscribes'],
    'Retrieve all global unsubscribes',
    { limit: { type: 'integer', default: 500 } },
    { responseFields: ['email', 'created'] },
  ),
  operation(
    'GetUnsubscribe',
    ['get', '/v3/suppression/unsubscribes/{email}'],
    'Retrieve a global unsubscribe',
    { email: { type: 'string', format: 'email' } },
    { responseFields: ['email', 'created'] },
  ),
];

describe('chooseTool', () => {
  it('looks up the records a list filters by the record its id names, by the id it gives', () => {
    const refunds = [
      operation(
        'getOrdersRefunds',
        ['get', '/orders/payment_actions/refunds'],
        'Get All Refunds. Returns a list of refunds ordered by refund ID in ascending order.',
        {
          'id:in': {
            type: 'array',
            items: { type: 'integer' },
            description: 'Pass a comma-separated list of refund IDs to filter the included refunds.',
          },
          transaction_id: {
            type: 'string',
            description: 'Filters by refund payment using the BigCommerce `transaction_id`.',
          },
          limit: {
            type: 'integer',
            description: 'Controls the number of items per page in a limited (paginated) list of items.',
          },
        },
      ),
      operation('getOrderRefund', ['get', '/orders/payment_actions/refunds/{refund_id}'], 'Get a Refund', {
        refund_id: { type: 'integer', description: 'Refund ID.' },
      }),
      operation('getOrderTransactions', ['get', '/orders/{order_id}/transactions'], 'Get Transactions', {
        order_id: { type: 'integer', description: 'The ID of the Order.' },
      }),
    ];
    const index = indexCatalog(refunds, loadRankingModel());
    const text =
      'Which refund was made with BigCommerce transaction id 7c8e1a2b-3d4f-4a5b-9c6d-0e1f2a3b4c5d? The gateway report only shows that.';
    const ranking = rankCatalog({ index, message: text });
    const list = ranking.tools.find((ranked) => ranked.entry.tool.name === 'getOrdersRefunds');
    if (!list) throw new Error('getOrdersRefunds');
    expect(looksUp(list, ranking, { transaction_id: '7c8e1a2b-3d4f-4a5b-9c6d-0e1f2a3b4c5d' })).toBe(true);
    // Not by a filter of another record than the one the id's noun names.
    const other = rankCatalog({
      index,
      message: 'Which refund was made on order 7c8e1a2b-3d4f-4a5b-9c6d-0e1f2a3b4c5d?',
    });
    const otherList = other.tools.find((ranked) => ranked.entry.tool.name === 'getOrdersRefunds');
    if (!otherList) throw new Error('getOrdersRefunds');
    expect(looksUp(otherList, other, { transaction_id: '7c8e1a2b-3d4f-4a5b-9c6d-0e1f2a3b4c5d' })).toBe(false);
  });

  it('answers nothing about a record no operation reads with a list under it the message does not name', () => {
    const order_id = { type: 'integer', description: 'The ID of the Order.' };
    const orders = [
      operation('getOrderMetafields', ['get', '/orders/{order_id}/metafields'], 'Get Order Metafields', {
        order_id,
      }),
      operation('getOrderTransactions', ['get', '/orders/{order_id}/transactions'], 'Get Transactions', {
        order_id,
      }),
      operation(
        'getOrderRefunds',
        ['get', '/orders/{order_id}/payment_actions/refunds'],
        'Get Refunds for Order',
        { order_id },
      ),
      operation('getGlobalOrderSettings', ['get', '/orders/settings'], 'Get Global Order Settings', {}),
    ];
    const text = "where is my order 10452?? it's been a week and no tracking number";
    expect(decideMessage(text, orders)).toMatchObject({ type: 'text' });
    expect(decideMessage('what transactions are on order 10452?', orders)).toMatchObject({
      type: 'tool-call',
      toolName: 'getOrderTransactions',
      input: { order_id: 10452 },
    });
  });

  it('asks for what a new record needs rather than reading the records of its kind', () => {
    const order_id = { type: 'integer', description: 'The ID of the Order to which the metafields belong.' };
    const metafield = {
      permission_set: { type: 'string', enum: ['app_only', 'read', 'write', 'read_and_sf_access'] },
      namespace: { type: 'string', description: 'Namespace for the metafield, for organizational purposes.' },
      key: { type: 'string', description: 'The name of the field.' },
      value: { type: 'string', description: 'The value of the field.' },
    };
    const metafields = [
      operation(
        'getOrderMetafields',
        ['get', '/orders/{order_id}/metafields'],
        'Gets a list of metafields on an order.',
        { order_id, include_fields: { type: 'array', items: { type: 'string' } } },
        { responseFields: ['id', 'key', 'value', 'namespace', 'permission_set'] },
      ),
      {
        ...operation(
          'createOrderMetafield',
          ['post', '/orders/{order_id}/metafields'],
          'Creates an order metafield.',
          { order_id, ...metafield },
          { bodyInputs: Object.keys(metafield) },
        ),
        inputSchema: {
          type: 'object',
          properties: { order_id, ...metafield },
          required: ['order_id', 'permission_set', 'namespace', 'key', 'value'],
        },
      },
    ];
    const text =
      "Add a metafield to order 3401: namespace gift_options, key gift_message, value 'Happy 40th Dad!'";
    const decision = decideMessage(text, metafields);
    expect(decision).toMatchObject({ type: 'text' });
    expect(decision.type === 'text' && decision.text).toMatch(/permission set/i);
  });

  it("makes no new record under another, nor another deed of a path's end, for a change of a field", () => {
    const orderId = { type: 'string', description: 'The unique identifier of the order.' };
    const ebay = [
      operation(
        'getOrder',
        ['get', '/order/{orderId}'],
        'Use this call to retrieve the contents of an order.',
        {
          orderId,
        },
      ),
      operation(
        'createShippingFulfillment',
        ['post', '/order/{orderId}/shipping_fulfillment'],
        "When you group an order's line items into one or more packages for shipment, this call creates a fulfillment for the package.",
        { orderId, trackingNumber: { type: 'string' }, shippingCarrierCode: { type: 'string' } },
        { bodyInputs: ['trackingNumber', 'shippingCarrierCode'] },
      ),
    ];
    const change = 'Can I change the shipping address on order 12-10783-45521? I put my old flat by mistake';
    expect(decideMessage(change, ebay)).toMatchObject({ type: 'text' });
    const order_id = { type: 'integer', description: 'ID of the order.' };
    const bigcommerce = [
      operation(
        'getOrderTransactions',
        ['get', '/orders/{order_id}/transactions'],
        'Get order transactions.',
        {
          order_id,
        },
      ),
      operation(
        'captureOrderPayment',
        ['post', '/orders/{order_id}/payment_actions/capture'],
        'Capture order payment.',
        { order_id },
      ),
      operation(
        'updateChannelOrderSettings',
        ['put', '/orders/settings/channels/{channel_id}'],
        'Update order settings for a specific channel.',
        { channel_id: { type: 'integer' }, notifications: { type: 'object' } },
        { bodyInputs: ['notifications'] },
      ),
    ];
    expect(
      decideMessage('Can I change the shipping address on order 10501? I am moving on Friday.', bigcommerce),
    ).toMatchObject({ type: 'text' });
    expect(decideMessage('please capture the payment on order 10501', bigcommerce)).toMatchObject({
      type: 'tool-call',
      toolName: 'captureOrderPayment',
      input: { order_id: 10501 },
    });
  });

  it('answers a question with a search sent as a POST, where GETs show the catalog reads by method', () => {
    const bookings = [
      operation(
        'ListCustomers',
        ['get', '/v2/customers'],
        'Lists customer profiles associated with a Square account.',
        {
          cursor: { type: 'string' },
          limit: { type: 'integer' },
        },
      ),
      operation(
        'ListSites',
        ['get', '/v2/sites'],
        'Lists the Square Online sites that belong to a seller.',
        {},
      ),
      operation(
        'SearchAvailability',
        ['post', '/v2/bookings/availability/search'],
        'Searches for availabilities for booking.',
        { query: { type: 'object', properties: { filter: { type: 'object' } } } },
        { bodyInputs: ['query'] },
      ),
      operation('CreateBooking', ['post', '/v2/bookings'], 'Creates a booking.', {
        booking: { type: 'object' },
      }),
    ];
    expect(
      decideMessage('Is there any availability for a balayage next Thursday afternoon?', bookings),
    ).toMatchObject({
      type: 'tool-call',
      toolName: 'SearchAvailability',
    });
  });

  it("lists no records of people's emails filtered by nothing the customer gave", () => {
    expect(decideMessage('unsubscribe me', suppressions)).toMatchObject({ type: 'text' });
    expect(decideMessage('am I unsubscribed? nia.k@example.com', suppressions)).toMatchObject({
      type: 'tool-call',
      toolName: 'GetUnsubscribe',
      input: { email: 'nia.k@example.com' },
    });
  });

  it("does the deed a change's state names ('unsubscribed'), though a report's words name it more", () => {
    const subscriber_hash = {
      type: 'string',
      description:
        "The MD5 hash of the lowercase version of the list member's email address. This endpoint also accepts a list member's email address or contact_id.",
    };
    const audience = [
      operation(
        'getReportsIdUnsubscribedId',
        ['get', '/reports/{campaign_id}/unsubscribed/{subscriber_hash}'],
        'Get unsubscribed member. Get information about a specific list member who unsubscribed from a campaign.',
        { campaign_id: { type: 'string' }, subscriber_hash },
        { responseFields: ['email_address', 'timestamp', 'reason'] },
      ),
      operation(
        'patchListsIdMembersId',
        ['patch', '/lists/{list_id}/members/{subscriber_hash}'],
        'Update list member. Update information for a specific list member.',
        {
          list_id: { type: 'string' },
          subscriber_hash,
          status: { type: 'string', enum: ['subscribed', 'unsubscribed', 'cleaned', 'pending'] },
        },
        { bodyInputs: ['status'] },
      ),
    ];
    const prompt = 'Our newsletter is the audience with list id 7c4e2a91bd.';
    expect(decideMessage('please unsubscribe me, mara.j@example.com', audience, prompt)).toMatchObject({
      type: 'tool-call',
      toolName: 'patchListsIdMembersId',
      input: { list_id: '7c4e2a91bd', subscriber_hash: 'mara.j@example.com', status: 'unsubscribed' },
    });
  });

  it('changes the record the message names rather than do its verb to a record it does not name', () => {
    const booking_id = { type: 'string' };
    const booking = {
      type: 'object',
      properties: { start_at: { type: 'string' }, customer_note: { type: 'string' } },
    };
    const update = operation('UpdateBooking', ['put', '/v2/bookings/{booking_id}'], 'Updates a booking.', {
      booking_id,
      booking,
    });
    const tools = [
      operation('RetrieveBooking', ['get', '/v2/bookings/{booking_id}'], 'Retrieves a booking.', {
        booking_id,
      }),
      { ...update, inputSchema: { ...update.inputSchema, required: ['booking_id', 'booking'] } },
      operation(
        'AddGroupToCustomer',
        ['put', '/v2/customers/{customer_id}/groups/{group_id}'],
        'Adds a group membership to a customer.',
        { customer_id: { type: 'string' }, group_id: { type: 'string' } },
      ),
    ];
    const text = "Please add a note to booking m2n4b6v8c0x1zq that I'm allergic to ammonia-based dyes";
    expect(decideMessage(text, tools)).toEqual({
      type: 'tool-call',
      toolName: 'UpdateBooking',
      input: {
        booking_id: 'm2n4b6v8c0x1zq',
        booking: { customer_note: "I'm allergic to ammonia-based dyes" },
      },
    });
  });

  it("lists no one's records filtered by what is no one's (a payment method), only by what is the customer's", () => {
    const orders = [
      operation(
        'getOrders',
        ['get', '/v2/orders'],
        'Get all orders.',
        {
          payment_method: { type: 'string' },
          email: { type: 'string', description: "The customer's email" },
        },
        { responseFields: ['id', 'status'], people: true },
      ),
      operation(
        'getOrder',
        ['get', '/v2/orders/{order_id}'],
        'Get an order.',
        { order_id: { type: 'integer' } },
        { responseFields: ['id'] },
      ),
    ];
    expect(decideMessage('show me the orders paid with Klarna', orders)).toMatchObject({ type: 'text' });
    expect(decideMessage('show me the orders of jo.b@example.com', orders)).toMatchObject({
      type: 'tool-call',
      toolName: 'getOrders',
      input: { email: 'jo.b@example.com' },
    });
  });

  it("lists a signed-in customer's records under their own, whose id the prompt gives, for everyone's", () => {
    const shop = [
      operation(
        'listOrders',
        ['get', '/orders.json'],
        'Retrieves a list of orders.',
        { status: { type: 'string' } },
        { responseFields: ['id', 'email', 'total_price'], people: true },
      ),
      operation(
        'listCustomerOrders',
        ['get', '/customers/{customer_id}/orders.json'],
        "Retrieves a customer's orders.",
        { customer_id: { type: 'integer' } },
        { responseFields: ['id', 'email', 'total_price'], people: true },
      ),
    ];
    const signedIn = 'The customer is signed in; their customer id is 7012345678.';
    expect(decideMessage('can you show me my past orders?', shop, signedIn)).toEqual({
      type: 'tool-call',
      toolName: 'listCustomerOrders',
      input: { customer_id: 7012345678 },
    });
    // Without the customer's id, no one's orders are listed.
    expect(decideMessage('can you show me my past orders?', shop)).toMatchObject({ type: 'text' });
  });

  it("searches no one's records by words that are no one's, only by the customer's email", () => {
    const invoices = [
      operation(
        'GetInvoicesSearch',
        ['get', '/v1/invoices/search'],
        'Search invoices.',
        { query: { type: 'string', description: 'The search query string.' } },
        { responseFields: ['id', 'customer_email', 'total'], people: true },
      ),
    ];
    expect(decideMessage('can you find my invoices about the tax return?', invoices)).toMatchObject({
      type: 'text',
    });
    expect(decideMessage('find the invoices of jo.b@example.com', invoices)).toMatchObject({
      type: 'tool-call',
      toolName: 'GetInvoicesSearch',
    });
  });

  it('searches the catalog for a thing the customer asks whether the business has, in words the API never uses', () => {
    const shop = [
      operation(
        'searchProducts',
        ['get', '/products/search'],
        'Search the product catalog.',
        { q: { type: 'string', description: 'Search words.' } },
        { responseFields: ['sku', 'name', 'price', 'currency'] },
      ),
      operation(
        'searchCampaigns',
        ['get', '/campaigns/search'],
        'Search email campaigns.',
        { query: { type: 'string' } },
        { responseFields: ['id', 'subject_line', 'send_time'] },
      ),
      operation(
        'searchMembers',
        ['get', '/members/search'],
        'Search list members.',
        { query: { type: 'string' } },
        { responseFields: ['email_address', 'full_name'], people: true },
      ),
    ];
    expect(decideMessage('do you have any red sneakers?', shop)).toEqual({
      type: 'tool-call',
      toolName: 'searchProducts',
      input: { q: 'red sneakers' },
    });
    // Without a search of priced things, nothing is searched: not campaigns, not people.
    expect(decideMessage('do you have any red sneakers?', shop.slice(1))).toMatchObject({ type: 'text' });
  });

  it('looks a thing up by its proper name where the catalog lists things for sale by title', () => {
    const shop = [
      operation(
        'listProducts',
        ['get', '/products'],
        'Retrieve a list of products.',
        { title: { type: 'string', description: 'Filter by product title.' }, limit: { type: 'integer' } },
        { responseFields: ['id', 'title', 'body_html', 'variants', 'tags'] },
      ),
      operation(
        'searchCustomers',
        ['get', '/customers/search'],
        'Search for customers that match a query.',
        { query: { type: 'string' } },
        { responseFields: ['email', 'first_name', 'last_name'], people: true },
      ),
      operation('getOrder', ['get', '/orders/{order_id}'], 'Retrieve a specific order.', {
        order_id: { type: 'integer' },
      }),
    ];
    for (const [message, title] of [
      ['How much is the Ceramic Pour-Over Set?', 'Ceramic Pour-Over Set'],
      ['Does the Linen Throw Blanket come in other colors?', 'Linen Throw Blanket'],
      ["Hi, I'm Sarah. Is the Everyday Tote available?", 'Everyday Tote'],
    ])
      expect(decideMessage(message, shop)).toEqual({
        type: 'tool-call',
        toolName: 'listProducts',
        input: { title },
      });
    // No thing named, or only a place: nothing is looked up.
    expect(decideMessage('How much is the shipping?', shop)).toMatchObject({ type: 'text' });
    expect(decideMessage('Do you have a physical store in Chicago?', shop)).toMatchObject({ type: 'text' });
  });

  it("calls a list of the business's own places, whose records hold only their phone numbers", () => {
    const stores = [
      operation(
        'findStores',
        ['get', '/stores'],
        'Find physical stores by city.',
        { city: { type: 'string' } },
        { responseFields: ['name', 'city', 'phone', 'opening_hours'] },
      ),
    ];
    expect(decideMessage('What time does your Berlin store open?', stores)).toEqual({
      type: 'tool-call',
      toolName: 'findStores',
      input: { city: 'Berlin' },
    });
  });

  it("looks up the record whose id form a bare id has ('1275522310093-01'), not one of its parts", () => {
    const orderId = { type: 'string', example: '1172452900788-01', description: 'Order ID.' };
    const orders = [
      operation('GetOrder', ['get', '/api/oms/pvt/orders/{orderId}'], 'Get order', { orderId }),
      operation(
        'GetConversation',
        ['get', '/api/oms/pvt/orders/{orderId}/conversation-message'],
        'Retrieve order conversation',
        { orderId },
      ),
      operation(
        'GetPaymenttransaction',
        ['get', '/api/oms/pvt/orders/{orderId}/payment-transaction'],
        'Retrieve payment transaction',
        { orderId },
      ),
      operation('ListOrders', ['get', '/api/oms/pvt/orders'], 'List orders', { q: { type: 'string' } }),
    ];
    for (const text of [
      'when will 1275522310093-01 be delivered? I need the garden chairs before saturday',
      'the parcel for 1268540501456-01 came today but the big pot is missing. what was supposed to be in it?',
    ])
      expect(decideMessage(text, orders)).toMatchObject({ type: 'tool-call', toolName: 'GetOrder' });
  });

  it("searches no list of the shop's orders, which name their customers, for a customer's words", () => {
    const orders = [
      operation(
        'ListOrders',
        ['get', '/api/oms/pvt/orders'],
        'List orders',
        { q: { type: 'string', description: 'Full-text search of the orders.' } },
        { responseFields: ['list', 'orderId', 'clientName', 'status', 'totalValue'], people: true },
      ),
      operation('GetOrder', ['get', '/api/oms/pvt/orders/{orderId}'], 'Get order', {
        orderId: { type: 'string', example: '1172452900788-01' },
      }),
    ];
    expect(decideMessage('when will the 40cm terracotta pots be back in stock?', orders)).toMatchObject({
      type: 'text',
    });
  });

  it("lists a seller's orders (`getOrders` at `/order`) only by the ids the customer gives", () => {
    const orderIds = {
      type: 'string',
      description: 'A comma-separated list of the unique identifiers of the orders to retrieve (maximum 50).',
    };
    const orders = [
      operation(
        'getOrders',
        ['get', '/order'],
        'Use this call to search for and retrieve one or more orders.',
        { orderIds, limit: { type: 'string' } },
        { responseFields: ['orders', 'orderId', 'buyer', 'pricingSummary'], people: true },
      ),
      operation(
        'getOrder',
        ['get', '/order/{orderId}'],
        'Use this call to retrieve the contents of an order.',
        {
          orderId: { type: 'string' },
        },
      ),
    ];
    expect(decideMessage("can you list all the orders I've ever made with you?", orders)).toMatchObject({
      type: 'text',
    });
    expect(
      decideMessage(
        'I placed two orders by mistake, 11-10422-50981 and 11-10422-50982. can you check both?',
        orders,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'getOrders',
      input: { orderIds: '11-10422-50981,11-10422-50982' },
    });
  });

  it('calls nothing for a question of how a thing is done, unless it names a record by its id', () => {
    const account = [
      operation('listCards', ['get', '/cards'], 'List the cards of the signed-in user.', {}),
      operation(
        'updateCard',
        ['put', '/cards/{card_id}'],
        'Update a card: its status, limits or wallet.',
        {
          card_id: { type: 'string' },
          wallet: { type: 'string' },
        },
        { bodyInputs: ['wallet'] },
      ),
      operation('getCard', ['get', '/cards/{card_id}'], 'Get a card by its id.', {
        card_id: { type: 'string' },
      }),
      operation('listPayments', ['get', '/payments'], 'List payments.', {}),
    ];
    expect(decideMessage('how can i check my payments', account)).toMatchObject({ type: 'text' });
    expect(decideMessage('how do I add card 4471-22 to Apple Pay?', account)).toMatchObject({
      type: 'tool-call',
      toolName: 'getCard',
    });
  });
});

describe('chooseTool, on a request to be given something', () => {
  const fulfilment = [
    operation(
      'getShippingFulfillments',
      ['get', '/order/{orderId}/shipping_fulfillment'],
      "Retrieve the shipping fulfillments of an order, with each package's tracking number and carrier.",
      { orderId: { type: 'string' } },
      { responseFields: ['fulfillmentId', 'shipmentTrackingNumber', 'shippingCarrierCode'] },
    ),
    operation('getOrder', ['get', '/order/{orderId}'], 'Retrieve an order.', { orderId: { type: 'string' } }),
    operation('getOrders', ['get', '/order'], 'Search for orders.', { orderIds: { type: 'string' } }),
    operation(
      'getPaymentDispute',
      ['get', '/payment_dispute/{payment_dispute_id}'],
      'Retrieve a payment dispute.',
      {
        payment_dispute_id: { type: 'string' },
      },
    ),
    operation(
      'getActivities',
      ['get', '/payment_dispute/{payment_dispute_id}/activity'],
      'Retrieve the activity log of a payment dispute.',
      {
        payment_dispute_id: { type: 'string' },
      },
    ),
    operation(
      'createShippingFulfillment',
      ['post', '/order/{orderId}/shipping_fulfillment'],
      'Create a shipping fulfillment.',
      {
        orderId: { type: 'string' },
        trackingNumber: { type: 'string' },
      },
      { bodyInputs: ['trackingNumber'] },
    ),
  ];

  it('reads what is to be sent to the customer where no operation sends it', () => {
    expect(decideMessage('Can you send me the tracking number for 04-11029-67345?', fulfilment)).toEqual({
      type: 'tool-call',
      toolName: 'getShippingFulfillments',
      input: { orderId: '04-11029-67345' },
    });
  });
});

describe('chooseTool, on an id whose noun names another operation than the first', () => {
  const accounting = [
    operation(
      'emailInvoice',
      ['post', '/Invoices/{InvoiceID}/Email'],
      'Sends a copy of a specific invoice by email to the billing email address of its contact.',
      {
        InvoiceID: { type: 'string', format: 'uuid' },
      },
    ),
    operation(
      'updateContact',
      ['post', '/Contacts/{ContactID}'],
      'Updates a specific contact in a Xero organisation.',
      {
        ContactID: { type: 'string', format: 'uuid' },
        EmailAddress: { type: 'string' },
      },
      { bodyInputs: ['EmailAddress'] },
    ),
    operation(
      'getContact',
      ['get', '/Contacts/{ContactID}'],
      'Retrieves a specific contact in a Xero organisation.',
      {
        ContactID: { type: 'string', format: 'uuid' },
      },
    ),
    operation(
      'getInvoice',
      ['get', '/Invoices/{InvoiceID}'],
      'Retrieves a specific sales invoice or purchase bill.',
      {
        InvoiceID: { type: 'string', format: 'uuid' },
      },
    ),
    operation(
      'updateInvoice',
      ['post', '/Invoices/{InvoiceID}'],
      'Updates a specific sales invoice or purchase bill.',
      {
        InvoiceID: { type: 'string', format: 'uuid' },
      },
    ),
    ...['History', 'Attachments', 'CISSettings', 'Notes'].map((part) =>
      operation(
        `createContact${part}`,
        ['put', `/Contacts/{ContactID}/${part}`],
        `Creates contact ${part.toLowerCase()} for a specific contact.`,
        {
          ContactID: { type: 'string', format: 'uuid' },
        },
      ),
    ),
    operation(
      'createContactGroupContacts',
      ['put', '/ContactGroups/{ContactGroupID}/Contacts'],
      'Creates contacts to a specific contact group.',
      {
        ContactGroupID: { type: 'string', format: 'uuid' },
      },
    ),
  ];

  it("gives the change to the id's owner with the first's claim against nothing", () => {
    const message =
      'Please change our billing email to ap@harborfreightlines.com — our contact ID is 5e7a9c1b-3d5f-4b7d-9f1b-3c5e7a9b1d3f';
    expect(decideMessage(message, accounting)).toMatchObject({
      type: 'tool-call',
      toolName: 'updateContact',
      input: { ContactID: '5e7a9c1b-3d5f-4b7d-9f1b-3c5e7a9b1d3f' },
    });
  });
});

describe('chooseTool, on one id that a list filters by', () => {
  const fulfilment = [
    operation(
      'getOrders',
      ['get', '/order'],
      'Use this call to search for and retrieve one or more orders based on their creation date, last modification date, or fulfillment status using the filter parameter. You can alternatively specify a list of orders using the orderIds parameter.',
      {
        orderIds: {
          type: 'string',
          description: 'A comma-separated list of the unique identifiers of the orders to retrieve.',
        },
        filter: {
          type: 'string',
          description:
            'One or more comma-separated criteria for narrowing down the collection: creationdate, lastmodifieddate, orderfulfillmentstatus.',
        },
      },
    ),
    operation(
      'getOrder',
      ['get', '/order/{orderId}'],
      'Use this call to retrieve the contents of an order based on its unique identifier, orderId.',
      { orderId: { type: 'string', description: 'The unique identifier of the order.' } },
    ),
  ];

  it('reads the record by its id rather than a list filtered by it', () => {
    expect(decideMessage("Hi, what's the status of my order 12-10544-89823?", fulfilment)).toMatchObject({
      type: 'tool-call',
      toolName: 'getOrder',
      input: { orderId: '12-10544-89823' },
    });
  });
});
