import { describe, expect, it } from 'vitest';
import { indexCatalogCached, rankCatalog, shapeOf } from '../tools/index.js';
import { loadLargeCatalog } from '../tools/test-support/load-catalogs.js';
import { storeTools } from './__fixtures__/store-tools.js';
import type { EngineTool } from './catalog/engine-tool.js';
import type { Conversation, Turn } from './conversation/read-conversation.js';
import { type Decision, decideRequests, decideTurn, HANDOFF_TOOL_NAME } from './decide-turn.js';

const user = (text: string): Turn => ({ role: 'user', text, toolCalls: [] });
const assistant = (text: string): Turn => ({ role: 'assistant', text, toolCalls: [] });
const decide = (turns: Turn[], system = '', tools = storeTools): Decision =>
  decideTurn({ system, turns, toolResults: [] } satisfies Conversation, tools);
const say = (text: string) => decide([user(text)]);

/** An operation of an API: `method path`, named by its operationId, with these inputs. */
const operation = (
  name: string,
  [method, path]: ['get' | 'post' | 'put' | 'patch' | 'delete', string],
  description: string,
  properties: Record<string, unknown>,
  required: string[] = [],
): EngineTool => ({
  name,
  description,
  inputSchema: { type: 'object', required, properties },
  operation: { method, path, operationId: name },
});

/** The tool with these body inputs, as an imported operation has them. */
const withBody = (tool: EngineTool, bodyInputs: string[]): EngineTool => ({
  ...tool,
  operation: { ...(tool.operation as NonNullable<EngineTool['operation']>), bodyInputs },
});

