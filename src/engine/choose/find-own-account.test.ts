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

  it('takes an id that scopes every operation (an account SID) for no one record of the customer', () => {
    const AccountSid = { type: 'string', pattern: '^AC[0-9a-fA-F]{32}$' };
    const account = [
      operation('FetchAccount', ['get', '/2010-04-01/Accounts/{AccountSid}.json'], 'Fetch the account', {
        AccountSid,
      }),
      operation(
        'ListIncomingPhoneNumber',
        ['get', '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json'],
        'Retrieve a list of incoming-phone-number resources',
        { AccountSid, PhoneNumber: { type: 'string' } },
        { responseFields: ['phone_number', 'friendly_name', 'sms_url', 'voice_url'] },
      ),
      operation(
        'CreateCall',
        ['post', '/2010-04-01/Accounts/{AccountSid}/Calls.json'],
        'Create a new outgoing call',
        { AccountSid, To: { type: 'string' }, From: { type: 'string' } },
        { bodyInputs: ['To', 'From'] },
      ),
    ];
    const prompt = "The signed-in customer's Account SID is AC4fde7db4f1dc31ac584408924382bf4e.";
    const howTo = "How do I point incoming texts to my webhook in the console? I can't find the setting";
    expect(decideMessage(howTo, account, prompt)).toMatchObject({ type: 'text' });
  });
});
