import { describe, expect, it } from 'vitest';
import { listParameters } from '../catalog/list-parameters.js';
import { fillArguments } from './fill-arguments.js';

const fill = (properties: Record<string, unknown>, required: string[], text: string) =>
  fillArguments({
    parameters: listParameters({ type: 'object', properties, required }),
    text,
    subjectConcepts: new Set(),
  });

describe('fillArguments', () => {
  it('takes no name of several words for an id ("the Tone Poet series" is no order id)', () => {
    const orderIds = { type: 'string', description: 'A comma-separated list of the order ids to retrieve.' };
    const text = "Are you ever getting more Blue Note reissues? I'd buy anything from the Tone Poet series";
    expect(fill({ orderIds }, [], text).input).toEqual({});
  });

  it('fills a filter by domain with the host name the message gives', () => {
    const properties = {
      domain: { type: 'string', description: 'Filter orders by the domain they were bought for.' },
      limit: { type: 'integer' },
    };
    expect(fill(properties, [], 'what orders do i have for mybakery.com? need the renewals').input).toEqual({
      domain: 'mybakery.com',
    });
    expect(fill(properties, [], 'Which orders did I place for kettle-and-crumb.co.uk?').input).toEqual({
      domain: 'kettle-and-crumb.co.uk',
    });
  });

  it("gives a host name to the input that takes sites, never to a record's id", () => {
    const properties = {
      domain: { type: 'string', description: 'Domain name to use as the filter of results' },
      parentOrderId: { type: 'string', description: 'Parent order id to use as the filter of results' },
    };
    expect(fill(properties, [], "show me everything I've ordered for example-bakery.com").input).toEqual({
      domain: 'example-bakery.com',
    });
    const orderId = { type: 'string', description: 'Order ID whose details are to be retrieved' };
    expect(fill({ orderId }, ['orderId'], 'did my order for mycoolshop.net go through??').input).toEqual({});
    const siteId = { type: 'string', description: 'The site, by its host name' };
    expect(fill({ siteId }, ['siteId'], 'is shop.mycoolshop.net up?').input).toEqual({
      siteId: 'shop.mycoolshop.net',
    });
  });

  it('reads an input that starts or ends a span of time as a date, a time of day as one', () => {
    const properties = {
      periodStart: {
        type: 'string',
        description: 'Start of range indicating what time-frame should be returned. Inclusive',
      },
      periodEnd: {
        type: 'string',
        description: 'End of range indicating what time-frame should be returned. Inclusive',
      },
    };
    expect(fill(properties, [], 'What orders did I place between 3 March and 10 March 2024?').input).toEqual({
      periodStart: '2024-03-03',
      periodEnd: '2024-03-10',
    });
    // A page's cursor and a time zone are no dates, whatever their names start with.
    const startingAfter = {
      type: 'string',
      description:
        'A token used by the server to indicate the start of the page. Often this is a timestamp or an ID.',
    };
    const from_timezone = { type: 'string', description: 'The time zone you want to convert from.' };
    expect(fill({ startingAfter, from_timezone }, [], "today's alerts please").input).toEqual({});
    const journey_start_time = { type: 'string', description: 'Starting time of the train journey' };
    expect(
      fill({ journey_start_time }, [], 'a train to Phoenix on April 23rd, leaving at 13:45').input,
    ).toEqual({
      journey_start_time: '13:45',
    });
  });

  it('fills a list of ids with ids as written, never with counts in words', () => {
    const attachment_ids = { type: 'array', items: { type: 'integer' } };
    const text = 'oops I opened #31990021 twice by accident, please bin that one';
    expect(fill({ attachment_ids }, [], text).input.attachment_ids).toBeUndefined();
    expect(fill({ attachment_ids }, [], 'attach files 31990021 and 31990022').input.attachment_ids).toEqual([
      31990021, 31990022,
    ]);
    // A list of ids written as text takes ids, of its items' form, never words.
    const IDs = {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      description: 'Filter by a comma-separated list of InvoicesIDs.',
    };
    expect(fill({ IDs }, [], 'the rate from NZD to AUD? I pay from our Aussie account').input).toEqual({});
    const both =
      'invoices 2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b and 9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f please';
    expect(fill({ IDs }, [], both).input).toEqual({
      IDs: ['2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b', '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f'],
    });
  });

  it('reads a count of the records asked for as the size of the page', () => {
    const properties = {
      limit: { type: 'integer', description: 'Number of results to return' },
      offset: { type: 'integer', description: 'Number of results to skip for pagination' },
    };
    expect(fill(properties, [], 'just show me my 5 most recent orders pls').input).toEqual({ limit: 5 });
    expect(fill(properties, [], 'show me 10 invoices').input).toEqual({ limit: 10 });
    // A number that counts nothing asked for is no page's size.
    expect(fill(properties, [], 'order 5 is late').input).toEqual({});
  });

  it('starts a required paging at the first page, of the size the schema shows, without asking', () => {
    const properties = {
      clientEmail: { type: 'string', description: 'Customer email.' },
      page: { type: 'string', example: '15', description: 'Page number for result pagination.' },
      per_page: { type: 'string', example: '15', description: 'Page quantity for result pagination.' },
    };
    const orders = fill(
      properties,
      ['clientEmail', 'page', 'per_page'],
      'my email is joana.silva@example.com',
    );
    expect(orders.input).toEqual({ clientEmail: 'joana.silva@example.com', page: '1', per_page: '15' });
    expect(orders.missing).toEqual([]);
    const offset = { type: 'integer', description: 'How many records to skip.' };
    const limit = { type: 'integer', maximum: 10, description: 'Results per page.' };
    expect(fill({ offset, limit }, ['offset', 'limit'], 'list the refunds').input).toEqual({
      offset: 0,
      limit: 10,
    });
    // A page the message names is the one given; a count of other things is asked for.
    expect(fill({ page: { type: 'integer' } }, ['page'], 'show me page 3').input).toEqual({ page: 3 });
    const skip = { type: 'integer', description: 'Number of closest prime to skip.' };
    expect(fill({ skip }, ['skip'], 'which prime comes next?').missing.map(({ name }) => name)).toEqual([
      'skip',
    ]);
  });

  it('searches by the email or phone number the message gives, before any word around it', () => {
    const query = { type: 'string', description: 'Text to search customers by.' };
    expect(
      fill({ query }, ['query'], 'staff here - pull up the customer account for jenna.k@fastmail.com').input,
    ).toEqual({
      query: 'jenna.k@fastmail.com',
    });
    expect(fill({ query }, ['query'], 'do you have waterproof boots?').input.query).toMatch(/boots/);
  });

  it('fills a filter of several emails with the one given, and takes no "I\'ve" for a name', () => {
    const properties = {
      requester_emails: { type: 'string', description: 'Only the tickets of these requesters.' },
      assigned_team: { type: 'string', description: 'If mine, only the tickets of your teams.' },
    };
    expect(
      fill(properties, [], "Show me all the tickets I've sent you. I'm nora.b@example.com").input,
    ).toEqual({
      requester_emails: 'nora.b@example.com',
    });
  });

  it("fills an operation's only input, an object, as its body, on the evidence of the message", () => {
    const ticket = {
      type: 'object',
      properties: {
        subject: { type: 'string', description: 'The subject of the ticket.' },
        requester_email: { type: 'string', description: 'The email of the requester of the ticket.' },
      },
    };
    expect(
      fill({ ticket }, [], 'the lid of my blender cracked after 2 uses. use lena.m@example.com').input,
    ).toEqual({
      ticket: { requester_email: 'lena.m@example.com' },
    });
    // Beside other inputs, an object the message does not name stays empty.
    expect(fill({ ticket, priority: { type: 'string' } }, [], 'use lena.m@example.com').input).toEqual({});
  });

  it('takes no chat shorthand for the words to search by', () => {
    const query = { type: 'string', description: 'Text to search products by.' };
    expect(fill({ query }, ['query'], 'do u guys sell hammocks').input).toEqual({ query: 'hammocks' });
    expect(fill({ query }, ['query'], 'hammocks pls').input).toEqual({ query: 'hammocks' });
  });

  it("fills a required input's default, never a placeholder that stands in for a value", () => {
    const currency = { type: 'string', default: 'USD' };
    const maxLot = { type: 'string', default: '{{maxLot}}' };
    const token = { type: 'string', default: '<token>' };
    const filled = fill({ currency, maxLot, token }, ['currency', 'maxLot', 'token'], 'what is new?');
    expect(filled.input).toEqual({ currency: 'USD' });
    expect(filled.missing.map((parameter) => parameter.name)).toEqual(['maxLot', 'token']);
  });

  it('takes no id from a length of time, "once", or "the first one"', () => {
    const eventId = { type: 'integer', description: 'The event ID.' };
    for (const text of [
      'and the ticket counts for the first one?',
      "we'll check once it's done",
      "it's been 10 days since the event",
    ])
      expect(fill({ event_id: eventId }, ['event_id'], text).input, text).toEqual({});
    expect(fill({ event_id: eventId }, ['event_id'], 'ticket counts for event 5120').input).toEqual({
      event_id: 5120,
    });
  });

  it('reads "twice" as how often, never as an amount', () => {
    const amount = { type: 'integer', description: 'How much of the charge to refund, in cents.' };
    expect(fill({ amount }, [], 'I was charged twice for it, please refund it').input).toEqual({});
    expect(fill({ amount }, [], 'please refund 1500 of the charge').input).toEqual({ amount: 1500 });
  });

  it('reads a unit after "per" or "in" into an input that takes a unit', () => {
    const measure = { type: 'string', description: "The measure unit for price, like 'ounce' or 'kg'." };
    const metal = { type: 'string', description: 'The metal whose price needs to be fetched.' };
    expect(
      fill({ metal, measure }, ['metal', 'measure'], 'Get current Gold price per ounce.').input,
    ).toMatchObject({
      measure: 'ounce',
    });
  });

  it('reads a span of time into an input that counts days, weeks, months or years', () => {
    const days = { type: 'integer', description: 'The number of days for the forecast.' };
    expect(fill({ days }, ['days'], 'air quality in New York for the next week?').input).toMatchObject({
      days: 7,
    });
    const months = { type: 'integer', description: 'How far ahead to predict.' };
    expect(fill({ months }, ['months'], 'house prices for the next month').input).toMatchObject({
      months: 1,
    });
  });

  it('reads a phone number whole, into a phone input or a search, and never its groups as numbers', () => {
    const phone = fill(
      { phone_number: { type: 'string' }, quantity: { type: 'integer' } },
      ['phone_number'],
      'my phone is +1 415 555 0101',
    );
    expect(phone.input).toEqual({ phone_number: '+1 415 555 0101' });
    const search = fill(
      { query: { type: 'string' } },
      ['query'],
      'find the customer with phone (415) 555-0101',
    );
    expect(search.input).toEqual({ query: '(415) 555-0101' });
    // A date and an order number are no phone numbers.
    const order = fill(
      { order_id: { type: 'integer' }, phone: { type: 'string' } },
      ['order_id'],
      'order 5521 from 2024-05-20',
    );
    expect(order.input).toEqual({ order_id: 5521 });
  });

  it('splits an address given in one line between the inputs that ask for its parts', () => {
    const part = { type: 'string' };
    const result = fill(
      { order_id: part, address1: part, address2: part, city: part, state: part, country: part, zip: part },
      ['order_id', 'address1', 'address2', 'city', 'state', 'country', 'zip'],
      'please ship order W2378156 to 27 Birch Lane, Portland, OR 97205, USA',
    );
    // The address has no second line: the input that requires one gets it empty, not a question.
    expect(result.input).toMatchObject({
      address1: '27 Birch Lane',
      address2: '',
      city: 'Portland',
      state: 'OR',
      zip: '97205',
      country: 'USA',
    });
    expect(result.missing).toEqual([]);
    // Inside an object named in the message, each part goes to its field; the house number is no order's.
    const shipping = fill(
      {
        id: { type: 'integer' },
        shipping: {
          type: 'object',
          properties: {
            address_1: part,
            address_2: part,
            city: part,
            state: part,
            postcode: part,
            country: part,
          },
        },
      },
      ['id'],
      'change the shipping address on order 4410 to 27 Birch Lane, Portland, OR 97205',
    );
    expect(shipping.input).toEqual({
      id: 4410,
      shipping: { address_1: '27 Birch Lane', city: 'Portland', state: 'OR', postcode: '97205' },
    });
  });

  it('ties numbers to the parameters named beside them', () => {
    const result = fill(
      {
        base: { type: 'integer', description: 'The base of the triangle.' },
        height: { type: 'integer', description: 'The height.' },
      },
      ['base', 'height'],
      'Find the area of a triangle with a height of 5 and a base of 10 units.',
    );
    expect(result.input).toEqual({ base: 10, height: 5 });
  });

  it('reads formats: email, dates as ISO, and the enum value named', () => {
    const result = fill(
      {
        email: { type: 'string', format: 'email' },
        date: { type: 'string', format: 'date' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      ['email', 'date'],
      'Send it to ana@example.org for March 3, 2031 in Fahrenheit',
    );
    expect(result.input).toEqual({ email: 'ana@example.org', date: '2031-03-03', unit: 'fahrenheit' });
  });

  it('takes the member a verb asks for again ("reopen" for open), not the state the message tells', () => {
    const status = { type: 'string', enum: ['new', 'open', 'pending', 'solved', 'closed'] };
    expect(
      fill({ status }, [], 'it got marked solved but the problem is back, please reopen it').input,
    ).toEqual({
      status: 'open',
    });
    expect(fill({ status }, [], 'please mark it solved').input).toEqual({ status: 'solved' });
    // "renew" asks for no `new`, nor does a word of another input ("review" for a `view` mode).
    expect(fill({ status }, [], 'please renew it').input).toEqual({});
    expect(fill({ mode: { type: 'string', enum: ['view', 'edit'] } }, [], 'please review it').input).toEqual(
      {},
    );
  });

  it('dates nothing due or ending by what has gone on "since" a day', () => {
    const at = { type: 'string', format: 'date-time' };
    expect(fill({ due_at: at }, [], 'the problem is back since yesterday').input).toEqual({});
    expect(fill({ dueDate: at }, [], 'broken since Monday').input).toEqual({});
    expect(fill({ due_at: at }, [], 'can you look at it by Friday?').input).toHaveProperty('due_at');
  });

  it('lists required parameters it cannot find and leaves optional ones out', () => {
    const result = fill(
      { orderId: { type: 'string', pattern: '^[0-9]{4,10}$' }, note: { type: 'string' } },
      ['orderId'],
      'I have been a customer for 12 years',
    );
    expect(result.input).toEqual({});
    expect(result.missing.map((parameter) => parameter.name)).toEqual(['orderId']);
  });

  it('reads a "K" after a number as kelvin where the message speaks of temperature, else as thousands', () => {
    const temp = { type: 'integer', description: 'The temperature in kelvin.' };
    const budget = { type: 'integer', description: 'The budget in dollars.' };
    expect(fill({ temp }, ['temp'], 'the gas is at a temperature of 298K').input).toEqual({ temp: 298 });
    expect(fill({ budget }, ['budget'], 'our budget is 300K').input).toEqual({ budget: 300000 });
  });

  it('fills a note or a comment with what the message says it should say, and nothing else', () => {
    const order = {
      type: 'object',
      properties: { note: { type: 'string' }, email: { type: 'string', format: 'email' } },
    };
    expect(fill({ order }, ['order'], "Could you add a note to the order that it's a gift?").input).toEqual({
      order: { note: "it's a gift" },
    });
    expect(fill({ order }, ['order'], 'add a note: leave it with the neighbour').input).toEqual({
      order: { note: 'leave it with the neighbour' },
    });
    // Another word ("comment"), or the verb "noted", says nothing of the note.
    expect(fill({ order }, ['order'], 'leave a comment saying the box was open').input).toEqual({});
    expect(fill({ order }, ['order'], 'I noted that you charged me twice').input).toEqual({});
  });

  it('reads a small count of things ("3 of pet 87", "2 x the mug") as the quantity, never an id', () => {
    const petId = { type: 'integer', description: 'The pet ID.' };
    const quantity = { type: 'integer' };
    expect(fill({ petId, quantity }, ['petId'], 'can I order 3 of pet 87?').input).toEqual({
      petId: 87,
      quantity: 3,
    });
    expect(fill({ quantity }, [], 'add 2 x the blue mug please').input).toEqual({ quantity: 2 });
    // A number that counts nothing stays out of an optional quantity.
    expect(fill({ petId, quantity }, ['petId'], 'is pet 87 still available?').input).toEqual({ petId: 87 });
  });

  it('reads number lists and quoted text', () => {
    const result = fill(
      {
        values: { type: 'array', items: { type: 'number' } },
        label: { type: 'string', description: 'Chart label' },
      },
      ['values', 'label'],
      'Plot 3, 5.5 and -2 with the label "Q3 sales"',
    );
    expect(result.input).toEqual({ values: [3, 5.5, -2], label: 'Q3 sales' });
  });

  it('reads currencies as codes and places them by "from" and "to"', () => {
    const result = fill(
      {
        amount: { type: 'number' },
        from_currency: { type: 'string', description: 'The currency to convert from.' },
        to_currency: { type: 'string', description: 'The currency to convert to.' },
      },
      ['amount', 'from_currency', 'to_currency'],
      'How much is it in British pounds if I convert from 200 US dollars?',
    );
    expect(result.input).toEqual({ amount: 200, from_currency: 'USD', to_currency: 'GBP' });
  });

  it("takes a free-text value only after a preposition or the parameter's words, never invented", () => {
    const properties = { cuisine: { type: 'string', description: 'Type of food' } };
    expect(fill(properties, ['cuisine'], 'Anything with sushi?').input).toEqual({ cuisine: 'sushi' });
    expect(
      fill(properties, ['cuisine'], 'What is the latest trend?').missing.map((parameter) => parameter.name),
    ).toEqual(['cuisine']);
  });

  it('splits a date range into its start and end', () => {
    const result = fill(
      { check_in: { type: 'string', format: 'date' }, check_out: { type: 'string', format: 'date' } },
      ['check_in', 'check_out'],
      'Is a room free from July 10, 2031 to July 20, 2031?',
    );
    expect(result.input).toEqual({ check_in: '2031-07-10', check_out: '2031-07-20' });
  });

  it('gives the code a description defines for the label the message names', () => {
    const service = {
      type: 'integer',
      description: "The service. For example, '1' represents a cleaning service, '2' for an ironing service.",
    };
    expect(fill({ service_id: service }, ['service_id'], 'Find someone for ironing services').input).toEqual({
      service_id: 2,
    });
  });

  it('fills an object input field by field, and an optional one only when the message names it', () => {
    const item = {
      type: 'object',
      required: ['sku', 'qty', 'quote_id'],
      properties: {
        sku: { type: 'string', description: 'Product SKU.' },
        qty: { type: 'number', description: 'Quantity.' },
        quote_id: { type: 'string', description: 'The cart id.' },
      },
    };
    const address = { type: 'object', properties: { city: { type: 'string', description: 'City.' } } };
    const added = fill({ cartItem: item }, ['cartItem'], 'Add 2 of SKU TR-TENT-2P, quantity 2');
    expect(added.input.cartItem).toMatchObject({ sku: 'TR-TENT-2P', qty: 2 });
    expect(added.missing).toEqual([]);
    const moved = fill(
      { shipping: address, billing: address },
      [],
      'Please change the shipping address to Portland',
    );
    expect(moved.input).toEqual({ shipping: { city: 'Portland' } });
  });

  it("never reads the record's own name as a value of its fields, by a synonym", () => {
    // Tickets and incidents are synonyms; "ticket 38802" still names the ticket, not its type.
    const ticket = {
      type: 'object',
      properties: {
        subject: { type: 'string' },
        type: { type: 'string', enum: ['problem', 'incident', 'question', 'task'] },
      },
    };
    expect(fill({ ticket }, ['ticket'], 'please update the ticket, 38802').input).toEqual({});
    expect(fill({ ticket }, ['ticket'], 'please set the type of ticket 38802 to incident').input).toEqual({
      ticket: { type: 'incident' },
    });
    // A synonym of a value still names it where it names no record ("remove the item" deletes).
    const action = { type: { type: 'string', enum: ['add', 'delete', 'complete'] } };
    expect(fill(action, ['type'], 'remove the item from my list').input).toEqual({ type: 'delete' });
  });

  it('splits a full name between a first-name and a last-name input', () => {
    const person = {
      first_name: { type: 'string', description: 'The first name of the customer.' },
      last_name: { type: 'string', description: 'The last name of the customer.' },
      zip: { type: 'string', description: 'The zip code of the customer.' },
    };
    expect(fill(person, ['first_name', 'last_name', 'zip'], "I'm Yusuf Rossi, zip code 19122").input).toEqual(
      {
        first_name: 'Yusuf',
        last_name: 'Rossi',
        zip: '19122',
      },
    );
    // A name input on its own keeps the whole name.
    expect(
      fill({ name: { type: 'string', description: 'Full name.' } }, ['name'], 'I am Mary Ann Lee').input.name,
    ).toBe('Mary Ann Lee');
  });

  it('fills a money object from the amount the message gives, and never an id with an amount', () => {
    const money = {
      type: 'object',
      required: ['currency_code', 'value'],
      properties: {
        currency_code: { type: 'string', description: 'The three-character ISO-4217 currency code.' },
        value: { type: 'string', description: 'The value.' },
      },
    };
    const properties = {
      'Request-Id': { type: 'string', description: 'The server stores keys for 45 days.' },
      amount: money,
    };
    expect(fill(properties, [], 'Can you refund $12.50 on that transaction?').input).toEqual({
      amount: { value: '12.50', currency_code: 'USD' },
    });
    expect(fill(properties, [], 'refund 30 euros please').input).toEqual({
      amount: { value: '30', currency_code: 'EUR' },
    });
    // A number that is no amount of money fills no money object.
    expect(fill(properties, [], 'refund order 4410').input.amount).toBeUndefined();
  });

  it('counts an amount in the smallest unit where the input says so, and fills one money object with it', () => {
    const cents = {
      type: 'integer',
      description: 'Amount in the smallest denomination of the currency (cents for USD).',
    };
    const money = { type: 'object', properties: { amount: cents, currency: { type: 'string' } } };
    const refund = fill(
      { amount_money: money, app_fee_money: money, payment_id: { type: 'string' } },
      ['amount_money', 'payment_id'],
      'Please refund the $85 duplicate charge',
    );
    expect(refund.input).toEqual({ amount_money: { amount: 8500, currency: 'USD' } });
    expect(fill({ amount_money: money }, [], 'refund ¥500 please').input).toEqual({
      amount_money: { amount: 500, currency: 'JPY' },
    });
    // A plain input in cents takes $12.50 as 1250; one in units keeps the amount as written.
    expect(fill({ amount: cents }, [], 'refund $12.50 of it').input).toEqual({ amount: 1250 });
    const units = { type: 'number', description: 'The amount to refund.' };
    expect(fill({ amount: units }, [], 'refund $12.50 of it').input).toEqual({ amount: 12.5 });
  });

  it("reads a required choice in the customer's own words when one member alone fits them", () => {
    const reason = {
      type: 'string',
      enum: ['no longer needed', 'ordered by mistake'],
      description: 'The reason for cancellation.',
    };
    expect(fill({ reason }, ['reason'], "cancel it please - don't need it anymore").input).toEqual({
      reason: 'no longer needed',
    });
    // The record the operation acts on is no word of a member ("cancel order …" orders nothing by mistake).
    expect(
      fillArguments({
        parameters: listParameters({ type: 'object', properties: { reason }, required: ['reason'] }),
        text: "cancel order #W8665881 please, I don't need it anymore",
        subjectConcepts: new Set(['order']),
      }).input,
    ).toEqual({ reason: 'no longer needed' });
    expect(fill({ reason }, ['reason'], 'cancel it, I ordered the wrong one by mistake').input).toEqual({
      reason: 'ordered by mistake',
    });
    // Words of both members, or of none, are asked about; an optional choice is left out.
    expect(fill({ reason }, ['reason'], 'cancel it please').missing.map((entry) => entry.name)).toEqual([
      'reason',
    ]);
    expect(fill({ reason }, [], "cancel it please - don't need it anymore").input).toEqual({});
  });

  it('fills a length of time into the input measured in its unit, never into a rate per unit', () => {
    const properties = {
      principal: { type: 'integer', description: 'The initial amount invested.' },
      compounds_per_year: { type: 'integer', description: 'How many times interest is compounded per year.' },
      time: { type: 'integer', description: 'The time, in years, the money is invested for.' },
    };
    expect(
      fill(properties, ['principal', 'compounds_per_year', 'time'], 'I invest $10,000 for 10 years').input,
    ).toEqual({ principal: 10000, time: 10 });
    const growth = {
      frequency: { type: 'integer', description: 'Duplications per hour.' },
      duration: { type: 'integer', description: 'Total duration in hours.' },
    };
    expect(fill(growth, ['frequency', 'duration'], 'they grow for 6 hours').input).toEqual({ duration: 6 });
    // A number with no unit of time stays free for either.
    expect(fill(growth, ['frequency'], 'they double 3 times').input).toEqual({ frequency: 3 });
  });

  it('fills a free string with a value its description gives as an example, word for word', () => {
    const properties = {
      diet: { type: 'string', description: 'Dietary restriction, e.g. vegan, vegetarian, gluten free.' },
      cuisine: { type: 'string', description: 'Type of food like Sushi.' },
      city: { type: 'string', description: "The city, e.g. 'Walnut Creek, CA'." },
    };
    expect(fill(properties, [], 'a gluten-free sushi place please').input).toMatchObject({
      diet: 'gluten free',
      cuisine: 'Sushi',
    });
    // A quoted example is whole: its state code is no example of its own.
    expect(fill(properties, [], 'anything in Sunnyvale, CA?').input.city).not.toBe('CA');
    // A word near an example is none ("vegetables" is no "vegetarian").
    expect(fill(properties, [], 'do you have vegetables?').input.diet).toBeUndefined();
  });

  it('fills a website input with a host the message names without a scheme', () => {
    const website = { type: 'string', description: 'The food website that has the recipe.' };
    expect(fill({ website }, ['website'], 'the lasagna from Foodnetwork.com please').input).toEqual({
      website: 'Foodnetwork.com',
    });
    // A file or a snake_case name is no host.
    expect(fill({ website }, ['website'], 'see notes.txt2 and main_db').input).toEqual({});
  });

  it('dates the end of a stay from its start and its length in nights, days or weeks', () => {
    const properties = {
      check_in: { type: 'string', format: 'date', description: 'Arrival date.' },
      check_out: { type: 'string', format: 'date', description: 'Departure date.' },
    };
    const required = ['check_in', 'check_out'];
    expect(fill(properties, required, 'a room for 3 nights starting from 1st June 2027').input).toEqual({
      check_in: '2027-06-01',
      check_out: '2027-06-04',
    });
    expect(fill(properties, required, 'for 2 weeks starting 2027-07-10').input.check_out).toBe('2027-07-24');
    // Without a length, the end is asked for.
    expect(
      fill(properties, required, 'a room from 1st June 2027').missing.map((entry) => entry.name),
    ).toEqual(['check_out']);
  });

  it('leaves the address inputs an address does not give empty, for nothing else to take', () => {
    const properties = {
      address1: { type: 'string', description: 'The first line of the address' },
      address2: { type: 'string', description: 'The second (optional) line of the address' },
      city: { type: 'string' },
      state: { type: 'string' },
      zip: { type: 'string' },
    };
    expect(
      fill(properties, ['address1'], 'Add a recipient: John Carter, 45 Elm Street, Austin, TX 78701').input,
    ).toEqual({
      address1: '45 Elm Street',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
    });
  });

  it("gives an address's names and numbers to no input but a place's, and a street to no country", () => {
    // BigCommerce's order update: optional technical inputs beside the order id.
    const properties = {
      order_id: { type: 'integer' },
      geoip_country: { type: 'string', description: 'The country from the IP address' },
      ip_address: { type: 'string', description: 'IPv4 address of the customer' },
      channel_id: { type: 'integer' },
    };
    expect(
      fill(properties, ['order_id'], 'order 10560: it should be 412 Birch Hollow Rd, not 412 Birch Hill Rd')
        .input,
    ).toEqual({ order_id: 10560 });
    expect(
      fill(properties, [], 'change it to 19 Cottage St, Bar Harbor ME 04609 please').input,
    ).not.toHaveProperty('channel_id');
    // A place input named for no area takes the whole address's street.
    expect(
      fill(
        { loc: { type: 'string', description: 'Pickup location' } },
        ['loc'],
        'a ride from 2150 Shattuck Ave please',
      ).input.loc,
    ).toMatch(/Shattuck Ave/);
  });
});