describe('decideTurn', () => {
  it('calls the matching operation with arguments read from the message', () => {
    expect(say('Show me leather bags')).toMatchObject({
      type: 'tool-call',
      toolName: 'searchProducts',
      input: { q: 'leather bags' },
    });
    expect(say('Where is my order #12345?')).toEqual({
      type: 'tool-call',
      toolName: 'trackOrder',
      input: { orderId: '12345' },
    });
    expect(say('which sizes does sku-77310 come in?')).toEqual({
      type: 'tool-call',
      toolName: 'getProduct',
      input: { sku: 'SKU-77310' },
    });
    expect(say('What time does your Berlin store open?')).toEqual({
      type: 'tool-call',
      toolName: 'findStores',
      input: { city: 'Berlin' },
    });
    expect(say('can you pull up my past purchases, I am mark@shop-fans.net')).toEqual({
      type: 'tool-call',
      toolName: 'listOrders',
      input: { email: 'mark@shop-fans.net' },
    });
  });

  it("gives an address to the address object of a change's body, never to a billing one nor a person's name", () => {
    const address = {
      type: 'object',
      properties: {
        first_name: { type: 'string' },
        last_name: { type: 'string' },
        address1: { type: 'string' },
        city: { type: 'string' },
        province: { type: 'string' },
        zip: { type: 'string' },
      },
    };
    const order_id = { type: 'integer', description: 'The ID of the order' };
    const tools = [
      operation('getOrder', ['get', '/orders/{order_id}.json'], 'Retrieve a single order', { order_id }, [
        'order_id',
      ]),
      operation(
        'updateOrder',
        ['put', '/orders/{order_id}.json'],
        'Update an order',
        {
          order_id,
          order: {
            type: 'object',
            properties: { note: { type: 'string' }, billing_address: address, shipping_address: address },
          },
        },
        ['order_id', 'order'],
      ),
    ];
    expect(
      decide(
        [
          user('I need to change the address on my order'),
          assistant("Sure, what's the order number and the new address?"),
          user('#1298, 7 Harbor View Rd, Portland ME 04101'),
        ],
        '',
        tools,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'updateOrder',
      input: {
        order_id: 1298,
        order: {
          shipping_address: { address1: '7 Harbor View Rd', city: 'Portland', province: 'ME', zip: '04101' },
        },
      },
    });
  });

  it("writes what the customer asks to add into the comment of a change's body", () => {
    const ticket_id = { type: 'integer', description: 'The ID of the ticket' };
    const tools = [
      operation('getTicket', ['get', '/tickets/{ticket_id}'], 'Show a ticket', { ticket_id }, ['ticket_id']),
      operation(
        'updateTicket',
        ['put', '/tickets/{ticket_id}'],
        'Update a ticket',
        {
          ticket_id,
          ticket: {
            type: 'object',
            properties: {
              subject: { type: 'string' },
              status: { type: 'string', enum: ['new', 'open', 'pending', 'solved', 'closed'] },
              comment: {
                type: 'object',
                properties: { body: { type: 'string' }, public: { type: 'boolean' } },
              },
            },
          },
        },
        ['ticket_id', 'ticket'],
      ),
    ];
    expect(
      decide(
        [user('for ticket #51027, please add that it also happens on the android app, version 5.2.1')],
        '',
        tools,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'updateTicket',
      input: {
        ticket_id: 51027,
        ticket: { comment: { body: 'it also happens on the android app, version 5.2.1' } },
      },
    });
  });

  it('never gives an id input an earlier value of another form than its schema shows', () => {
    const order_id = {
      type: 'string',
      description:
        "The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.",
    };
    const tools = [
      operation(
        'cancel_pending_order',
        ['post', '/cancel_pending_order'],
        'Cancel a pending order.',
        {
          order_id,
          reason: {
            type: 'string',
            enum: ['no longer needed', 'ordered by mistake'],
            description: 'The reason.',
          },
        },
        ['order_id', 'reason'],
      ),
      operation(
        'get_order_details',
        ['post', '/get_order_details'],
        'Get the status and details of an order.',
        { order_id },
        ['order_id'],
      ),
    ];
    // The zip code the customer gave first is no order id; the pending order the assistant named is.
    expect(
      decide(
        [
          user("hi, I'm Mei Kovacs, zip 28236"),
          assistant(
            'Thanks Mei, I found your account (user id mei_kovacs_8020). Your orders are #W6390527 (pending) and #W8065207 (delivered). How can I help?',
          ),
          user("please cancel the pending one, I don't need it anymore"),
        ],
        '',
        tools,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'cancel_pending_order',
      input: { order_id: '#W6390527', reason: 'no longer needed' },
    });
  });

  it("takes a pointed item of the agent's listing with the order and payment the listing names", () => {
    const order_id = { type: 'string', description: "The order id, such as '#W0000000'." };
    const tools = [
      operation(
        'return_delivered_order_items',
        ['post', '/return_delivered_order_items'],
        'Return some items of a delivered order.',
        {
          order_id,
          item_ids: {
            type: 'array',
            items: { type: 'string' },
            description: "The item ids, such as '1008292230'.",
          },
          payment_method_id: {
            type: 'string',
            description: "The payment method id, such as 'gift_card_0000000' or 'credit_card_0000000'.",
          },
        },
        ['order_id', 'item_ids', 'payment_method_id'],
      ),
      operation(
        'get_order_details',
        ['post', '/get_order_details'],
        'Get the details of an order.',
        { order_id },
        ['order_id'],
      ),
      operation(
        'get_user_details',
        ['post', '/get_user_details'],
        'Get the details of a user.',
        {
          user_id: { type: 'string', description: "The user id, such as 'sara_doe_496'." },
        },
        ['user_id'],
      ),
    ];
    expect(
      decide(
        [
          user("I'm mei_kovacs_8020"),
          assistant(
            'Order #W8065207 was delivered: Desk Lamp (item 5320792178, $135.24) and Hiking Boots (item 1615379700, $253.89). Payment: paypal_7644869. What would you like to do?',
          ),
          user('I want to return the boots, refund to the paypal'),
        ],
        '',
        tools,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'return_delivered_order_items',
      input: { order_id: '#W8065207', item_ids: ['1615379700'], payment_method_id: 'paypal_7644869' },
    });
  });

  it('gives a list of ids every id its noun stands before', () => {
    const tools = [
      operation(
        'return_delivered_order_items',
        ['post', '/return_delivered_order_items'],
        'Return some items of a delivered order.',
        {
          order_id: { type: 'string', description: "The order id, such as '#W0000000'." },
          item_ids: {
            type: 'array',
            items: { type: 'string' },
            description: "The item ids to be returned, each such as '1008292230'.",
          },
          payment_method_id: {
            type: 'string',
            description: "The payment method id, such as 'credit_card_0000000'.",
          },
        },
        ['order_id', 'item_ids', 'payment_method_id'],
      ),
      operation(
        'get_order_details',
        ['post', '/get_order_details'],
        'Get the status and details of an order.',
        {
          order_id: { type: 'string', description: "The order id, such as '#W0000000'." },
        },
        ['order_id'],
      ),
    ];
    expect(
      decide(
        [
          user(
            'I want to return item 1151293680 and item 4602305039 from order #W2378156, refund it to credit_card_9513926',
          ),
        ],
        '',
        tools,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'return_delivered_order_items',
      input: {
        order_id: '#W2378156',
        item_ids: ['1151293680', '4602305039'],
        payment_method_id: 'credit_card_9513926',
      },
    });
  });

  it('gives the new of a pair of id lists the ids an exchange leads to', () => {
    const ids = (what: string) => ({ type: 'array', items: { type: 'string' }, description: what });
    const tools = [
      operation(
        'exchange_delivered_order_items',
        ['post', '/exchange_delivered_order_items'],
        'Exchange items in a delivered order to new items of the same product type.',
        {
          order_id: { type: 'string', description: "The order id, such as '#W0000000'." },
          item_ids: ids('The item ids to be exchanged.'),
          new_item_ids: ids('The item ids to be exchanged for.'),
          payment_method_id: {
            type: 'string',
            description: "The payment method id, such as 'paypal_0000000'.",
          },
        },
        ['order_id', 'item_ids', 'new_item_ids', 'payment_method_id'],
      ),
    ];
    expect(
      decide(
        [
          user(
            "I'd like to exchange item 1151293680 in order #W2378156 for item 4602305039, use my paypal paypal_5431234",
          ),
        ],
        '',
        tools,
      ),
    ).toMatchObject({ input: { item_ids: ['1151293680'], new_item_ids: ['4602305039'] } });
  });

  it('answers the question one part of a message asks when another asks a deed no operation does', () => {
    const order_id = { type: 'integer', description: 'The ID of the order' };
    const tools = [
      operation('getOrder', ['get', '/orders/{order_id}'], 'Retrieve a single order', { order_id }, [
        'order_id',
      ]),
      operation('listOrders', ['get', '/orders'], 'Retrieve a list of orders', {
        status: { type: 'string' },
      }),
      operation('cancelOrder', ['post', '/orders/{order_id}/cancel'], 'Cancel an order', { order_id }, [
        'order_id',
      ]),
    ];
    expect(
      decide([user('what did I order in #1150? I want to reorder the exact same thing')], '', tools),
    ).toEqual({
      type: 'tool-call',
      toolName: 'getOrder',
      input: { order_id: 1150 },
    });
    // Alone, the deed is declined plainly.
    expect(decide([user('I want to reorder the exact same thing as last time')], '', tools)).toMatchObject({
      type: 'text',
      text: expect.stringContaining("can't"),
    });
  });

  it('looks the customer up by the email they give, however the rest is worded', () => {
    expect(say('What did I buy last time? my email is jane.doe@example.com')).toEqual({
      type: 'tool-call',
      toolName: 'listOrders',
      input: { email: 'jane.doe@example.com' },
    });
  });

  it('reads budgets, enum values and reasons, and leaves optional parameters without evidence out', () => {
    expect(say("I'm looking for a waterproof jacket under $100")).toMatchObject({
      toolName: 'searchProducts',
      input: { q: 'waterproof jacket', max_price: 100 },
    });
    expect(say('Do you sell hiking boots?')).toEqual({
      type: 'tool-call',
      toolName: 'searchProducts',
      input: { q: 'hiking boots' },
    });
    expect(say('I want to return order 55512 because it arrived broken')).toEqual({
      type: 'tool-call',
      toolName: 'createReturn',
      input: { orderId: '55512', reason: 'it arrived broken' },
    });
  });

  describe('on a payments API (Stripe-like refunds, payment intents and charges)', () => {
    const intent = { type: 'string', description: 'The id of the PaymentIntent.' };
    const cents = {
      type: 'integer',
      description: 'A positive integer in cents representing how much to refund.',
    };
    const charge = { type: 'string' };
    const refunds = withBody(
      operation(
        'PostRefunds',
        ['post', '/v1/refunds'],
        'Create a refund of a charge or of a payment intent',
        {
          payment_intent: { type: 'string' },
          charge,
          amount: cents,
        },
      ),
      ['payment_intent', 'charge', 'amount'],
    );
    const chargeRefund = withBody(
      operation(
        'PostChargesChargeRefund',
        ['post', '/v1/charges/{charge}/refund'],
        'Create a new refund of a charge you specify, or of a payment intent',
        { charge, payment_intent: { type: 'string' }, amount: cents },
        ['charge'],
      ),
      ['payment_intent', 'amount'],
    );
    const others = [
      operation('GetRefunds', ['get', '/v1/refunds'], 'List all refunds', {}),
      operation(
        'GetPaymentIntent',
        ['get', '/v1/payment_intents/{intent}'],
        'Retrieve a PaymentIntent',
        { intent },
        ['intent'],
      ),
      withBody(
        operation(
          'CancelPaymentIntent',
          ['post', '/v1/payment_intents/{intent}/cancel'],
          'Cancel a PaymentIntent: a payment charged twice, a duplicate or fraudulent payment, is canceled and its amount refunded',
          {
            intent,
            cancellation_reason: { type: 'string', enum: ['duplicate', 'fraudulent', 'abandoned'] },
          },
          ['intent'],
        ),
        ['cancellation_reason'],
      ),
      operation('GetCharge', ['get', '/v1/charges/{charge}'], 'Retrieve a charge', { charge }, ['charge']),
    ];
    const ask = (text: string, offered = [refunds, ...others]) => decide([user(text)], '', offered);

    it("gives a change the record it takes in its body by the id's prefix ('refund payment pi_…' creates a refund)", () => {
      expect(
        ask('Please refund my purchase of the template pack, payment pi_3OcX9dLkdIwHu7ix0Vn4Lp2Q'),
      ).toMatchObject({ toolName: 'PostRefunds', input: { payment_intent: 'pi_3OcX9dLkdIwHu7ix0Vn4Lp2Q' } });
      expect(ask("what's the status of payment pi_3OcX9dLkdIwHu7ix0Vn4Lp2Q?")).toMatchObject({
        toolName: 'GetPaymentIntent',
        input: { intent: 'pi_3OcX9dLkdIwHu7ix0Vn4Lp2Q' },
      });
    });

    it('does the deed asked for, on the record its id prefix names, for the amount the request names', () => {
      // Refunding is asked, not cancelling, whatever the cancellation's reasons share with the message.
      expect(
        ask('I was charged twice for March. Please refund the duplicate payment pi_3OqT7vHs2kLm4nB81xZ9aR6c'),
      ).toMatchObject({ toolName: 'PostRefunds', input: { payment_intent: 'pi_3OqT7vHs2kLm4nB81xZ9aR6c' } });
      // A `pi_` id is the payment intent's, though "charged" stands before it: it is never sent as a
      // charge's id; the refund of a charge asks for the charge, unless a refund of the payment intent
      // (`/refunds`, the same thing as `/charges/{charge}/refund`) can be made with what was given.
      const trial =
        'I cancelled within the trial but still got charged $89 (pi_3OwQ2eR3tY4uI5oP6aS7dF8g). please refund it';
      expect(ask(trial, [chargeRefund, ...others])).toEqual({
        type: 'text',
        text: 'What is your charge ID?',
      });
      expect(ask(trial, [refunds, chargeRefund, ...others])).toMatchObject({
        toolName: 'PostRefunds',
        input: { payment_intent: 'pi_3OwQ2eR3tY4uI5oP6aS7dF8g' },
      });
      // Of three amounts, the one the request is for.
      expect(
        ask(
          "you charged me the full $60 but I'm on the student rate of $45. Please refund the $15 difference, the payment is pi_3P2mN8Jd0sQe5rT21kV7bW4y",
        ),
      ).toMatchObject({ toolName: 'PostRefunds', input: { amount: 1500 } });
    });
  });

  // tau-bench retail's look-ups and changes, as its agent finds the customer before any change.
  const retail = [
    operation(
      'find_user_id_by_email',
      ['post', '/find_user_id_by_email'],
      'Find user id by email.',
      { email: { type: 'string', description: 'The email of the user.' } },
      ['email'],
    ),
    operation(
      'find_user_id_by_name_zip',
      ['post', '/find_user_id_by_name_zip'],
      'Find user id by first name, last name, and zip code.',
      { first_name: { type: 'string' }, last_name: { type: 'string' }, zip: { type: 'string' } },
      ['first_name', 'last_name', 'zip'],
    ),
    operation(
      'get_order_details',
      ['post', '/get_order_details'],
      'Get the status and details of an order.',
      { order_id: { type: 'string', description: "The order id, such as '#W0000000'." } },
      ['order_id'],
    ),
    operation(
      'get_user_details',
      ['post', '/get_user_details'],
      'Get the details of a user, including their orders.',
      { user_id: { type: 'string', description: "The user id, such as 'sara_doe_496'." } },
      ['user_id'],
    ),
    operation(
      'get_product_details',
      ['post', '/get_product_details'],
      'Get the inventory details of a product.',
      { product_id: { type: 'string', description: "The product id, such as '6086499569'." } },
      ['product_id'],
    ),
    operation(
      'list_all_product_types',
      ['post', '/list_all_product_types'],
      'List the name and product id of all product types.',
      {},
    ),
    operation(
      'modify_pending_order_address',
      ['post', '/modify_pending_order_address'],
      'Modify the shipping address of a pending order.',
      { order_id: { type: 'string' }, address1: { type: 'string' }, city: { type: 'string' } },
      ['order_id', 'address1', 'city'],
    ),
  ];

  it('takes an answer that is only the value the agent asked for into the operation it completes', () => {
    const conversation = [
      user('what did I order last month? I need it for an expense report'),
      assistant("I can look that up. What's the email address on your account?"),
      user('ethan.garcia1261@example.com'),
    ];
    expect(decide(conversation, '', retail)).toEqual({
      type: 'tool-call',
      toolName: 'find_user_id_by_email',
      input: { email: 'ethan.garcia1261@example.com' },
    });
  });

  it('reads the record a message names by its noun and number, not a search whose text has its other words', () => {
    const requestId = { type: 'integer', description: 'The ID of the request' };
    const tools = [
      operation(
        'SearchRequests',
        ['get', '/api/v2/requests/search'],
        'Search requests. Examples: query=printer&status=open, query=status:pending',
        { query: { type: 'string' } },
        ['query'],
      ),
      operation(
        'ShowRequest',
        ['get', '/api/v2/requests/{request_id}'],
        'Show a request',
        { request_id: requestId },
        ['request_id'],
      ),
      operation('ListRequests', ['get', '/api/v2/requests'], 'List requests', {}),
    ];
    expect(decide([user("what's the status of my request 12345?")], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'ShowRequest',
      input: { request_id: 12345 },
    });
  });

  it('identifies a record by the email its id input says it is made from (a mailing list member)', () => {
    const hash = {
      type: 'string',
      description: "The MD5 hash of the lowercase version of the list member's email address.",
    };
    const listId = { type: 'string', description: 'The unique ID for the list.' };
    const tools = [
      operation(
        'getListMember',
        ['get', '/lists/{list_id}/members/{subscriber_hash}'],
        'Get list member info',
        { list_id: listId, subscriber_hash: hash },
        ['list_id', 'subscriber_hash'],
      ),
      operation(
        'getListMembers',
        ['get', '/lists/{list_id}/members'],
        'List members info',
        { list_id: listId },
        ['list_id'],
      ),
      operation(
        'getUnsubscribed',
        ['get', '/reports/{campaign_id}/unsubscribed'],
        'List unsubscribed members',
        {
          campaign_id: { type: 'string' },
        },
        ['campaign_id'],
      ),
    ];
    expect(
      decide(
        [user('Am I still subscribed? lucia.ferri@libero.it')],
        'Our mailing list id is 4f9c1a2b7e.',
        tools,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'getListMember',
      input: { list_id: '4f9c1a2b7e', subscriber_hash: 'lucia.ferri@libero.it' },
    });
  });

  it("creates nothing for a change to the customer's own record ('can I still change my order?' asks for the order)", () => {
    const tools = [
      operation('createAnOrder', ['post', '/orders'], 'Create an Order', {
        customer_id: { type: 'integer' },
        staff_notes: { type: 'string' },
      }),
      operation(
        'updateAnOrder',
        ['put', '/orders/{order_id}'],
        'Update an Order',
        { order_id: { type: 'integer' } },
        ['order_id'],
      ),
      operation(
        'getAnOrder',
        ['get', '/orders/{order_id}'],
        'Get an Order',
        { order_id: { type: 'integer' } },
        ['order_id'],
      ),
    ];
    const decision = decide([user('Hi, can I still change my order?')], '', tools);
    expect(decision.type).toBe('text');
  });

  it('counts an amount whose input names no unit as its catalog counts money: in cents where the others say so', () => {
    const refunds = (bodyInputs: string[]): EngineTool => ({
      ...operation('PostRefunds', ['post', '/v1/refunds'], 'Create a refund', {
        payment_intent: { type: 'string' },
        amount: { type: 'integer', description: 'A positive integer representing how much to refund.' },
      }),
      operation: { method: 'post', path: '/v1/refunds', operationId: 'PostRefunds', bodyInputs },
    });
    const inCents = (name: string, path: string) =>
      operation(name, ['post', path], `Create a ${name}`, {
        amount: { type: 'integer', description: 'A positive integer in cents (or local equivalent).' },
      });
    const message = [user('please refund $15 of payment pi_3OdH5sLkdIwHu7ix1Mn8Wq3Z')];
    const bodyInputs = ['payment_intent', 'amount'];
    const cents = [
      refunds(bodyInputs),
      inCents('charge', '/v1/charges'),
      inCents('creditNote', '/v1/credit_notes'),
      inCents('payout', '/v1/payouts'),
    ];
    expect(decide(message, '', cents)).toMatchObject({ toolName: 'PostRefunds', input: { amount: 1500 } });
    expect(decide(message, '', [refunds(bodyInputs)])).toMatchObject({
      toolName: 'PostRefunds',
      input: { amount: 15 },
    });
  });

  it('asks for a missing required detail in the words of its description, then fills it from the answer', () => {
    const asked = say('Where is my order?');
    expect(asked).toEqual({ type: 'text', text: 'What is your order number?' });
    const answered = decide([
      user('Where is my order?'),
      assistant((asked as { text: string }).text),
      user("it's 44821"),
    ]);
    expect(answered).toEqual({ type: 'tool-call', toolName: 'trackOrder', input: { orderId: '44821' } });
  });

  it('does not take a link with a query string in the last answer for a question to the customer', () => {
    const next = decide([
      user('Where is my order #44821?'),
      assistant('Status: shipped\nTracking URL: https://carrier.example/track?number=1Z9'),
      user("What's the weather today?"),
    ]);
    expect(next.type).toBe('text');
  });

  it('calls nothing for small talk and questions no operation covers', () => {
    expect(say('hi there!')).toEqual({ type: 'text', text: 'Hello! How can I help you today?' });
    expect(say('thanks, that is all I needed')).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/welcome/),
    });
    const weather = say("What's the weather today?");
    expect(weather.type).toBe('text');
    expect((weather as { text: string }).text).toMatch(
      /search the product catalog.*hand you over to a person/,
    );
  });

  it('calls the hand-off tool when the customer asks for a person and one is offered', () => {
    const handoff = {
      name: HANDOFF_TOOL_NAME,
      description: 'Hand the conversation to a human agent.',
      inputSchema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } },
    };
    expect(decide([user('Can I talk to a real person please')], '', [...storeTools, handoff])).toEqual({
      type: 'tool-call',
      toolName: HANDOFF_TOOL_NAME,
      input: { reason: 'Can I talk to a real person please' },
    });
    expect(say('Can I talk to a real person please').type).toBe('text');
    const offered = decide([user("What's the weather today?")], '', [...storeTools, handoff]) as {
      text: string;
    };
    const accepted = decide(
      [user("What's the weather today?"), assistant(offered.text), user('yes please')],
      '',
      [...storeTools, handoff],
    );
    // The reason is the request the offer answered, not the "yes".
    expect(accepted).toEqual({
      type: 'tool-call',
      toolName: HANDOFF_TOOL_NAME,
      input: { reason: "What's the weather today?" },
    });
  });

  it('takes a yes to what the assistant offered to do as that request, with its details', () => {
    const conversation = (offer: string, answer: string) => [
      user('the jacket from order 44519 came torn'),
      assistant(offer),
      user(answer),
    ];
    expect(
      decide(
        conversation('I can start a return of order 44519 because the jacket came torn.', 'yes please do'),
      ),
    ).toMatchObject({ type: 'tool-call', toolName: 'createReturn', input: { orderId: '44519' } });
    expect(
      decide(conversation('Would you like me to start a return for order 44519?', 'ok go ahead')),
    ).toMatchObject({ type: 'tool-call', toolName: 'createReturn', input: { orderId: '44519' } });
    // A no takes nothing.
    expect(
      decide(conversation('I can start a return of order 44519 because the jacket came torn.', 'no thanks')),
    ).not.toMatchObject({ toolName: 'createReturn' });
  });

  it('completes what the assistant offered to do with the value it asked for', () => {
    const payment_id = { type: 'string', description: 'The ID of the payment' };
    const money = {
      type: 'object',
      properties: { amount: { type: 'integer' }, currency: { type: 'string' } },
    };
    const tools = [
      operation(
        'RefundPayment',
        ['post', '/v2/refunds'],
        'Refunds a payment',
        { payment_id, amount_money: money, reason: { type: 'string' } },
        ['payment_id', 'amount_money'],
      ),
      operation(
        'GetPayment',
        ['get', '/v2/payments/{payment_id}'],
        'Retrieves details for a payment',
        { payment_id },
        ['payment_id'],
      ),
      operation('ListRefunds', ['get', '/v2/refunds'], 'Retrieves a list of refunds', {}),
      operation('ListPayments', ['get', '/v2/payments'], 'Retrieves a list of payments taken', {}),
      operation(
        'CancelPayment',
        ['post', '/v2/payments/{payment_id}/cancel'],
        'Cancels (voids) a payment',
        { payment_id },
        ['payment_id'],
      ),
    ];
    expect(
      decide(
        [
          user('hey, about my color appointment yesterday, it came to $145'),
          assistant(
            "I'm so sorry about that! I can refund the duplicate charge. Can you send me the payment ID of the second charge from your receipt?",
          ),
          user('Lm2nB5vC8xZ1aS4dF7gH0jK3qWeYY'),
        ],
        '',
        tools,
      ),
    ).toMatchObject({ toolName: 'RefundPayment', input: { payment_id: 'Lm2nB5vC8xZ1aS4dF7gH0jK3qWeYY' } });
  });

  it('never removes a record because the message tells of a removal it asks nothing about', () => {
    const invoice = { type: 'string', description: 'The invoice id' };
    const tools = [
      operation('GetInvoicesInvoice', ['get', '/v1/invoices/{invoice}'], 'Retrieve an invoice', { invoice }, [
        'invoice',
      ]),
      operation(
        'DeleteInvoicesInvoice',
        ['delete', '/v1/invoices/{invoice}'],
        'Delete a draft invoice',
        { invoice },
        ['invoice'],
      ),
      operation(
        'PostInvoicesInvoiceSend',
        ['post', '/v1/invoices/{invoice}/send'],
        'Send an invoice to the customer by email',
        { invoice },
        ['invoice'],
      ),
    ];
    const chosen = decide(
      [user('can u email me invoice in_1OzK3hGv5tW8pQ2rLm9xYcNe again, i deleted it by accident lol')],
      '',
      tools,
    );
    expect(chosen).not.toMatchObject({ toolName: 'DeleteInvoicesInvoice' });
    expect(chosen).toMatchObject({
      toolName: 'PostInvoicesInvoiceSend',
      input: { invoice: 'in_1OzK3hGv5tW8pQ2rLm9xYcNe' },
    });
  });

  it('takes a yes to what the assistant asked about a record it found as a request about that record', () => {
    const user_id = { type: 'integer', description: 'The id of the user' };
    const customer_id = { type: 'integer', description: 'The id of the customer' };
    const tools = [
      operation('createUser', ['post', '/users'], 'Create a user', { name: { type: 'string' } }, ['name']),
      operation(
        'updateUser',
        ['put', '/users/{user_id}'],
        'Update a user',
        { user_id, name: { type: 'string' } },
        ['user_id'],
      ),
      operation('getUser', ['get', '/users/{user_id}'], 'Show a user', { user_id }, ['user_id']),
      operation('listOrders', ['get', '/orders'], 'Retrieve a list of orders', {
        status: { type: 'string' },
      }),
      operation(
        'getOrder',
        ['get', '/orders/{order_id}'],
        'Retrieve an order',
        { order_id: { type: 'integer' } },
        ['order_id'],
      ),
      operation(
        'listCustomerOrders',
        ['get', '/customers/{customer_id}/orders'],
        "Retrieve a customer's orders",
        { customer_id },
        ['customer_id'],
      ),
    ];
    // The name to change is the found user's, not a new user's.
    expect(
      decide(
        [
          user('Please change the name on my support profile to Alexandra Petrov, it currently says Alex P.'),
          assistant(
            "Sure. I found your profile (user ID 40219876). Just to confirm, the new name should be 'Alexandra Petrov'?",
          ),
          user("yes that's right"),
        ],
        '',
        tools,
      ),
    ).toMatchObject({ type: 'tool-call', toolName: 'updateUser', input: { user_id: 40219876 } });
    // The orders offered are the found customer's.
    expect(
      decide(
        [
          user("can you tell me how many orders i've placed? email is dev.patel@icloud.com"),
          assistant(
            'Thanks! I found your account, customer ID 7012239855913. Do you want me to pull up the list of your orders?',
          ),
          user('yep go ahead'),
        ],
        '',
        tools,
      ),
    ).toMatchObject({
      type: 'tool-call',
      toolName: 'listCustomerOrders',
      input: { customer_id: 7012239855913 },
    });
  });

  it('answers a complaint that asks for a look-up with the look-up, not a case opened for it', () => {
    for (const text of [
      'My parcel for order 44519 never came. Can you check where it is?',
      'my order 44519 is late, please look into it',
    ])
      expect(decide([user(text)]), text).toMatchObject({
        type: 'tool-call',
        toolName: 'trackOrder',
        input: { orderId: '44519' },
      });
  });

  it("takes the id of the agent's listing that the customer points at", () => {
    const listing = [
      user('where are my orders?'),
      assistant('You have two orders: 44519 (the rain jacket) and 44620 (the hiking boots).'),
    ];
    for (const [text, orderId] of [
      ['track the second one please', '44620'],
      ['track the jacket one please', '44519'],
    ])
      expect(decide([...listing, user(text)]), text).toMatchObject({
        type: 'tool-call',
        toolName: 'trackOrder',
        input: { orderId },
      });
  });

  it('reads the record the customer points at in the listing, rather than listing again', () => {
    const orders = [
      operation(
        'listOrders',
        ['get', '/v1/orders'],
        'Retrieve a list of orders for the authenticated shopper. Only one filter may be used at a time',
        { periodStart: { type: 'string' }, periodEnd: { type: 'string' }, limit: { type: 'integer' } },
      ),
      operation(
        'getOrderByID',
        ['get', '/v1/orders/{orderId}'],
        'Retrieve details for specified order',
        { orderId: { type: 'string', description: 'Order id whose details are to be retrieved' } },
        ['orderId'],
      ),
    ];
    const listing = [
      user('what did I order last month?'),
      assistant('You placed two orders in May: 1200954 (domain renewal, $21.99) and 1200988 ($119.88).'),
    ];
    expect(
      decide([...listing, user('ok and what was in the second one? 120 bucks seems a lot')], '', orders),
    ).toMatchObject({
      type: 'tool-call',
      toolName: 'getOrderByID',
      input: { orderId: '1200988' },
    });
  });

  it('follows the base prompt: a hint that names a tool makes it likelier for matching messages', () => {
    const tools = storeTools.map((tool) =>
      tool.name === 'findStores' ? { ...tool, description: 'Find physical stores.' } : tool,
    );
    const index = indexCatalogCached(tools);
    const probability = (basePrompt: string) =>
      rankCatalog({ index, message: 'Any news about the opening in Lyon?', basePrompt }).tools.find(
        (entry) => entry.entry.tool.name === 'findStores',
      )?.probability ?? 0;
    const hinted = probability('If the customer asks about an opening or news, use the findStores tool.');
    expect(hinted).toBeGreaterThan(probability('') * 1.5);
  });

  it('picks one of two operations that fit equally well, never asking the customer by tool names', () => {
    const twin = { ...storeTools[4], name: 'findOutlets', description: storeTools[4].description };
    const decision = decide([user('What time does your Berlin store open?')], '', [storeTools[4], twin]);
    expect(decision).toMatchObject({
      type: 'tool-call',
      toolName: expect.stringMatching(/^find(Stores|Outlets)$/),
    });
  });

  describe('with a garden shop whose search takes optional keywords beside a category', () => {
    const gardenTools: EngineTool[] = [
      {
        name: 'browsePlants',
        description:
          'Browse the plant nursery\n\nUse this when the customer looks for plants or asks what is in stock ("Show me climbing roses", "Do you have ferns?").',
        inputSchema: {
          type: 'object',
          properties: {
            keywords: {
              type: 'string',
              description: 'The plant words from the message, e.g. "climbing roses".',
            },
            kind: {
              type: 'string',
              enum: ['roses', 'ferns', 'herbs'],
              description: 'Only plants of this kind.',
            },
          },
        },
      },
      {
        name: 'getDelivery',
        description: 'Follow a delivery\n\nUse this when the customer asks where their delivery is.',
        inputSchema: {
          type: 'object',
          required: ['deliveryId'],
          properties: { deliveryId: { type: 'string', description: 'The delivery number.' } },
        },
      },
    ];
    const ask = (text: string) => decide([user(text)], '', gardenTools);

    it('fills the free-text search with the product words, the enum too when its value is named', () => {
      expect(ask('Show me climbing roses')).toEqual({
        type: 'tool-call',
        toolName: 'browsePlants',
        input: { keywords: 'climbing roses', kind: 'roses' },
      });
    });

    it('searches for products it does not know when the message asks to browse or find them', () => {
      expect(ask("I'm looking for purple cactus lamps")).toEqual({
        type: 'tool-call',
        toolName: 'browsePlants',
        input: { keywords: 'purple cactus lamps' },
      });
      expect(ask("What's the weather today?").type).toBe('text');
      expect(ask('Tell me a joke').type).toBe('text');
    });
  });

  it('calls the operation whose id form a message of only a code has, and nothing for a bare number', () => {
    for (const text of ['Tell me about SKU-77310', 'sku-77310?'])
      expect(say(text)).toEqual({ type: 'tool-call', toolName: 'getProduct', input: { sku: 'SKU-77310' } });
    expect(say('check 12345')).toMatchObject({ type: 'text' });
  });

  it('looks up a reference the customer gives, however the rest is worded', () => {
    const tools = [
      operation(
        'get_captures',
        ['get', '/v2/payments/captures/{capture_id}'],
        'Show captured payment details',
        {
          capture_id: { type: 'string', description: 'The PayPal-generated ID for the captured payment.' },
        },
        ['capture_id'],
      ),
      operation(
        'refund_captures',
        ['post', '/v2/payments/captures/{capture_id}/refund'],
        'Refund captured payment',
        {
          capture_id: { type: 'string', description: 'The PayPal-generated ID for the captured payment.' },
        },
        ['capture_id'],
      ),
    ];
    const situation = (text: string) => {
      const index = indexCatalogCached(tools, { source: tools });
      const ranking = rankCatalog({ index, message: text });
      return ranking.none.probability > ranking.tools[0].probability;
    };
    const text = 'I see a $89.99 charge from you, transaction 9TX77129RD5583417. What was it for?';
    // The situation: no word of the message is the API's, and "nothing" ranks first.
    expect(situation(text)).toBe(true);
    expect(decide([user(text)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'get_captures',
      input: { capture_id: '9TX77129RD5583417' },
    });
    // A bare number is no reference: it may be an amount or a count.
    expect(decide([user('what was the 8999 charge for?')], '', tools)).toMatchObject({ type: 'text' });
  });

  it('looks a reference up with an operation below the first when its id has the form the reference has', () => {
    const tools = [
      operation(
        'get_user_details',
        ['get', '/users/{user_id}'],
        'Get the details of a user, including their reservations.',
        { user_id: { type: 'string', description: "The user id, such as 'sara_doe_496'." } },
        ['user_id'],
      ),
      operation(
        'get_reservation_details',
        ['get', '/reservations/{reservation_id}'],
        'Get the details of a reservation.',
        { reservation_id: { type: 'string', description: "The reservation id, such as '8JX2WO'." } },
        ['reservation_id'],
      ),
      operation(
        'cancel_reservation',
        ['post', '/reservations/{reservation_id}/cancel'],
        'Cancel the whole reservation.',
        { reservation_id: { type: 'string', description: "The reservation id, such as '8JX2WO'." } },
        ['reservation_id'],
      ),
    ];
    const text = 'How many checked bags do I have on confirmation JMO1MG?';
    // The situation: "nothing" ranks above every operation, and the reservation's look-up is not first.
    const index = indexCatalogCached(tools, { source: tools });
    const ranking = rankCatalog({ index, message: text });
    expect(ranking.none.probability).toBeGreaterThan(ranking.tools[0].probability);
    expect(ranking.tools[0].entry.tool.name).not.toBe('get_reservation_details');
    expect(decide([user(text)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'get_reservation_details',
      input: { reservation_id: 'JMO1MG' },
    });
    // A reference of no operation's form, in front of a noun no operation's id has, is looked up by none.
    expect(decide([user('Where is my parcel #000000412? It was due yesterday')], '', tools)).toMatchObject({
      type: 'text',
    });
  });

  it('gives an id to the operation whose id the noun in front of it names, not to a sibling the words pull to', () => {
    const orderId = { order_id: { type: 'integer', description: 'ID of the order.' } };
    const tools = [
      operation('getOrder', ['get', '/v2/orders/{order_id}'], 'Get an order.', orderId, ['order_id']),
      operation('getOrderStatuses', ['get', '/v2/order_statuses'], 'Get all order statuses.', {}),
      // A list that filters by the id owns it only after the record read by it.
      operation('getOrders', ['get', '/v2/orders'], 'Get all orders, filtered by their status.', {
        external_order_id: { type: 'string', description: 'The order ID in another system.' },
        status_id: { type: 'integer', description: 'The status ID of the order.' },
      }),
      operation(
        'getOrderStatusesStatus',
        ['get', '/v2/order_statuses/{status_id}'],
        'Get a single order status.',
        { status_id: { type: 'integer', description: 'ID of the order status.' } },
        ['status_id'],
      ),
    ];
    const text = "What's the status of order 10234?";
    // The situation: the words rank the order statuses' look-up first.
    const index = indexCatalogCached(tools, { source: tools });
    expect(rankCatalog({ index, message: text }).tools[0].entry.tool.name).toBe('getOrderStatusesStatus');
    expect(decide([user(text)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'getOrder',
      input: { order_id: 10234 },
    });
  });

  it('asks for the record the message names rather than list a resource it names not at all', () => {
    const orderId = { order_id: { type: 'integer', description: 'ID of the order.' } };
    const tools = [
      operation('getOrderStatuses', ['get', '/v2/order_statuses'], 'Get all order statuses.', {}),
      operation('getOrder', ['get', '/v2/orders/{order_id}'], 'Get an order.', orderId, ['order_id']),
    ];
    // The situation: the list of statuses, which needs nothing, ranks level with the order (first or
    // a hair behind it, as the weights of a retrain fall).
    const index = indexCatalogCached(tools, { source: tools });
    const [first, second] = rankCatalog({ index, message: 'where is my order??' }).tools;
    expect(second.probability).toBeGreaterThan(first.probability * 0.9);
    const decision = decide([user('where is my order??')], '', tools);
    expect(decision).toMatchObject({ type: 'text' });
    expect((decision as { text: string }).text).toMatch(/order/i);
  });

  it('looks up the record whose number the agent asked for, whatever the words before it say', () => {
    const orderId = { order_id: { type: 'integer', description: 'ID of the order.' } };
    const tools = [
      operation('get_order', ['get', '/orders/{order_id}.json'], 'Retrieves a specific order.', orderId, [
        'order_id',
      ]),
      operation('update_order', ['put', '/orders/{order_id}.json'], 'Updates an existing order.', orderId, [
        'order_id',
      ]),
      operation(
        'search_customers',
        ['get', '/customers/search.json'],
        'Searches for customers that match a supplied query.',
        {
          query: { type: 'string', description: "Text to search for in the shop's customer data." },
          // Sorts the results: it names no order.
          order: { type: 'string', description: 'Set the field and direction by which to order results.' },
        },
      ),
    ];
    const asked = [
      user("my parcel hasn't arrived"),
      assistant("Sorry to hear that! What's your order number?"),
    ];
    expect(decide([...asked, user('1077')], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'get_order',
      input: { order_id: 1077 },
    });
  });

  it("asks for the record's number rather than answer with a list of another resource", () => {
    const tools = [
      operation(
        'getOrder',
        ['get', '/wc/v3/orders/{id}'],
        'Retrieve an order',
        { id: { type: 'integer', description: 'Unique identifier for the order.' } },
        ['id'],
      ),
      operation(
        'getOrdersTotalsReport',
        ['get', '/wc/v3/reports/orders/totals'],
        'Retrieve orders totals',
        {},
      ),
    ];
    const decision = decide([user('Where is my order?')], '', tools);
    expect(decision.type).toBe('text');
    expect(decision.type === 'text' && decision.text).toMatch(/order/i);
  });

  it('reads the record rather than changing it when the message asks for no change', () => {
    const ticketId = { ticket_id: { type: 'integer', description: 'The ID of the ticket.' } };
    const ticket = {
      ticket: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['new', 'open', 'pending', 'solved'] },
          type: { type: 'string', enum: ['question', 'incident', 'problem', 'task'] },
          due_at: { type: 'string', format: 'date-time' },
        },
      },
    };
    const update = operation(
      'updateTicket',
      ['put', '/tickets/{ticket_id}'],
      'Update Ticket',
      { ...ticketId, ...ticket },
      ['ticket_id'],
    );
    const tools = [
      operation('getTicket', ['get', '/tickets/{ticket_id}'], 'Show Ticket', ticketId, ['ticket_id']),
      // Its body wraps what it sets in the record's own object, as Zendesk's does.
      withBody(update, ['ticket']),
    ];
    const asked = [
      user('I opened a ticket last week and nobody answered'),
      assistant("I'm sorry about that. What's the ticket number?"),
    ];
    expect(decide([...asked, user("it's 3902")], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'getTicket',
      input: { ticket_id: 3902 },
    });
    expect(decide([user('please set ticket 3902 to solved')], '', tools)).toMatchObject({
      toolName: 'updateTicket',
    });
  });

  it('looks a record up before changing it when the change lacks what the record holds, and asks for a reason', () => {
    const reservationId = {
      reservation_id: { type: 'string', description: "The reservation id, such as '8JX2WO'." },
    };
    const tools = [
      operation(
        'get_reservation_details',
        ['get', '/reservations/{reservation_id}'],
        'Get a reservation.',
        reservationId,
        ['reservation_id'],
      ),
      operation(
        'update_reservation_flights',
        ['put', '/reservations/{reservation_id}/flights'],
        'Update the flights and cabin of a reservation.',
        {
          ...reservationId,
          cabin: { type: 'string', enum: ['economy', 'business'] },
          flights: {
            type: 'array',
            description: 'The flights of the reservation, each with its flight number and date.',
            items: {
              type: 'object',
              required: ['flight_number', 'date'],
              properties: { flight_number: { type: 'string' }, date: { type: 'string' } },
            },
          },
        },
        ['reservation_id', 'cabin', 'flights'],
      ),
      operation(
        'cancel_reservation',
        ['post', '/reservations/{reservation_id}/cancel'],
        'Cancel a reservation.',
        { ...reservationId, reason: { type: 'string', description: 'Why the customer cancels.' } },
        ['reservation_id', 'reason'],
      ),
    ];
    // The flights are the reservation's: it is pulled up first, not asked of the customer.
    expect(decide([user("I'd like to upgrade reservation M20IZO to business class")], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'get_reservation_details',
      input: { reservation_id: 'M20IZO' },
    });
    // A change without the id of a record to pull up asks for what it lacks.
    expect(decide([user("I'd like to upgrade my reservation to business class")], '', tools)).toMatchObject({
      type: 'text',
    });
    // Only the customer knows why they cancel: that is asked for.
    const cancel = decide([user('Please cancel reservation M20IZO')], '', tools);
    expect(cancel).toMatchObject({ type: 'text' });
    expect(JSON.stringify(cancel)).toMatch(/why you cancel/i);
  });

  it('looks a record up before a change whose missing input its response names', () => {
    const reservationId = {
      reservation_id: { type: 'string', description: "The reservation id, such as '8JX2WO'." },
    };
    const lookUp = operation(
      'get_reservation',
      ['get', '/reservations/{reservation_id}'],
      'Get a reservation.',
      reservationId,
      ['reservation_id'],
    );
    const bags = operation(
      'update_reservation_baggages',
      ['put', '/reservations/{reservation_id}/baggages'],
      'Update the checked bags of a reservation.',
      {
        ...reservationId,
        total_baggages: { type: 'integer', description: 'The new number of checked bags.' },
      },
      ['reservation_id', 'total_baggages'],
    );
    const message = 'I need to add a checked bag to reservation EUJUY6';
    // Without a response that names the bags, the number is the customer's to give.
    expect(decide([user(message)], '', [lookUp, bags])).toMatchObject({ type: 'text' });
    const withFields = {
      ...lookUp,
      operation: { ...lookUp.operation!, responseFields: ['flights', 'total_baggages'] },
    };
    expect(decide([user(message)], '', [withFields, bags])).toEqual({
      type: 'tool-call',
      toolName: 'get_reservation',
      input: { reservation_id: 'EUJUY6' },
    });
  });

  it('in a catalog of POSTs only, answers a question about a record with the operation that reads it', () => {
    const orderId = { order_id: { type: 'string', description: "The order id, such as '#W0000000'." } };
    const address = Object.fromEntries(
      ['address1', 'address2', 'city', 'state', 'country', 'zip'].map((name) => [name, { type: 'string' }]),
    );
    const tools = [
      operation(
        'get_order_details',
        ['post', '/get_order_details'],
        'Get the status and details of an order.',
        orderId,
        ['order_id'],
      ),
      operation(
        'modify_pending_order_address',
        ['post', '/modify_pending_order_address'],
        'Modify the shipping address of a pending order.',
        { ...orderId, ...address },
        ['order_id', ...Object.keys(address)],
      ),
      operation(
        'calculate',
        ['post', '/calculate'],
        'Calculate the result of a mathematical expression.',
        {
          expression: { type: 'string' },
        },
        ['expression'],
      ),
    ];
    const text = 'has my order #W8732376 shipped yet?';
    // The situation: the words ("order", "ship") rank the address change first.
    const index = indexCatalogCached(tools, { source: tools });
    expect(rankCatalog({ index, message: text }).tools[0].entry.tool.name).toBe(
      'modify_pending_order_address',
    );
    expect(decide([user(text)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'get_order_details',
      input: { order_id: '#W8732376' },
    });
    // Written without its '#', the id takes the one the input's examples show.
    expect(decide([user('whats going on with W8732376, its been 2 weeks')], '', tools)).toMatchObject({
      input: { order_id: '#W8732376' },
    });
  });

  it("binds an id to the input whose resource its prefix abbreviates, and never to another resource's", () => {
    const path = (name: string) => ({ [name]: { type: 'string', maxLength: 5000 } });
    const tools = [
      operation(
        'GetCustomersCustomerCardsId',
        ['get', '/v1/customers/{customer}/cards/{id}'],
        'Retrieve a card.',
        {
          ...path('customer'),
          ...path('id'),
        },
        ['customer', 'id'],
      ),
      operation(
        'GetFilesFile',
        ['get', '/v1/files/{file}'],
        'Retrieves the details of an existing file object.',
        path('file'),
        ['file'],
      ),
    ];
    // The customer's id is no card's: the card's id is asked for.
    const card = decide([user('show me card of customer cus_NffrFeUfNV2Hib')], '', tools);
    expect(card).toMatchObject({ type: 'text' });
    expect(JSON.stringify(card)).not.toMatch(/cus_NffrFeUfNV2Hib/);
    // A file look-up is not called with a customer's id.
    const file = decide([user('what files do I have? cus_NffrFeUfNV2Hib')], '', tools);
    expect(file).not.toMatchObject({ type: 'tool-call', input: { file: 'cus_NffrFeUfNV2Hib' } });
  });

  it('of near-equal siblings, calls the one the message completes rather than asking for more', () => {
    const giftCard = (name: string, description: string, required: string[]): EngineTool => ({
      name,
      description,
      inputSchema: {
        type: 'object',
        required,
        properties: {
          cartId: { type: 'string', description: 'The cart id.' },
          giftCardCode: { type: 'string', description: 'The gift card code.' },
        },
      },
    });
    const tools = [
      giftCard('checkGuestCartGiftCard', 'How much is left on a gift card of a cart', [
        'cartId',
        'giftCardCode',
      ]),
      giftCard('checkMyGiftCard', 'Amount left on a gift card of the signed-in customer', ['giftCardCode']),
    ];
    const message = 'How much money is left on my gift card GC8X-4KQ9?';
    // The situation: the ranking alone puts the guest cart's operation first, though it needs a cart
    // id the message lacks, and the other within a tenth of its probability.
    const index = indexCatalogCached(tools, { source: tools });
    const [first, second] = rankCatalog({ index, message }).tools;
    expect(first.entry.tool.name).toBe('checkGuestCartGiftCard');
    expect(second.probability).toBeGreaterThan(first.probability * 0.1);
    expect(decide([user(message)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'checkMyGiftCard',
      input: { giftCardCode: 'GC8X-4KQ9' },
    });
  });

  it('of operations on one resource, calls the one the message completes, however much less likely', () => {
    const query = { query: { type: 'string', description: 'The search query string.' } };
    const tools = [
      operation(
        'GetProductsSearch',
        ['get', '/v1/products/search'],
        'Search for products you previously created.',
        query,
        ['query'],
      ),
      operation(
        'GetPricesSearch',
        ['get', '/v1/prices/search'],
        'Search for prices you previously created.',
        query,
        ['query'],
      ),
      operation(
        'GetCustomersSearch',
        ['get', '/v1/customers/search'],
        'Search for customers you previously created.',
        query,
        ['query'],
      ),
      operation('GetProducts', ['get', '/v1/products'], 'Returns a list of your products.', {
        active: { type: 'boolean', description: 'Only return products that are active or inactive.' },
      }),
    ];
    const message = 'show me the products you sell';
    // The situation: the search takes the unknown words and ranks first by far; it has nothing to search.
    const index = indexCatalogCached(tools, { source: tools });
    const ranked = rankCatalog({ index, message }).tools;
    expect(ranked[0].entry.tool.name).toBe('GetProductsSearch');
    const list = ranked.find((entry) => entry.entry.tool.name === 'GetProducts');
    expect(list?.probability).toBeLessThan(ranked[0].probability * 0.1);
    expect(decide([user(message)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'GetProducts',
      input: {},
    });
  });

  it("lets a sibling that stands in for the first make the first one's claim against calling nothing", () => {
    const id = (name: string) => ({ [name]: { type: 'integer' } });
    const tools = [
      operation('getTicket', ['get', '/tickets/{ticket_id}'], 'Show Ticket', id('ticket_id'), ['ticket_id']),
      operation('getUser', ['get', '/users/{user_id}'], 'Show User', id('user_id'), ['user_id']),
      operation(
        'getOrganization',
        ['get', '/organizations/{organization_id}'],
        'Show Organization',
        id('organization_id'),
        ['organization_id'],
      ),
      operation('listTickets', ['get', '/tickets'], 'List Tickets', {}),
    ];
    const message = 'show me every open ticket';
    // The situation: the ticket look-up ranks first by "show" but lacks an id; "nothing" is more
    // likely than the list.
    const index = indexCatalogCached(tools, { source: tools });
    const ranking = rankCatalog({ index, message });
    expect(ranking.tools[0].entry.tool.name).toBe('getTicket');
    const list = ranking.tools.find((entry) => entry.entry.tool.name === 'listTickets');
    expect(ranking.none.probability).toBeGreaterThan(list?.probability ?? 1);
    expect(decide([user(message)], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'listTickets',
      input: {},
    });
  });

  it('never lets an operation that creates a record stand in for one that acts on a record', () => {
    const schedule = { schedule: { type: 'string', maxLength: 5000 } };
    const tools = [
      operation(
        'PostSubscriptionSchedulesScheduleCancel',
        ['post', '/v1/subscription_schedules/{schedule}/cancel'],
        'Cancels a subscription schedule.',
        schedule,
        ['schedule'],
      ),
      operation(
        'PostSubscriptionSchedules',
        ['post', '/v1/subscription_schedules'],
        'Creates a new subscription schedule object.',
        {
          end_behavior: { type: 'string', enum: ['cancel', 'none', 'release', 'renew'] },
        },
      ),
    ];
    const decision = decide([user('please cancel my subscription schedule')], '', tools);
    expect(decision).toMatchObject({ type: 'text' });
    expect(JSON.stringify(decision)).not.toMatch(/PostSubscriptionSchedules"/);
  });

  it('fills a path input that names its record only with an id, and an object only with what the message gives', () => {
    const tools = [
      operation(
        'PostCustomersCustomerCards',
        ['post', '/v1/customers/{customer}/cards'],
        'Create a card for a customer.',
        {
          customer: { type: 'string', maxLength: 5000 },
          card: {
            type: 'object',
            properties: { object: { type: 'string', enum: ['card'] }, number: { type: 'string' } },
          },
        },
        ['customer', 'card'],
      ),
    ];
    // "change" is no customer, and a card of nothing but its constant type is no card.
    const asked = decide([user('I want to change my card')], '', tools);
    expect(asked).toMatchObject({ type: 'text' });
    // Asked for, an input without a description that names its record is that record's id.
    expect(asked).toMatchObject({ text: expect.stringContaining('your customer ID') });
    expect(decide([user('add a card for customer cus_NffrFeUfNV2Hib')], '', tools)).toMatchObject({
      type: 'text',
    });
  });

  it('never answers a request to change something by creating a record', () => {
    const email = { email: { type: 'string', format: 'email' } };
    const tools = [
      operation('create_customer', ['post', '/customers.json'], 'Creates a customer.', email),
      operation('create_webhook', ['post', '/webhooks.json'], 'Create a new webhook subscription.', {
        address: { type: 'string' },
      }),
      operation(
        'update_customer',
        ['put', '/customers/{customer_id}.json'],
        'Updates a customer.',
        {
          customer_id: { type: 'integer' },
          ...email,
        },
        ['customer_id'],
      ),
    ];
    for (const message of ['change my email to ana@example.com', 'I want to change my address']) {
      const decision = decide([user(message)], '', tools);
      expect(decision).not.toMatchObject({ type: 'tool-call', toolName: expect.stringMatching(/^create_/) });
    }
    // A record named by its id exists: changing it opens no new one of its kind.
    const tickets = [
      operation('create_ticket', ['post', '/tickets'], 'Create a ticket with a subject and a description.', {
        subject: { type: 'string' },
        description: { type: 'string' },
      }),
      operation(
        'update_ticket',
        ['put', '/tickets/{ticket_id}'],
        'Update a ticket.',
        { ticket_id: { type: 'integer' }, status: { type: 'string' } },
        ['ticket_id'],
      ),
    ];
    expect(
      decide(
        [
          user(
            "Could you change the subject of ticket 38802 to 'Sync fails'? The current one is misleading.",
          ),
        ],
        '',
        tickets,
      ),
    ).not.toMatchObject({ toolName: 'create_ticket' });
    // A request that names the record the operation creates is that request, whatever its verb.
    const returns = operation(
      'create_return',
      ['post', '/returns.json'],
      'Creates a return for an order.',
      { order_id: { type: 'string' }, reason: { type: 'string' } },
      ['order_id'],
    );
    expect(decide([user('I want to start a return for order 12345')], '', [...tools, returns])).toMatchObject(
      {
        type: 'tool-call',
        toolName: 'create_return',
        input: { order_id: '12345' },
      },
    );
  });

  it('weighs "nothing" against the operations a question leaves, not against the change it names', () => {
    const ticketId = { ticket_id: { type: 'integer', description: 'The ID of the ticket.' } };
    const tools = [
      operation('showTicket', ['get', '/api/v2/tickets/{ticket_id}'], 'Show ticket', ticketId, ['ticket_id']),
      operation(
        'updateTicket',
        ['put', '/api/v2/tickets/{ticket_id}'],
        'Update ticket. Updates a ticket: its status, priority, assignee, or adds a comment.',
        { ...ticketId, status: { type: 'string', enum: ['open', 'pending', 'solved'] } },
        ['ticket_id'],
      ),
      operation('updateManyTickets', ['put', '/api/v2/tickets/update_many'], 'Update many tickets', {
        ids: { type: 'string' },
      }),
      operation('listTickets', ['get', '/api/v2/tickets'], 'List tickets', {}),
    ];
    expect(decide([user('Hi, any update on ticket 5531?')], '', tools)).toMatchObject({
      type: 'tool-call',
      toolName: 'showTicket',
      input: { ticket_id: 5531 },
    });
  });

  it('never lets a sibling that reads stand in for one that makes the change asked for', () => {
    const giftMessage = (name: string, method: 'get' | 'post', required: string[]) =>
      operation(
        name,
        [method, '/orders/{orderId}/gift-message'],
        'The gift message of an order',
        {
          orderId: { type: 'string', description: 'The order id.' },
          senderEmail: { type: 'string', format: 'email', description: "The sender's email." },
        },
        required,
      );
    const tools = [
      giftMessage('setGiftMessage', 'post', ['orderId', 'senderEmail']),
      giftMessage('getGiftMessage', 'get', ['orderId']),
    ];
    const message = 'put a gift message on order 5521';
    const index = indexCatalogCached(tools, { source: tools });
    // The read ranks next, near enough to stand in, and could be called as it is, where the change
    // must ask for the sender's email.
    const [first, second] = rankCatalog({ index, message }).tools;
    expect([first.entry.tool.name, second.entry.tool.name]).toEqual(['setGiftMessage', 'getGiftMessage']);
    expect(second.probability).toBeGreaterThan(first.probability * 0.1);
    const decision = decide([user(message)], '', tools);
    expect(decision).toMatchObject({ type: 'text' });
    expect((decision as { text: string }).text).toMatch(/email/i);
  });

  it('binds an id to a filter named by the noun in front of it', () => {
    const listInvoices = operation('listInvoices', ['get', '/v1/invoices'], 'List invoices, newest first.', {
      customer: { type: 'string', description: 'Only invoices for the customer with this ID.' },
      subscription: { type: 'string', description: 'Only invoices for this subscription.' },
      status: { type: 'string', enum: ['draft', 'open', 'paid'], description: 'Invoice status.' },
    });
    expect(decide([user('list the invoices for customer cus_NffrFeUfNV2Hib')], '', [listInvoices])).toEqual({
      type: 'tool-call',
      toolName: 'listInvoices',
      input: { customer: 'cus_NffrFeUfNV2Hib' },
    });
    // Or by the id's own prefix, whatever stands before it.
    expect(decide([user("I'm cus_NffrFeUfNV2Hib, list my invoices")], '', [listInvoices])).toEqual({
      type: 'tool-call',
      toolName: 'listInvoices',
      input: { customer: 'cus_NffrFeUfNV2Hib' },
    });
  });

  it('takes from the request a follow-up answers the options it named, not only what was missing', () => {
    const updateOrder = operation(
      'updateOrder',
      ['put', '/orders/{id}'],
      'Update an order',
      {
        id: { type: 'integer', description: 'The order id.' },
        status: { type: 'string', enum: ['pending', 'completed', 'cancelled'], description: 'Order status.' },
      },
      ['id'],
    );
    const turns = [user('I want to cancel my order'), assistant('What is your order number?'), user('1988')];
    expect(decide(turns, '', [updateOrder])).toEqual({
      type: 'tool-call',
      toolName: 'updateOrder',
      input: { id: 1988, status: 'cancelled' },
    });
  });

  it('prefers reading over an unasked change when two operations tie on the topic', () => {
    const reservation = (name: string, description: string): EngineTool => ({
      name,
      description,
      inputSchema: {
        type: 'object',
        required: ['reservationId'],
        properties: { reservationId: { type: 'string', description: 'The reservation number.' } },
      },
    });
    const tools = [
      reservation('getReservationStatus', 'Get the status of a reservation'),
      reservation('cancelReservation', 'Cancels a reservation that has not started yet'),
    ];
    expect(decide([user('Where is my reservation 40417?')], '', tools)).toMatchObject({
      toolName: 'getReservationStatus',
    });
    expect(decide([user('Please cancel reservation 40417')], '', tools)).toMatchObject({
      toolName: 'cancelReservation',
    });
  });

  it('calls one operation for each request of a two-part message', () => {
    expect(say('Where is my order #12345? Also, what time does your Berlin store open?')).toEqual({
      type: 'tool-calls',
      calls: [
        { toolName: 'trackOrder', input: { orderId: '12345' } },
        { toolName: 'findStores', input: { city: 'Berlin' } },
      ],
    });
    // A sentence that only gives a detail belongs to the request beside it.
    expect(say('Please show me my past purchases. My email is mark@shop-fans.net')).toEqual({
      type: 'tool-call',
      toolName: 'listOrders',
      input: { email: 'mark@shop-fans.net' },
    });
  });

  it('calls the operation whose own deed a request names, for a record it gives, over calling nothing', () => {
    const reboot = operation(
      'rebootLinodeInstance',
      ['post', '/linode/instances/{linodeId}/reboot'],
      'Reboot Linode',
      { linodeId: { type: 'integer' } },
      ['linodeId'],
    );
    const share = operation('shareIPs', ['post', '/networking/ips/share'], 'Configure IP sharing', {
      ips: { type: 'array', items: { type: 'string' } },
    });
    expect(
      decide([user('my server 23498111 is totally unresponsive, can you reboot it?')], '', [reboot, share]),
    ).toEqual({
      type: 'tool-call',
      toolName: 'rebootLinodeInstance',
      input: { linodeId: 23498111 },
    });
  });

  it('calls the operation whose deed a polite request names for the record it names, over calling nothing', () => {
    const cart = [
      operation('placeOrder', ['put', '/carts/mine/order'], 'Place an order for the specified cart', {}),
      operation('getCart', ['get', '/carts/mine'], 'Return information for the cart of the customer', {}),
      operation(
        'getGiftMessage',
        ['get', '/carts/mine/gift-message'],
        'Return the gift message of the order',
        {},
      ),
      operation('listPaymentMethods', ['get', '/carts/mine/payment-methods'], 'List the payment methods', {}),
      operation(
        'getCollectionPoints',
        ['get', '/carts/mine/collection-points'],
        'Search collection points',
        {},
      ),
    ];
    expect(decide([user('ok everything looks right, please place my order')], '', cart)).toEqual({
      type: 'tool-call',
      toolName: 'placeOrder',
      input: {},
    });
  });

  it('reads a record path that names its format (`/orders/{id}.json`) as the record, and an email whole', () => {
    const shop = [
      operation(
        'getOrder',
        ['get', '/orders/{id}.json'],
        'Retrieve a single Order',
        { id: { type: 'integer' } },
        ['id'],
      ),
      operation(
        'getOrderHistory',
        ['get', '/orders/{id}/history.json'],
        'Retrieve all Order History',
        { id: { type: 'integer' } },
        ['id'],
      ),
      operation('listOrders', ['get', '/orders.json'], 'Retrieve all Orders', {}),
      operation(
        'getCustomerByEmail',
        ['get', '/customers/email/{email}.json'],
        'Retrieve a single Customer by email',
        { email: { type: 'string', description: 'Email of the Customer' } },
        ['email'],
      ),
    ];
    expect(decide([user('Where is my order #1042?')], '', shop)).toEqual({
      type: 'tool-call',
      toolName: 'getOrder',
      input: { id: 1042 },
    });
    expect(
      decide([user('Can you check my account? My email is lucia.fernandez@gmail.com, thanks')], '', shop),
    ).toEqual({
      type: 'tool-call',
      toolName: 'getCustomerByEmail',
      input: { email: 'lucia.fernandez@gmail.com' },
    });
  });

  it('takes the record a follow-up acts on from the conversation: a path input, and a body input of a change', () => {
    const refund = operation('createRefund', ['post', '/refunds'], 'Create a refund of a payment', {
      payment_intent: { type: 'string', description: 'ID of the PaymentIntent to refund.' },
    });
    const payments = [
      withBody(refund, ['payment_intent']),
      operation(
        'getPaymentIntent',
        ['get', '/payment_intents/{intent}'],
        'Retrieve a PaymentIntent',
        { intent: { type: 'string' } },
        ['intent'],
      ),
      operation(
        'updateCustomer',
        ['post', '/customers/{customer}'],
        'Update a customer',
        { customer: { type: 'string' }, email: { type: 'string', description: "Customer's email address." } },
        ['customer'],
      ),
      operation(
        'getCustomer',
        ['get', '/customers/{customer}'],
        'Retrieve a customer',
        { customer: { type: 'string' } },
        ['customer'],
      ),
    ];
    expect(
      decide(
        [
          user('can you look at payment pi_3NeV7rLkdIwHu7ix0Gk2YtDc? I was charged for a grinder I returned'),
          assistant(
            'Payment pi_3NeV7rLkdIwHu7ix0Gk2YtDc: $42.00, succeeded on March 3. It has not been refunded.',
          ),
          user('ok, please refund the whole thing'),
        ],
        '',
        payments,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'createRefund',
      input: { payment_intent: 'pi_3NeV7rLkdIwHu7ix0Gk2YtDc' },
    });
    expect(
      decide(
        [
          user('I need to update my email address, customer id cus_Qb4nHt9KsW1xLe'),
          assistant("Of course. What's the new email address you'd like us to use?"),
          user('jonas.weber@posteo.de'),
        ],
        '',
        payments,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'updateCustomer',
      input: { customer: 'cus_Qb4nHt9KsW1xLe', email: 'jonas.weber@posteo.de' },
    });
  });

  it('fills an id input from the conversation with an id this message did not already give', () => {
    const shipment = operation(
      'getOrderShipment',
      ['get', '/orders/{order_id}/shipments/{shipment_id}'],
      'Get a shipment of an order',
      { order_id: { type: 'integer' }, shipment_id: { type: 'integer' } },
      ['order_id', 'shipment_id'],
    );
    const order = operation(
      'getOrder',
      ['get', '/orders/{order_id}'],
      'Get an order',
      { order_id: { type: 'integer' } },
      ['order_id'],
    );
    expect(
      decide(
        [
          user('why did I only get half of order 11850?'),
          assistant(
            'Order 11850 was sent in two shipments: shipment 3 (delivered June 2) and shipment 4 (shipped June 5).',
          ),
          user("what's in shipment 4?"),
        ],
        '',
        [shipment, order],
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'getOrderShipment',
      input: { order_id: 11850, shipment_id: 4 },
    });
  });

  it('takes the one change a sentence asks for, whole, as the request, whatever story the others tell', () => {
    const payments = [
      operation(
        'refundPayment',
        ['post', '/refunds'],
        'Refunds a payment',
        { payment_id: { type: 'string', description: 'The ID of the payment to refund.' } },
        ['payment_id'],
      ),
      operation(
        'getPayment',
        ['get', '/payments/{payment_id}'],
        'Retrieves a payment',
        { payment_id: { type: 'string' } },
        ['payment_id'],
      ),
    ];
    const requests = (text: string) => decideRequests(text, { tools: payments, context: '' });
    expect(
      requests(
        'Please refund the upcharge on payment GQTFp1ZlXdpoW4o6eGiZhbjosiDFf. You were out of oat milk and I got regular milk.',
      ),
    ).toEqual([{ toolName: 'refundPayment', input: { payment_id: 'GQTFp1ZlXdpoW4o6eGiZhbjosiDFf' } }]);
    // A look-up, or a question that names a change, is left to the whole message.
    expect(requests('Can you look up payment GQTFp1ZlXdpoW4o6eGiZhbjosiDFf? It was for oat milk.')).toEqual(
      [],
    );
    expect(requests('Could you refund payment GQTFp1ZlXdpoW4o6eGiZhbjosiDFf? It was for oat milk.')).toEqual(
      [],
    );
  });

  it('keeps a quoted text whole, its own sentences too', () => {
    const note = operation(
      'addOrderNote',
      ['post', '/orders/{orderId}/notes'],
      'Add a note to an order',
      { orderId: { type: 'integer' }, note: { type: 'string', description: 'The text of the note.' } },
      ['orderId', 'note'],
    );
    expect(
      decide([user("Please add a note to order 5521: 'Leave it at the door. Thanks!'")], '', [note]),
    ).toEqual({
      type: 'tool-call',
      toolName: 'addOrderNote',
      input: { orderId: 5521, note: 'Leave it at the door. Thanks!' },
    });
  });

  it("takes a value alone, answering the agent's question for it, for the operation whose input it names", () => {
    const users = [
      operation('logoutUser', ['get', '/user/logout'], 'Logs out current logged in user session', {}),
      operation('loginUser', ['get', '/user/login'], 'Logs user into the system', {
        username: { type: 'string' },
        password: { type: 'string' },
      }),
      operation(
        'getUserByName',
        ['get', '/user/{username}'],
        'Get user by user name',
        { username: { type: 'string', description: 'The name that needs to be fetched.' } },
        ['username'],
      ),
    ];
    expect(
      decide(
        [
          user("is my account still active? I haven't logged in for ages"),
          assistant("I can check. What's your username?"),
          user('dana.p'),
        ],
        '',
        users,
      ),
    ).toEqual({ type: 'tool-call', toolName: 'getUserByName', input: { username: 'dana.p' } });
  });

  it('gives a header input no words of the message, and asks the customer for none', () => {
    const menus = operation(
      'getMenus',
      ['get', '/restaurants/{restaurantId}/menus'],
      'Get the menus of a restaurant',
      { restaurantId: { type: 'integer' }, 'Accept-Tenant': { type: 'string' } },
      ['restaurantId', 'Accept-Tenant'],
    );
    const tool = {
      ...menus,
      operation: { ...menus.operation, headerInputs: ['Accept-Tenant'] },
    } as EngineTool;
    expect(decide([user("What's on the menu at restaurant 84213?")], '', [tool])).toEqual({
      type: 'tool-call',
      toolName: 'getMenus',
      input: { restaurantId: 84213 },
    });
    // Nor a postcode: a value with digits is no id.
    expect(decide([user("What's on the menu at restaurant 84213? I'm at EC1A 1BB")], '', [tool])).toEqual({
      type: 'tool-call',
      toolName: 'getMenus',
      input: { restaurantId: 84213 },
    });
  });

  it('fills an id the base prompt gives by its noun, and never one named otherwise', () => {
    const room = operation(
      'getRoom',
      ['get', '/hotels/{hotelId}/rooms/{roomNumber}'],
      'Get a room of a hotel',
      { hotelId: { type: 'integer' }, roomNumber: { type: 'string' } },
      ['hotelId', 'roomNumber'],
    );
    const prompt = 'You assist the front desk of Hotel Rheinblick (hotel id 4711). Store 12 is closed.';
    expect(decide([user('is room 214 clean yet?')], prompt, [room])).toEqual({
      type: 'tool-call',
      toolName: 'getRoom',
      input: { hotelId: 4711, roomNumber: '214' },
    });
    // A number the message gives with no noun is the room's: the prompt names the hotel.
    const hetras = "You are the front desk's assistant. The hotel's hetras hotel id is 1001.";
    for (const text of ['Is 214 clean yet? That room was dirty', 'guest in 214 asks if the room is clean'])
      expect(decide([user(text)], hetras, [room])).toEqual({
        type: 'tool-call',
        toolName: 'getRoom',
        input: { hotelId: 1001, roomNumber: '214' },
      });
    // A hotel the message names is the one meant.
    expect(decide([user('is room 214 of hotel 2002 clean?')], hetras, [room])).toMatchObject({
      input: { hotelId: 2002, roomNumber: '214' },
    });
    // Without the prompt's id, it is asked for; an id of another noun is no hotel's.
    expect(decide([user('is room 214 clean yet?')], 'Store 12 is closed.', [room])).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/hotel/i),
    });
  });

  it("fills an input the base prompt gives by the input's own words, a code or slug of the business's", () => {
    const cart = operation(
      'getMyActiveCart',
      ['get', '/{projectKey}/me/active-cart'],
      'Get the active cart of the signed-in customer',
      { projectKey: { type: 'string' } },
      ['projectKey'],
    );
    const payment = operation(
      'getPaymentByKey',
      ['get', '/{projectKey}/payments/key={key}'],
      'Get a payment by its key',
      { projectKey: { type: 'string' }, key: { type: 'string' } },
      ['projectKey', 'key'],
    );
    const prompt =
      'You help the customers of Harbor & Pine (project key harbor-pine). The customer is signed in.';
    expect(decide([user("what's in my cart right now")], prompt, [cart, payment])).toEqual({
      type: 'tool-call',
      toolName: 'getMyActiveCart',
      input: { projectKey: 'harbor-pine' },
    });
    for (const other of ['Our project key: hp_live_2', 'the project key is hp.eu']) {
      const value = other.split(/[:\s]/).pop();
      expect(decide([user("what's in my cart?")], other, [cart])).toMatchObject({
        input: { projectKey: value },
      });
    }
    // The label opens its phrase ("project key" gives no `key`), and an English word is no value.
    expect(decide([user('show my payment please')], prompt, [payment])).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/key/i),
    });
    expect(
      decide([user("what's in my cart?")], 'The project key is given at checkout.', [cart]),
    ).toMatchObject({ type: 'text' });
  });

  it('looks up the record a handle names after its own noun ("my username is rex_owner")', () => {
    const users = [
      operation(
        'getUserByName',
        ['get', '/user/{username}'],
        'Get user by user name',
        {
          username: { type: 'string', description: 'The name that needs to be fetched.' },
        },
        ['username'],
      ),
      operation('loginUser', ['get', '/user/login'], 'Logs user into the system', {
        username: { type: 'string' },
        password: { type: 'string' },
      }),
      operation(
        'updatePetWithForm',
        ['post', '/pet/{petId}'],
        'Updates a pet in the store with form data',
        {
          petId: { type: 'integer' },
          name: { type: 'string' },
          status: { type: 'string' },
        },
        ['petId'],
      ),
    ];
    expect(
      decide([user('What phone number do you have on file for me? my username is rex_owner')], '', users),
    ).toEqual({ type: 'tool-call', toolName: 'getUserByName', input: { username: 'rex_owner' } });
  });

  it('makes the record a request asks to have made, rather than searching with its other words', () => {
    const tickets = [
      operation(
        'searchTickets',
        ['post', '/crm/v3/objects/tickets/search'],
        'Filter, sort and search tickets',
        { query: { type: 'string' }, limit: { type: 'integer' } },
      ),
      operation('createTicket', ['post', '/crm/v3/objects/tickets'], 'Create', {
        subject: { type: 'string' },
        content: { type: 'string' },
      }),
      operation(
        'getTicket',
        ['get', '/crm/v3/objects/tickets/{ticketId}'],
        'Read',
        { ticketId: { type: 'string' } },
        ['ticketId'],
      ),
    ];
    for (const text of [
      "I'd like to open a ticket. Our invoice PDF export has been coming out blank since this morning.",
      'can you log a new support ticket? the CSV upload crashes above 10MB',
    ])
      expect(decide([user(text)], '', tickets)).toMatchObject({
        type: 'tool-call',
        toolName: 'createTicket',
      });
    // Asking how it is done or about doing it, or telling what was done, asks for no new ticket.
    for (const text of [
      'How do I open a ticket about the PDF export?',
      'I opened a ticket about the PDF export',
      'is there a fee to open a ticket about the PDF export?',
    ])
      expect(decide([user(text)], '', tickets)).not.toMatchObject({ toolName: 'createTicket' });
  });

  it("fills a required input named by a phrase from the business's prompt, and no input of one word", () => {
    const cancel = operation(
      'cancelPayment',
      ['post', '/payments/{paymentPspReference}/cancels'],
      'Cancel an authorised payment',
      {
        paymentPspReference: { type: 'string' },
        merchantAccount: { type: 'string' },
        reference: { type: 'string' },
      },
      ['paymentPspReference', 'merchantAccount'],
    );
    const prompt =
      'You help the customers of Velo Atelier. Payments run under the merchant account VeloAtelierECOM.';
    expect(decide([user('please cancel payment 8816178914079738')], prompt, [cancel])).toMatchObject({
      type: 'tool-call',
      input: { paymentPspReference: '8816178914079738', merchantAccount: 'VeloAtelierECOM' },
    });
    // Without it in the prompt it is asked for; an optional one is not taken from the prompt.
    expect(
      decide([user('please cancel payment 8816178914079738')], 'You help Velo Atelier.', [cancel]),
    ).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/merchant account/i),
    });
    const withReference = decide(
      [user('please cancel payment 8816178914079738')],
      `${prompt} Our reference prefix is VA-2024.`,
      [cancel],
    );
    expect(withReference).toMatchObject({ type: 'tool-call' });
    expect((withReference as { input: Record<string, unknown> }).input.reference).toBeUndefined();
  });

  it("takes no house number or ZIP code of an address for a record's id", () => {
    const update = operation(
      'updateRecipient',
      ['put', '/addresses/{id}'],
      'Update a recipient address',
      {
        id: { type: 'integer', description: 'The recipient id' },
        address1: { type: 'string' },
        city: { type: 'string' },
        state: { type: 'string' },
        zip: { type: 'string' },
      },
      ['id'],
    );
    expect(
      decide(
        [
          user(
            'Recipient 551020 has moved, his new address is 19 Pine Road, Portland OR 97205. Can you update it?',
          ),
        ],
        '',
        [update],
      ),
    ).toMatchObject({
      type: 'tool-call',
      input: { id: 551020, address1: '19 Pine Road', city: 'Portland', state: 'OR', zip: '97205' },
    });
  });

  it('fills any input the prompt gives an id for by its very name', () => {
    const remove = operation(
      'deleteRecipient',
      ['post', '/addresses/deleteRecipient'],
      'Delete a recipient from the address book',
      { uid: { type: 'string', description: 'The session of the user' }, address_id: { type: 'integer' } },
      ['uid', 'address_id'],
    );
    const prompt = 'The customer is signed in; their session uid is 33ce76fede1a31d5ee823179f78d9882.';
    expect(decide([user('please delete recipient 549494')], prompt, [remove])).toMatchObject({
      type: 'tool-call',
      input: { uid: '33ce76fede1a31d5ee823179f78d9882', address_id: 549494 },
    });
  });

  it('fills a path input the prompt names, and of the ids it gives for one noun the one the message points at', () => {
    const homes = operation(
      'getAdvertised',
      ['get', '/v2/{shortName}/branches/{branchID}/lettings'],
      'Search the homes to rent a branch advertises',
      { shortName: { type: 'string' }, branchID: { type: 'string' }, rentMaximum: { type: 'integer' } },
      ['shortName', 'branchID'],
    );
    const prompt =
      'You help the customers of Harbour Lets. Our LetMC short name is harbourlets. Branches: Clifton (branch id c-0f9d3c2a) and Harbourside (branch id h-7a2e5b90).';
    expect(decide([user('any homes to rent at the Harbourside branch?')], prompt, [homes])).toMatchObject({
      type: 'tool-call',
      input: { shortName: 'harbourlets', branchID: 'h-7a2e5b90' },
    });
    // A branch the message does not point at is asked for, not guessed.
    expect(decide([user('which homes to rent do you advertise?')], prompt, [homes])).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/branch/i),
    });
  });

  it("asks for the id of one record of the customer's rather than listing every record", () => {
    const orders = [
      operation('listOrders', ['get', '/orders.json'], 'Retrieve a list of orders', {
        status: { type: 'string', enum: ['open', 'closed', 'any'] },
        created_at_min: { type: 'string', format: 'date-time' },
      }),
      operation(
        'getOrder',
        ['get', '/orders/{order_id}.json'],
        'Retrieve a specific order',
        { order_id: { type: 'integer' } },
        ['order_id'],
      ),
    ];
    for (const text of ["where is my order?? it's been 10 days", 'can you check on my order please'])
      expect(decide([user(text)], '', orders)).toMatchObject({
        type: 'text',
        text: expect.stringMatching(/order/i),
      });
    // Many of them, or a filter the message gives, are a list's.
    expect(decide([user('show me all my orders')], '', orders)).toMatchObject({ toolName: 'listOrders' });
    expect(decide([user('which of my orders are still open?')], '', orders)).toMatchObject({
      toolName: 'listOrders',
    });
  });

  it('declines plainly a change no operation makes, in the words of the request, and offers a person', () => {
    const cancel = say('I want to cancel order 12346 please');
    expect(cancel).toEqual({
      type: 'text',
      text: "I'm sorry, I can't cancel orders from here. If you would like, I can hand you over to a person.",
    });
    const readOnly = storeTools.filter((tool) => tool.name !== 'createReturn');
    expect(decide([user('can I change the delivery address of order 12345?')], '', readOnly)).toMatchObject({
      text: expect.stringContaining("can't change delivery addresses from here"),
    });
    // Quantities before the object are not the object.
    expect(decide([user('I want to add one more checked bag')], '', readOnly)).toMatchObject({
      text: expect.stringContaining("can't add checked bags from here"),
    });
    // An object in the plural stays as written.
    expect(decide([user('I want to add two more checked bags')], '', readOnly)).toMatchObject({
      text: expect.stringContaining("can't add checked bags from here"),
    });
    // A clause after the object is no part of it.
    expect(
      decide([user('please cancel the order before it goes through, order 12346')], '', readOnly),
    ).toMatchObject({ text: expect.stringContaining("can't cancel orders from here") });
  });

  it('declines no deed the catalog does by creating the new record it names, among a thousand operations', async () => {
    const { tools } = await loadLargeCatalog();
    const large = tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
      operation: shapeOf(tool),
    }));
    // "start a return" is `POST /returns`; its reason is asked for, where "I can't start returns" was said.
    expect(decide([user('please start a return for order 55512')], '', large)).toEqual({
      type: 'text',
      text: expect.stringMatching(/why/i),
    });
  });

  it('calls an operation whose name says nothing of what it does for a change it may make', () => {
    const todo = operation(
      'todo',
      ['post', '/todo'],
      'Manage the todo list: add or remove an item.',
      {
        type: { type: 'string', enum: ['add', 'delete'], description: 'The action.' },
        content: { type: 'string', description: 'The content of the todo.' },
      },
      ['type', 'content'],
    );
    expect(decide([user("add a todo 'buy milk'")], '', [todo])).toMatchObject({
      type: 'tool-call',
      toolName: 'todo',
      input: { type: 'add', content: 'buy milk' },
    });
  });

  it("hands over through the business's own transfer operation when no built-in hand-off is offered", () => {
    const transfer = operation(
      'transfer_to_human_agents',
      ['post', '/transfer_to_human_agents'],
      "Transfer the user to a human agent, with a summary of the user's issue.",
      { summary: { type: 'string', description: "A summary of the user's issue." } },
      ['summary'],
    );
    const tools = [...storeTools, transfer];
    expect(decide([user('this is ridiculous, get me a real person NOW')], '', tools)).toEqual({
      type: 'tool-call',
      toolName: 'transfer_to_human_agents',
      input: { summary: 'this is ridiculous, get me a real person NOW' },
    });
    // Other requests never go to it.
    expect(decide([user('Where is my order #12345?')], '', tools)).toMatchObject({ toolName: 'trackOrder' });
  });

  it("looks up the record a complaint names by its code, whatever the code's form ('ch_3NvQ…')", () => {
    const charges = [
      operation(
        'GetCharge',
        ['get', '/v1/charges/{charge}'],
        'Retrieve a charge',
        { charge: { type: 'string' } },
        ['charge'],
      ),
      operation('ListCharges', ['get', '/v1/charges'], 'List all charges', {}),
    ];
    expect(
      decide(
        [user('I think I got charged twice this month?? The receipt says ch_3NvQx2LkdIwHu7ix0Zt9aB4c')],
        '',
        charges,
      ),
    ).toEqual({ type: 'tool-call', toolName: 'GetCharge', input: { charge: 'ch_3NvQx2LkdIwHu7ix0Zt9aB4c' } });
  });

  it("reads a message after the agent's open offer of help as a new request, not an answer to the one before", () => {
    expect(
      decide(
        [
          user('Emma Lopez, zip 80236'),
          assistant(
            "Thank you, Emma. I've located your account (user id emma_lopez_8196). What can I do for you?",
          ),
          user('has order W4686509 shipped?'),
        ],
        '',
        retail,
      ),
    ).toMatchObject({ type: 'tool-call', toolName: 'get_order_details' });
  });

  it('gives the value the agent asked for to the operation that takes it, though the request it serves is another', () => {
    expect(
      decide(
        [
          user('I need to change where my package is going'),
          assistant('Sure. To get started, could you tell me the email address on your account?'),
          user('omar.silva6106@example.com'),
        ],
        '',
        retail,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'find_user_id_by_email',
      input: { email: 'omar.silva6106@example.com' },
    });
  });

  it('acknowledges a complaint and takes the next useful step, never answering it with a greeting', () => {
    expect(say('the strap broke after a week, really disappointing')).toEqual({
      type: 'text',
      text: "I'm sorry to hear that. I can start a return for you. What is your order number?",
    });
    const helpdesk: EngineTool[] = [
      {
        name: 'createTicket',
        operation: {
          method: 'post',
          path: '/tickets',
          operationId: 'createTicket',
          bodyInputs: ['email', 'description'],
        },
        description: 'Create a support ticket.',
        inputSchema: {
          type: 'object',
          required: ['email', 'description'],
          properties: {
            email: { type: 'string', format: 'email', description: 'Email of the requester.' },
            description: { type: 'string', description: 'What happened, in the customer words.' },
          },
        },
      },
      {
        name: 'listTickets',
        operation: { method: 'get', path: '/tickets', operationId: 'listTickets' },
        description: 'List tickets, filtered by the requester email.',
        inputSchema: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
      },
    ];
    expect(
      decide([user('my export has been broken since the last update. dana.k@example.net')], '', helpdesk),
    ).toMatchObject({
      type: 'tool-call',
      toolName: 'createTicket',
      input: { email: 'dana.k@example.net' },
    });
    // Something the customer cannot do that should work is a problem too.
    expect(
      decide([user("I can't log in to my account since this morning, dana.k@example.net")], '', helpdesk),
    ).toMatchObject({
      type: 'tool-call',
      toolName: 'createTicket',
      input: { email: 'dana.k@example.net' },
    });
    // A body wrapped in one object (`{"ticket": {...}}`) takes the account in the fields the case
    // requires, and the email in the requester's.
    const wrapped: EngineTool[] = [
      {
        name: 'createTicket',
        operation: { method: 'post', path: '/tickets', operationId: 'createTicket', bodyInputs: ['ticket'] },
        description: 'Creates a new ticket.',
        inputSchema: {
          type: 'object',
          required: ['ticket'],
          properties: {
            ticket: {
              type: 'object',
              properties: {
                subject: { type: 'string', description: 'The subject of the ticket.' },
                comment: { type: 'object', required: ['body'], properties: { body: { type: 'string' } } },
                requester: {
                  type: 'object',
                  properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } },
                },
              },
            },
          },
        },
      },
      {
        name: 'searchUsers',
        operation: { method: 'get', path: '/users/search', operationId: 'searchUsers' },
        description: 'Search users.',
        inputSchema: { type: 'object', required: ['query'], properties: { query: { type: 'string' } } },
      },
    ];
    const locked = "I can't log in to my account since this morning";
    // The account is the complaint, without the email given to the requester.
    const account = expect.stringMatching(new RegExp(`^${locked}[^@]*$`));
    expect(decide([user(`${locked}, my email is ana@example.com`)], '', wrapped)).toEqual({
      type: 'tool-call',
      toolName: 'createTicket',
      input: {
        ticket: { subject: account, comment: { body: account }, requester: { email: 'ana@example.com' } },
      },
    });
    // A case with only the complaint and a date ("this month") reaches no one: none is opened.
    const [create] = wrapped;
    const ticket = (create.inputSchema.properties as Record<string, { properties: object }>).ticket;
    const withDue: EngineTool[] = [
      {
        ...create,
        inputSchema: {
          ...create.inputSchema,
          properties: {
            ticket: {
              ...ticket,
              properties: { ...ticket.properties, due_at: { type: 'string', format: 'date-time' } },
            },
          },
        },
      },
    ];
    expect(
      decide(
        [user('your service is a joke. 3 outages this month and I pay for the premium plan')],
        '',
        withDue,
      ),
    ).toMatchObject({ type: 'text', text: expect.stringMatching(/^I'm sorry to hear that\./) });
    const complaint = 'my export has been broken since the last update';
    const asked = decide([user(complaint)], '', helpdesk);
    expect(asked).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^I'm sorry to hear that\..*email/),
    });
    // The answer to what the case lacked opens it, with the complaint as its account; it is no
    // look-up of the tickets the email filters.
    expect(
      decide(
        [user(complaint), assistant((asked as { text: string }).text), user('use dana.k@example.net')],
        '',
        helpdesk,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'createTicket',
      input: { email: 'dana.k@example.net', description: complaint },
    });
    expect(
      decide([user('your support is useless, nobody ever replies to anything')], '', helpdesk),
    ).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^I'm sorry to hear that\./),
    });
    // The number of the case already open, given when asked for, looks that case up: it opens none.
    const withRead: EngineTool[] = [
      {
        ...helpdesk[0],
        inputSchema: {
          type: 'object',
          required: ['description'],
          properties: {
            description: { type: 'string', description: 'What happened.' },
            email: { type: 'string', format: 'email', description: 'Email of the requester.' },
          },
        },
      },
      helpdesk[1],
      {
        name: 'getTicket',
        operation: { method: 'get', path: '/tickets/{ticket_id}', operationId: 'getTicket' },
        description: 'Show a ticket.',
        inputSchema: {
          type: 'object',
          required: ['ticket_id'],
          properties: { ticket_id: { type: 'integer' } },
        },
      },
    ];
    expect(
      decide(
        [
          user('I reported a problem last week and heard nothing back. dana.k@example.net'),
          assistant("Sorry for the wait! What's your ticket number?"),
          user("it's 319552"),
        ],
        '',
        withRead,
      ),
    ).toEqual({ type: 'tool-call', toolName: 'getTicket', input: { ticket_id: 319552 } });
  });

  it('offers a remedy named only by its operationId in plain words, and asks for its amount as an amount', () => {
    // Square's document: every summary is the operationId, and money is an object of its own.
    const money = {
      type: 'object',
      description: 'Represents an amount of money. `Money` fields can be signed or unsigned.',
      properties: { amount: { type: 'integer' }, currency: { type: 'string' } },
    };
    const square = [
      operation(
        'GetPayment',
        ['get', '/v2/payments/{payment_id}'],
        'GetPayment\n\nRetrieves details for a specific payment.',
        {
          payment_id: { type: 'string', description: 'A unique ID for the desired payment.' },
        },
        ['payment_id'],
      ),
      operation(
        'RefundPayment',
        ['post', '/v2/refunds'],
        'RefundPayment\n\nRefunds a payment. You can refund the entire payment amount or a portion of it.',
        {
          amount_money: money,
          payment_id: { type: 'string', description: 'The unique ID of the payment being refunded.' },
          reason: { type: 'string', description: 'A description of the reason for the refund.' },
        },
        ['amount_money', 'payment_id'],
      ),
    ];
    const payment = 'KkAkhdMsgzn59SM8A5kmeEQbK8PZY';
    expect(
      decide([user(`the coffee machine I paid for with payment ${payment} arrived broken`)], '', square),
    ).toEqual({
      type: 'text',
      text: "I'm sorry to hear that. I can refund the payment for you. Could you tell me the amount to refund?",
    });
    expect(
      decide([user(`I want a refund for payment ${payment}, the coffee machine was broken`)], '', square),
    ).toEqual({
      type: 'text',
      text: 'Could you tell me the amount to refund?',
    });
  });

  it('reads a follow-up with the request before it, and leaves earlier ids out of "my other order"', () => {
    const before = [
      user('Where is my order #12345?'),
      assistant('Your order 12345 has shipped and arrives on Friday.'),
    ];
    expect(decide([...before, user('what about 12350')])).toEqual({
      type: 'tool-call',
      toolName: 'trackOrder',
      input: { orderId: '12350' },
    });
    expect(decide([...before, user('can I return it? the strap broke')])).toEqual({
      type: 'tool-call',
      toolName: 'createReturn',
      input: { orderId: '12345', reason: 'the strap broke' },
    });
    expect(decide([...before, user('and my other order?')])).toMatchObject({ type: 'text' });
    // A message that closes the request refers to nothing to look up again.
    expect(decide([...before, user("perfect, that's all I needed, thanks!")])).toMatchObject({
      type: 'text',
    });
    expect(decide([...before, user('thanks, is it insured?')])).not.toMatchObject({ type: 'text' });
  });

  it("takes a follow-up's id from earlier turns as an id, never a time or a price of the agent's answer", () => {
    const subscriptions = [
      operation(
        'getSubscription',
        ['get', '/v1/subscriptions/{subscription_exposed_id}'],
        'Retrieves the subscription with the given ID.',
        { subscription_exposed_id: { type: 'string' } },
        ['subscription_exposed_id'],
      ),
      {
        ...operation(
          'cancelSubscription',
          ['get', '/v1/subscriptions/{subscription_exposed_id}'],
          "Cancels a customer's subscription immediately.",
          { subscription_exposed_id: { type: 'string' } },
          ['subscription_exposed_id'],
        ),
        operation: {
          method: 'delete',
          path: '/v1/subscriptions/{subscription_exposed_id}',
          operationId: 'cancelSubscription',
        },
      },
    ] as EngineTool[];
    const turns = [
      user('what plan am I on? sub_1NvX8s2eZvKYlo2Cb3QwErTy'),
      assistant("You're on the monthly plan at $29/month. It renews on the 14th at 10:00."),
      user('ok just cancel it now please'),
    ];
    expect(decide(turns, '', subscriptions)).toEqual({
      type: 'tool-call',
      toolName: 'cancelSubscription',
      input: { subscription_exposed_id: 'sub_1NvX8s2eZvKYlo2Cb3QwErTy' },
    });
  });

  it('reads "ok delete it" with the request before it, and calls nothing for thanks that asks nothing', () => {
    const meetingId = { meetingId: { type: 'integer' } };
    const meetings = [
      operation('meeting', ['get', '/meetings/{meetingId}'], 'Get a meeting', meetingId, ['meetingId']),
      {
        ...operation('meetingDelete', ['get', '/meetings/{meetingId}'], 'Delete a meeting', meetingId, [
          'meetingId',
        ]),
        operation: { method: 'delete', path: '/meetings/{meetingId}', operationId: 'meetingDelete' },
      },
      {
        ...operation(
          'deletePhone',
          ['get', '/phones/{phoneId}'],
          'Delete a desk phone in person',
          { phoneId: { type: 'string' } },
          ['phoneId'],
        ),
        operation: { method: 'delete', path: '/phones/{phoneId}', operationId: 'deletePhone' },
      },
      operation('listSites', ['get', '/sites'], 'List the sites you see on the account', {}),
    ] as EngineTool[];
    const before = [
      user('is meeting 89900112233 still on the calendar?'),
      assistant('Yes, meeting 89900112233 is on Friday at 10:00.'),
    ];
    expect(decide([...before, user("ok delete it, we're doing it in person")], '', meetings)).toEqual({
      type: 'tool-call',
      toolName: 'meetingDelete',
      input: { meetingId: 89900112233 },
    });
    expect(decide([...before, user('thx!! see you friday')], '', meetings)).toMatchObject({ type: 'text' });
    // Thanks after a request, or beside a record's code, sign nothing off.
    const phones = [meetings[2], { ...meetings[0], name: 'phone', inputSchema: meetings[2].inputSchema }];
    expect(decide([user('phone DP4x7Q2Z details. Thanks!')], '', phones)).toMatchObject({
      type: 'tool-call',
      input: { phoneId: 'DP4x7Q2Z' },
    });
    expect(decide([user('the details of meeting 77 please, thanks!')], '', meetings)).toMatchObject({
      type: 'tool-call',
      toolName: 'meeting',
      input: { meetingId: 77 },
    });
  });

  it('never removes what no verb of the message removes', () => {
    const write = (tool: EngineTool, method: 'put' | 'delete') => ({
      ...tool,
      operation: { ...tool.operation, method } as EngineTool['operation'],
    });
    const contactId = { id: { type: 'integer', description: 'Unique identifier for a contact' } };
    const ticketId = { ticket_id: { type: 'integer' } };
    const helpdesk = [
      operation('getContact', ['get', '/contacts/{id}'], 'View a contact', contactId, ['id']),
      write(
        operation('deleteContact', ['get', '/contacts/{id}'], 'Delete a contact', contactId, ['id']),
        'delete',
      ),
      write(
        operation('updateContact', ['get', '/contacts/{id}'], 'Update a contact', contactId, ['id']),
        'put',
      ),
      operation('listContacts', ['get', '/contacts'], 'List all contacts', {}),
      operation('getTicket', ['get', '/tickets/{ticket_id}'], 'View a ticket', ticketId, ['ticket_id']),
      operation('listTickets', ['get', '/tickets'], 'List all tickets', {}),
      write(
        operation('deleteTicket', ['get', '/tickets/{ticket_id}'], 'Delete a ticket', ticketId, [
          'ticket_id',
        ]),
        'delete',
      ),
      operation('addTicket', ['post', '/tickets'], 'Create a ticket', {
        email: { type: 'string', format: 'email' },
        description: { type: 'string' },
      }),
    ];
    // "contact" pulls to the contacts, and "file" removes in a few of the corpus's operations named
    // with it (a file deleted): the delete ranks first.
    const message = 'pls file it, contact 4411, the export is broken';
    const index = indexCatalogCached(helpdesk, { source: helpdesk });
    expect(rankCatalog({ index, message }).tools[0].entry.tool.name).toBe('deleteContact');
    expect(decide([user(message)], '', helpdesk)).not.toMatchObject({ toolName: 'deleteContact' });
    expect(decide([user('please delete contact 4411')], '', helpdesk)).toMatchObject({
      toolName: 'deleteContact',
    });
  });

  it('ranks the offered operations against the whole catalog they were offered from, under their offered names', () => {
    const index = indexCatalogCached(storeTools, { source: storeTools });
    // Offered under names of their own (two integrations had the same operation names), three of them.
    const offered = storeTools
      .filter((tool) => ['trackOrder', 'searchProducts', 'createReturn'].includes(tool.name))
      .map((tool) => ({ ...tool, name: `store_${tool.name}` }));
    const positions = new Map(
      offered.map((tool) => [tool.name, storeTools.findIndex((each) => `store_${each.name}` === tool.name)]),
    );
    const conversation = { system: '', turns: [user('Where is my order #12345?')], toolResults: [] };
    expect(decideTurn(conversation, offered, { index, positions })).toEqual({
      type: 'tool-call',
      toolName: 'store_trackOrder',
      input: { orderId: '12345' },
    });
    // The features are the catalog's: offered under each other's positions, the look-up's words
    // now rank the offered search first (a mix-up no caller makes; it shows whose index decides).
    const swapped = new Map(positions);
    swapped.set('store_trackOrder', positions.get('store_searchProducts') as number);
    swapped.set('store_searchProducts', positions.get('store_trackOrder') as number);
    expect(decideTurn(conversation, offered, { index, positions: swapped })).toMatchObject({
      toolName: 'store_searchProducts',
    });
    // An offered operation the catalog does not hold: ranked as a catalog of its own, as before.
    const stranger = { ...offered[0], name: 'elsewhere_trackOrder' };
    expect(decideTurn(conversation, [...offered, stranger], { index, positions })).toMatchObject({
      type: 'tool-call',
    });
  });

  it('never calls a change without a required input that no earlier turn gave as an id', () => {
    const orderId = { order_id: { type: 'string', description: "The order id, such as '#W0000000'." } };
    const tools = [
      operation(
        'get_order_details',
        ['post', '/get_order_details'],
        'Get the status and details of an order.',
        orderId,
        ['order_id'],
      ),
      operation(
        'return_delivered_order_items',
        ['post', '/return_delivered_order_items'],
        'Return some items of a delivered order.',
        { ...orderId, item_ids: { type: 'array', items: { type: 'string' } } },
        ['order_id', 'item_ids'],
      ),
    ];
    const decision = decide(
      [
        user('I want to return something from order #W5490111'),
        assistant('Order #W5490111 was delivered and contains a Water Bottle and a Keyboard.'),
        user('the water bottle leaks. return it please'),
      ],
      '',
      tools,
    );
    // The items are the order's to tell: it is looked up first.
    expect(decision).toEqual({
      type: 'tool-call',
      toolName: 'get_order_details',
      input: { order_id: '#W5490111' },
    });
  });

  it('answers a question by reading, and leaves a yes-or-no filter out of the question it asks', () => {
    // "delivered" is in the return operation's words, but a question asks for no change.
    const returns = storeTools.map((tool) =>
      tool.name === 'createReturn'
        ? { ...tool, description: `${tool.description} Only for delivered orders.` }
        : tool,
    );
    const before = [
      user('Where is my order #12345?'),
      assistant('Your order 12345 has shipped and arrives on Friday.'),
    ];
    expect(decide([...before, user('and when was it delivered?')], '', returns)).toEqual({
      type: 'tool-call',
      toolName: 'trackOrder',
      input: { orderId: '12345' },
    });
    const stock: EngineTool = {
      ...storeTools[0],
      inputSchema: {
        type: 'object',
        required: ['q'],
        properties: {
          q: { type: 'string', description: 'Search keyword.' },
          inStock: { type: 'boolean', description: 'Only products in stock.' },
        },
      },
    };
    expect(decide([user('Is the Leather Backpack in stock?')], '', [stock])).toEqual({
      type: 'tool-call',
      toolName: 'searchProducts',
      input: { q: 'Leather Backpack' },
    });
  });

  it('repeats a request only when it can take the number the follow-up gives, and answers a complaint before searching', () => {
    const hours = [
      user('What time does your Berlin store open?'),
      assistant('Demo Store Berlin opens at 10 AM.'),
    ];
    expect(decide([...hours, user('what about 12346')])).not.toMatchObject({ toolName: 'findStores' });
    const searchOnly = storeTools.filter((tool) => tool.name === 'searchProducts');
    expect(
      decide([user("this is ridiculous, I've been waiting two weeks for my bag")], '', searchOnly),
    ).toEqual({
      type: 'text',
      text: "I'm sorry to hear that. If you would like, I can hand you over to a person.",
    });
  });

  it('joins a code written apart from its number where the schema shows them together ("LH 1166" for LH400)', () => {
    const flights = [
      operation(
        'getFlightStatus',
        ['get', '/flightstatus/{flightNumber}/{date}'],
        'Status of a flight on a date',
        {
          flightNumber: { type: 'string', description: 'The flight number.', example: 'LH400' },
          date: { type: 'string', format: 'date', description: 'Departure date.' },
        },
        ['flightNumber', 'date'],
      ),
      operation(
        'getAircraft',
        ['get', '/aircraft/{aircraftCode}'],
        'An aircraft type',
        { aircraftCode: { type: 'string', example: '33P' } },
        ['aircraftCode'],
      ),
    ];
    expect(
      decide(
        [user('any delays expected for LH 1166 on 2025-05-16? I have a meeting after landing')],
        '',
        flights,
      ),
    ).toEqual({
      type: 'tool-call',
      toolName: 'getFlightStatus',
      input: { flightNumber: 'LH1166', date: '2025-05-16' },
    });
    // A number set apart from a word that is no code of the catalog's form stays a number.
    expect(decide([user('status of flight 1166 on 2025-05-16')], '', flights)).toMatchObject({
      input: { flightNumber: '1166' },
    });
  });

  it('opens no new record of the kind a complaint names by id, and reads the records it names', () => {
    const payments = [
      operation(
        'getTransaction',
        ['get', '/transactions/{id}'],
        'Retrieve a transaction',
        { id: { type: 'string', format: 'uuid' } },
        ['id'],
      ),
      operation(
        'createTransaction',
        ['post', '/transactions'],
        'Create a transaction',
        { amount: { type: 'number' }, description: { type: 'string' } },
        ['amount'],
      ),
      operation('listTransactions', ['get', '/transactions'], 'Retrieve a list of transactions', {
        q: { type: 'string', description: 'Search words' },
      }),
    ];
    const decision = decide(
      [
        user(
          'I was charged twice this week! Transactions 8c1f4a2e-6b3d-4e7a-9f10-2d5c8b7a6e41 and 3a9e7d10-52c4-4b8f-a6e2-91f0c3d4b587',
        ),
      ],
      '',
      payments,
    );
    expect(JSON.stringify(decision)).not.toContain('createTransaction');
    expect(JSON.stringify(decision)).toContain('getTransaction');
  });

  it('never has a change to another kind of record stand in for the one asked for', () => {
    const salon = [
      operation(
        'CancelBooking',
        ['post', '/v2/bookings/{booking_id}/cancel'],
        'Cancels an existing booking.',
        { booking_id: { type: 'string' } },
        ['booking_id'],
      ),
      // Nothing to ask: cancelling a booking's payment is no stand-in for cancelling the booking.
      operation(
        'CancelBookingPayment',
        ['post', '/v2/booking-payments/cancel'],
        'Cancels the payment of a booking.',
        {},
      ),
      operation('ListBookings', ['get', '/v2/bookings'], 'Lists bookings.', {}),
    ];
    expect(decide([user('please cancel my booking')], '', salon)).toEqual({
      type: 'text',
      text: 'What is your booking ID?',
    });
  });

  it('never has another change to the same record stand in for the one asked for', () => {
    const shop = [
      operation(
        'updateOrder',
        ['put', '/orders/{order_id}'],
        'Updates an order.',
        {
          order_id: { type: 'integer' },
          order: { type: 'object', properties: { note: { type: 'string' } } },
        },
        ['order_id', 'order'],
      ),
      // Complete with the id alone, but closing is not what was asked.
      operation('closeOrder', ['post', '/orders/{order_id}/close'], 'Closes an order.', {
        order_id: { type: 'integer' },
      }),
      operation('getOrder', ['get', '/orders/{order_id}'], 'Retrieves an order.', {
        order_id: { type: 'integer' },
      }),
    ];
    const decided = decide([user('Could you send me the tracking number for order 1102?')], '', shop);
    expect(decided).not.toMatchObject({ toolName: 'closeOrder' });
  });

  it('reads a request put as a question for the change it asks, where the catalog creates what it names', () => {
    const billing = [
      operation(
        'PostSubscriptionReactivation',
        ['post', '/subscription-reactivations'],
        'Reactivate a subscription.',
        { subscriptionId: { type: 'string' } },
        ['subscriptionId'],
      ),
      operation(
        'GetSubscriptionReactivation',
        ['get', '/subscription-reactivations/{id}'],
        'Retrieve a reactivation.',
        {
          id: { type: 'string' },
        },
      ),
      operation('GetSubscription', ['get', '/subscriptions/{id}'], 'Retrieve a subscription.', {
        id: { type: 'string' },
      }),
    ];
    expect(
      decide(
        [user('I cancelled last month by mistake, can you reactivate subscription 3c9e7b21-5d4f-4e88?')],
        '',
        billing,
      ),
    ).toMatchObject({ type: 'tool-call', toolName: 'PostSubscriptionReactivation' });
  });

  it('gives an id to the operation its prefix names, whatever noun the customer puts before it', () => {
    const update = (name: string, path: string, parameter: string) =>
      operation(
        name,
        ['post', path],
        `Updates the ${parameter}.`,
        { [parameter]: { type: 'string' }, email: { type: 'string' } },
        [parameter],
      );
    const stripe = [
      update('PostAccountsAccount', '/v1/accounts/{account}', 'account'),
      update('PostCustomersCustomer', '/v1/customers/{customer}', 'customer'),
    ];
    expect(
      decide(
        [user('Please change the billing email on our account cus_NffrFeUfNV2Hib to a@b.io')],
        '',
        stripe,
      ),
    ).toMatchObject({ type: 'tool-call', toolName: 'PostCustomersCustomer' });
  });

  it('greets back only a message that is no more than a greeting', () => {
    expect(say('hey there, how are you?')).toEqual({
      type: 'text',
      text: 'Hello! How can I help you today?',
    });
    // A question after the greeting is answered: here with what the agent can do.
    expect(say('Hi! How can I see what I bought before?')).toMatchObject({
      type: 'text',
      text: expect.stringContaining('past purchases'),
    });
  });
});
