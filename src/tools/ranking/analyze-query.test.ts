import { beforeAll, describe, expect, it } from 'vitest';
import { loadStoreTools } from '../test-support/load-catalogs.js';
import { analyzeQuery } from './analyze-query.js';
import { type CatalogIndex, indexCatalog } from './index-catalog.js';
import { toRankableTool } from './rankable-tool.js';
import { loadRankingModel } from './ranking-model.js';

/** A catalog of one operation, its path parameters required. */
const catalogOf = (
  name: string,
  method: 'get' | 'post',
  path: string,
  description: string,
  properties: Record<string, unknown> = {},
) =>
  indexCatalog(
    [
      {
        name,
        description,
        inputSchema: { type: 'object', required: Object.keys(properties), properties },
        operation: { method, path, operationId: name },
      },
    ],
    loadRankingModel(),
  );

/** A catalog that creates records of `noun` (`POST /{noun}s`) and reads one (`GET /{noun}s/{id}`). */
const createsAndReads = (noun: string) => {
  const tool = (name: string, method: 'get' | 'post', path: string) => ({
    name,
    description: name,
    inputSchema: { type: 'object' },
    operation: { method, path, operationId: name },
  });
  return indexCatalog(
    [tool(`create_${noun}`, 'post', `/${noun}s`), tool(`get_${noun}`, 'get', `/${noun}s/{id}`)],
    loadRankingModel(),
  );
};

