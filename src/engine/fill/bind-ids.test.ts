import { describe, expect, it } from 'vitest';
import { indexCatalogCached, rankCatalog } from '../../tools/index.js';
import { listParameters } from '../catalog/list-parameters.js';
import { bindIds } from './bind-ids.js';

/** Xero's invoices: listed by their numbers (`InvoiceNumbers`), read one by one by a UUID. */
const invoices = {
  name: 'getInvoices',
  description: 'Retrieves sales invoices or purchase bills',
  inputSchema: {
    type: 'object',
    properties: {
      InvoiceNumbers: { type: 'array', items: { type: 'string' }, description: 'Filter by InvoiceNumbers' },
      ContactIDs: { type: 'array', items: { type: 'string' }, description: 'Filter by ContactIDs' },
    },
  },
  operation: { method: 'get' as const, path: '/Invoices', operationId: 'getInvoices' },
};

describe('bindIds', () => {
  it('gives a list of ids the ids its noun names, or whose prefix abbreviates its record', () => {
    const tools = [invoices];
    const index = indexCatalogCached(tools, { source: tools });
    const [entry] = index.tools;
    const parameters = listParameters(invoices.inputSchema);
    const bind = (text: string) =>
      bindIds({ entry, parameters, query: rankCatalog({ index, message: text }).query, text }).input;
    expect(bind('can you check invoice INV-0457 and invoice INV-0458?')).toEqual({
      InvoiceNumbers: ['INV-0457', 'INV-0458'],
    });
    expect(bind("what's the balance left on INV-0512?")).toEqual({ InvoiceNumbers: ['INV-0512'] });
    // A prefix that names no invoice binds nothing.
    expect(bind('what about PO-0512?')).toEqual({});
  });
});
