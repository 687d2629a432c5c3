import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { decideMessage, operation } from '../test-support/operation.js';

/** Refunds as Stripe has them: created for a charge or a payment intent, both optional in the schema. */
const refunds = [
  operation(
    'PostRefunds',
    ['post', '/v1/refunds'],
    'Create a refund. You must specify a Charge or a PaymentIntent object on which to create it.',
    {
      charge: { type: 'string', description: 'The identifier of the charge to refund.' },
      payment_intent: { type: 'string', description: 'The identifier of the PaymentIntent to refund.' },
      amount: {
        type: 'integer',
        description: 'A positive integer in cents representing how much to refund.',
      },
    },
    { bodyInputs: ['charge', 'payment_intent', 'amount'] },
  ),
  operation('GetRefunds', ['get', '/v1/refunds'], 'List all refunds', {
    charge: {
      type: 'string',
      description: 'Only return refunds for the charge specified by this charge ID.',
    },
  }),
  operation('GetRefundsRefund', ['get', '/v1/refunds/{refund}'], 'Retrieve a refund', {
    refund: { type: 'string' },
  }),
  operation('GetChargesCharge', ['get', '/v1/charges/{charge}'], 'Retrieve a charge', {
    charge: { type: 'string' },
  }),
  operation('GetPaymentIntentsIntent', ['get', '/v1/payment_intents/{intent}'], 'Retrieve a PaymentIntent', {
    intent: { type: 'string' },
  }),
];
const decide = (text: string) => decideMessage(text, refunds);

describe('filling the chosen operation', () => {
  it('asks for the record a change acts on where the schema requires none and the customer gives none', () => {
    const asked = decide('I want a refund. now.');
    expect(asked).toMatchObject({ type: 'text' });
    expect((asked as { text: string }).text).toMatch(/charge/i);
    // A field named after a record (an integer `userStatus`) is no record the change acts on.
    const users: EngineTool[] = [
      {
        name: 'createUser',
        description: 'Create user.',
        inputSchema: {
          type: 'object',
          properties: {
            username: { type: 'string' },
            email: { type: 'string' },
            userStatus: { type: 'integer', description: 'User Status' },
          },
        },
        operation: {
          method: 'post',
          path: '/user',
          operationId: 'createUser',
          bodyInputs: ['username', 'email', 'userStatus'],
        },
      },
      {
        name: 'findPetsByStatus',
        description: 'Finds Pets by status.',
        inputSchema: { type: 'object', properties: { status: { type: 'string' } } },
        operation: { method: 'get', path: '/pet/findByStatus', operationId: 'findPetsByStatus' },
      },
      {
        name: 'getStatus',
        description: 'Get a status.',
        inputSchema: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] },
        operation: { method: 'get', path: '/statuses/{status}', operationId: 'getStatus' },
      },
    ];
    const text = "I'd like to create an account: username jlopez, email julia.lopez@example.com";
    expect(decideMessage(text, users)).toMatchObject({ type: 'tool-call', toolName: 'createUser' });
    expect(decide('I want a refund for payment pi_3PBc8hLkdIwHu7ix1mN4oP2q')).toMatchObject({
      type: 'tool-call',
      toolName: 'PostRefunds',
      input: { payment_intent: 'pi_3PBc8hLkdIwHu7ix1mN4oP2q' },
    });
  });

  it("carries the note the message words in a change's wrapped body instead of asking for the body", () => {
    const ticket = (update: boolean) => ({
      type: 'object',
      properties: {
        subject: { type: 'string' },
        comment: {
          type: 'object',
          description: update ? 'A new comment to add to the ticket.' : 'The first comment of the ticket.',
          properties: { body: { type: 'string' } },
        },
        status: { type: 'string', enum: ['new', 'open', 'pending', 'solved'] },
      },
    });
    const ticket_id = { type: 'integer', description: 'The ID of the ticket' };
    const tools: EngineTool[] = [
      {
        name: 'getTicket',
        description: 'Show ticket',
        inputSchema: { type: 'object', properties: { ticket_id }, required: ['ticket_id'] },
        operation: {
          method: 'get',
          path: '/tickets/{ticket_id}',
          operationId: 'getTicket',
          responseFields: ['ticket', 'comment'],
        },
      },
      {
        name: 'updateTicket',
        description: 'Update ticket',
        inputSchema: {
          type: 'object',
          properties: { ticket_id, ticket: ticket(true) },
          required: ['ticket_id', 'ticket'],
        },
        operation: {
          method: 'put',
          path: '/tickets/{ticket_id}',
          operationId: 'updateTicket',
          bodyInputs: ['ticket'],
        },
      },
    ];
    const text = 'Please add to my ticket 23990 that the app also crashes on Android';
    expect(decideMessage(text, tools)).toEqual({
      type: 'tool-call',
      toolName: 'updateTicket',
      input: { ticket_id: 23990, ticket: { comment: { body: 'the app also crashes on Android' } } },
    });
  });

  it("takes a domain name for a record's id where the path names it, never a plain word", () => {
    const customerId = {
      type: 'string',
      description: "Either the customer's primary domain name or the customer's unique identifier.",
    };
    const tools = [
      operation(
        'deleteSubscription',
        ['delete', '/customers/{customerId}/subscriptions/{subscriptionId}'],
        'Cancel, suspend, or transfer a subscription to direct.',
        { customerId, subscriptionId: { type: 'string', description: 'The subscription identifier.' } },
      ),
    ];
    expect(decideMessage('Cancel subscription 6610293847 on oldbrand-shop.com please', tools)).toEqual({
      type: 'tool-call',
      toolName: 'deleteSubscription',
      input: { customerId: 'oldbrand-shop.com', subscriptionId: '6610293847' },
    });
    const asked = decideMessage('Cancel subscription 6610293847 on behalf of everyone please', tools);
    expect(asked).toMatchObject({ type: 'text' });
  });
});
