import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { listParameters } from '../catalog/list-parameters.js';
import { askForParameters } from './ask-for-parameters.js';

const parameter = (name: string, description: string) => ({
  name,
  description,
  schema: {},
  type: 'string',
  required: true,
  enumValues: undefined,
});

describe('askForParameters', () => {
  it('asks in the words of the description', () => {
    expect(
      askForParameters([parameter('orderId', 'The order number, digits only (drop a leading #).')]),
    ).toBe('What is your order number?');
    expect(askForParameters([parameter('email', "The customer's email address.")])).toBe(
      'What is your email address?',
    );
    // A description that defines its subject asks for the subject.
    expect(
      askForParameters([parameter('orderId', 'Order ID is a unique code that identifies an order.')]),
    ).toBe('What is your order ID?');
    // A description that only names the type asks by the name.
    expect(askForParameters([parameter('EmailAddress', 'string')])).toBe('What is your email address?');
  });

  it('asks in the words of a description written in HTML with labelled facets', () => {
    const [merchant, amount] = listParameters({
      type: 'object',
      properties: {
        merchant_id: {
          type: 'integer',
          description:
            '<strong>Format: </strong>Variable length, up to 12 N<br><strong>Description: </strong>Unique identifier on the Qualpay system.',
        },
        amt_tran: {
          type: 'number',
          description: '<p>Total amount to refund &amp; no more.</p><p>Format: up to 12,2 N</p>',
        },
      },
      required: ['merchant_id', 'amt_tran'],
    });
    expect(askForParameters([merchant])).toBe('What is the identifier on the Qualpay system?');
    expect(amount.description).toBe('Total amount to refund & no more.\nFormat: up to 12,2 N');
    expect(askForParameters([amount])).toBe('What is the total amount to refund & no more?');
  });

  it('asks for several details at once and turns why-descriptions into a question', () => {
    expect(
      askForParameters([
        parameter('orderId', 'The order number, digits only.'),
        parameter('reason', 'Why the customer is returning the item, in their own words.'),
      ]),
    ).toBe('Could you tell me your order number and why you are returning the item?');
    expect(askForParameters([parameter('reason', 'Why the customer returns it.')])).toMatch(
      /why you return it\?$/,
    );
  });

  it('asks for what the customer has as theirs, and for anything else as it is', () => {
    const ask = (name: string, description: string) => askForParameters([parameter(name, description)]);
    expect(ask('habitat', 'Habitat of the bird.')).toBe('What is the habitat of the bird?');
    expect(ask('to_unit', 'Unit in which to return the result.')).toBe(
      'What is the unit in which to return the result?',
    );
    expect(ask('last_name', "The last name of the customer, such as 'Doe'.")).toBe('What is your last name?');
    expect(ask('user_id', 'The user ID of the account.')).toBe('What is your user ID of the account?');
    // Of "the name of the league", what follows "of" says whose it is; what another holds is not theirs.
    expect(ask('league', 'Name of the league in which the team competes.')).toBe(
      'What is the name of the league in which the team competes?',
    );
    expect(ask('n', 'Number of times that interest is compounded per year.')).toBe(
      'What is the number of times that interest is compounded per year?',
    );
    expect(ask('dealer', 'Cards held by the dealer.')).toBe('What are the cards held by the dealer?');
    expect(ask('order_number', 'Number of the order to track.')).toBe('What is your order number?');
  });

  it('asks for "the ID of the ticket" as the ticket ID', () => {
    expect(askForParameters([parameter('ticket_id', 'The ID of the ticket')])).toBe(
      'What is your ticket ID?',
    );
    expect(askForParameters([parameter('code', 'Code of the coupon.')])).toBe('What is the coupon code?');
    expect(askForParameters([parameter('payment_id', 'The unique ID of the payment being refunded.')])).toBe(
      'What is your payment ID?',
    );
  });

  it('leaves out where a description says the value comes from', () => {
    expect(askForParameters([parameter('city', "City name from the customer's message.")])).toBe(
      'What is your city name?',
    );
    expect(askForParameters([parameter('sku', 'The SKU as provided by the user')])).toBe('What is the SKU?');
    expect(askForParameters([parameter('topic', 'Topic mentioned in the conversation')])).toBe(
      'What is the topic?',
    );
    // A value that is itself about a message keeps its words.
    expect(askForParameters([parameter('text', 'Text of the message')])).toBe(
      'What is the text of the message?',
    );
  });

  it('falls back to the parameter name', () => {
    expect(askForParameters([parameter('zipCode', '')])).toBe('What is your zip code?');
    // A description whose subject only points ("This is …") names nothing.
    expect(
      askForParameters([
        parameter('subscriptionId', 'This is a required property. The subscriptionId is unique.'),
      ]),
    ).toBe('What is your subscription ID?');
  });

  it('asks for one of two as the description offers them', () => {
    const customerId = parameter(
      'customerId',
      "Either the customer's primary domain name or the customer's unique identifier. If using the domain name, …",
    );
    expect(askForParameters([customerId])).toBe(
      'What is your primary domain name or your unique identifier?',
    );
  });

  /** Square's `Money`: its description is the type's, and it declares no required fields. */
  const money = {
    type: 'object',
    description: 'Represents an amount of money. `Money` fields can be signed or unsigned.',
    properties: {
      amount: { type: 'integer', description: 'The amount of money, in the smallest denomination.' },
      currency: { type: 'string', description: 'The type of currency, in ISO 4217 format.' },
    },
  };
  const refundPayment: EngineTool = {
    name: 'RefundPayment',
    description: 'RefundPayment\n\nRefunds a payment.',
    inputSchema: {
      type: 'object',
      properties: { amount_money: money, payment_id: { type: 'string' }, tip_money: money },
      required: ['amount_money', 'payment_id'],
    },
    operation: {
      method: 'post',
      path: '/v2/refunds',
      operationId: 'RefundPayment',
      summary: 'RefundPayment',
    },
  };
  const inputs = listParameters(refundPayment.inputSchema);
  const input = (name: string) => inputs.find((entry) => entry.name === name)!;

  it('asks for an amount of money as the amount the action is for, never by its fields or its type', () => {
    expect(askForParameters([input('amount_money')], refundPayment)).toBe(
      'Could you tell me the amount to refund?',
    );
    expect(askForParameters([input('tip_money')], refundPayment)).toBe('Could you tell me the tip amount?');
    // The same object with no fields to go by.
    const bare = { ...input('amount_money'), schema: { type: 'object', description: money.description } };
    expect(askForParameters([bare], refundPayment)).toBe('Could you tell me the amount to refund?');
    expect(askForParameters([{ ...bare, name: 'payload' }])).toBe('Could you tell me the payload?');
  });

  it('asks for an object by the fields a customer can give, in words', () => {
    const shift = {
      name: 'shift',
      description: 'A record of the hourly rate, start, and end times for a single work shift.',
      schema: {
        type: 'object',
        required: ['location_id', 'start_at'],
        properties: {
          id: { type: 'string', readOnly: true },
          location_id: { type: 'string' },
          start_at: { type: 'string' },
        },
      },
      type: 'object',
      required: true,
      enumValues: undefined,
    };
    expect(askForParameters([shift])).toBe('Could you tell me the location ID and start time of the shift?');
    // No required list, many optional fields and some only the API writes: the details of it.
    const properties = Object.fromEntries(
      [
        'id',
        'version',
        'created_at',
        'start_at',
        'location_id',
        'customer_id',
        'customer_note',
        'seller_note',
      ].map((name, index) => [name, { type: 'string', ...(index < 3 ? { readOnly: true } : {}) }]),
    );
    const booking = { ...shift, name: 'booking', schema: { type: 'object', properties } };
    expect(askForParameters([booking])).toBe('Could you tell me the details of the booking?');
  });
});
