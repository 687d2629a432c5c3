import { describe, expect, it } from 'vitest';
import type { EngineTool } from '../catalog/engine-tool.js';
import { decideMessage } from '../test-support/operation.js';

const TENANT = '4b7e2d19-6c3a-4f8e-9a1d-5e0c7b2f8a64';
const tenant = { type: 'string', description: 'Xero identifier for Tenant' };
const uuid = (description: string) => ({
  type: 'string',
  format: 'uuid',
  example: '00000000-0000-0000-0000-000000000000',
  description,
});
const ids = (description: string) => ({ type: 'array', items: { type: 'string' }, description });

/** An accounting API as Xero's: ids are UUIDs, invoice numbers a filter of the list, a tenant header on every call. */
const tool = (
  name: string,
  [method, path]: ['get' | 'post', string],
  description: string,
  properties: Record<string, unknown>,
  required: string[],
): EngineTool => ({
  name,
  description,
  inputSchema: {
    type: 'object',
    required: ['xero-tenant-id', ...required],
    properties: { 'xero-tenant-id': tenant, ...properties },
  },
  operation: { method, path, operationId: name, headerInputs: ['xero-tenant-id'] },
});
const accounting = [
  tool(
    'getInvoice',
    ['get', '/Invoices/{InvoiceID}'],
    'Retrieves a specific sales invoice or purchase bill using a unique invoice Id',
    { InvoiceID: uuid('Unique identifier for an Invoice') },
    ['InvoiceID'],
  ),
  tool(
    'getInvoices',
    ['get', '/Invoices'],
    'Retrieves sales invoices or purchase bills',
    {
      InvoiceNumbers: ids('Filter by a comma-separated list of InvoiceNumbers'),
      ContactIDs: ids('Filter by a comma-separated list of ContactIDs'),
      Statuses: ids('Filter by a comma-separated list of Statuses'),
      page: { type: 'integer' },
    },
    [],
  ),
  tool(
    'updateInvoice',
    ['post', '/Invoices/{InvoiceID}'],
    'Updates a specific sales invoices or purchase bills',
    { InvoiceID: uuid('Unique identifier for an Invoice') },
    ['InvoiceID'],
  ),
  tool(
    'getContact',
    ['get', '/Contacts/{ContactID}'],
    'Retrieves a specific contacts in a Xero organisation using a unique contact Id',
    { ContactID: uuid('Unique identifier for a Contact') },
    ['ContactID'],
  ),
  tool(
    'getContacts',
    ['get', '/Contacts'],
    'Retrieves all contacts in a Xero organisation',
    { IDs: ids('Filter by a comma-separated list of ContactIDs') },
    [],
  ),
  tool(
    'getPayments',
    ['get', '/Payments'],
    'Retrieves payments for invoices and credit notes',
    { page: { type: 'integer' } },
    [],
  ),
];
const system = `You answer the customers of Harbour Cafe Supplies. Our Xero tenant id is ${TENANT}.`;
const decide = (text: string) => decideMessage(text, accounting, system);

describe('operations that stand in for the first-ranked one', () => {
  it('reads a record by the number its customers know where its id input is a UUID that number cannot be', () => {
    expect(decide('Can you check if invoice INV-0457 has been paid?')).toMatchObject({
      type: 'tool-call',
      toolName: 'getInvoices',
      input: { InvoiceNumbers: ['INV-0457'], 'xero-tenant-id': TENANT },
    });
    // A UUID is the invoice's own id.
    expect(decide('what is invoice 3f8c2a9e-5d1b-4c7a-9e2f-6b0d8a4c1e57 for?')).toMatchObject({
      type: 'tool-call',
      toolName: 'getInvoice',
      input: { InvoiceID: '3f8c2a9e-5d1b-4c7a-9e2f-6b0d8a4c1e57' },
    });
  });

  it("asks which record of the customer's is meant rather than listing every one the business has", () => {
    // The tenant id the prompt gives is the business's setting, nothing the customer filtered by.
    expect(decide('when is my invoice due?')).toMatchObject({ type: 'text' });
  });
});
