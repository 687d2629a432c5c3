import { describe, expect, it } from 'vitest';
import { decideMessage, operation } from '../test-support/operation.js';

/** A helpdesk's people and tickets, as Zendesk Support keeps them. */
const helpdesk = [
  operation(
    'getUser',
    ['get', '/users/{user_id}'],
    'Show user',
    { user_id: { type: 'integer' } },
    { responseFields: ['id', 'name', 'email', 'phone', 'locale'] },
  ),
  operation(
    'updateUser',
    ['put', '/users/{user_id}'],
    'Update user',
    {
      user_id: { type: 'integer' },
      email: { type: 'string', format: 'email' },
      phone: { type: 'string' },
      name: { type: 'string' },
    },
    { bodyInputs: ['email', 'phone', 'name'] },
  ),
  operation(
    'searchUsers',
    ['get', '/users/search'],
    'Search users',
    { query: { type: 'string' } },
    { responseFields: ['id', 'name', 'email'] },
  ),
  operation(
    'getTicket',
    ['get', '/tickets/{ticket_id}'],
    'Show ticket',
    { ticket_id: { type: 'integer' } },
    { responseFields: ['id', 'subject', 'status', 'requester_id'] },
  ),
  operation(
    'updateTicket',
    ['put', '/tickets/{ticket_id}'],
    'Update ticket',
    { ticket_id: { type: 'integer' }, status: { type: 'string' }, comment: { type: 'string' } },
    { bodyInputs: ['status', 'comment'] },
  ),
];
const signedIn =
  "You are the support agent of Kettle & Co. The signed-in customer's Zendesk user id is 3948571.";

describe('findOwnAccount', () => {
  it("reads and changes the signed-in customer's own record by the id the prompt gives", () => {
    expect(
      decideMessage('which email address do you have on file for me?', helpdesk, signedIn),
    ).toMatchObject({
      type: 'tool-call',
      toolName: 'getUser',
      input: { user_id: 3948571 },
    });
    expect(
      decideMessage('can you add my phone number +46 70 123 45 67 to my profile please', helpdesk, signedIn),
    ).toMatchObject({ type: 'tool-call', toolName: 'updateUser', input: { user_id: 3948571 } });
  });

  it('takes no id from a prompt that signs no one in, nor for a record the person only has', () => {
    const unsigned = 'You are the support agent of Kettle & Co. Example user ids look like 3948571.';
    expect(
      decideMessage('which email address do you have on file for me?', helpdesk, unsigned),
    ).not.toMatchObject({
      type: 'tool-call',
      input: { user_id: 3948571 },
    });
    // A change that gives nothing to set is no change to make.
    expect(decideMessage('please change my email address', helpdesk, signedIn)).not.toMatchObject({
      type: 'tool-call',
      toolName: 'updateUser',
    });
    // A ticket is a record of its own: the person's record answers nothing about it.
    expect(decideMessage('is there any news on my ticket?', helpdesk, signedIn)).not.toMatchObject({
      toolName: 'getUser',
    });
  });
});