describe('analyzeQuery', () => {
  let index: CatalogIndex;
  beforeAll(async () => {
    index = indexCatalog((await loadStoreTools()).map(toRankableTool), loadRankingModel());
  });

  it('finds ids with the noun in front of each', () => {
    const query = analyzeQuery('What is the status of order #10234 and invoice INV-2026-001?', index);
    expect(query.ids).toEqual([
      { text: '#10234', noun: 'order', prefix: undefined },
      { text: 'INV-2026-001', noun: 'invoic', prefix: 'inv-' },
    ]);
  });

  it("reads an id in a link's path as its segment's record, and a date's digits as none", () => {
    const ids = (message: string) => analyzeQuery(message, index).ids;
    expect(ids("where's my order? the link in the email ends in /orders/5479021837")).toMatchObject([
      { text: '5479021837', noun: 'order' },
    ]);
    expect(ids('the jacket at shop.example/products/8012345678901 - what is it made of?')).toMatchObject([
      { text: '8012345678901', noun: 'product' },
    ]);
    expect(ids('I ordered it on 12/03/2024')).toEqual([]);
    // Nor is the year of a date written in words, whatever stands between the month and it.
    for (const message of [
      'list every refund since 1 May 2024',
      'Disputes opened between March 1 and March 15, 2024?',
      'bank summary for May 2024 pls',
      'what came in since June 1st 2024?',
    ])
      expect(ids(message)).toEqual([]);
    expect(ids('order 2024 arrived in May')).toMatchObject([{ text: '2024', noun: 'order' }]);
  });

  it('reads "UUID" between a noun and its id as naming the id ("component UUID AB1010CD")', () => {
    const query = analyzeQuery('the analysis for project SUPERFANCY with component UUID AB1010CD', index);
    expect(query.ids.find((id) => id.text === 'AB1010CD')?.noun).toBe('compon');
  });

  it('reads a word before a colon as the label of a value, not a verb ("email: …", not "email me")', () => {
    const labelled = analyzeQuery('am I still subscribed? email: gail.r@comcast.net', index);
    expect(labelled.asks).toBeUndefined();
    expect(labelled.terms.find((term) => term.stem === 'email')?.verb).toBeUndefined();
    expect(analyzeQuery('Email: me@x.com. Cancel order 5521', index).asks).toBe('cancel');
  });

  it('reads the verb after "used to" as no request ("the email I used to sign up")', () => {
    const query = analyzeQuery('i forgot which email i used to cancel my order, it was 55210', index);
    expect(query.asks).toBeUndefined();
    expect(query.action).toBeUndefined();
    expect(analyzeQuery('i need to cancel my order 55210', index).asks).toBe('cancel');
  });

  it('reads a word before "number" and an id as naming the id\'s kind, never as a verb', () => {
    const query = analyzeQuery('what cards do you keep for me? customer number VA-CUST-55120', index);
    expect(query.action).toBeUndefined();
    expect(query.ids).toMatchObject([{ text: 'VA-CUST-55120', noun: 'custom' }]);
  });

  it("reads the word before a record's noun and its id as naming the record, never as a verb", () => {
    const cards = indexCatalog(
      [
        {
          name: 'RetrieveGiftCard',
          description: 'Retrieves a gift card by its id.',
          inputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          operation: { method: 'get', path: '/v2/gift-cards/{id}', operationId: 'RetrieveGiftCard' },
        },
        {
          name: 'giftCardActivate',
          description: 'Activates a gift card.',
          inputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
          operation: {
            method: 'post',
            path: '/v2/gift-cards/{id}/activate',
            operationId: 'giftCardActivate',
          },
        },
      ],
      loadRankingModel(),
    );
    // "gift" opens the corpus's operation names as a verb that mostly writes.
    expect(
      analyzeQuery('gift card 7783320098765432 — can u check the balance pls', cards).action,
    ).toBeUndefined();
  });

  it("reads a clipped noun before an id as the one record it begins ('sub id …' is a subscription's)", () => {
    const subscriptions = catalogOf(
      'ResumeSubscription',
      'post',
      '/v2/subscriptions/{subscription_id}/resume',
      'Resumes a paused subscription.',
      {
        subscription_id: { type: 'string' },
      },
    );
    expect(analyzeQuery('please turn it back on, sub id 9b2e7c44-1d3a', subscriptions).ids).toMatchObject([
      { text: '9b2e7c44-1d3a', noun: 'subscript' },
    ]);
  });

  it('reads a quantity written with its unit as one word as no id', () => {
    const ids = (message: string) => analyzeQuery(message, index).ids.map((id) => id.text);
    expect(ids('you charged me twice for the 2TB plan, order 5521')).toEqual(['5521']);
    expect(ids('the 500ml bottle from order 5521 leaked')).toEqual(['5521']);
    // A code that only starts like a quantity is still one ("2TBX9").
    expect(ids('where is 2TBX9?')).toEqual(['2TBX9']);
    // Nor is a number beside a count of things ("14 days or 30").
    expect(ids('What are your standard payment terms — 14 days or 30?')).toEqual([]);
    expect(ids('it took 2 to 3 weeks, order 5521')).toEqual(['5521']);
    // Nor is a count before a superlative and its plural ("my 5 most recent orders").
    expect(ids('just show me my 5 most recent orders pls')).toEqual([]);
    expect(ids('the 3 latest invoices please')).toEqual([]);
  });

  it('reads a wish with the deed after its object as a request for that deed', () => {
    const action = (message: string) => analyzeQuery(message, index).action;
    expect(action('I want my account and all my data removed, GDPR request')).toMatchObject({
      word: 'remove',
      rest: 'my account and all my data',
    });
    expect(action("I'd like this order cancelled please")).toMatchObject({
      word: 'cancel',
      rest: 'this order',
    });
    expect(action('I want the mugs added')).toMatchObject({ word: 'add', stem: 'add' });
    // What happened, asked about, asks for nothing done.
    expect(action('I want to know when it was shipped')).toBeUndefined();
    expect(action('my order was cancelled')).toBeUndefined();
  });

  it('reads the verb after an adverb between the asker and it ("can I still change my order?")', () => {
    const action = (message: string) => analyzeQuery(message, index).action?.word;
    expect(action('Hi, can I still change my order?')).toBe('change');
    expect(action('could you really cancel it?')).toBe('cancel');
    // An adverb after anything else tells a state: "my ticket is still open" opens nothing.
    expect(action('my ticket is still open')).toBeUndefined();
  });

  it('marks a word that only follows a determiner or a possessive as naming a thing', () => {
    const named = (message: string, stem: string) =>
      analyzeQuery(message, index).terms.find((term) => term.stem === stem)?.named;
    expect(named("my files won't sync since Tuesday's update", 'updat')).toBe(true);
    expect(named('is there any update on order 12345?', 'updat')).toBe(true);
    expect(named('please update my order 12345', 'updat')).toBeUndefined();
  });

  it('reads "how many" as asking for a count, where the catalog counts', () => {
    const counting = catalogOf('countOrders', 'get', '/orders/count', 'Count orders');
    const stems = (message: string, catalog: CatalogIndex) =>
      analyzeQuery(message, catalog).terms.map((term) => term.stem);
    expect(stems('how many orders have I placed?', counting)).toContain('count');
    // A catalog that counts nothing gets no such word.
    expect(stems('how many orders have I placed?', index)).not.toContain('count');
  });

  it('joins a verb with "and" only to a verb shortly before it', () => {
    const action = (message: string) => analyzeQuery(message, index).action?.word;
    expect(
      action(
        'find the person on twitter who tweets about psychology related to behaviour and group dynamics',
      ),
    ).toBe(undefined);
    expect(analyzeQuery('please cancel my order and refund me', index).writes).toBeGreaterThan(0.5);
  });

  it('reads a path word that ends a path as its action as a verb asked for', () => {
    const reboot = catalogOf('rebootInstance', 'post', '/instances/{id}/reboot', 'Reboot an instance', {
      id: { type: 'integer' },
    });
    expect(analyzeQuery('my server is unresponsive, can you reboot it?', reboot).unknownVerb).toBe(true);
    // A path word that only names a resource stays a noun.
    expect(analyzeQuery('can you instances?', reboot).unknownVerb).toBe(false);
  });

  it('reads a postcode as a value, not an id', () => {
    expect(analyzeQuery('any thai places that deliver to SE15 4QN?', index).ids).toEqual([]);
    expect(analyzeQuery('order 12345 goes to K1A 0B1', index).ids.map((id) => id.text)).toEqual(['12345']);
  });

  it('reads an amount in a currency its country names as a value, not an id', () => {
    for (const text of [
      'How many Canadian dollars do I get for 500 US dollars?',
      'is 20000 Japanese Yen enough?',
    ])
      expect(analyzeQuery(text, index).ids, text).toEqual([]);
    expect(analyzeQuery('order 12345 Berlin', index).ids.map((id) => id.text)).toEqual(['12345']);
    // Nor is a length of time written as one token.
    expect(analyzeQuery('I changed it 48h ago and waited 30min', index).ids).toEqual([]);
    expect(analyzeQuery('I cancelled within the 14-day trial, a 2-year plan', index).ids).toEqual([]);
  });

  it("reads no request in someone else's wish, in a question of what may be done, or in an hour", () => {
    const action = (message: string) => analyzeQuery(message, index).action?.word;
    expect(action('show me order 12345, marketing wants to send reminders')).toBeUndefined();
    expect(action('which order can I cancel?')).toBeUndefined();
    expect(action('I want to cancel order 12345')).toBe('cancel');
    // A subject where a verb could stand asks for nothing by itself.
    expect(action('customer says order 12345 was charged twice, can you look it up?')).toBeUndefined();
    expect(action('refund is what I want for order 12345')).toBeUndefined();
    // What the customer will do later asks nothing now.
    expect(action("we'll delete order 12345 next week")).toBeUndefined();
    expect(
      analyzeQuery("is order 12345 ready? they said it'd be done by 11", index).ids.map((id) => id.text),
    ).toEqual(['12345']);
  });

  it('reads "can you" after a comma as a request, not a question', () => {
    expect(analyzeQuery('this is blocking my team, can you escalate it?', index).question).toBe(false);
    expect(analyzeQuery('this is blocking my team. is it escalated?', index).question).toBe(true);
    // Asking to be told is a question.
    expect(analyzeQuery('Could you tell me what invoice 2024-0042 is for?', index).question).toBe(true);
    expect(analyzeQuery('can you let me know when order 12345 ships', index).question).toBe(true);
    // As is asking that what the business holds be confirmed or checked; confirming a thing is no question.
    expect(analyzeQuery('Can you confirm which shipping address is on order 22-1065?', index).question).toBe(
      true,
    );
    expect(analyzeQuery('could you check whether order 12345 shipped', index).question).toBe(true);
    expect(analyzeQuery('can you confirm my order 12345', index).question).toBe(false);
    // A question before a sentence that tells is one too.
    const asked =
      'hey, quick one - how much credit is left on my account? dont want my campaign to stop halfway';
    expect(analyzeQuery(asked, index).question).toBe(true);
  });

  it('takes no verb, nor a word before the noun phrase, for the noun of an id', () => {
    const noun = (message: string) => analyzeQuery(message, index).ids[0]?.noun;
    // The phrase starts at "the": "apply" names no record.
    expect(noun('can you apply the code SUMMER20 to my cart?')).toBe('');
    expect(noun('Cancel 77120 right away please')).toBe('');
    // A record of the catalog stays one where a verb could go.
    expect(noun('Order 90210 never came')).toBe('order');
    expect(noun('please check my order 90210')).toBe('order');
    // The noun of an id word a few words back ("the product id on the page is …"), not the page.
    expect(noun('The product id on the page is 9924732112')).toBe('product');
    expect(noun('The product id you gave me last time was 9924732112')).toBe('product');
    expect(noun('my order number in the email is 90210')).toBe('order');
  });

  it('reads a code in capitals as an id where an id input shows codes of its length', () => {
    const reference = (noun: string, code: string, description: string) => ({
      name: `get${noun}`,
      description: `Reference data of a ${noun}.`,
      inputSchema: {
        type: 'object',
        required: [code],
        properties: { [code]: { type: 'string', description } },
      },
      operation: {
        method: 'get' as const,
        path: `/references/${noun}s/{${code}}`,
        operationId: `get${noun}`,
      },
    });
    const airports = indexCatalog(
      [
        reference('airport', 'airportCode', '3-letter IATA airport code'),
        reference('country', 'countryCode', '2-letter ISO 3166-1 country code'),
      ],
      loadRankingModel(),
    );
    expect(analyzeQuery('what airport is BER? is that the new Berlin one?', airports).ids).toMatchObject([
      { text: 'BER' },
    ]);
    // Two capitals that open a sentence are a word.
    expect(analyzeQuery('OK. And is US served too?', airports).ids).toMatchObject([{ text: 'US' }]);
    // A shouted message has no codes, and a catalog that shows none reads none.
    expect(analyzeQuery('WHERE IS BER', airports).ids).toEqual([]);
    expect(analyzeQuery('what airport is BER?', index).ids).toEqual([]);
  });

  it('reads an id with a prefix set off by a colon whole ("inv:0-ChCH…")', () => {
    expect(analyzeQuery('is invoice inv:0-ChCHu2mZEabLee paid?', index).ids).toEqual([
      { text: 'inv:0-ChCHu2mZEabLee', noun: 'invoic', prefix: 'inv:' },
    ]);
    expect(analyzeQuery('can we meet at 10:30?', index).ids).toEqual([]);
  });

  it('reads a word the catalog does not know, opening a sentence before an id, as a command', () => {
    const reopen = analyzeQuery('reopen 50002 please, the dropouts came back', index);
    expect(reopen.unknownVerb).toBe(true);
    expect(reopen.ids).toMatchObject([{ text: '50002', noun: '' }]);
    // A noun the catalog knows labels the id there.
    expect(analyzeQuery('Order 50002 please', index).ids).toMatchObject([{ noun: 'order' }]);
  });

  it('reads "on file" as kept, naming no file', () => {
    const terms = analyzeQuery('What email address do you have on file for me?', index).terms;
    expect(terms.map((term) => term.stem)).not.toContain('file');
    expect(analyzeQuery('attach the file to order 5521', index).terms.map((term) => term.stem)).toContain(
      'file',
    );
  });

  it("reads no id in a product's name, nor in a payment card's details", () => {
    expect(analyzeQuery('do you have the Osprey Atmos 65 backpack in stock?', index).ids).toEqual([]);
    // Nor in a model's code after its maker's or its range's name.
    expect(analyzeQuery('Do you have any more of the Sony Walkman WM-10 in stock?', index).ids).toEqual([]);
    expect(analyzeQuery('Can you relist the Pioneer PL-12D turntable at $180?', index).ids).toEqual([]);
    // "Id" labels the code after it.
    expect(analyzeQuery('the building with building Id B1004', index).ids).toMatchObject([{ text: 'B1004' }]);
    // A noun the catalog knows still labels its number.
    expect(analyzeQuery('and what about Order 65?', index).ids).toMatchObject([
      { text: '65', noun: 'order' },
    ]);
    const card = 'update my card to 4242 4242 4242 4242 exp 12/27 cvc 123, order 5521';
    expect(analyzeQuery(card, index).ids.map((id) => id.text)).toEqual(['5521']);
    expect(analyzeQuery('my card number is 4242424242424242', index).ids).toEqual([]);
    // A long number that fails the card check is an id ("ticket 4242 4242 4242 4241").
    expect(analyzeQuery('reference 4242 4242 4242 4241 please', index).ids).toHaveLength(1);
  });

  it('reads an id whole, however many letters come before its first digit', () => {
    expect(analyzeQuery('list the invoices for customer cus_NffrFeUfNV2Hib', index).ids).toEqual([
      { text: 'cus_NffrFeUfNV2Hib', noun: 'custom', prefix: 'cus_' },
    ]);
  });

  it("gives an id without a noun of its own the noun of the id the agent's last question asked for", () => {
    const context = 'where is my order?\nI can check that. What is your order number?';
    expect(analyzeQuery("it's 66120", index, context).ids).toEqual([
      { text: '66120', noun: 'order', prefix: undefined, answers: true },
    ]);
    // The request before the answer, on its own line, lends its last word no id.
    expect(analyzeQuery("my parcel hasn't arrived\n1077", index, context).ids[0].noun).toBe('order');
    // An id with its own noun keeps it, and an earlier message's question lends nothing.
    expect(analyzeQuery('invoice 5521', index, context).ids[0].noun).toBe('invoic');
    expect(analyzeQuery("it's 66120", index, `${context}\nAnything else?`).ids[0].noun).toBe('');
    // An id the agent tells, beside a question for something else, is asked for by no one.
    const told = 'I found your account (customer id 4127). What can I do for you?';
    expect(analyzeQuery('where is 66120?', index, told).ids[0].noun).toBe('');
  });

  it('reads no change in a past tense, nor in a resource the catalog has named before its number', () => {
    expect(analyzeQuery('I opened a ticket last week and nobody answered', index).writes).toBe(0);
    expect(analyzeQuery('order 1043 has not been delivered and it is been two weeks', index).writes).toBe(0);
    // Nor before an id with a prefix ("in_1PKq…" splits into words of its own).
    expect(
      analyzeQuery("Invoice in_1PKq9ZGswQZk2x1F still says 'open'. Can you check?", index).writes,
    ).toBeLessThan(0.5);
    // Nor after "please" before an id whose prefix abbreviates it; a verb there still asks.
    expect(
      analyzeQuery('list my invoices please, customer cus_NffrFeUfNV2Hib', index).action,
    ).toBeUndefined();
    expect(analyzeQuery('please cancel sub_1MowQVLkdIwHu7ix', index).action?.word).toBe('cancel');
    // A verb before a number that names no resource of the catalog still asks for its change, and so
    // does a record's noun before an amount, which is no id.
    expect(analyzeQuery('add 4 and 5 to my cart', index).writes).toBeGreaterThan(0.5);
    expect(analyzeQuery('order $40 worth of gift cards please', index).action?.word).toBe('order');
  });

  it('reads a verb that opens a later sentence as the request, and a noun before "number is" as none', () => {
    const moving = analyzeQuery(
      "I'm moving abroad next week and can't receive anything anymore. Cancel order 5521 right away please.",
      index,
    );
    expect(moving.action?.word).toBe('cancel');
    expect(analyzeQuery('When will my package arrive? Order number is 556677.', index).writes).toBe(0);
    expect(analyzeQuery('Order number is 556677, where is it?', index).writes).toBe(0);
    // Nor a noun before a past tense: "Checkout just errored" tells, "please refund returned items" asks.
    expect(analyzeQuery('Checkout just errored again. Did my payment go through?', index).writes).toBe(0);
    expect(analyzeQuery('please cancel shipped order 5521', index).action?.word).toBe('cancel');
  });

  it('reads a wish that a record hold another value as a request to change it', () => {
    expect(
      analyzeQuery('wrong phone on order 5521, it should be 07700 900123', index).writes,
    ).toBeGreaterThan(0.5);
    // A wish with no value is a complaint.
    expect(analyzeQuery('my order 5521 should be here by now', index).writes).toBeLessThan(0.5);
    // Nor is one whose number is no value of the record ("by Dec 5").
    expect(analyzeQuery('my order 5521 should be here by Dec 5, where is it?', index).writes).toBeLessThan(
      0.5,
    );
    const tickets = catalogOf('updateTicket', 'post', '/tickets/{id}', 'Update a ticket', {
      id: { type: 'integer' },
      priority: { type: 'string', enum: ['low', 'normal', 'urgent'] },
    });
    expect(
      analyzeQuery('Ticket 51402 needs to be urgent, payroll runs tomorrow', tickets).writes,
    ).toBeGreaterThan(0.5);
    expect(analyzeQuery('Ticket 51402 needs to be looked at', tickets).writes).toBeLessThan(0.5);
  });

  it('reads no change in a verb after "did I" or "didn\'t you": it tells what happened', () => {
    expect(analyzeQuery('Order 55512. What did I order again?', index).action).toBeUndefined();
    expect(analyzeQuery("why didn't you cancel my order?", index).writes).toBe(0);
    expect(analyzeQuery('please cancel my order', index).action?.word).toBe('cancel');
  });

  it('reads no change in a deed supposed by a condition, and a polite "if you could" as a request', () => {
    for (const text of [
      'Do you give refunds if we cancel halfway through the year?',
      'what happens to my points when I cancel my order?',
      'unless I decide to cancel the order, when does it ship?',
    ])
      expect(analyzeQuery(text, index).writes, text).toBe(0);
    expect(analyzeQuery('if you could cancel my order that would be great', index).action?.word).toBe(
      'cancel',
    );
  });

  it('reads no change in a question about how a thing is done', () => {
    expect(analyzeQuery('how do I cancel my order?', index).writes).toBe(0);
    expect(analyzeQuery('how to cancel an order', index).action).toBeUndefined();
    // Asked to be done, it is a change.
    expect(analyzeQuery('can you cancel my order?', index).writes).toBeGreaterThan(0.5);
  });

  it('tells a message that only asks how a thing is done from one that also asks for a deed', () => {
    expect(analyzeQuery('how do I cancel my order?', index).asksHow).toBe(true);
    expect(analyzeQuery('how to cancel an order', index).asksHow).toBe(true);
    expect(analyzeQuery('can you cancel my order?', index).asksHow).toBe(false);
    // A deed asked for beside the how-to question is still asked for.
    expect(analyzeQuery('how do I cancel? please cancel order 55512', index).asksHow).toBe(false);
  });

  it('reads the noun of a record the catalog creates, where a verb goes, as asking for one', () => {
    // The store creates returns (POST /returns); APIs name that "createReturn", so the verb table
    // does not know "return".
    const query = analyzeQuery('I want to return order 55512 because it is too small', index);
    expect(query.writes).toBe(1);
    // Never a change to decline: the catalog makes it.
    expect(query.action).toBeUndefined();
    // The noun as a noun asks for nothing.
    expect(analyzeQuery('my return for order 55512 has not arrived', index).writes).toBe(0);
  });

  it('reads a verb with the prefix of doing again as the verb, where the catalog has the verb', () => {
    const query = analyzeQuery('please resend the items', index);
    expect(query.terms.map((term) => term.stem)).toContain('send');
    expect(query.writes).toBeGreaterThan(0.5);
  });

  it('takes a long number written in groups for one id, and a size or a paper format for none', () => {
    expect(analyzeQuery('can you pull up order 831 2345 6789?', index).ids).toEqual([
      { text: '831 2345 6789', noun: 'order', prefix: undefined },
    ]);
    // A phone number stays one value.
    expect(analyzeQuery('my phone is +1 415 555 0101', index).ids).toEqual([]);
    expect(analyzeQuery('how do I print labels in 4x6 instead of A4?', index).ids).toEqual([]);
  });

  it('reads a verb the verb table lacks, where a request puts its verb, as asking for something done', () => {
    expect(analyzeQuery('you can close ticket 41002, it works again', index).unknownVerb).toBe(true);
    expect(analyzeQuery('please bump my order to express', index).unknownVerb).toBe(true);
    // A verb the table knows, a noun of the catalog, or no request: no unknown verb.
    expect(analyzeQuery('please cancel my order', index).unknownVerb).toBe(false);
    expect(analyzeQuery('can you order 2 more?', index).unknownVerb).toBe(false);
    expect(analyzeQuery('the strap broke after a week', index).unknownVerb).toBe(false);
    // Handing the customer what exists reads: "give me the", "tell me my", unlike "give me a".
    expect(analyzeQuery('can you give me the tracking number for order 10871?', index).unknownVerb).toBe(
      false,
    );
    expect(analyzeQuery('please tell me my balance', index).unknownVerb).toBe(false);
    expect(analyzeQuery('can you give me a discount?', index).unknownVerb).toBe(true);
  });

  it('takes a short number before a plural for a count, unless a noun names it', () => {
    expect(analyzeQuery('your checkout is so slow, it took me 5 tries', index).ids).toEqual([]);
    expect(analyzeQuery('order 12 looks wrong', index).ids.map((id) => id.text)).toEqual(['12']);
  });

  it('takes a generated id of letters alone, and no number that counts what follows it, for ids', () => {
    const query = analyzeQuery(
      'wher is my ordr?? PyATxhYLfsMqpVkcKJITPydgEYfZY been waiting 40 min for 2 flat whites',
      index,
    );
    expect(query.ids.map((id) => id.text)).toEqual(['PyATxhYLfsMqpVkcKJITPydgEYfZY']);
    // A long name in CamelCase is no id.
    expect(analyzeQuery('is JavaScriptDeveloperGuide in stock?', index).ids).toEqual([]);
  });

  it('reads the first verb that asks for a deed, past a verb that tells what was done', () => {
    const refunds = createsAndReads('refund');
    const query = analyzeQuery('I paid for two bags but only one arrived. Can you refund $18.50?', refunds);
    expect(query.asks).toBe('refund');
    expect(analyzeQuery('I paid for two bags last week', refunds).asks).toBeUndefined();
    // A refund's noun before an id whose prefix names another record (a payment intent's) is the verb.
    expect(analyzeQuery('please refund pi_3PBc8hLkdIwHu7ix1mN4oP2q', refunds).asks).toBe('refund');
  });

  it('reads the record wished for as one to make, unless the wish is denied', () => {
    const refunds = createsAndReads('refund');
    expect(analyzeQuery('I want a refund. now.', refunds).newRecord).toBe('refund');
    expect(analyzeQuery("we'd like another refund for the second box", refunds).newRecord).toBe('refund');
    expect(analyzeQuery("I don't want a refund, just the right size", refunds).newRecord).toBeUndefined();
    expect(analyzeQuery('I want the refund I was promised', refunds).newRecord).toBeUndefined();
    // The record's noun comes before any function word: "a note to ticket 4411" asks for no ticket.
    const tickets = createsAndReads('ticket');
    expect(analyzeQuery('please add a note to ticket 4411 that I called', tickets).newRecord).toBeUndefined();
    expect(analyzeQuery('please add a new support ticket', tickets).newRecord).toBe('ticket');
  });

  it('asks for no deed where the customer asks whether a deed of their own is needed', () => {
    const orders = catalogOf('cancel_order', 'post', '/orders/{id}/cancel', 'Cancel an order', {
      id: { type: 'string' },
    });
    expect(
      analyzeQuery('did the new one go through or do I need to cancel the old one?', orders).asks,
    ).toBeUndefined();
    expect(analyzeQuery('should we cancel it first?', orders).asks).toBeUndefined();
    expect(analyzeQuery('I need to cancel my order', orders).asks).toBe('cancel');
  });

  it("reads a created record's noun before an id as its label, after 'to' too", () => {
    const tickets = createsAndReads('ticket');
    expect(analyzeQuery('Did anyone reply to ticket 77120 yet?', tickets).writes).toBe(0);
    expect(analyzeQuery('I want to ticket this problem', tickets).writes).toBe(1);
  });

  it("reads a record's noun before its id as its label after a 'to' no wish opens, or a word naming the id", () => {
    expect(analyzeQuery('Did my coupon actually get applied to order 10777?', index).action).toBeUndefined();
    expect(analyzeQuery("Order ID: 10593. Can you tell me what's in it?", index).action).toBeUndefined();
    expect(analyzeQuery('I want to order 12 more of SKU-1042', index).action?.word).toBe('order');
  });

  it('takes no group of a phone number for an id', () => {
    const query = analyzeQuery('how many points do I have? my phone is +1 415 555 0101, order 5521', index);
    expect(query.ids.map((id) => id.text)).toEqual(['5521']);
    expect(query.values.phones).toBe(1);
  });

  it('takes codes in capitals as ids, and not amounts, dates or times', () => {
    expect(analyzeQuery('I booked JEPRZB by mistake', index).ids.map((id) => id.text)).toEqual(['JEPRZB']);
    expect(analyzeQuery('a tent under $80 for 2024-05-20 at 10:30', index).ids).toEqual([]);
    expect(analyzeQuery('any flights on May 20 or the 3rd of june?', index).ids).toEqual([]);
    expect(analyzeQuery('delivered 14 Feb, order 5521', index).ids.map((id) => id.text)).toEqual(['5521']);
    // A number between an article and its noun describes the noun.
    expect(
      analyzeQuery('the export gives me a 500 error on order 5521', index).ids.map((id) => id.text),
    ).toEqual(['5521']);
  });

  it('takes the value after a word that names an id input on its own as an id', () => {
    const tools = [
      {
        name: 'getUserByName',
        description: 'Get a user by user name',
        inputSchema: {
          type: 'object',
          properties: { username: { type: 'string' } },
          required: ['username'],
        },
        operation: { method: 'get' as const, path: '/user/{username}', operationId: 'getUserByName' },
      },
    ];
    const users = indexCatalog(tools, loadRankingModel());
    for (const text of [
      'can you look up the account for username jdoe?',
      'my username is jdoe',
      'username: jdoe',
    ])
      expect(analyzeQuery(text, users).ids).toEqual([{ text: 'jdoe', noun: 'usernam', prefix: undefined }]);
    // A word the catalog knows is no value, and a word that names no id input labels nothing.
    expect(analyzeQuery('username user', users).ids).toEqual([]);
    // An English word right after the label makes a compound with it; set off, it is the value.
    expect(analyzeQuery('what is your username policy?', users).ids).toEqual([]);
    expect(analyzeQuery('my username is policy', users).ids.map((id) => id.text)).toEqual(['policy']);
    expect(analyzeQuery('my nickname jdoe', users).ids).toEqual([]);
    // A state after "is" is no value ("the username is signed in").
    expect(analyzeQuery('the username is signed in', users).ids).toEqual([]);
    // Chat's shorthand after the label is no value.
    for (const text of ['delete my username pls', 'check username asap'])
      expect(analyzeQuery(text, users).ids).toEqual([]);
    // The store's id inputs are all named `...Id` or `sku`: no bare word labels a value there.
    expect(analyzeQuery('order pizza', index).ids).toEqual([]);
    // A nullable string id input labels its value too.
    const nullable = [
      {
        ...tools[0],
        inputSchema: { ...tools[0].inputSchema, properties: { username: { type: ['string', 'null'] } } },
      },
    ];
    expect(analyzeQuery('username jdoe', indexCatalog(nullable, loadRankingModel())).ids).toHaveLength(1);
  });

  it('reads words shouted in capitals as words, not codes', () => {
    const query = analyzeQuery("This is the THIRD time I'm asking. ORDER 9914. WHERE IS IT???", index);
    expect(query.ids).toEqual([{ text: '9914', noun: 'order', prefix: undefined }]);
    expect(query.terms.map((term) => term.stem)).toContain('order');
  });

  it('reads two words the catalog writes as one as that word', () => {
    const flight = (name: string) => ({ name, description: '', inputSchema: { type: 'object' } });
    const flights = indexCatalog(
      [flight('search_onestop_flight'), flight('search_direct_flight')],
      loadRankingModel(),
    );
    const stems = analyzeQuery('show me one-stop options', flights).terms.map((term) => term.stem);
    expect(stems).toContain('onestop');
    // Neither part is a word of the catalog's own.
    expect(stems).not.toContain('one');
    expect(stems).not.toContain('stop');
  });

  it('drops the tails of contractions ("I\'ve", "whats")', () => {
    const stems = analyzeQuery("I've been waiting, whats going on with my order?", index).terms.map(
      (term) => term.stem,
    );
    expect(stems).not.toContain('ve');
    expect(stems).not.toContain('what');
  });

  it("reads an id's noun in its own clause only", () => {
    const ids = (text: string) => analyzeQuery(text, index).ids.map(({ text, noun }) => ({ text, noun }));
    expect(ids('a charge on my PayPal, ID 0VF52814937998046')).toEqual([
      { text: '0VF52814937998046', noun: '' },
    ]);
    expect(ids('about order no. 4410')).toEqual([{ text: '4410', noun: 'order' }]);
    // "key" names an id as "id" does, as inputs named `organizerKey` are read.
    expect(ids('the order key is 4410')).toEqual([{ text: '4410', noun: 'order' }]);
  });

  it('reads a host name as an id only where an id input takes a domain', () => {
    const customers = (description: string) =>
      catalogOf('getCustomer', 'get', '/customers/{customerId}', 'Get a customer', {
        customerId: { type: 'string', description },
      });
    const text = 'what email do you have for rosa-baeckerei.de? mail me at jo@example.com';
    const byDomain = customers(
      "Either the customer's primary domain name or the customer's unique identifier.",
    );
    expect(analyzeQuery(text, byDomain).ids.map((id) => id.text)).toEqual(['rosa-baeckerei.de']);
    expect(analyzeQuery(text, customers('The id of the customer.')).ids).toEqual([]);
  });

  it("corrects a misspelt word to the catalog's own word", () => {
    const query = analyzeQuery('wher is my ordr', index);
    expect(query.terms).toContainEqual(
      expect.objectContaining({ stem: 'order', word: 'order', weight: 0.7 }),
    );
    // An English word is no misspelling, whatever catalog word is one edit away ("last", "list").
    expect(analyzeQuery('what did I buy last time', index).terms).toContainEqual(
      expect.objectContaining({ stem: 'last', word: 'last', weight: 1 }),
    );
    // A rare English word next to a far more common catalog word is its misspelling ("oder").
    expect(analyzeQuery('wheres my oder 12345', index).terms).toContainEqual(
      expect.objectContaining({ stem: 'order', word: 'order', weight: 0.7 }),
    );
    // A plural is as English as its singular: "spas" is no misspelling of a time span.
    const spans = catalogOf('getSpan', 'get', '/spans', 'Get the time span of a schedule');
    expect(analyzeQuery('where are your spas?', spans).terms).toContainEqual(
      expect.objectContaining({ stem: 'spas', word: 'spas', weight: 1 }),
    );
  });

  it('corrects a misspelt verb to the one real APIs use, and reads it as that verb', () => {
    // The store catalog cancels nothing; "cancle" is still a request to cancel.
    expect(analyzeQuery('please cancle my order 12345', index).action).toMatchObject({
      word: 'cancel',
      stem: 'cancel',
    });
    // "ordeed" is "ordered": it tells what happened and asks for no change.
    expect(analyzeQuery("it's order 40127, I ordeed last friday", index).action).toBeUndefined();
  });

  it('marks a noun that only ever stands before another it describes', () => {
    const terms = analyzeQuery('show me the order history of my account', index).terms;
    expect(terms.find((term) => term.stem === 'order')?.modifies).toBe(true);
    expect(terms.find((term) => term.stem === 'account')?.modifies).toBeUndefined();
  });

  it('tells a question from a request to change something', () => {
    expect(analyzeQuery('Where is my order?', index)).toMatchObject({ question: true });
    const cancel = analyzeQuery('Please cancel my order 77120', index);
    expect(cancel.question).toBe(false);
    expect(cancel.writes).toBeGreaterThan(0.5);
    expect(cancel.action).toEqual({ word: 'cancel', stem: 'cancel', rest: 'my order 77120' });
  });

  it('reads a word after "and" as a verb only when a verb came before it', () => {
    // "tax" names writes in most of the corpus's ids, but here it is a noun of a list.
    const total = analyzeQuery('How much is my total including shipping and tax?', index);
    expect(total.writes).toBeLessThan(0.5);
    expect(total.action).toBeUndefined();
    expect(analyzeQuery('please check order 77120 and cancel it', index).action?.word).toBe('cancel');
  });

  it('takes a verb in the past tense for what happened, not for a request', () => {
    expect(analyzeQuery("it's order 40127, I ordered last friday", index).action).toBeUndefined();
    // An irregular past tells what happened too.
    expect(analyzeQuery('A text we sent never arrived. Order 40127. Why?', index).action).toBeUndefined();
    expect(analyzeQuery('I cancelled it yesterday but was still charged', index).action).toBeUndefined();
    expect(analyzeQuery('I want to update my address', index).action?.word).toBe('update');
    // A word before an id labels it: "Order 90210" is no request to order.
    expect(
      analyzeQuery("Order 90210 - the shoes are too small, I'd like a refund", index).action,
    ).toBeUndefined();
    // After "to" or "please" it is the verb, even where the word names a record too ("order").
    expect(analyzeQuery('I want to order 12 more of SKU-1042', index).action?.word).toBe('order');
  });

  it('reads a verb whose past participle a change may set as a state as asking for that change', () => {
    const status = (values: string[]) => ({ type: 'string', enum: values });
    const catalog = indexCatalog(
      [
        {
          name: 'updateMember',
          description: 'Update a list member.',
          inputSchema: {
            type: 'object',
            properties: { member_id: { type: 'string' }, status: status(['subscribed', 'unsubscribed']) },
            required: ['member_id'],
          },
          operation: { method: 'patch' as const, path: '/members/{member_id}', operationId: 'updateMember' },
        },
        {
          name: 'updateTicket',
          description: 'Update a ticket.',
          inputSchema: {
            type: 'object',
            properties: { ticket_id: { type: 'integer' }, status: status(['open', 'solved']) },
            required: ['ticket_id'],
          },
          operation: { method: 'put' as const, path: '/tickets/{ticket_id}', operationId: 'updateTicket' },
        },
      ],
      loadRankingModel(),
    );
    expect(analyzeQuery('please unsubscribe me', catalog)).toMatchObject({
      action: { word: 'unsubscribe' },
      writes: 1,
    });
    // A state that is the word itself ("open") names no deed of its own.
    expect(analyzeQuery('please open a ticket', catalog).action?.stem).not.toBe('open');
  });
});
