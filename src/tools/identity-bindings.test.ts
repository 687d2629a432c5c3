import { describe, expect, it } from 'vitest';
import { defineTool, jsonBody } from '../executor/test-support/define-tool.js';
import {
  applyBoundInputs,
  type CustomerIdentity,
  hideBoundInputs,
  listBindableInputs,
  readClaim,
  resolveBindings,
} from './identity-bindings.js';
import { shapeOf } from './ranking/rankable-tool.js';

const listOrders = defineTool({
  name: 'listMyOrders',
  method: 'get',
  path: '/customers/{customerId}/orders',
  parameters: [
    { name: 'customerId', in: 'path' },
    { name: 'status', in: 'query' },
    { name: 'X-Customer-Email', in: 'header' },
  ],
});

const customer: CustomerIdentity = {
  sub: '1',
  email: 'alex@example.com',
  claims: { sub: '1', email: 'alex@example.com', tier: 'gold', age: 41, nested: { id: 3 } },
};

describe('identity bindings', () => {
  it('lists parameters and JSON body properties as bindable, with what the API requires', () => {
    const createReturn = defineTool({
      name: 'createReturn',
      method: 'post',
      path: '/returns',
      requestBody: jsonBody({ orderNumber: { type: 'string' }, customerId: { type: 'string' } }, true),
    });
    createReturn.inputSchema.required = ['orderNumber'];
    expect(listBindableInputs(createReturn)).toEqual([
      { in: 'body', name: 'orderNumber', inputName: 'orderNumber', required: true },
      { in: 'body', name: 'customerId', inputName: 'customerId', required: false },
    ]);
    const wrapped = defineTool({
      name: 'replace',
      method: 'put',
      path: '/profile',
      requestBody: {
        contentType: 'application/json',
        required: true,
        mode: 'wrapped',
        inputName: 'body',
        schema: { type: 'object', properties: { owner: { type: 'string' } }, required: ['owner'] },
      },
    });
    expect(listBindableInputs(wrapped)).toEqual([
      { in: 'body', name: 'owner', inputName: 'body', property: 'owner', required: true },
    ]);
  });

  it('resolves bindings (headers in any case) and says which ones no longer fit the operation', () => {
    const resolved = resolveBindings(
      listOrders,
      [
        { in: 'path', name: 'customerId', claim: 'sub' },
        { in: 'query', name: 'customer', claim: 'sub' },
      ],
      [{ name: 'x-customer-email', claim: 'email' }],
    );
    expect(resolved.inputs).toEqual([
      { in: 'path', name: 'customerId', inputName: 'customerId', required: true, claim: 'sub' },
      {
        in: 'header',
        name: 'X-Customer-Email',
        inputName: 'X-Customer-Email',
        required: false,
        claim: 'email',
      },
    ]);
    expect(resolved.problems).toEqual([
      'query customer is bound to the "sub" claim, but listMyOrders has no such input any more',
    ]);
  });

  it('hides bound inputs from the schema the model sees, required list included', () => {
    const { inputs } = resolveBindings(listOrders, [{ in: 'path', name: 'customerId', claim: 'sub' }]);
    const hidden = hideBoundInputs(listOrders, inputs);
    expect(Object.keys(hidden.inputSchema.properties as object)).toEqual(['status', 'X-Customer-Email']);
    expect(hidden.inputSchema.required).toBeUndefined();
    expect(listOrders.inputSchema.required).toEqual(['customerId']);
    expect(hideBoundInputs(listOrders, [])).toBe(listOrders);
    // The ranking still learns that the operation takes them.
    expect(Object.keys(hidden.boundInputs ?? {})).toEqual(['customerId']);
    expect(shapeOf(hidden).boundInputs).toEqual(hidden.boundInputs);
  });

  it('sets bound inputs from the customer whatever the model sent, and drops them for a visitor', () => {
    const { inputs } = resolveBindings(listOrders, [{ in: 'path', name: 'customerId', claim: 'sub' }]);
    const forCustomer = applyBoundInputs({ customerId: '2', status: 'open' }, inputs, customer);
    expect(forCustomer.args).toEqual({ customerId: '1', status: 'open' });
    expect(forCustomer.applied.map((input) => input.name)).toEqual(['customerId']);
    expect(forCustomer.missing).toEqual([]);
    const anonymous = applyBoundInputs({ customerId: '2' }, inputs, null);
    expect(anonymous.args).toEqual({});
    expect(anonymous.missing.map((input) => input.name)).toEqual(['customerId']);
  });

  it('sets a property inside a wrapped body without touching the rest of it', () => {
    const wrapped = defineTool({
      name: 'replace',
      method: 'put',
      path: '/profile',
      requestBody: {
        contentType: 'application/json',
        required: true,
        mode: 'wrapped',
        inputName: 'body',
        schema: {
          type: 'object',
          properties: { owner: { type: 'string' }, note: { type: 'string' } },
          required: ['owner'],
        },
      },
    });
    const { inputs } = resolveBindings(wrapped, [{ in: 'body', name: 'owner', claim: 'email' }]);
    expect(hideBoundInputs(wrapped, inputs).inputSchema.properties).toEqual({
      body: { type: 'object', properties: { note: { type: 'string' } } },
    });
    expect(applyBoundInputs({ body: { owner: 'x', note: 'hi' } }, inputs, customer).args).toEqual({
      body: { owner: 'alex@example.com', note: 'hi' },
    });
  });

  it('reads only claims a parameter can carry', () => {
    expect(readClaim(customer, 'sub')).toBe('1');
    expect(readClaim(customer, 'tier')).toBe('gold');
    expect(readClaim(customer, 'age')).toBe(41);
    expect(readClaim(customer, 'nested')).toBeUndefined();
    expect(readClaim(customer, 'missing')).toBeUndefined();
    expect(readClaim(null, 'sub')).toBeUndefined();
  });
});
