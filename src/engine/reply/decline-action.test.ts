import { describe, expect, it } from 'vitest';
import { declineAction } from './decline-action.js';

describe('declineAction', () => {
  it('names the object of the request in the plural, without its id or a clause after it', () => {
    expect(declineAction({ word: 'resend', rest: 'invoice INV-0932? It never arrived' })).toContain(
      "can't resend invoices from here",
    );
    expect(declineAction({ word: 'cancel', rest: 'that one before it goes through' })).toContain(
      "can't do that from here",
    );
    expect(declineAction({ word: 'add', rest: 'one more checked bag' })).toContain("can't add checked bags");
    expect(declineAction({ word: 'cancel', rest: 'something I bought yesterday' })).toContain(
      "can't do that from here",
    );
  });
});
