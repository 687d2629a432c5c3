import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { decideTurn } from '../decide-turn.js';

const operation = (
  name: string,
  [method, path]: ['get' | 'post' | 'put' | 'delete', string],
  description: string,
  properties: Record<string, unknown>,
  responseFields: string[],
): EngineTool => ({
  name,
  description,
  inputSchema: {
    type: 'object',
    properties,
    required: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
  },
  operation: { method, path, operationId: name, responseFields },
});
/** Suppressions as SendGrid keeps them: a list of every unsubscribed address, and one address's entry. */
const suppressions = [
  operation(
    'ListUnsubscribes',
    ['get', '/v3/suppression/unsubscribes'],
    'Retrieve all global unsubscribes',
    { limit: { type: 'integer', default: 500 } },
    ['email', 'created'],
  ),
  operation(
    'GetUnsubscribe',
    ['get', '/v3/suppression/unsubscribes/{email}'],
    'Retrieve a global unsubscribe',
    { email: { type: 'string', format: 'email' } },
    ['email', 'created'],
  ),
];
const decide = (text: string) =>
  decideTurn({ system: '', turns: [{ role: 'user', text, toolCalls: [] }], toolResults: [] }, suppressions);

describe('chooseTool', () => {
  it("lists no records of people's emails filtered by nothing the customer gave", () => {
    expect(decide('unsubscribe me')).toMatchObject({ type: 'text' });
    expect(decide('am I unsubscribed? nia.k@example.com')).toMatchObject({
      type: 'tool-call',
      toolName: 'GetUnsubscribe',
      input: { email: 'nia.k@example.com' },
    });
  });

  it('changes the record the message names rather than do its verb to a record it does not name', () => {
    const booking_id = { type: 'string' };
    const booking = {
      type: 'object',
      properties: { start_at: { type: 'string' }, customer_note: { type: 'string' } },
    };
    const tools: EngineTool[] = [
      operation(
        'RetrieveBooking',
        ['get', '/v2/bookings/{booking_id}'],
        'Retrieves a booking.',
        { booking_id },
        [],
      ),
      {
        ...operation(
          'UpdateBooking',
          ['put', '/v2/bookings/{booking_id}'],
          'Updates a booking.',
          { booking_id, booking },
          [],
        ),
        inputSchema: {
          type: 'object',
          properties: { booking_id, booking },
          required: ['booking_id', 'booking'],
        },
      },
      operation(
        'AddGroupToCustomer',
        ['put', '/v2/customers/{customer_id}/groups/{group_id}'],
        'Adds a group membership to a customer.',
        { customer_id: { type: 'string' }, group_id: { type: 'string' } },
        [],
      ),
    ];
    const text = "Please add a note to booking m2n4b6v8c0x1zq that I'm allergic to ammonia-based dyes";
    expect(
      decideTurn({ system: '', turns: [{ role: 'user', text, toolCalls: [] }], toolResults: [] }, tools),
    ).toEqual({
      type: 'tool-call',
      toolName: 'UpdateBooking',
      input: {
        booking_id: 'm2n4b6v8c0x1zq',
        booking: { customer_note: "I'm allergic to ammonia-based dyes" },
      },
    });
  });

  it("lists no one's records filtered by what is no one's (a payment method), only by what is the customer's", () => {
    const orders: EngineTool[] = [
      {
        ...operation(
          'getOrders',
          ['get', '/v2/orders'],
          'Get all orders.',
          {
            payment_method: { type: 'string' },
            email: { type: 'string', description: "The customer's email" },
          },
          ['id', 'status'],
        ),
        operation: {
          method: 'get',
          path: '/v2/orders',
          operationId: 'getOrders',
          responseFields: ['id', 'status'],
          emails: true,
        },
      },
      operation(
        'getOrder',
        ['get', '/v2/orders/{order_id}'],
        'Get an order.',
        { order_id: { type: 'integer' } },
        ['id'],
      ),
    ];
    const ask = (text: string) =>
      decideTurn({ system: '', turns: [{ role: 'user', text, toolCalls: [] }], toolResults: [] }, orders);
    expect(ask('show me the orders paid with Klarna')).toMatchObject({ type: 'text' });
    expect(ask('show me the orders of jo.b@example.com')).toMatchObject({
      type: 'tool-call',
      toolName: 'getOrders',
      input: { email: 'jo.b@example.com' },
    });
  });

  it("calls a list of the business's own places, whose records hold only their phone numbers", () => {
    const stores: EngineTool[] = [
      {
        ...operation(
          'findStores',
          ['get', '/stores'],
          'Find physical stores by city.',
          { city: { type: 'string' } },
          [],
        ),
        operation: {
          method: 'get',
          path: '/stores',
          operationId: 'findStores',
          responseFields: ['name', 'city', 'phone', 'opening_hours'],
        },
      },
    ];
    const text = 'What time does your Berlin store open?';
    expect(
      decideTurn({ system: '', turns: [{ role: 'user', text, toolCalls: [] }], toolResults: [] }, stores),
    ).toEqual({
      type: 'tool-call',
      toolName: 'findStores',
      input: { city: 'Berlin' },
    });
  });
});
